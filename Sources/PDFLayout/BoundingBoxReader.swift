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
        if !parser.parse() {
            let reason = parser.parserError.map { String(describing: $0) } ?? "unknown XML error"
            throw PDFLayoutError.malformedXHTML(line: parser.lineNumber, column: parser.columnNumber, reason: reason)
        }
        if collector.pages.isEmpty { throw PDFLayoutError.noPages }
        return collector.pages
    }
}

/// The XMLParser delegate: keeps the current page and the text of the current word.
private final class WordCollector: NSObject, XMLParserDelegate {
    var pages: [LaidOutPage] = []
    private var wordBox: WordBox?
    private var wordText = ""

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
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

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
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
