import Disclosure

/// One unit across years: totals with their evidence, items by classification, the reasons the
/// unit gave, and transfers in and out.
///
/// Built from the documents concerning the unit only (`UnitDirectory.documentsConcerning`):
/// its own disclosures and those of units that name it in a transfer.
public struct UnitTimeline: Hashable, Sendable {
    public var unit: UnitID
    /// Canonical name (the latest document's title).
    public var name: String
    public var kind: DisclosureKind
    /// Ascending by year: every year with a document, an implied figure or a transfer.
    public var years: [TimelineYear]

    public func year(_ year: Int) -> TimelineYear? { years.first { $0.year == year } }
}

/// What a timeline knows about one year of a unit.
public struct TimelineYear: Hashable, Sendable {
    public var year: Int
    /// The unit's own disclosure of this year (the latest filed, when several were).
    public var document: DocumentRef?
    /// Earlier filings of the same unit, year and kind, superseded by `document`.
    public var supersededDocuments: [DocumentRef]
    /// grand.total, income.total, expense.total (those known), from the document or implied.
    public var totals: [Figure]
    /// Items by function classification code, ordered by code.
    public var items: [ItemFigure]
    /// Changes this year's document states against an earlier year.
    public var statedChanges: [StatedChange]
    /// The unit's own reasons, labelled by what they explain.
    public var reasons: [StatedReason]
    public var transfersOut: [Transfer]
    public var transfersIn: [Transfer]
    /// Implied values that disagree because the next year's document states two deltas.
    public var impliedDisagreements: [ImpliedDisagreement]

    public func total(_ key: FactKey) -> Figure? { totals.first { $0.key == key } }
    public func item(_ code: String) -> ItemFigure? { items.first { $0.code == code } }

    /// The most specific items (项 where the year has them, else 款, else 类), largest first.
    public var largestItems: [ItemFigure] {
        let deepest = items.map(\.code.utf8.count).max() ?? 0
        return items.filter { $0.code.utf8.count == deepest }
            .sorted { ($0.figure.value, $1.code) > ($1.figure.value, $0.code) }
    }
}

/// A document as timelines and diffs cite it.
public struct DocumentRef: Hashable, Sendable {
    public var contentHash: String
    public var sequence: UInt64
    public var sourceName: String
    public var printedUnit: String
    public var year: Int
    public var kind: DisclosureKind
    /// The other files of the same disclosure read with it (its tables published apart):
    /// content hash and file name of each.
    public var joined: [(contentHash: String, sourceName: String)] { joinedParts.map { ($0.hash, $0.name) } }
    private var joinedParts: [Part]

    private struct Part: Hashable, Sendable {
        var hash: String
        var name: String
    }

    public init(_ document: FiledDocument) {
        contentHash = document.contentHash
        sequence = document.sequence
        sourceName = document.sourceName
        printedUnit = document.identity.unit
        year = document.year
        kind = document.kind
        joinedParts = document.joined.map { Part(hash: $0.contentHash, name: $0.sourceName) }
    }

    /// The first 12 hex digits, enough to tell documents apart on a screen.
    public var shortHash: String { String(contentHash.prefix(12)) }
}

/// One function-classification item of a year.
public struct ItemFigure: Hashable, Sendable {
    public var code: String
    /// The catalogue's current name for the code, else the name as printed.
    public var name: String
    /// Every name the documents printed for the code this year.
    public var printedNames: [String]
    /// The amount spent (table 03/05 where present, else the narrative's 支出决算为).
    public var figure: Figure
    /// 年初预算为, when the narrative gives it.
    public var budget: Figure?
    /// The unit's reason for the gap between budget and actual, when it gives one.
    public var varianceReason: StatedReason?

    /// 类 (3 digits), 款 (5) or 项 (7).
    public var level: Int { code.utf8.count }
}

/// A change a document states against an earlier year ("与2022年度相比…减少220.84万元，下降31.5%").
public struct StatedChange: Hashable, Sendable {
    /// The key the change is about.
    public var of: FactKey
    public var year: Int
    public var baseYear: Int
    /// The change as money (printed in the statement's measure, usually 万元).
    public var delta: Money?
    public var pct: Amount?
    public var reason: String?
    /// What the change is measured against when that is not `of` in `baseYear`: the year's
    /// budget for "比年初预算数减少0.11万元" (`operating_cost.budget`), or last year's execution.
    public var base: FactKey?
    public var evidence: Evidence

    /// Whether the change is actual against budget ("比年初预算数减少…"), not against an
    /// earlier year: its reason then explains a budget variance, and it implies no earlier figure.
    public var isBudgetVariance: Bool {
        guard let base, base != of else { return false }
        switch base {
        case .budgetInitial, .functionBudget, .operatingCostBudget, .projectBudget,
             .threePublicBudgetTotal, .threePublicBudgetOutbound, .threePublicBudgetVehicle,
             .threePublicBudgetVehiclePurchase, .threePublicBudgetVehicleOperation, .threePublicBudgetReception:
            return true
        default:
            return false
        }
    }
}

/// A reason the unit gave, labelled by what it explains.
public struct StatedReason: Hashable, Sendable {
    public enum Subject: Hashable, Sendable {
        /// Why the keys changed against `baseYear` (a `change.stated` reason).
        case yearOverYear(keys: [FactKey], baseYear: Int)
        /// Why an item's actual spending differs from its budget this year (`reason.variance`).
        case budgetVariance(code: String, name: String)
    }

    public var subject: Subject
    public var year: Int
    public var text: String
    /// Every place the reason is stated (documents repeat it once per section).
    public var evidence: [Evidence]

    /// "year-over-year" or "budget-variance": what the reason explains, for labels and JSON.
    public var label: String {
        switch subject {
        case .yearOverYear: "year-over-year"
        case .budgetVariance: "budget-variance"
        }
    }
}

/// Something that moved from one unit to another (a function, a project) in a year.
public struct Transfer: Hashable, Sendable {
    /// Which side's document states it.
    public enum Side: String, Hashable, Sendable { case sender, receiver }

    public var year: Int
    /// What moved, as printed (医疗救助专项项目).
    public var name: String
    public var from: UnitID
    public var fromName: String
    public var to: UnitID
    public var toName: String
    /// The value stated (the first side's, when both sides state one).
    public var value: Money?
    /// A different value stated by the other side: a disagreement `history check` reports.
    public var otherValues: [Money]
    public var statedBy: [Side]
    public var evidence: [Evidence]
}

/// Two values implied for one year because the next document states two different deltas for
/// what its own figures say is the same total (220.84 and 220.83 against 479.44).
public struct ImpliedDisagreement: Hashable, Sendable {
    public struct Reading: Hashable, Sendable {
        public var value: Money
        public var keys: [FactKey]
        public var delta: Money?
        public var evidence: [Evidence]
    }

    public var year: Int
    public var statedIn: DocumentRef
    public var readings: [Reading]
}
