import Foundation

/// Progress of a long command on standard error: a bar redrawn in place on a terminal, otherwise
/// a plain line at most every few seconds (and at the end), so logs stay readable.
final class ProgressLine {
    private let label: String
    private let quiet: Bool
    private let terminal = isatty(STDERR_FILENO) == 1
    private var lastPrinted = Date.distantPast
    private var drewBar = false

    init(_ label: String, quiet: Bool) {
        self.label = label
        self.quiet = quiet
    }

    func update(done: Int, total: Int, detail: String) {
        guard !quiet, total > 0 else { return }
        let now = Date()
        if terminal {
            let width = 30, filled = total == 0 ? width : done * width / total
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(done)/\(total)  \(detail)\u{1B}[K".utf8))
            drewBar = true
        } else if done == total || now.timeIntervalSince(lastPrinted) >= 2 {
            printError("\(label): \(done)/\(total) documents, \(detail)")
            lastPrinted = now
        }
    }

    /// Ends the bar's line so that what follows starts on a fresh one.
    func finish() {
        if drewBar { FileHandle.standardError.write(Data("\n".utf8)) }
        drewBar = false
    }
}
