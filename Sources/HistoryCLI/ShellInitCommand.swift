import ArgumentParser
import Foundation

struct ShellInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shell-init",
        abstract: "Print the shell function that lets `history diff 2023 2024` reach this program, not the shell's history list.",
        discussion: """
            `history` is a builtin of bash and zsh and a function of fish, so a shell runs its own \
            history list before it looks for a program of that name. The function printed here takes \
            its place: `history` followed by one of this program's subcommands or options (--store, \
            --version, --help) runs this program; anything else (`history`, `history 20`, `history -c`, \
            fish's `history search`) goes to the shell's own history as before.

            Add one line to the shell's start-up file (the installed name budget-history is never a \
            builtin, so it works before the function exists, and in scripts):
              bash  ~/.bashrc                   eval "$(budget-history shell-init bash)"
              zsh   ~/.zshrc                    eval "$(budget-history shell-init zsh)"
              fish  ~/.config/fish/config.fish  budget-history shell-init fish | source

            Examples:
              history shell-init bash
              history shell-init fish
            """)

    @Argument(help: "The shell: bash, zsh or fish.")
    var shell: ShellFunction.Shell

    func run() throws {
        Terminal.write(ShellFunction(shell: shell, executable: InvokedProgram.path, words: HistoryCommand.firstWords).script)
    }
}

/// The shell function named `history` that sends our subcommands to `executable` and everything
/// else to the shell's own history.
struct ShellFunction {
    enum Shell: String, ExpressibleByArgument, CaseIterable { case bash, zsh, fish }

    var shell: Shell
    /// The absolute path of this program, written into the function so no PATH look-up is needed.
    var executable: String
    /// The first words that mean this program: its subcommands and its own options.
    var words: [String]

    var script: String {
        switch shell {
        case .bash, .zsh:
            // One function for both: `case` patterns and `builtin` mean the same in bash and zsh.
            let patterns = (words + ["--store=*"]).joined(separator: "|")
            // zsh completes `history` with budget-history's completion when it is installed
            // (Tools/install.sh; never as _history, the name of zsh's own history completer).
            let completion = shell == .zsh
                ? "() { (( $# && $+functions[compdef] )) && compdef _budget-history history; return 0 } ${^fpath}/_budget-history(N)\n" : ""
            return """
                # history: this program for its subcommands and options, the shell's history list otherwise.
                history() {
                    case "${1-}" in
                        \(patterns)) \(Self.posixQuoted(executable)) "$@" ;;
                        *) builtin history "$@" ;;
                    esac
                }
                \(completion)
                """
        case .fish:
            // fish's own `history` is a function (wrapping `builtin history`): keep it under
            // another name once, and hand it every call that is not ours.
            return """
                # history: this program for its subcommands and options, fish's history otherwise.
                if not functions -q __history_fish_own; and functions -q history
                    functions -c history __history_fish_own
                end
                function history --description 'budget disclosures, or the shell history'
                    if contains -- "$argv[1]" \(words.joined(separator: " ")); or string match -q -- '--store=*' "$argv[1]"
                        \(Self.fishQuoted(executable)) $argv
                    else if functions -q __history_fish_own
                        __history_fish_own $argv
                    else
                        builtin history $argv
                    end
                end

                """
        }
    }

    /// `text` as one word for bash and zsh.
    static func posixQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// `text` as one word for fish (inside single quotes only \ and ' are special).
    static func fishQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: #"\"#, with: #"\\"#).replacingOccurrences(of: "'", with: #"\'"#) + "'"
    }
}

/// The program as it was started: its file, and the name to print in usage.
enum InvokedProgram {
    /// The running executable's absolute path (/proc/self/exe on Linux), else argv[0] as given.
    static var path: String {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }

    /// `budget-history` when started by that name (scripts), otherwise `history`.
    static var name: String {
        URL(fileURLWithPath: CommandLine.arguments.first ?? "history").lastPathComponent == scriptName ? scriptName : "history"
    }

    /// The second installed name: no shell builtin and no Debian package uses it.
    static let scriptName = "budget-history"
}
