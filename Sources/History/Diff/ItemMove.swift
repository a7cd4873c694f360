import Disclosure

/// Something that left one unit and appeared in another between two years: a stated transfer,
/// a classification code that vanished from one unit's document and appeared in another's, or
/// both when they agree.
public struct ItemMove: Hashable, Sendable {
    public var year: Int
    public var from: UnitID
    public var fromName: String
    public var to: UnitID
    public var toName: String
    /// The transfer the documents state, when they state one.
    public var transfer: Transfer?
    /// The code that moved, when codes show the move.
    public var code: String?
    public var codeName: String?
    /// The code's amount in the sender's earlier year and in the receiver's later year.
    public var fromValue: Money?
    public var toValue: Money?

    /// Stated transfers of the years after `from` up to `to`, joined with codes that left one
    /// unit's document and appeared in another's.
    static func find(from: Int, to: Int, timelines: [UnitTimeline]) -> [ItemMove] {
        var moves: [ItemMove] = []
        var seen: Set<Transfer> = []
        for timeline in timelines {
            for year in timeline.years where year.year > from && year.year <= to {
                for transfer in year.transfersOut + year.transfersIn where seen.insert(transfer).inserted {
                    moves.append(ItemMove(year: transfer.year, from: transfer.from, fromName: transfer.fromName,
                                          to: transfer.to, toName: transfer.toName, transfer: transfer))
                }
            }
        }
        for codeMove in codeMoves(from: from, to: to, timelines: timelines) {
            if let index = moves.firstIndex(where: { $0.code == nil && $0.from == codeMove.from && $0.to == codeMove.to && agrees($0.transfer, codeMove) }) {
                moves[index].code = codeMove.code
                moves[index].codeName = codeMove.codeName
                moves[index].fromValue = codeMove.fromValue
                moves[index].toValue = codeMove.toValue
            } else {
                moves.append(codeMove)
            }
        }
        return moves.sorted { ($0.year, $0.fromName, $0.toName, $0.code ?? "") < ($1.year, $1.fromName, $1.toName, $1.code ?? "") }
    }

    private static func agrees(_ transfer: Transfer?, _ move: ItemMove) -> Bool {
        guard let transfer else { return false }
        if let value = transfer.value, value == move.fromValue || value == move.toValue { return true }
        guard let codeName = move.codeName else { return false }
        let a = UnitName(transfer.name).folded, b = UnitName(codeName).folded
        return a.contains(b) || b.contains(a) || sharesWord(a, b)
    }

    /// Two names share a run of at least four characters (医疗救助专项项目 / 城乡医疗救助).
    private static func sharesWord(_ a: String, _ b: String) -> Bool {
        let x = Array(a.unicodeScalars)
        guard x.count >= 4 else { return false }
        for start in 0...(x.count - 4) where b.contains(String(String.UnicodeScalarView(x[start..<start + 4]))) { return true }
        return false
    }

    /// A 项 code present in X's `from` document but not its `to` document, and present in Y's
    /// `to` document but not Y's `from` document (or Y had none).
    private static func codeMoves(from: Int, to: Int, timelines: [UnitTimeline]) -> [ItemMove] {
        var left: [(UnitTimeline, ItemFigure)] = []
        var appeared: [(UnitTimeline, ItemFigure)] = []
        for timeline in timelines {
            let a = timeline.year(from), b = timeline.year(to)
            let before = a?.document != nil ? a!.items.filter { $0.level == 7 } : []
            let after = b?.document != nil ? b!.items.filter { $0.level == 7 } : []
            if b?.document != nil {
                for item in before where after.first(where: { $0.code == item.code }) == nil { left.append((timeline, item)) }
            }
            for item in after where before.first(where: { $0.code == item.code }) == nil { appeared.append((timeline, item)) }
        }
        var moves: [ItemMove] = []
        for (sender, item) in left {
            let receivers = appeared.filter { $0.1.code == item.code && $0.0.unit != sender.unit }
            guard receivers.count == 1, let (receiver, arrived) = receivers.first else { continue }
            moves.append(ItemMove(year: to, from: sender.unit, fromName: sender.name, to: receiver.unit, toName: receiver.name,
                                  transfer: nil, code: item.code, codeName: arrived.name,
                                  fromValue: item.figure.value, toValue: arrived.figure.value))
        }
        return moves
    }
}
