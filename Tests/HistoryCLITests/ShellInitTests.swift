import Foundation
import Testing

/// `history shell-init`: an interactive bash, zsh and fish started with the README's start-up line
/// run `history diff 2023 2024` as this program and `history 1` as their own history.
@Suite struct ShellInitTests {
    /// A home folder with the start-up file a user writes, and `budget-history` on PATH (as
    /// Tools/install.sh installs it) pointing at the built binary.
    struct Home {
        let path = NSTemporaryDirectory() + "history-shell-" + UUID().uuidString
        var bin: String { path + "/bin" }

        init(startup file: String, line: String) throws {
            try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: bin + "/budget-history", withDestinationPath: historyBinary())
            let url = URL(fileURLWithPath: path + "/" + file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try (line + "\n").write(to: url, atomically: true, encoding: .utf8)
            // One remembered command, so the shell's own `history` has something to show.
            try "echo remembered-before\n".write(toFile: path + "/.history", atomically: true, encoding: .utf8)
        }

        /// Runs `script` in an interactive `shell` with this home, the sample store and no terminal.
        func run(_ shell: String, _ script: String) throws -> Execution {
            try execute("/usr/bin/env", [shell, "-i", "-c", script], environment: [
                "HOME": path, "ZDOTDIR": path, "XDG_CONFIG_HOME": path + "/.config", "XDG_DATA_HOME": path + "/.local/share",
                "HISTFILE": path + "/.history", "PATH": bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
                "HISTORY_STORE": SampleCorpusCommandTests.store.path, "NO_COLOR": "1", "fish_history": "default",
            ])
        }

        func remove() { try? FileManager.default.removeItem(atPath: path) }
    }

    static func diffOfTheSample() throws -> String {
        let direct = try execute(historyBinary(), ["diff", "2023", "2024", "--store", SampleCorpusCommandTests.store.path],
                                 environment: ["NO_COLOR": "1"])
        #expect(direct.status == 0 && direct.stdout.contains("2023"), "diff on the sample store: \(direct.stderr)")
        return direct.stdout
    }

    @Test(arguments: [("bash", ".bashrc"), ("zsh", ".zshrc")])
    func historyDiffIsOursAndHistoryOneIsTheShells(shell: String, startup: String) throws {
        let home = try Home(startup: startup, line: #"eval "$(budget-history shell-init \#(shell))""#)
        defer { home.remove() }
        let expected = try Self.diffOfTheSample()

        let diff = try home.run(shell, "history diff 2023 2024")
        #expect(diff.status == 0, "\(shell): \(diff.stderr)")
        #expect(diff.stdout == expected)

        // -c skips reading HISTFILE: read it (bash's `history -r` goes through the function too),
        // then bash's `history 1` shows the last entry and zsh's lists from the first. Both show
        // the remembered line with its number, which no command of ours prints.
        let builtin = try home.run(shell, (shell == "bash" ? "history -r" : "fc -R") + "; history 1")
        #expect(builtin.status == 0, "\(shell): \(builtin.stderr)")
        let line = builtin.stdout.split(separator: "\n").first { $0.contains("remembered-before") }
        #expect(line?.trimmingCharacters(in: .whitespaces).first?.isNumber == true, "\(shell) printed: \(builtin.stdout)")

        // Options first, as typed: --store before the subcommand, and --version.
        let store = try home.run(shell, "history --store \(SampleCorpusCommandTests.store.path) diff 2023 2024")
        #expect(store.stdout == expected, "\(shell): \(store.stderr)")
        #expect(try home.run(shell, "history --version").stdout.hasPrefix("history "))
    }

    @Test func fishKeepsItsOwnHistoryFunction() throws {
        let home = try Home(startup: ".config/fish/config.fish", line: "budget-history shell-init fish | source")
        defer { home.remove() }
        let expected = try Self.diffOfTheSample()
        let diff = try home.run("fish", "history diff 2023 2024")
        #expect(diff.status == 0 && diff.stdout == expected, "fish: \(diff.stderr)")
        // fish's own function still answers its subcommands (`history search`), and still exists.
        let own = try home.run("fish", "history search --max 1 zzz-nothing-like-this; echo status=$status; functions -q __history_fish_own; and echo kept")
        #expect(own.stdout.contains("status=0") && own.stdout.contains("kept"), "fish: \(own.stdout) \(own.stderr)")
    }

    /// `--store` first, as users type it: before a subcommand, before `help`, or alone.
    @Test func theStoreOptionMayComeFirst() throws {
        let store = SampleCorpusCommandTests.store.path
        let first = try execute(historyBinary(), ["--store", store, "units"])
        let after = try execute(historyBinary(), ["units", "--store", store])
        #expect(first.status == 0 && first.stdout == after.stdout)
        #expect(try execute(historyBinary(), ["--store=" + store, "status"]).stdout.contains("Store        \(store)"))
        let help = try execute(historyBinary(), ["--store", store, "help", "diff"])
        #expect(help.status == 0 && help.stdout.contains("USAGE: history diff"))
        let alone = try execute(historyBinary(), ["--store", store])
        #expect(alone.stdout.contains("SUBCOMMANDS:"), "\(alone.stderr)")
        #expect(try execute(historyBinary(), ["--store", store, "nosuch"]).status == 64)
    }

    @Test func theFunctionQuotesThePathAndNamesEverySubcommand() throws {
        let bash = try execute(historyBinary(), ["shell-init", "bash"])
        #expect(bash.status == 0)
        for word in ["import", "diff", "timeline", "report", "shell-init", "--store", "--store=*", "--version", "builtin history \"$@\""] {
            #expect(bash.stdout.contains(word), "the bash function lacks \(word)")
        }
        #expect(try execute(historyBinary(), ["shell-init", "tcsh"]).status == 64)
    }
}
