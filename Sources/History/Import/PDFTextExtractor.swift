import Foundation

/// Turns a PDF's bytes into text with poppler's `pdftotext -layout`, run as a subprocess.
///
/// `-layout` keeps table columns apart with spaces, which the parser's table reader expects.
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
    public func text(fromPDF bytes: [UInt8]) throws -> String {
        let tool = try tool()
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("history-pdf-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: workspace) }
        let input = workspace.appendingPathComponent("in.pdf"), output = workspace.appendingPathComponent("out.txt")
        let errors = workspace.appendingPathComponent("stderr.txt")
        try Data(bytes).write(to: input)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-layout", "-enc", "UTF-8", input.path, output.path]
        // Files, not pipes: a chatty pdftotext can never block on a full pipe.
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errors)
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            finished.wait()
            throw PDFTextError.timedOut(seconds: timeout)
        }
        guard process.terminationStatus == 0 else {
            let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            throw PDFTextError.failed(status: process.terminationStatus, message: message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return String(decoding: try Data(contentsOf: output), as: UTF8.self)
    }
}

/// Why a PDF produced no text.
public enum PDFTextError: Error, Hashable, Sendable, CustomStringConvertible {
    case toolMissing
    case failed(status: Int32, message: String)
    case timedOut(seconds: TimeInterval)

    public var description: String {
        switch self {
        case .toolMissing:
            "pdftotext is not installed; install it with `sudo apt-get install poppler-utils`"
        case .failed(let status, let message):
            "pdftotext failed (exit \(status)): \(message.isEmpty ? "no message" : message)"
        case .timedOut(let seconds):
            "pdftotext took longer than \(Int(seconds)) s and was stopped"
        }
    }
}
