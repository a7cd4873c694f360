import Disclosure

/// The text of a stored document and the encoding it was read from, as import and replay
/// both obtain it: text files through `Disclosure.TextDecoder`, PDFs through `pdftotext -layout`.
public struct DocumentText: Sendable {
    public var text: String
    /// A `TextEncoding` raw value, or `pdftotext` for a PDF (DocumentParsed `textEncoding`).
    public var encoding: String

    /// Whether bytes named `fileName` are a PDF: by extension or by the `%PDF` signature.
    public static func isPDF(_ bytes: [UInt8], fileName: String?) -> Bool {
        (fileName?.lowercased().hasSuffix(".pdf") ?? false) || bytes.starts(with: Array("%PDF".utf8))
    }

    /// Reads `bytes`; `isPDF` chooses the route. Throws `PDFTextError.toolMissing` when the tool
    /// is absent (not the document's fault) and any other error when the bytes are unreadable.
    public static func read(_ bytes: [UInt8], isPDF: Bool, pdf: PDFTextExtractor) throws -> DocumentText {
        if isPDF { return DocumentText(text: try pdf.text(fromPDF: bytes), encoding: "pdftotext") }
        let decoded = try TextDecoder.decode(bytes)
        return DocumentText(text: decoded.text, encoding: decoded.encoding.rawValue)
    }
}
