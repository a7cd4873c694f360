import Foundation
import Testing

/// Golden files, the one snapshot helper of every test target: Snapshots/<Suite>/<test>.<ext>,
/// compared as text; re-recorded only when HISTORY_RECORD_SNAPSHOTS=1 (never set in CI). A
/// mismatch reports a line diff.
public enum Snapshot {
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots")

    public static var recording: Bool { ProcessInfo.processInfo.environment["HISTORY_RECORD_SNAPSHOTS"] == "1" }

    public static func expect(_ actual: String, suite: String, test: String, ext: String,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        expect(actual, suite: suite, file: "\(test).\(ext)", sourceLocation: sourceLocation)
    }

    /// The golden file Snapshots/`suite`/`file` (a command's output named for its arguments).
    public static func expect(_ actual: String, suite: String, file name: String,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        let file = root.appendingPathComponent(suite).appendingPathComponent(name)
        if recording {
            try! FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try! actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("no golden file \(file.path); record it with HISTORY_RECORD_SNAPSHOTS=1 swift test", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record("\(suite)/\(name) differs from its golden file (- golden, + now):\n\(lineDiff(expected, actual))",
                         sourceLocation: sourceLocation)
        }
    }

    /// The changed lines with two lines of context, by longest common subsequence.
    public static func lineDiff(_ old: String, _ new: String) -> String {
        let a = old.components(separatedBy: "\n"), b = new.components(separatedBy: "\n")
        var lengths = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var edits: [(Character, String)] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] { edits.append((" ", a[i])); i += 1; j += 1 }
            else if i < a.count, j == b.count || lengths[i + 1][j] >= lengths[i][j + 1] { edits.append(("-", a[i])); i += 1 }
            else { edits.append(("+", b[j])); j += 1 }
        }
        let changed = edits.indices.filter { edits[$0].0 != " " }
        var shown: [String] = []
        var last = -1
        for index in edits.indices where changed.contains(where: { abs($0 - index) <= 2 }) {
            if last >= 0 && index > last + 1 { shown.append("…") }
            shown.append("\(edits[index].0) \(edits[index].1)")
            last = index
        }
        return shown.joined(separator: "\n")
    }
}
