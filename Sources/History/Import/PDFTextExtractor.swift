import Foundation

/// Turns a PDF's bytes into text with poppler's `pdftotext`, run as a subprocess: `-layout`
/// text, whose columns are kept apart with spaces, or `-bbox-layout` word boxes for PDFLayout.
public struct PDFTextExtractor: Sendable {
    /// Directories searched for `pdftotext`; `$PATH` by default.
    public var searchPath: [String]
    /// A conversion that takes longer is stopped and reported.
    public var timeout: TimeInterval

    public init(searchPath: [String]? = nil, timeout: TimeInterval = 60) {
        self.searchPath = searchPath ?? (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        self.timeout = timeout
    }

    /// The path of `pdftotext`, or an error saying how to install it.
    public func tool() throws(PDFTextError) -> String {
        for directory in searchPath where FileManager.default.isExecutableFile(atPath: directory + "/pdftotext") {
            return directory + "/pdftotext"
        }
        throw .toolMissing
    }

    /// The text of the PDF in `bytes`, as UTF-8.
    ///
    /// pdftotext reads the PDF from standard input and writes text and messages to standard
    /// output and error, all three anonymous in-memory files (`memfd_create`): nothing is
    /// written to disk outside the store, and unlike pipes a chatty pdftotext never blocks on
    /// one and an early exit never raises SIGPIPE here.
    public func text(fromPDF bytes: [UInt8]) throws -> String {
        let text = String(decoding: try output(of: ["-layout"], fromPDF: bytes), as: UTF8.self)
        // pdftotext succeeds on a scanned PDF and prints only page breaks.
        guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace && $0 != "\u{0C}" }) else {
            throw PDFTextError.noText
        }
        return text
    }

    /// The `pdftotext -bbox-layout` XHTML of the PDF in `bytes`: every word with its page box.
    public func boundingBoxXHTML(fromPDF bytes: [UInt8]) throws -> String {
        String(decoding: try output(of: ["-bbox-layout"], fromPDF: bytes), as: UTF8.self)
    }

    /// What `pdftotext <options> -enc UTF-8` writes for the PDF in `bytes`.
    func output(of options: [String], fromPDF bytes: [UInt8]) throws -> Data {
        let tool = try tool()
        let input = try MemoryFile(named: "pdf"), output = try MemoryFile(named: "text"), errors = try MemoryFile(named: "stderr")
        try input.write(bytes)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = options + ["-enc", "UTF-8", "-", "-"]
        process.standardInput = input.handle
        process.standardOutput = output.handle
        process.standardError = errors.handle
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            finished.wait()
            throw PDFTextError.timedOut(seconds: timeout)
        }
        guard process.terminationStatus == 0 else {
            let message = String(decoding: try errors.contents(), as: UTF8.self)
            throw PDFTextError.failed(status: process.terminationStatus, message: message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return try output.contents()
    }
}

/// An anonymous file in memory (Linux `memfd_create`), given to a subprocess as a standard stream.
private struct MemoryFile {
    let handle: FileHandle

    /// glibc's `memfd_create` (2.27+), looked up at run time: Swift's Glibc module does not declare it.
    private static let memfdCreate: (@convention(c) (UnsafePointer<CChar>, UInt32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "memfd_create") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafePointer<CChar>, UInt32) -> Int32).self)
    }()

    init(named name: String) throws {
        let closeOnExec: UInt32 = 1 // MFD_CLOEXEC
        var descriptor: Int32 = -1
        if let memfdCreate = Self.memfdCreate {
            descriptor = memfdCreate("history-" + name, closeOnExec)
        } else {
            // Without memfd_create: a temporary file unlinked at once, so it has no name to leave behind.
            var template = Array((NSTemporaryDirectory() + "history-\(name)-XXXXXX").utf8CString)
            descriptor = mkstemp(&template)
            if descriptor >= 0 {
                unlink(template)
                _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
            }
        }
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    func write(_ bytes: [UInt8]) throws {
        try handle.write(contentsOf: bytes)
        try handle.seek(toOffset: 0)
    }

    /// Everything written to the file, by this process or the subprocess.
    func contents() throws -> Data {
        try handle.seek(toOffset: 0)
        return try handle.readToEnd() ?? Data()
    }
}

/// Why a PDF produced no text.
public enum PDFTextError: Error, Hashable, Sendable, CustomStringConvertible {
    case toolMissing
    case failed(status: Int32, message: String)
    case timedOut(seconds: TimeInterval)
    /// pdftotext ran but found no text: the pages are images.
    case noText

    public var description: String {
        switch self {
        case .toolMissing:
            "pdftotext is not installed; install it with `sudo apt-get install poppler-utils`"
        case .failed(let status, let message):
            "pdftotext failed (exit \(status)): \(message.isEmpty ? "no message" : message)" + Self.advice(for: message)
        case .timedOut(let seconds):
            "pdftotext took longer than \(Int(seconds)) s and was stopped"
        case .noText:
            "pdftotext found no text in it (are its pages scanned images?); run OCR on it, e.g. `ocrmypdf in.pdf out.pdf`, and import the result"
        }
    }

    /// What to do about pdftotext's complaint, for the two causes that are the file's.
    private static func advice(for message: String) -> String {
        if message.contains("password") {
            return "; the PDF is encrypted: decrypt it (`qpdf --password=PASSWORD --decrypt in.pdf out.pdf`) and import the result"
        }
        if message.contains("xref") || message.contains("trailer") || message.contains("May not be a PDF") {
            return "; the PDF is damaged or cut short: download it again"
        }
        return ""
    }
}
