import Disclosure

/// What `history replay` found: every document whose parse the current parser changes, and totals.
public struct ReplayReport: Hashable, Sendable {
    public var parserVersion: Int
    public var dryRun: Bool
    /// Documents read and parsed again (imported, not retracted, within the scope).
    public var examined: Int
    /// Documents whose parse changed, in import order.
    public var changed: [DocumentReplay]
    /// Documents that could not be replayed, with why; nothing was appended for them.
    public var skipped: [SkippedDocument]
    /// Events appended (0 in a dry run).
    public var appended: Int

    public var factsAdded: Int { changed.reduce(0) { $0 + $1.diff.added.count } }
    public var factsRemoved: Int { changed.reduce(0) { $0 + $1.diff.removed.count } }
    public var factsChanged: Int { changed.reduce(0) { $0 + $1.diff.changed.count } }
    public var warningsGained: Int { changed.reduce(0) { $0 + $1.diff.warningsGained.count } }
    public var warningsLost: Int { changed.reduce(0) { $0 + $1.diff.warningsLost.count } }
}

/// One document the current parser reads differently from its latest recorded parse.
public struct DocumentReplay: Hashable, Sendable {
    public var contentHash: String
    public var sourceName: String
    /// The parser version of the latest recorded parse; `nil` when it was never parsed.
    public var previousParserVersion: Int?
    public var transition: ParseTransition
    public var diff: ParseDiff
    /// The sequence of the appended DocumentParsed or DocumentParseFailed; `nil` in a dry run.
    public var appendedSequence: UInt64?
}

/// How a document's parse moved between its latest record and the current parser.
public enum ParseTransition: String, Hashable, Sendable {
    /// Parsed before and now, with different results.
    case reparsed
    /// Failed (or was never parsed) before, parses now.
    case recovered
    /// Parsed before, fails now.
    case nowFails = "now-fails"
    /// Failed before and fails now, for another reason.
    case failsDifferently = "fails-differently"
    /// Identical result, re-appended because `--force` asked for it.
    case forced
}

/// A document replay left alone, and why.
public struct SkippedDocument: Hashable, Sendable {
    public var contentHash: String
    public var sourceName: String
    public var reason: String
}
