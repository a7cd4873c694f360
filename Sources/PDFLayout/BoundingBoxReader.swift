import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the XHTML that `pdftotext -bbox-layout` prints into pages of positioned words.
///
/// The XHTML nests `page > flow > block > line > word`; only pages and words matter here,
/// because lines and columns are rebuilt from positions (poppler's own blocks cut tables
/// into pieces). The text is parsed with `XMLParser`, never pattern-matched.
public enum BoundingBoxReader {
    /// Parses `pdftotext -bbox-layout` output.
    ///
    /// - Throws: `PDFLayoutError.malformedXHTML` when the text is not well-formed,
    ///   `.noPages` when it holds no page.
    public static func pages(fromXHTML xhtml: String) throws -> [LaidOutPage] {
        let collector = WordCollector()
        let parser = XMLParser(data: Data(xhtml.utf8))
        parser.shouldResolveExternalEntities = false
        parser.delegate = collector
        // FoundationXML on Linux can return true past an error, so the delegate's report and an
        // unclosed element (output cut short) count as failures too.
        if !parser.parse() || collector.error != nil || collector.depth != 0 {
            let reason = collector.error ?? parser.parserError.map { String(describing: $0) }
                ?? "the text ends inside an element: the output was cut short"
            throw PDFLayoutError.malformedXHTML(line: collector.errorLine ?? parser.lineNumber,
                                                column: collector.errorColumn ?? parser.columnNumber, reason: reason)
        }
        if collector.pages.isEmpty { throw PDFLayoutError.noPages }
        return collector.pages
    }
}

/// The XMLParser delegate: keeps the current page and the text of the current word.
private final class WordCollector: NSObject, XMLParserDelegate {
    var pages: [LaidOutPage] = []
    var depth = 0
    var error: String?
    var errorLine: Int?
    var errorColumn: Int?
    private var wordBox: WordBox?
    private var wordText = ""

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        depth += 1
        switch elementName {
        case "page":
            pages.append(LaidOutPage(number: pages.count + 1, width: number(attributes["width"]),
                                     height: number(attributes["height"]), words: []))
        case "word":
            wordBox = WordBox(xMin: number(attributes["xMin"]), yMin: number(attributes["yMin"]),
                              xMax: number(attributes["xMax"]), yMax: number(attributes["yMax"]))
            wordText = ""
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if wordBox != nil { wordText += string }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        guard error == nil else { return }
        error = String(describing: parseError)
        errorLine = parser.lineNumber
        errorColumn = parser.columnNumber
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        depth -= 1
        guard elementName == "word", let box = wordBox else { return }
        wordBox = nil
        let text = wordText.trimmingWhitespace()
        guard !text.isEmpty, !pages.isEmpty else { return }
        pages[pages.count - 1].words.append(PositionedWord(text: text, page: pages.count, box: box))
    }

    private func number(_ attribute: String?) -> Double { attribute.flatMap(Double.init) ?? 0 }
}

extension String {
    /// The string without leading and trailing spaces, tabs, newlines and ideographic spaces.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        func blank(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\n" || s == "\r" || s == "\u{3000}" || s == "\u{A0}" }
        guard let first = scalars.firstIndex(where: { !blank($0) }),
              let last = scalars.lastIndex(where: { !blank($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
