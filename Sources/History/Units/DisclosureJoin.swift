import Disclosure

/// One disclosure published in several files (a narrative and its tables), seen as one: the
/// file whose identity stands, the files joined to it, and why.
public struct JoinedDisclosure: Hashable, Sendable {
    /// The narrative's content hash: its title names the unit as the unit names itself.
    public var primary: String
    /// The files joined to it (tables published apart), in filing order.
    public var parts: [String]
    public var year: Int
    public var title: String
    /// The evidence, one sentence each: same unit, same year and kind, what each file holds,
    /// totals that agree.
    public var reasons: [String]
}

/// Which files of a unit are one disclosure: a pure rule over document cards.
///
/// Files join when they are all the unit's files of one year, kind (决算/预算) and scope
/// (部门/单位), exactly one of them has a narrative and no table, every other has tables and
/// no narrative, and no total the narrative states differs from the same total in the tables
/// (a total they both state and agree on is the strongest evidence). Anything else — two
/// narratives, a file with both, totals that disagree — is left as separate filings, the
/// latest counting, as before.
public enum DisclosureJoin {
    public static func joins(_ cards: [DocumentCard]) -> [JoinedDisclosure] {
        var slots: [Slot: [DocumentCard]] = [:]
        for card in cards where card.identity.year != 0 { slots[Slot(card.identity), default: []].append(card) }
        return slots.values.compactMap(join).sorted { ($0.year, $0.title) < ($1.year, $1.title) }
    }

    /// The documents of one unit a view counts, as timelines do: per year and kind the latest
    /// filing of the 部门 disclosure (of the 单位 one when there is no 部门 one), all files of it
    /// when it was published in several.
    public static func counted(_ cards: [DocumentCard]) -> Set<String> {
        var slots: [Slot: [DocumentCard]] = [:]
        for card in cards { slots[Slot(card.identity), default: []].append(card) }
        var counted: Set<String> = []
        for (slot, filed) in slots {
            if slot.scope == .unit, slots[Slot(year: slot.year, kind: slot.kind, scope: .department)] != nil { continue }
            if slot.year != 0, let join = join(filed) {
                counted.insert(join.primary)
                counted.formUnion(join.parts)
            } else if let latest = filed.max(by: { $0.sequence < $1.sequence }) {
                counted.insert(latest.contentHash)
            }
        }
        return counted
    }

    /// The documents a view reads for `cards`' unit: joined disclosures as one document (the
    /// narrative's with the tables' facts), other files as they are.
    public static func apply(_ joins: [JoinedDisclosure], to documents: [FiledDocument]) -> [FiledDocument] {
        guard !joins.isEmpty else { return documents }
        let byHash = Dictionary(documents.map { ($0.contentHash, $0) }, uniquingKeysWith: { first, _ in first })
        var absorbed: Set<String> = []
        var result: [FiledDocument] = []
        for join in joins {
            guard let primary = byHash[join.primary] else { continue }
            let parts = join.parts.compactMap { byHash[$0] }
            guard parts.count == join.parts.count else { continue }
            var whole = primary.joining(parts)
            whole.sequence = ([primary] + parts).map(\.sequence).max()!
            result.append(whole)
            absorbed.insert(join.primary)
            absorbed.formUnion(join.parts)
        }
        return result + documents.filter { !absorbed.contains($0.contentHash) }
    }

    private struct Slot: Hashable {
        var year: Int
        var kind: DisclosureKind
        var scope: DisclosureScope

        init(_ identity: DocumentIdentity) {
            (year, kind, scope) = (identity.year, identity.kind, identity.scope)
        }

        init(year: Int, kind: DisclosureKind, scope: DisclosureScope) {
            (self.year, self.kind, self.scope) = (year, kind, scope)
        }
    }

    private static func join(_ cards: [DocumentCard]) -> JoinedDisclosure? {
        guard cards.count > 1 else { return nil }
        let narratives = cards.filter { $0.contents.narrativeFacts > 0 && $0.contents.tableFacts == 0 }
        let tables = cards.filter { $0.contents.tableFacts > 0 && $0.contents.narrativeFacts == 0 }.sorted { $0.sequence < $1.sequence }
        guard narratives.count == 1, tables.count == cards.count - 1 else { return nil }
        let narrative = narratives[0]
        var agreeing: [String] = []
        for part in tables {
            for (key, stated) in narrative.contents.statedTotals.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                guard let printed = part.contents.tableTotals[key] else { continue }
                guard printed.agrees(with: stated) else { return nil }
                agreeing.append("the narrative states \(key.rawValue) \(stated.amount)"
                                + (printed.measure == stated.measure ? " and \(part.sourceName)'s tables print it"
                                   : " \(stated.measure.rawValue) and \(part.sourceName)'s tables print it as \(printed.amount) \(printed.measure.rawValue)"))
            }
        }
        let identity = narrative.identity
        var names: [String] = []
        for card in [narrative] + tables where !names.contains(card.identity.unit) { names.append(card.identity.unit) }
        var reasons = [
            names.count == 1 ? "same unit: every file names \(identity.unit)"
                : "same unit: the files name it \(names.joined(separator: " and ")), all \(UnitName(identity.unit).key) once compared",
            "same year and kind: each is the \(identity.year) \(identity.title)",
            "\(narrative.sourceName) has the narrative (\(narrative.contents.narrativeFacts) facts) and no table; "
                + tables.map { "\($0.sourceName) has tables (\($0.contents.tableFacts) facts) and no narrative" }.joined(separator: "; "),
        ]
        reasons += agreeing
        return JoinedDisclosure(primary: narrative.contentHash, parts: tables.map(\.contentHash), year: identity.year,
                                title: identity.title, reasons: reasons)
    }
}
