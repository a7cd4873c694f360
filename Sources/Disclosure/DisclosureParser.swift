/// Turns the text of a disclosure into typed facts: a pure function, no I/O.
///
/// The parser reads the 公开表 it finds (tab- or space-aligned) and the narrative, which survives
/// even where extraction lost the tables. Both are kept: a figure stated in a table and again in a
/// sentence yields two facts with two origins, and a disagreement between them is a warning.
public enum DisclosureParser {
    /// Bumped whenever the parser's output for some input can change; stored with every parse so
    /// `history replay` knows which documents to re-derive. 2: identity read from more places
    /// (names above the title, table titles), with its scope and evidence. 3: completeness
    /// warnings (a table the 目录 or template asks for and the document lacks, an unlisted table,
    /// an empty table without a reason).
    public static let version = 3

    public static func parse(_ text: String, catalogue: ClassificationCatalogue = .standard) -> ParsedDisclosure {
        let source = SourceText(text)
        var warnings: [ParseWarning] = []
        let decoded = DecodedLines(source)
        let identity = IdentityReader.read(source, decoded: decoded, warnings: &warnings)
        let tableText = TableText(source)
        let tables = TableLocator.locate(tableText)
        var facts = TableReader.facts(from: tables, year: identity.year, catalogue: catalogue, warnings: &warnings)
        TableCompleteness.check(tables, text: tableText, year: identity.year, warnings: &warnings)
        let normalised = NormalisedText(source, decoded: decoded)
        facts += NarrativeReader.read(normalised, identity: identity, catalogue: catalogue, warnings: &warnings)
        WritingChecks.check(normalised, identity: identity, warnings: &warnings)
        return ParsedDisclosure(identity: identity, facts: facts, warnings: warnings)
    }
}
