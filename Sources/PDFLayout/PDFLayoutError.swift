/// Why the word boxes of a PDF could not be read.
public enum PDFLayoutError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Every page is a picture: there is no text to read, only OCR could recover it.
    case noTextLayer(pageCount: Int)
    /// The `pdftotext -bbox-layout` output is not well-formed XML.
    case malformedXHTML(line: Int, column: Int, reason: String)
    /// The XHTML holds no `<page>` at all, so it is not `pdftotext -bbox-layout` output.
    case noPages

    public var description: String {
        switch self {
        case .noTextLayer(let pageCount):
            return "the PDF has no text layer (\(pageCount) page\(pageCount == 1 ? "" : "s") of images only): "
                + "it is a scan and needs OCR (for example `ocrmypdf -l chi_sim in.pdf out.pdf`) before it can be imported"
        case .malformedXHTML(let line, let column, let reason):
            return "the pdftotext -bbox-layout output is not well-formed XML at line \(line), column \(column): \(reason); "
                + "re-run pdftotext (poppler-utils ≥ 0.60) and check it finished"
        case .noPages:
            return "the text holds no <page> element: it is not the output of `pdftotext -bbox-layout`"
        }
    }
}
