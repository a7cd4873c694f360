import Disclosure

/// Transfers stated by documents, matched across the two sides.
///
/// A `transfer.out` in the sender's document and a `transfer.in` in the receiver's are one
/// transfer when year, units and either the name or the value agree; it then lists both sides
/// as evidence. A side whose unit has no document still gets the transfer.
enum TransferLedger {
    static func transfers(in documents: [FiledDocument], directory: UnitDirectory) -> [Transfer] {
        var stated: [Transfer] = []
        for document in documents {
            guard let own = directory.unit(ofDocument: document.contentHash) else { continue }
            let ownName = directory.record(own)?.name ?? document.identity.unit
            for fact in document.facts where fact.key == .transferOut || fact.key == .transferIn {
                guard let printed = fact.counterparty else { continue }
                let other = directory.counterparty(printed, inDocument: document.contentHash)
                    ?? UnitID(key: UnitName(printed).key)
                let otherName = directory.record(other)?.name ?? printed
                let outgoing = fact.key == .transferOut
                stated.append(Transfer(
                    year: fact.year, name: fact.name ?? "", from: outgoing ? own : other, fromName: outgoing ? ownName : otherName,
                    to: outgoing ? other : own, toName: outgoing ? otherName : ownName, value: fact.money, otherValues: [],
                    statedBy: [outgoing ? .sender : .receiver], evidence: [Evidence(document: document, fact: fact)]))
            }
        }
        return merge(stated)
    }

    private static func merge(_ stated: [Transfer]) -> [Transfer] {
        var merged: [Transfer] = []
        // Only transfers of one year between the same two units can be one: compare within those,
        // so a store's thousands of transfers are not each compared with every other.
        var byEnds: [Ends: [Int]] = [:]
        for transfer in stated {
            let ends = Ends(year: transfer.year, from: transfer.from, to: transfer.to)
            if let index = byEnds[ends]?.first(where: { sameTransfer(merged[$0], transfer) }) {
                for side in transfer.statedBy where !merged[index].statedBy.contains(side) { merged[index].statedBy.append(side) }
                for evidence in transfer.evidence where !merged[index].evidence.contains(evidence) { merged[index].evidence.append(evidence) }
                if merged[index].value == nil {
                    merged[index].value = transfer.value
                } else if let value = transfer.value, let first = merged[index].value,
                          !PrintedMoney(money: value, measure: transfer.evidence[0].measure)
                            .agrees(with: PrintedMoney(money: first, measure: merged[index].evidence[0].measure)),
                          !merged[index].otherValues.contains(value) {
                    merged[index].otherValues.append(value)
                }
            } else {
                byEnds[ends, default: []].append(merged.count)
                merged.append(transfer)
            }
        }
        return merged.sorted { ($0.year, $0.from.key, $0.to.key, $0.name) < ($1.year, $1.from.key, $1.to.key, $1.name) }
    }

    private struct Ends: Hashable {
        var year: Int
        var from: UnitID
        var to: UnitID
    }

    private static func sameTransfer(_ a: Transfer, _ b: Transfer) -> Bool {
        guard a.year == b.year, a.from == b.from, a.to == b.to else { return false }
        let x = UnitName(a.name).folded, y = UnitName(b.name).folded
        let namesAgree = !x.isEmpty && !y.isEmpty && (x == y || x.contains(y) || y.contains(x))
        let valuesAgree = a.value != nil && a.value == b.value
        return namesAgree || valuesAgree
    }
}
