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
    /// The items miss the total by no more than rounding each printed figure to 0.01 can explain
    /// (half a hundredth per item and total): worth knowing, not an error.
    case roundingGap = "rounding-gap"
    /// 决算大于/小于预算 wording that the budget and actual figures contradict.
    case varianceWording = "variance-wording"
    /// Sender and receiver of a transfer state different values.
    case transferSidesDisagree = "transfer-sides-disagree"
    /// A narrative item's 类/款/项 path names a level otherwise than the table that prints the
    /// same item (same figure, another of its names the table's).
    case itemNamedDifferently = "item-named-differently"

    /// The parser warning that reports the same thing within one document, if any: an engine
    /// finding is dropped when the parser already warned on the same lines.
    var parserCounterpart: WarningRule? {
        switch self {
        case .statedChangesDisagree: .conflictingValues
        case .statedPercentVsDelta: .percentMismatch
        case .narrativeVsTable: .narrativeTableMismatch
        case .itemsVsTotal, .roundingGap: .sumMismatch
        case .varianceWording: .directionMismatch
        case .statedChangeVsDocument, .tablesDisagree, .appropriationExceedsIncome, .transferSidesDisagree, .itemNamedDifferently: nil
        }
    }

    /// How much a finding of this rule matters (README "Check rules" lists them).
    public var severity: FindingSeverity {
        switch self {
        case .statedChangesDisagree, .narrativeVsTable, .tablesDisagree, .appropriationExceedsIncome, .itemsVsTotal,
             .varianceWording:
            .error
        // A later document may restate a year on purpose; a percent may be rounded from other
        // figures than the stated ones; the two sides of a transfer may count different things.
        // A name may be the classification's older one (医疗卫生与计划生育支出 for 卫生健康支出).
        case .statedChangeVsDocument, .statedPercentVsDelta, .transferSidesDisagree, .itemNamedDifferently: .warning
        case .roundingGap: .notice
        }
    }
}

/// How much a finding matters to someone acting on it, most serious first.
public enum FindingSeverity: String, Hashable, Sendable, Comparable, CaseIterable {
    /// The document contradicts itself or its arithmetic: a figure in it is wrong.
    case error
    /// Probably wrong, but a reading exists under which it is not.
    case warning
    /// Worth knowing, not wrong: a rounding gap, a missing % sign.
    case notice

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

extension WarningRule {
    /// How much a parser warning about the document matters, when it is one (`concern == .document`).
    public var severity: FindingSeverity {
        switch self {
        case .sumMismatch, .identityMismatch, .conflictingValues, .narrativeTableMismatch, .directionMismatch, .dateYearMismatch,
             .tableAbsent:
            .error
        // A table printed but not listed may be an extra the 目录 forgot; an empty table's reason
        // may be printed elsewhere (the narrative's 本部门无政府性基金).
        case .suspiciousMeasure, .shareMismatch, .percentMismatch, .templateText, .tableUnlisted, .emptyTableUnexplained,
             .comparisonYearMismatch, .titleYearMismatch:
            .warning
        case .missingPercentSign, .repeatedPunctuation, .unbalancedBrackets, .roundingGap: .notice
        // Reader warnings are coverage, not findings; notice if a caller asks all the same.
        case .unknownCode, .nameMismatch, .unresolvedName, .tableMissing, .unreadableRow, .unmappedCell,
             .identityMissing, .pdfPathsDisagree:
            .notice
        }
    }
}

/// Which rule produced a finding: one the parser applied inside a document, or the engine's.
public enum CheckRule: Hashable, Sendable {
    case parser(WarningRule)
    case engine(ConsistencyRule)

    /// The ids of every rule whose findings `check` reports, sorted.
    public static var findingIDs: [String] {
        Set(WarningRule.allCases.filter { $0.concern == .document }.map(\.rawValue) + ConsistencyRule.allCases.map(\.rawValue)).sorted()
    }

    /// The ids of the reader's notes, which `coverage` lists and `check` never reports, sorted.
    public static var coverageIDs: [String] {
        WarningRule.allCases.filter { $0.concern == .reader }.map(\.rawValue).sorted()
    }

    /// How much a finding of this rule matters.
    public var severity: FindingSeverity {
        switch self {
        case .parser(let rule): rule.severity
        case .engine(let rule): rule.severity
        }
    }

    /// The stable id: the WarningRule or ConsistencyRule raw value. They never collide but for
    /// `rounding-gap`, which both report for the same thing (the parser within a statement, the
    /// engine between items and their total), so one `--rule rounding-gap` shows both.
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
    /// The PDF page the lines are on, when the document was a PDF read from its word boxes.
    public var page: Int?

    public init(document: String, documentYear: Int, firstLine: Int, lastLine: Int, text: String, page: Int? = nil) {
        self.document = document
        self.documentYear = documentYear
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.text = text
        self.page = page
    }

    init(_ evidence: Evidence, page: Int? = nil) {
        self.init(document: evidence.document, documentYear: evidence.documentYear,
                  firstLine: evidence.firstLine, lastLine: evidence.lastLine, text: evidence.text, page: page)
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

    public var severity: FindingSeverity { rule.severity }

    /// Content hashes of the documents involved, in citation order.
    public var documents: [String] {
        var hashes: [String] = []
        for citation in citations where !hashes.contains(citation.document) { hashes.append(citation.document) }
        return hashes
    }
}
