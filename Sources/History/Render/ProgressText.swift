import Foundation

/// The text of a long command's progress: a bar line that fits a terminal's width (CJK counted
/// as two columns), or a plain line for logs, each with count, rate and time left.
public struct ProgressText: Sendable {
    public var label: String
    public var total: Int

    public init(label: String, total: Int) {
        self.label = label
        self.total = total
    }

    /// The bar for a terminal `width` columns wide, at most `width - 1` columns (a full last
    /// column would wrap the line and break redrawing it in place). `detail` (the file at hand)
    /// is shortened in the middle to the room left, and left out when there is none.
    public func bar(done: Int, elapsed: TimeInterval, width: Int, detail: String = "") -> String {
        let numbers = "\(done)/\(total)  \(Self.rate(done: done, elapsed: elapsed))  \(timeLeft(done: done, elapsed: elapsed))"
        let room = width - 1
        var line = label
        // " [" + bar + "]" when at least ten cells fit; up to thirty, leaving room for the file.
        // Sized for the widest numbers ("123/456  99/s  1:02:03 left"), so it keeps still.
        let spare = room - DisplayWidth.of(label) - 2 - (2 * String(total).count + 24) - 3
        if spare >= 10 {
            let size = min(30, max(10, spare - 24))
            let filled = total > 0 ? min(size, done * size / total) : size
            line += " [" + String(repeating: "#", count: filled) + String(repeating: ".", count: size - filled) + "]"
        }
        line += "  " + numbers
        let left = room - DisplayWidth.of(line) - 2
        if !detail.isEmpty, left >= 8 { line += "  " + Self.shortened(detail, to: left) }
        return DisplayWidth.of(line) <= room ? line : Self.shortened(line, to: max(room, 1))
    }

    /// The line for a log: `label: done/total documents, rate, time left[, detail]`.
    public func plain(done: Int, elapsed: TimeInterval, detail: String = "") -> String {
        "\(label): \(done)/\(total) documents, \(Self.rate(done: done, elapsed: elapsed)), \(timeLeft(done: done, elapsed: elapsed))"
            + (detail.isEmpty ? "" : ", " + detail)
    }

    /// Documents a second; a dash until a second has passed, when a rate means something.
    static func rate(done: Int, elapsed: TimeInterval) -> String {
        guard elapsed >= 1, done > 0 else { return "–/s" }
        let perSecond = Double(done) / elapsed
        return perSecond < 10 ? String(format: "%.1f/s", perSecond) : "\(Int(perSecond.rounded()))/s"
    }

    /// `1:23 left` from the rate so far; `done in 12 s` at the end.
    func timeLeft(done: Int, elapsed: TimeInterval) -> String {
        if done >= total { return "done in " + Self.duration(elapsed) }
        guard elapsed >= 1, done > 0 else { return "time left unknown" }
        return Self.duration(elapsed / Double(done) * Double(total - done)) + " left"
    }

    /// `12 s`, `4:05`, `1:02:03`.
    static func duration(_ seconds: TimeInterval) -> String {
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole) s" }
        let (hours, minutes, rest) = (whole / 3600, whole / 60 % 60, whole % 60)
        return hours > 0 ? String(format: "%d:%02d:%02d", hours, minutes, rest) : String(format: "%d:%02d", minutes, rest)
    }

    /// `text` in at most `width` columns, its middle replaced by `…` (file names differ at both ends).
    public static func shortened(_ text: String, to width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        guard width > 1 else { return String(repeating: "…", count: max(width, 0)) }
        let scalars = Array(text.unicodeScalars)
        var head = "", tail = "", headWidth = 0, tailWidth = 0
        var front = 0, back = scalars.count - 1
        // Take from both ends in turn, so both the start and the end of the name stay readable.
        while front <= back {
            let takeFront = headWidth <= tailWidth
            let scalar = takeFront ? scalars[front] : scalars[back]
            let size = DisplayWidth.of(scalar)
            guard headWidth + tailWidth + size <= width - 1 else { break }
            if takeFront { head.unicodeScalars.append(scalar); headWidth += size; front += 1 }
            else { tail.unicodeScalars.insert(scalar, at: tail.unicodeScalars.startIndex); tailWidth += size; back -= 1 }
        }
        return head + "…" + tail
    }
}
