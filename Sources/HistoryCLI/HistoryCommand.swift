import ArgumentParser
import History

@main
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: InvokedProgram.name,
        abstract: "Keep Chinese government budget disclosures (部门决算/部门预算) as an immutable event log, and read them back.",
        discussion: """
            Every imported file is kept byte for byte; what the parser read from it is recorded as events \
            that are never changed. The store is a directory (an LMDB environment): --store DIR (before \
            or after the subcommand), else $HISTORY_STORE, else ./.history-store in the current directory.

            In bash, zsh and fish `history` is the shell's own history list: add the line \
            `history shell-init --help` prints to the shell's start-up file, or call this program by its \
            other name, budget-history (in scripts too).

            Start with:
              history import Tests/Corpus/*.txt
              history status
              history log
            """,
        version: version,
        subcommands: [ImportCommand.self, LogCommand.self, StatusCommand.self,
                      UnitsCommand.self, TimelineCommand.self, DiffCommand.self, ExecutionCommand.self, TrendCommand.self,
                      CheckCommand.self, CoverageCommand.self, FactsCommand.self, KeysCommand.self, AliasCommand.self, ReportCommand.self,
                      ReplayCommand.self, RebuildCommand.self, RetractCommand.self, IdentifyCommand.self, VerifyCommand.self,
                      ShellInitCommand.self]
    )

    /// This program's release, and the versions of what it writes, which say more than the release.
    static let version = "history 0.1.0 (parser v\(VersionedParser.current.version), store format v\(Store.formatVersion))"

    /// The first words that mean this program rather than a shell's history: every subcommand,
    /// `help`, the options that may come first, and `---completion`, which the completion
    /// scripts send to the command they complete.
    static var firstWords: [String] {
        configuration.subcommands.compactMap { $0.configuration.commandName } + ["help", "--store", "--version", "--help", "---completion"]
    }

    /// Parses the arguments with `--store DIR` moved behind the subcommand, where it is declared.
    static func main() {
        main(GlobalOptions.movedBehindSubcommand(Array(CommandLine.arguments.dropFirst()),
                                                 subcommands: Set(configuration.subcommands.compactMap { $0.configuration.commandName })))
    }
}

/// Options every subcommand declares that users also type before the subcommand.
enum GlobalOptions {
    /// `arguments` with each `--store DIR` / `--store=DIR` that stands before the first subcommand
    /// name moved just after it. Before `help`, or before nothing, they are dropped: help needs no
    /// store. Anything else stays where it is, for the parser to report.
    static func movedBehindSubcommand(_ arguments: [String], subcommands: Set<String>) -> [String] {
        var leading: [String] = [], index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--store", index + 1 < arguments.count {
                leading += [argument, arguments[index + 1]]
                index += 2
            } else if argument.hasPrefix("--store=") {
                leading.append(argument)
                index += 1
            } else {
                break
            }
        }
        guard !leading.isEmpty else { return arguments }
        if index == arguments.count || arguments[index] == "help" { return Array(arguments[index...]) }
        guard subcommands.contains(arguments[index]) else { return arguments }
        return [arguments[index]] + leading + arguments[(index + 1)...]
    }
}
