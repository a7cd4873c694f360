import Disclosure

/// A parser as import and replay run it: the version number recorded with every parse, and the
/// pure function from a document's text to its facts.
///
/// ``current`` is `DisclosureParser`; tests inject others (a parser that misses a rule, then one
/// that has it) to watch what `history replay` does after a parser fix.
public struct VersionedParser: Sendable {
    /// Stored as `parserVersion` in DocumentParsed and DocumentParseFailed.
    public var version: Int
    public var parse: @Sendable (String) -> ParsedDisclosure

    public init(version: Int, parse: @escaping @Sendable (String) -> ParsedDisclosure) {
        self.version = version
        self.parse = parse
    }

    /// The parser of this build.
    public static let current = VersionedParser(version: DisclosureParser.version) { DisclosureParser.parse($0) }
}
