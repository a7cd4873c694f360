import Foundation
import History

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Progress of a long command on standard error. On a terminal: a bar with count, rate and time
/// left, redrawn in place at most ten times a second, with notes (a file's outcome, a warning)
/// scrolling above it; otherwise a plain line every few seconds and at the end, so a log of
/// hundreds of files stays readable.
final class ProgressLine {
    private var text: ProgressText
    private let quiet: Bool
    private let terminal = isatty(STDERR_FILENO) == 1
    private let started = Date()
    /// When the bar was last drawn; a log's first line comes only after `plainInterval`.
    private var lastDrawn: Date
    private var drewBar = false
    private var current: (done: Int, detail: String) = (0, "")
    /// Seconds between plain lines when standard error is not a terminal.
    private let plainInterval: TimeInterval = 5

    init(_ label: String, quiet: Bool, total: Int = 0) {
        self.text = ProgressText(label: label, total: total)
        self.quiet = quiet
        lastDrawn = terminal ? .distantPast : started
    }

    func update(done: Int, total: Int, detail: String) {
        text.total = total
        current = (done, detail)
        guard !quiet, total > 0 else { return }
        let now = Date()
        guard done == total || now.timeIntervalSince(lastDrawn) >= (terminal ? 0.1 : plainInterval) else { return }
        lastDrawn = now
        draw()
    }

    /// A line that stays: printed above the bar on a terminal, as it is otherwise.
    func note(_ line: String) {
        if terminal && drewBar {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line + "\n").utf8))
            draw()
        } else {
            printError(line)
        }
    }

    /// Ends the bar's line so that what follows starts on a fresh one.
    func finish() {
        if drewBar { FileHandle.standardError.write(Data("\n".utf8)) }
        drewBar = false
    }

    private func draw() {
        let elapsed = Date().timeIntervalSince(started)
        if terminal {
            let line = text.bar(done: current.done, elapsed: elapsed, width: Self.terminalColumns(), detail: current.detail)
            FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
            drewBar = true
        } else {
            printError(text.plain(done: current.done, elapsed: elapsed, detail: current.detail))
        }
    }

    /// The width of the terminal standard error writes to, else $COLUMNS, else 80.
    static func terminalColumns() -> Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init) ?? 80
    }
}
