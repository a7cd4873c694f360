@testable import PDFLayout

/// A page drawn by hand as word boxes, written out as `pdftotext -bbox-layout` XHTML so tests
/// of one geometric rule need no PDF: each word is placed by its left edge and top, and is as
/// wide as its characters (a CJK character 9 points, an ASCII one 4.5) and 9 points high.
struct WordSketch {
    private var pages: [[(text: String, x: Double, y: Double)]] = [[]]

    /// Places a word with its left edge at `x` and its top at `y` on the current page.
    mutating func word(_ text: String, x: Double, y: Double) { pages[pages.count - 1].append((text, x, y)) }

    /// Places words on one line at `y`, each at its own left edge.
    mutating func line(_ y: Double, _ words: (Double, String)...) { for (x, text) in words { word(text, x: x, y: y) } }

    /// Starts the next page.
    mutating func newPage() { pages.append([]) }

    static func width(_ text: String) -> Double { text.unicodeScalars.reduce(0) { $0 + ($1.isASCII ? 4.5 : 9) } }

    var xhtml: String {
        var result = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><doc>\n"
        for words in pages {
            result += "<page width=\"595\" height=\"842\"><flow><block><line>\n"
            for word in words {
                result += "<word xMin=\"\(word.x)\" yMin=\"\(word.y)\" xMax=\"\(word.x + Self.width(word.text))\" yMax=\"\(word.y + 9)\">\(word.text)</word>\n"
            }
            result += "</line></block></flow></page>\n"
        }
        return result + "</doc></body></html>\n"
    }

    func document() throws -> LaidOutDocument { try LaidOutDocument(bboxXHTML: xhtml) }
}
