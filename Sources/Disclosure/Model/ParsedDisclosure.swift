/// Everything the parser read from one disclosure: who published it, for which year, its facts,
/// and what it found suspicious.
public struct ParsedDisclosure: Hashable, Sendable, Codable {
    public var identity: DocumentIdentity
    public var facts: [Fact]
    public var warnings: [ParseWarning]

    public init(identity: DocumentIdentity, facts: [Fact], warnings: [ParseWarning]) {
        self.identity = identity
        self.facts = facts
        self.warnings = warnings
    }
}

/// Who published a disclosure, about which year, and what kind of disclosure it is.
public struct DocumentIdentity: Hashable, Sendable, Codable {
    /// The unit's name exactly as the document prints it (武汉市武昌区医疗保障局).
    public var unit: String
    /// The fiscal year the disclosure reports on.
    public var year: Int
    public var kind: DisclosureKind
    /// Publication date as printed, normalised to YYYY-MM-DD, when the document gives one.
    public var published: String?
    /// Other spellings of the unit found inside the same document (a typo like 武汉市武昌区医保障局).
    public var otherNames: [String]

    public init(unit: String, year: Int, kind: DisclosureKind, published: String? = nil, otherNames: [String] = []) {
        self.unit = unit
        self.year = year
        self.kind = kind
        self.published = published
        self.otherNames = otherNames
    }
}

/// 部门决算 (what was spent) or 部门预算 (what is planned).
public enum DisclosureKind: String, Hashable, Sendable, Codable, CaseIterable {
    case finalAccount = "决算"
    case budget = "预算"
}

/// Something the parser noticed and could not settle: two values for one thing, a total the
/// items do not add up to, a unit of measure that looks wrong, a table that was lost.
///
/// Warnings never change a fact; both stated values are kept and the warning points at them.
public struct ParseWarning: Hashable, Sendable, Codable {
    public var rule: WarningRule
    public var message: String
    public var source: SourceSpan?

    public init(rule: WarningRule, message: String, source: SourceSpan? = nil) {
        self.rule = rule
        self.message = message
        self.source = source
    }
}

/// The rules a warning can come from; the raw value is the rule id users see and filter on.
public enum WarningRule: String, Hashable, Sendable, Codable, CaseIterable {
    /// Items of a table or list do not add up to the total stated for them.
    case sumMismatch = "sum-mismatch"
    /// A table's own arithmetic fails: a row's 合计 is not its 基本 + 项目 (人员经费 + 公用经费), the
    /// two sides' 总计 differ, or two tables print the same figure differently. Both values are in
    /// the message: a document's error when the page shows them, else a misreading.
    case identityMismatch = "identity-mismatch"
    /// The same quantity is stated twice with different values (220.84 and 220.83).
    case conflictingValues = "conflicting-values"
    /// A money amount printed in 元 where the context says 万元 ("5.62元").
    case suspiciousMeasure = "suspicious-measure"
    /// A code that is no code of the table's classification (1xx, 301 in a function table): its
    /// cells get no key. A well-formed code the catalogue lacks is learnt, not warned about.
    case unknownCode = "unknown-code"
    /// A name printed with a code that the catalogue names differently.
    case nameMismatch = "name-mismatch"
    /// A narrative item whose 类/款/项 path could not be resolved to a code.
    case unresolvedName = "unresolved-name"
    /// A 公开表 whose title is present but whose rows were lost in extraction.
    case tableMissing = "table-missing"
    /// A table row the parser could not read.
    case unreadableRow = "unreadable-row"
    /// A table cell with a value in a column (or on a line) that no fact key names; the value is in the message.
    case unmappedCell = "unmapped-cell"
    /// A narrative total that disagrees with the table total for the same key.
    case narrativeTableMismatch = "narrative-table-mismatch"
    /// A stated share (占…%) that does not match the amounts.
    case shareMismatch = "share-mismatch"
    /// A stated percent change that does not match the stated delta and totals.
    case percentMismatch = "percent-mismatch"
    /// Wording (大于/小于, 增加/减少) that contradicts the numbers it describes.
    case directionMismatch = "direction-mismatch"
    /// A percentage printed without its % sign.
    case missingPercentSign = "missing-percent-sign"
    /// The document's unit or year could not be found.
    case identityMissing = "identity-missing"
    /// A PDF's two texts (tables rebuilt from word boxes, `pdftotext -layout`) read different
    /// values for the same table figure; the word boxes' value is kept.
    case pdfPathsDisagree = "pdf-paths-disagree"
}
