import Disclosure

/// How much of one document the reader turned into facts, and what it could not read.
///
/// The measure of the reader, not of the document: a cell no fact key names, a row of figures
/// placed in no row, a table whose rows were lost, a narrative item whose 类/款/项 path resolved
/// to no code. None of these is a finding (`history check` reports only what the document gets
/// wrong); they are listed here so a user knows how far to trust what was read, and so changes
/// to the reader can be measured.
public struct DocumentCoverage: Hashable, Sendable {
    public var contentHash: String
    /// The file name it was first imported under.
    public var sourceName: String
    /// The identity the latest parse found; `nil` when the latest parse failed.
    public var identity: DocumentIdentity?
    public var tableFacts: Int
    public var narrativeFacts: Int
    public var impliedFacts: Int
    /// Table cells holding a figure that became no fact.
    public var unmappedCells: Int
    /// Lines of figures inside a table that belong to no row.
    public var unreadRows: Int
    /// Tables whose title is there but whose rows are not.
    public var lostTables: Int
    /// Narrative items whose classification path resolved to no code.
    public var unresolvedNames: Int
    /// Codes and names the shipped catalogue does not know (or names otherwise).
    public var unknownCodes: Int
    /// Table figures the two texts of a PDF read differently.
    public var pdfDisagreements: Int
    /// Sums of the document's tables that do not hold (its own errors or misreadings: `check`
    /// shows them as findings).
    public var sumsNotHolding: Int
    /// Every warning about the reader, in document order.
    public var readerNotes: [ParseWarning]

    /// The coverage of a parse; `parsed` is `nil` when the latest parse failed.
    public init(contentHash: String, sourceName: String, parsed: ParsedDisclosure?) {
        self.contentHash = contentHash
        self.sourceName = sourceName
        identity = parsed?.identity
        var origins: [Origin: Int] = [:]
        for fact in parsed?.facts ?? [] { origins[fact.origin, default: 0] += 1 }
        tableFacts = origins[.table] ?? 0
        narrativeFacts = origins[.narrative] ?? 0
        impliedFacts = origins[.implied] ?? 0
        var rules: [WarningRule: Int] = [:]
        for warning in parsed?.warnings ?? [] { rules[warning.rule, default: 0] += 1 }
        unmappedCells = rules[.unmappedCell] ?? 0
        unreadRows = rules[.unreadableRow] ?? 0
        lostTables = rules[.tableMissing] ?? 0
        unresolvedNames = rules[.unresolvedName] ?? 0
        unknownCodes = (rules[.unknownCode] ?? 0) + (rules[.nameMismatch] ?? 0)
        pdfDisagreements = rules[.pdfPathsDisagree] ?? 0
        sumsNotHolding = rules[.sumMismatch] ?? 0
        readerNotes = (parsed?.warnings ?? []).filter { $0.rule.concern == .reader }
    }

    /// Whether the latest parse failed (nothing was read).
    public var parseFailed: Bool { identity == nil }

    /// Whether the document was found a unit and a year, so it is on timelines and diffs.
    public var isIdentified: Bool {
        guard let identity else { return false }
        return !identity.unit.isEmpty && identity.year > 0
    }

    /// Table cells with a figure: those that became facts and those that did not.
    public var tableCells: Int { tableFacts + unmappedCells }
}

/// The coverage of many documents added up: the one line a store's coverage ends with.
public struct CoverageSummary: Hashable, Sendable {
    public var documents = 0
    public var identified = 0
    public var failed = 0
    public var tableFacts = 0
    public var unmappedCells = 0
    public var narrativeFacts = 0
    public var unreadRows = 0
    public var lostTables = 0
    public var unresolvedNames = 0

    public init(_ coverages: [DocumentCoverage]) {
        for coverage in coverages {
            documents += 1
            if coverage.isIdentified { identified += 1 }
            if coverage.parseFailed { failed += 1 }
            tableFacts += coverage.tableFacts
            unmappedCells += coverage.unmappedCells
            narrativeFacts += coverage.narrativeFacts
            unreadRows += coverage.unreadRows
            lostTables += coverage.lostTables
            unresolvedNames += coverage.unresolvedNames
        }
    }

    public var tableCells: Int { tableFacts + unmappedCells }
}
