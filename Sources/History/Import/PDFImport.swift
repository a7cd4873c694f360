import Disclosure
import EventLog
import Foundation
import PDFLayout

/// Runs pdftotext twice on a PDF (`-bbox-layout` for PDFLayout's tables, `-layout` for the
/// fallback) and parses both texts into one ``PDFReading``. The two passes run at once, each a
/// process of its own: a PDF's import is mostly pdftotext's time, and the second core halves it.
struct PDFDocumentReader: Sendable {
    var extractor: PDFTextExtractor
    var parser: VersionedParser

    /// - Throws: `PDFTextError.toolMissing`, or a ``PDFImportError`` naming `name` when the PDF
    ///   is encrypted, damaged, too slow to convert, or a scan without text.
    func read(_ bytes: [UInt8], name: String) throws -> PDFReading {
        // Started first, waited for after the word boxes (their errors still come first), and
        // waited for on every way out, so no pdftotext outlives the file it reads.
        let extractor = self.extractor
        let layoutPass = LayoutPass { try extractor.text(fromPDF: bytes) }
        defer { _ = layoutPass.wait() }
        var boxes: PagedParse?
        do {
            let document = try LaidOutDocument(bboxXHTML: try extractor.boundingBoxXHTML(fromPDF: bytes))
            boxes = PagedParse(InterchangeText(document), parser: parser)
        } catch PDFLayoutError.noTextLayer(let pages) {
            throw PDFImportError(file: name, cause: .noTextLayer(pageCount: pages))
        } catch is PDFLayoutError {
            // XHTML PDFLayout cannot read is poppler's oddity, not the document's: -layout may still do.
        } catch let error as PDFTextError {
            throw PDFImportError.naming(name, error)
        }
        let layout: String
        do {
            layout = try layoutPass.wait().get()
        } catch let error as PDFTextError {
            throw PDFImportError.naming(name, error)
        }
        return PDFReading(boxes: boxes, layout: parser.parse(layout))
    }
}

/// The `-layout` pdftotext pass of one PDF, run on a thread of its own.
///
/// Not on a GCD queue: `read` already runs on one of GCD's worker threads (the importer's and
/// replay's concurrent maps), and a worker blocked waiting for a block GCD has not yet found a
/// thread for leaves that block queued until libdispatch's monitor adds one, about a second
/// later. A thread of its own starts pdftotext at once.
final class LayoutPass: @unchecked Sendable {
    // `result` is written once, under `lock`, before `done` is signalled; read after `done`.
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var result: Result<String, any Error>?

    init(_ work: @escaping @Sendable () throws -> String) {
        let thread = Thread { [self] in
            let outcome = Result { try work() }
            lock.withLock { result = outcome }
            done.signal()
        }
        thread.start()
    }

    /// The pass's text or error, once it has ended; a second call returns at once.
    func wait() -> Result<String, any Error> {
        done.wait()
        done.signal()
        return lock.withLock { result! }
    }
}

/// Why a PDF gave no text to parse, naming the file and saying what to do.
public struct PDFImportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file name as imported.
    public var file: String
    public var cause: Cause

    /// What stopped the conversion.
    public enum Cause: Hashable, Sendable {
        /// pdftotext needs a password to open the PDF.
        case encrypted(message: String)
        /// pdftotext exited with an error: the file is damaged, cut short, or no PDF at all.
        case unreadable(status: Int32, message: String)
        case timedOut(seconds: TimeInterval)
        /// The PDF has pages but no words: a scan that needs OCR.
        case noTextLayer(pageCount: Int)
    }

    public init(file: String, cause: Cause) {
        self.file = file
        self.cause = cause
    }

    /// The document's failure named after `file`; a missing pdftotext stays as it is, since
    /// it is no document's fault.
    static func naming(_ file: String, _ error: PDFTextError) -> any Error {
        switch error {
        case .toolMissing:
            error
        case .failed(_, let message) where message.contains("Incorrect password"):
            PDFImportError(file: file, cause: .encrypted(message: message))
        case .failed(let status, let message):
            PDFImportError(file: file, cause: .unreadable(status: status, message: message))
        case .timedOut(let seconds):
            PDFImportError(file: file, cause: .timedOut(seconds: seconds))
        case .noText:
            // -layout found no words where the word boxes could not be read: a scan all the same.
            PDFImportError(file: file, cause: .noTextLayer(pageCount: 0))
        }
    }

    public var description: String {
        switch cause {
        case .encrypted:
            "\(file): the PDF is encrypted and pdftotext cannot open it without its password; "
                + "import a decrypted copy (`qpdf --decrypt --password=PASSWORD \(file) decrypted.pdf`)"
        case .unreadable(let status, let message):
            "\(file): pdftotext cannot read the PDF (exit \(status): \(Self.firstLines(message))); "
                + "the file is damaged, cut short or not a PDF: download it again"
        case .timedOut(let seconds):
            "\(file): pdftotext took longer than \(Int(seconds)) s and was stopped; the PDF may be damaged or very large"
        case .noTextLayer(let pageCount):
            "\(file): \(PDFLayoutError.noTextLayer(pageCount: pageCount))"
        }
    }

    /// pdftotext repeats its complaints; two distinct lines say enough.
    private static func firstLines(_ message: String) -> String {
        var lines: [Substring] = []
        for line in message.split(separator: "\n") where !lines.contains(line) && lines.count < 2 { lines.append(line) }
        return lines.isEmpty ? "no message" : lines.joined(separator: "; ")
    }
}
