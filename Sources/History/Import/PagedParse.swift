import Disclosure
import PDFLayout

/// The parse of a PDF's interchange text (tables rebuilt from word boxes), with the page of
/// every fact and warning taken from the line it was read from.
struct PagedParse: Sendable {
    var parsed: ParsedDisclosure
    /// Line numbers of the interchange text that belong to a 公开表 (title, captions, header, rows).
    var tableLines: Set<Int>

    /// Parses `interchange` with the text parser and puts each span's page on it.
    init(_ interchange: InterchangeText, parser: VersionedParser) {
        self.init(parsed: parser.parse(interchange.text), lines: interchange.lines)
    }

    /// Puts the page of each span's first line on the facts and warnings of `parsed`.
    init(parsed: ParsedDisclosure, lines: [InterchangeLine]) {
        func paged(_ span: SourceSpan) -> SourceSpan {
            var span = span
            // A span is 1-based lines of the interchange text; one across a page break starts on its first page.
            if lines.indices.contains(span.firstLine - 1) { span.page = lines[span.firstLine - 1].page }
            return span
        }
        var parsed = parsed
        for index in parsed.facts.indices { parsed.facts[index].source = paged(parsed.facts[index].source) }
        for index in parsed.warnings.indices { parsed.warnings[index].source = parsed.warnings[index].source.map(paged) }
        self.parsed = parsed
        tableLines = Set(lines.indices.filter { lines[$0].kind != .narrative }.map { $0 + 1 })
    }
}
