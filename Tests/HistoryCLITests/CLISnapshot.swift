import Foundation
import Testing

/// Golden files of command output: Snapshots/CLI/<name>.<ext>, compared as text; re-recorded
/// only when HISTORY_RECORD_SNAPSHOTS=1 (never set in CI). A mismatch reports the changed lines.
enum CLISnapshot {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots/CLI")

    static func expect(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["HISTORY_RECORD_SNAPSHOTS"] == "1" {
            try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try! actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("no golden file Snapshots/CLI/\(name); record it with HISTORY_RECORD_SNAPSHOTS=1 swift test", sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        let old = expected.components(separatedBy: "\n"), new = actual.components(separatedBy: "\n")
        var report: [String] = []
        for index in 0..<max(old.count, new.count) where index >= old.count || index >= new.count || old[index] != new[index] {
            if index < old.count { report.append("- \(index + 1): \(old[index])") }
            if index < new.count { report.append("+ \(index + 1): \(new[index])") }
            if report.count >= 40 { report.append("…"); break }
        }
        let message = "Snapshots/CLI/\(name) differs from the output (- golden, + now):\n" + report.joined(separator: "\n")
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }
}
