@testable import PDFLayout

/// A page drawn by hand as word boxes, written out as `pdftotext -bbox-layout` XHTML so tests
/// of one geometric rule need no PDF: each word is placed by its left edge and top, and is as
/// wide as its characters (a CJK character 9 points, an ASCII one 4.5) and 9 points high.
struct WordSketch {
    private var pages: [[(text: String, x: Double, y: Double)]] = [[]]
    private var sizes: [(width: Double, height: Double)]

    /// A sketch whose first page is `width` by `height` points (A4 portrait unless said).
    init(width: Double = 595, height: Double = 842) { sizes = [(width, height)] }

    /// Places a word with its left edge at `x` and its top at `y` on the current page.
    mutating func word(_ text: String, x: Double, y: Double) { pages[pages.count - 1].append((text, x, y)) }

    /// Places words on one line at `y`, each at its own left edge.
    mutating func line(_ y: Double, _ words: (Double, String)...) { for (x, text) in words { word(text, x: x, y: y) } }

    /// Starts the next page.
    mutating func newPage(width: Double = 595, height: Double = 842) {
        pages.append([])
        sizes.append((width, height))
    }

    static func width(_ text: String) -> Double { text.unicodeScalars.reduce(0) { $0 + ($1.isASCII ? 4.5 : 9) } }

    var xhtml: String {
        var result = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><doc>\n"
        for (words, size) in zip(pages, sizes) {
            result += "<page width=\"\(size.width)\" height=\"\(size.height)\"><flow><block><line>\n"
            for word in words {
                result += "<word xMin=\"\(word.x)\" yMin=\"\(word.y)\" xMax=\"\(word.x + Self.width(word.text))\" yMax=\"\(word.y + 9)\">\(word.text)</word>\n"
            }
            result += "</line></block></flow></page>\n"
        }
        return result + "</doc></body></html>\n"
    }

    func document() throws -> LaidOutDocument { try LaidOutDocument(bboxXHTML: xhtml) }
}
