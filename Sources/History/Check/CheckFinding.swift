import Disclosure

/// The consistency rules the engine applies across facts and documents; the raw value is the
/// stable rule id users filter on (`history check --rule`).
public enum ConsistencyRule: String, Hashable, Sendable, CaseIterable {
    /// One document states two different deltas for what its own figures say is one change
    /// (收、支总计 −220.84 and 收入合计 −220.83, both against 479.44).
    case statedChangesDisagree = "stated-changes-disagree"
    /// A later document's stated change implies a figure that the earlier year's own document
    /// states differently (2024 says 2023 was 2,882.33; the 2023 决算 says otherwise).
    case statedChangeVsDocument = "stated-change-vs-document"
    /// A stated percent change that the stated delta and this year's figure do not give.
    case statedPercentVsDelta = "stated-percent-vs-delta"
    /// A figure stated in a sentence and in a 公开表 with different values.
    case narrativeVsTable = "narrative-vs-table"
    /// The same figure in two 公开表 with different values (04表 against 01表).
    case tablesDisagree = "tables-disagree"
    /// 财政拨款收入 (04表) larger than all income (01表): impossible.
    case appropriationExceedsIncome = "appropriation-exceeds-income"
    /// The most specific items do not add up to the stated expense total.
    case itemsVsTotal = "items-vs-total"
    /// 决算大于/小于预算 wording that the budget and actual figures contradict.
    case varianceWording = "variance-wording"
    /// Sender and receiver of a transfer state different values.
    case transferSidesDisagree = "transfer-sides-disagree"

    /// The parser warning that reports the same thing within one document, if any: an engine
    /// finding is dropped when the parser already warned on the same lines.
    var parserCounterpart: WarningRule? {
        switch self {
        case .statedChangesDisagree: .conflictingValues
        case .statedPercentVsDelta: .percentMismatch
        case .narrativeVsTable: .narrativeTableMismatch
        case .itemsVsTotal: .sumMismatch
        case .varianceWording: .directionMismatch
        case .statedChangeVsDocument, .tablesDisagree, .appropriationExceedsIncome, .transferSidesDisagree: nil
        }
    }
}

/// Which rule produced a finding: one the parser applied inside a document, or the engine's.
public enum CheckRule: Hashable, Sendable {
    case parser(WarningRule)
    case engine(ConsistencyRule)

    /// The stable id: the WarningRule or ConsistencyRule raw value (they never collide).
    public var id: String {
        switch self {
        case .parser(let rule): rule.rawValue
        case .engine(let rule): rule.rawValue
        }
    }
}

/// A place in a document a finding points at.
public struct Citation: Hashable, Sendable {
    public var document: String
    public var documentYear: Int
    public var firstLine: Int
    public var lastLine: Int
    public var text: String

    public init(document: String, documentYear: Int, firstLine: Int, lastLine: Int, text: String) {
        self.document = document
        self.documentYear = documentYear
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.text = text
    }

    init(_ evidence: Evidence) {
        self.init(document: evidence.document, documentYear: evidence.documentYear,
                  firstLine: evidence.firstLine, lastLine: evidence.lastLine, text: evidence.text)
    }
}

/// One disagreement `history check` reports: the rule, where, and the values that disagree.
public struct CheckFinding: Hashable, Sendable {
    public var rule: CheckRule
    public var unit: UnitID
    public var unitName: String
    /// The year the disagreeing figure belongs to.
    public var year: Int
    public var message: String
    /// The values that disagree, in the order of `citations` where each has one.
    public var values: [Amount]
    public var citations: [Citation]

    /// Content hashes of the documents involved, in citation order.
    public var documents: [String] {
        var hashes: [String] = []
        for citation in citations where !hashes.contains(citation.document) { hashes.append(citation.document) }
        return hashes
    }
}
