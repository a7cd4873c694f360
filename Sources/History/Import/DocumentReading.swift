import Disclosure

/// What the parser reads from a stored document's bytes, as import and replay both obtain it:
/// text files through `Disclosure.TextDecoder`, PDFs through their word boxes and `-layout` text
/// (``PDFDocumentReader``), so a replay re-derives a PDF exactly the way its import did.
public struct DocumentReading: Sendable {
    public var parsed: ParsedDisclosure
    /// A `TextEncoding` raw value, or the PDF path that produced the facts (DocumentParsed `textEncoding`).
    public var encoding: String

    /// Whether bytes named `fileName` are a PDF: by extension or by the `%PDF` signature.
    public static func isPDF(_ bytes: [UInt8], fileName: String?) -> Bool {
        (fileName?.lowercased().hasSuffix(".pdf") ?? false) || bytes.starts(with: Array("%PDF".utf8))
    }

    /// Reads and parses `bytes`; `isPDF` chooses the route. Throws `PDFTextError.toolMissing` when
    /// pdftotext is absent (not the document's fault) and any other error when the bytes are
    /// unreadable; `name` is the file name errors cite.
    public static func read(
        _ bytes: [UInt8], isPDF: Bool, name: String, parser: VersionedParser, pdf: PDFTextExtractor
    ) throws -> DocumentReading {
        if isPDF {
            let reading = try PDFDocumentReader(extractor: pdf, parser: parser).read(bytes, name: name)
            return DocumentReading(parsed: reading.parsed, encoding: reading.path.rawValue)
        }
        let decoded = try TextDecoder.decode(bytes)
        return DocumentReading(parsed: parser.parse(decoded.text), encoding: decoded.encoding.rawValue)
    }
}
