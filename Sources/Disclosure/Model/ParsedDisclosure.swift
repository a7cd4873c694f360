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
    /// Whether a department (部门, the unit with the units under it) or one unit alone (单位)
    /// discloses: a unit's 部门预算 and 单位预算 of one year are two documents.
    public var scope: DisclosureScope
    /// Publication date as printed, normalised to YYYY-MM-DD, when the document gives one.
    public var published: String?
    /// Other spellings of the unit found inside the same document (a typo like 武汉市武昌区医保障局).
    public var otherNames: [String]
    /// The lines that said the unit, the year and the kind, or who said them instead (a user).
    public var evidence: [IdentityEvidence]

    public init(unit: String, year: Int, kind: DisclosureKind, scope: DisclosureScope = .department, published: String? = nil,
                otherNames: [String] = [], evidence: [IdentityEvidence] = []) {
        self.unit = unit
        self.year = year
        self.kind = kind
        self.scope = scope
        self.published = published
        self.otherNames = otherNames
        self.evidence = evidence
    }

    /// 部门决算, 部门预算, 单位决算 or 单位预算: what the document calls itself.
    public var title: String { scope.rawValue + kind.rawValue }

    private enum CodingKeys: String, CodingKey { case unit, year, kind, scope, published, otherNames, evidence }

    /// Payloads written before `scope` and `evidence` existed decode as a 部门 disclosure without evidence.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        unit = try container.decode(String.self, forKey: .unit)
        year = try container.decode(Int.self, forKey: .year)
        kind = try container.decode(DisclosureKind.self, forKey: .kind)
        scope = try container.decodeIfPresent(DisclosureScope.self, forKey: .scope) ?? .department
        published = try container.decodeIfPresent(String.self, forKey: .published)
        otherNames = try container.decode([String].self, forKey: .otherNames)
        evidence = try container.decodeIfPresent([IdentityEvidence].self, forKey: .evidence) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(unit, forKey: .unit)
        try container.encode(year, forKey: .year)
        try container.encode(kind, forKey: .kind)
        try container.encode(scope, forKey: .scope)
        try container.encodeIfPresent(published, forKey: .published)
        try container.encode(otherNames, forKey: .otherNames)
        try container.encode(evidence, forKey: .evidence)
    }
}

/// 部门决算 (what was spent) or 部门预算 (what is planned).
public enum DisclosureKind: String, Hashable, Sendable, Codable, CaseIterable {
    case finalAccount = "决算"
    case budget = "预算"
}

/// Who a disclosure covers: a department with the units it consolidates (部门), or one unit on
/// its own (单位, often printed with 本级).
public enum DisclosureScope: String, Hashable, Sendable, Codable, CaseIterable {
    case department = "部门"
    case unit = "单位"
}

/// One line that said part of a document's identity, or the user who said it instead.
public struct IdentityEvidence: Hashable, Sendable, Codable {
    /// What it settled.
    public var field: IdentityField
    /// Where it came from.
    public var source: IdentitySource
    /// The line (1-based) of the text it was read from; 0 when a user said it.
    public var line: Int
    /// The line as printed (spaces kept), or what the user gave.
    public var text: String

    public init(field: IdentityField, source: IdentitySource, line: Int, text: String) {
        self.field = field
        self.source = source
        self.line = line
        self.text = text
    }
}

/// The parts of a document's identity.
public enum IdentityField: String, Hashable, Sendable, Codable, CaseIterable {
    case unit, year, kind
}

/// The places a disclosure names itself, strongest first; the raw value is shown to users.
public enum IdentitySource: String, Hashable, Sendable, Codable, CaseIterable {
    /// A title line, on the cover or over a part: "西南大学 2024 年度部门决算".
    case title
    /// A table head or cover label: 部门：, 单位：, 编制单位：, 预算单位：, 预算主管部门：.
    case label
    /// A 第X部分 heading or a 单位名称 cell.
    case heading
    /// A table title or 目录 line with a year: "2019年政府采购预算表".
    case tableTitle = "table-title"
    /// The user said it (`history import --year`, `history identify`).
    case user
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
    /// Items miss their total by no more than rounding each printed figure to 0.01 explains
    /// (half a hundredth per item and total): worth knowing, not an error.
    case roundingGap = "rounding-gap"
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
    /// A template's placeholder (XX单位, 某某) or its guidance to the filler (（按…填写）) left in.
    case templateText = "template-text"
    /// A sentence mark typed twice in a row (。。, ，，).
    case repeatedPunctuation = "repeated-punctuation"
    /// A bracket or quote opened and never closed in its paragraph, or closed without opening.
    case unbalancedBrackets = "unbalanced-brackets"
    /// An "as of" date (截至…年) of another year than the document reports on.
    case dateYearMismatch = "date-year-mismatch"
    /// A table the document's 目录 lists, or its template requires, that it does not print.
    case tableAbsent = "table-absent"
    /// A table the document prints that its 目录 does not list.
    case tableUnlisted = "table-unlisted"
    /// A table printed without a figure and without a note saying why (本表无数据, 故本表为空表).
    case emptyTableUnexplained = "empty-table-unexplained"
    /// A comparison with another year than the document's other comparisons of the same words
    /// (比2024年预算执行数 among many 比2025年预算执行数).
    case comparisonYearMismatch = "comparison-year-mismatch"
    /// A table titled with another year than the document reports on (2022年度收入决算表 in a 2023 决算).
    case titleYearMismatch = "title-year-mismatch"
}
