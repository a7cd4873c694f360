import ArgumentParser

@main
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Keep Chinese government budget disclosures (部门决算/部门预算) as an immutable event log, and read them back.",
        discussion: """
            Every imported file is kept byte for byte; what the parser read from it is recorded as events \
            that are never changed. The store is a directory (an LMDB environment): --store DIR, else \
            $HISTORY_STORE, else ./.history-store in the current directory.

            Start with:
              history import Tests/Corpus/*.txt
              history status
              history log
            """,
        subcommands: [ImportCommand.self, LogCommand.self, StatusCommand.self,
                      UnitsCommand.self, TimelineCommand.self, DiffCommand.self, TrendCommand.self, CheckCommand.self, CoverageCommand.self,
                      FactsCommand.self, AliasCommand.self, ReportCommand.self,
                      ReplayCommand.self, RebuildCommand.self, RetractCommand.self, IdentifyCommand.self, VerifyCommand.self]
    )
}
