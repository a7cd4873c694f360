import Foundation
import Testing

/// Tools/install.sh into a temporary prefix, from the binaries already built (a release build
/// has no place in the suite): the executable answers under both names, `man -l` shows its page
/// with the unit names of its examples, and bash completes a unit name from a store.
@Suite struct InstallTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized.path

    @Test func installIntoATemporaryPrefix() throws {
        let prefix = NSTemporaryDirectory() + "history-install-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        let build = URL(fileURLWithPath: try historyBinary()).deletingLastPathComponent().path
        let install = try execute("/bin/bash", [Self.repository + "/Tools/install.sh", "--from", build, prefix])
        try #require(install.status == 0, "install.sh: \(install.stderr)")

        let version = try execute(prefix + "/bin/budget-history", ["--version"])
        #expect(version.status == 0 && version.stdout.hasPrefix("history "))
        #expect(try execute(prefix + "/bin/history", ["shell-init", "bash"]).stdout.contains("builtin history"))
        #expect(try execute(prefix + "/bin/budget-history", ["diff", "--help"]).stdout.contains("USAGE: budget-history diff"))

        let page = try execute("/usr/bin/man", ["-l", prefix + "/share/man/man1/budget-history.1"],
                               environment: ["LANG": "C.UTF-8", "MANPAGER": "cat", "MANWIDTH": "100"])
        #expect(page.status == 0, "\(page.stderr)")
        for text in ["BUDGET-HISTORY(1)", "shell-init", "(部门决算/部门预算)", "history timeline 武昌区医疗保障局"] {
            #expect(page.stdout.contains(text), "man -l lacks \(text)")
        }
        #expect(FileManager.default.fileExists(atPath: prefix + "/share/man/man1/history.1"))
        for file in ["zsh/site-functions/_budget-history", "fish/vendor_completions.d/budget-history.fish"] {
            #expect(FileManager.default.fileExists(atPath: prefix + "/share/" + file), "no \(file)")
        }
        // Never under the shells' own names: zsh's _history completer, fish's history completions.
        for file in ["zsh/site-functions/_history", "fish/vendor_completions.d/history.fish"] {
            #expect(!FileManager.default.fileExists(atPath: prefix + "/share/" + file), "\(file) would hide the shell's own")
        }

        // zsh: with the installed completion on fpath, shell-init's function completes as budget-history.
        let zsh = try execute("/usr/bin/env", ["zsh", "-f", "-c", """
            fpath=('\(prefix)/share/zsh/site-functions' $fpath); autoload -Uz compinit; compinit -u -d '\(prefix)/zcompdump'
            eval "$('\(prefix)/bin/budget-history' shell-init zsh)"; print -r -- ${_comps[history]}
            """], environment: ["HOME": prefix])
        #expect(zsh.stdout == "_budget-history\n", "\(zsh.stderr)")

        // bash completes a unit name from the store the line names, and leaves the store as it was.
        let store = SampleCorpusCommandTests.store.path
        let data = try FileManager.default.attributesOfItem(atPath: store + "/data.mdb")
        func complete(_ line: String) throws -> [String] {
            let script = """
                source '\(prefix)/share/bash-completion/completions/budget-history'
                COMP_LINE='\(line)'
                read -ra COMP_WORDS <<< "$COMP_LINE"
                COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_POINT=${#COMP_LINE}
                # as bash calls it: the command, the word at the cursor, the word before it
                _budget-history "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
                printf '%s\\n' "${COMPREPLY[@]}"
                """
            let result = try execute("/bin/bash", ["-c", script], environment: ["PATH": prefix + "/bin:/usr/bin:/bin"])
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout.split(separator: "\n").map(String.init)
        }
        #expect(try complete("budget-history timeline --store \(store) 武汉市武昌区医疗保障管") == [SampleCorpusCommandTests.office])
        #expect(try complete("budget-history diff 2023 2024 --store \(store) --unit 武汉市").sorted()
                == [SampleCorpusCommandTests.bureau, SampleCorpusCommandTests.office])
        #expect(try complete("budget-history trend grand.t") == ["grand.total"])
        let after = try FileManager.default.attributesOfItem(atPath: store + "/data.mdb")
        #expect(after[.modificationDate] as? Date == data[.modificationDate] as? Date && after[.size] as? Int == data[.size] as? Int)
    }
}
