import Foundation
import Testing

/// Every example printed by every `--help` runs as printed: copied from an 80-column terminal into
/// bash (with the shell-init function, so `history` is this program), in a folder holding the
/// repository's Tests/ and a store with the bundled sample, as a reader trying them would: in the
/// order `history --help` lists the commands (so `import --help` makes the store `status --help`
/// reads, and `retract` comes after the commands that read what it withdraws).
@Suite struct HelpExamplesTests {
    /// Help read wider than 80 columns: none, every example fits.
    static let widerHelp: Set<String> = []

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized.path

    /// The subcommands `history --help` lists.
    static func subcommands() throws -> [String] {
        let help = try execute(historyBinary(), ["--help"]).stdout
        let section = help.components(separatedBy: "SUBCOMMANDS:\n").dropFirst().first ?? ""
        return section.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  "), line.dropFirst(2).first != " ", let word = line.split(separator: " ").first, word.first?.isLetter == true else { return nil }
            return String(word)
        }
    }

    /// The lines of the `Examples:` (or `Start with:`) block of a help text.
    static func examples(in help: String) -> [String] {
        var lines: [String] = [], inside = false
        for line in help.components(separatedBy: "\n") {
            if line.hasSuffix("Examples:") || line.hasSuffix("Start with:") { inside = true; continue }
            if inside && line.isEmpty { inside = false }
            if inside { lines.append(line) }
        }
        return lines
    }

    @Test func everyHelpExampleRunsAsPrinted() throws {
        let commands = try Self.subcommands()
        #expect(commands.contains("diff") && commands.contains("shell-init") && commands.count >= 15, "\(commands)")

        let work = NSTemporaryDirectory() + "history-examples-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: work) }
        try FileManager.default.createDirectory(atPath: work + "/home", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: work + "/Tests", withDestinationPath: Self.repository + "/Tests")
        let imported = try execute(historyBinary(), ["import", "--store", work + "/.history-store"] + SampleCorpusCommandTests.sample)
        #expect(imported.status == 0, "\(imported.stderr)")

        var ran = 0
        for command in [""] + commands {
            let arguments = (command.isEmpty ? [] : [command]) + ["--help"]
            let columns = Self.widerHelp.contains(command) ? "120" : "80"
            let help = try execute(historyBinary(), arguments, environment: ["COLUMNS": columns]).stdout
            for example in Self.examples(in: help) {
                guard example.hasPrefix("  ") else {
                    Issue.record("`history \(command) --help` wraps an example at \(columns) columns: \(example)")
                    continue
                }
                let script = """
                    eval "$('\(try historyBinary())' shell-init bash)"
                    cd '\(work)' && \(example.trimmingCharacters(in: .whitespaces))
                    """
                let result = try execute("/bin/bash", ["-o", "pipefail", "-c", script], environment: ["HOME": work + "/home", "NO_COLOR": "1"])
                // `check` reports findings with exit status 1; anything else must succeed.
                let succeeded = result.status == 0 || (command == "check" && result.status == 1)
                #expect(succeeded, "`\(example.trimmingCharacters(in: .whitespaces))` exited \(result.status): \(result.stderr)")
                ran += 1
            }
        }
        #expect(ran >= 30)
    }
}
