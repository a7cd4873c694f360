import Disclosure

/// What changed between two years, unit by unit, and why: the model behind `history diff A B`.
///
/// Pure over timelines: pass the timelines of the units to compare (for one unit, that unit's
/// and those of the units it transfers to or from, `UnitDirectory.linkedUnits`), never the
/// whole store.
public struct YearDiff: Hashable, Sendable {
    public var from: Int
    public var to: Int
    public var kind: DisclosureKind
    /// Every unit with evidence for either year, ordered by name.
    public var units: [UnitDiff]
    /// Things that left one unit and appeared in another between the two years.
    public var moves: [ItemMove]

    public init(from: Int, to: Int, timelines: [UnitTimeline], only unit: UnitID? = nil) {
        self.from = from
        self.to = to
        self.kind = timelines.first?.kind ?? .finalAccount
        let compared = timelines.filter { timeline in
            [from, to].contains { year in
                guard let entry = timeline.year(year) else { return false }
                return entry.document != nil || !entry.totals.isEmpty
            } || timeline.years.contains { $0.year > from && $0.year <= to && !($0.transfersIn + $0.transfersOut).isEmpty }
        }
        self.units = compared.filter { unit == nil || $0.unit == unit }
            .map { UnitDiff(timeline: $0, from: from, to: to) }
            .sorted { $0.name < $1.name }
        let moves = ItemMove.find(from: from, to: to, timelines: compared)
        self.moves = unit.map { id in moves.filter { $0.from == id || $0.to == id } } ?? moves
    }

    public func unit(_ id: UnitID) -> UnitDiff? { units.first { $0.unit == id } }
}

/// One unit's change between two years.
public struct UnitDiff: Hashable, Sendable {
    public var unit: UnitID
    public var name: String
    public var fromDocument: DocumentRef?
    public var toDocument: DocumentRef?
    public var totals: [TotalChange]
    /// Item changes by classification code, largest |delta| first. Empty unless both years have
    /// a document of the unit (an implied total has no items).
    public var items: [ItemChange]
    /// Year-over-year reasons stated by the documents of the later years, and reasons for
    /// budget variances that name no item.
    public var reasons: [StatedReason]
    /// Transfers in or out during the years after `from` up to `to`.
    public var transfers: [Transfer]
    public var missingEvidence: [MissingEvidence]

    init(timeline: UnitTimeline, from: Int, to: Int) {
        unit = timeline.unit
        name = timeline.name
        let a = timeline.year(from), b = timeline.year(to)
        fromDocument = a?.document
        toDocument = b?.document
        let later = timeline.years.filter { $0.year > from && $0.year <= to }
        totals = UnitTimeline.totalKeys.compactMap { key in
            let before = a?.total(key), after = b?.total(key)
            if before == nil && after == nil { return nil }
            let stated = later.flatMap(\.statedChanges).filter { $0.of == key && $0.baseYear >= from && !$0.isBudgetVariance }
            return TotalChange(key: key, from: before, to: after, stated: stated)
        }
        if let a, let b, a.document != nil, b.document != nil {
            items = ItemChange.compare(a, b)
        } else {
            items = []
        }
        reasons = later.flatMap(\.reasons).filter {
            if case .budgetVariance(let code, _) = $0.subject { return code.isEmpty && $0.year == to }
            return true
        }
        transfers = later.flatMap { $0.transfersOut + $0.transfersIn }
        missingEvidence = MissingEvidence.find(timeline: timeline, from: from, to: to)
    }
}

/// A total of both years with the change between them and what the documents stated about it.
public struct TotalChange: Hashable, Sendable {
    public var key: FactKey
    public var from: Figure?
    public var to: Figure?
    /// Changes of this key stated by the later documents (these carry the unit's reasons).
    public var stated: [StatedChange]

    /// `to − from` of the preferred values, when both are known.
    public var delta: Money? {
        guard let from, let to else { return nil }
        return to.value - from.value
    }

    /// Percent change in hundredths of a percent (−18.63%), when both are known and from ≠ 0.
    public var percent: Amount? {
        guard let from, let to else { return nil }
        return to.value.percentChange(from: from.value)
    }
}

/// One classification code compared across the two years.
public struct ItemChange: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable {
        case changed, unchanged, added, removed
    }

    public var code: String
    /// The catalogue's current name (an earlier edition's name stays in `from.printedNames`).
    public var name: String
    public var from: ItemFigure?
    public var to: ItemFigure?

    public var status: Status {
        switch (from, to) {
        case (nil, _): .added
        case (_, nil): .removed
        case let (a?, b?): a.figure.sources[0].printed.agrees(with: b.figure.sources[0].printed) ? .unchanged : .changed
        }
    }

    public var delta: Money { (to?.figure.value ?? .zero) - (from?.figure.value ?? .zero) }
    public var percent: Amount? {
        guard let from, let to else { return nil }
        return to.figure.value.percentChange(from: from.figure.value)
    }
    /// Budget-variance reasons the unit gave for this item, in either year.
    public var reasons: [StatedReason] { [from?.varianceReason, to?.varianceReason].compactMap { $0 } }

    /// Codes at the deepest level both years report (项 when both have 项, else 款 or 类), ranked
    /// by |delta|; a code printed under an earlier edition's name compares by code.
    static func compare(_ a: TimelineYear, _ b: TimelineYear) -> [ItemChange] {
        let depth = min(a.items.map(\.level).max() ?? 0, b.items.map(\.level).max() ?? 0)
        var before: [String: ItemFigure] = [:], after: [String: ItemFigure] = [:]
        for item in a.items where item.level == depth { before[item.code] = item }
        for item in b.items where item.level == depth { after[item.code] = item }
        return Set(before.keys).union(after.keys).map { code in
            let x = before[code], y = after[code]
            return ItemChange(code: code, name: y?.name ?? x!.name, from: x, to: y)
        }
        .sorted { ($0.delta.magnitude, $1.code) > ($1.delta.magnitude, $0.code) }
    }
}

/// Evidence a diff lacks, and the document to import to complete it.
public struct MissingEvidence: Hashable, Sendable {
    public enum Need: String, Hashable, Sendable {
        /// The year's totals are implied; items need the year's own document.
        case itemComparison = "item-comparison"
        /// Nothing is known about the year at all.
        case totals
        /// The unit appears only as the other side of a transfer.
        case counterpartySide = "counterparty-side"
    }

    public var unit: UnitID
    public var unitName: String
    public var year: Int
    public var kind: DisclosureKind
    public var need: Need

    /// "import 武汉市武昌区医疗保障局's 2022 决算 to compare item by item".
    public var message: String {
        let what = "import \(unitName)'s \(year) \(kind.rawValue)"
        switch need {
        case .itemComparison: return "\(what) to compare item by item"
        case .totals: return "\(what) to know its totals"
        case .counterpartySide: return "\(what) to see its side of the transfer"
        }
    }

    static func find(timeline: UnitTimeline, from: Int, to: Int) -> [MissingEvidence] {
        let hasDocument = timeline.years.contains { $0.document != nil }
        return [from, to].compactMap { year in
            let entry = timeline.year(year)
            if entry?.document != nil { return nil }
            let need: Need
            if !hasDocument {
                guard entry != nil else { return nil }
                need = .counterpartySide
            } else if entry?.totals.isEmpty == false {
                need = .itemComparison
            } else {
                need = .totals
            }
            return MissingEvidence(unit: timeline.unit, unitName: timeline.name, year: year, kind: timeline.kind, need: need)
        }
    }
}
