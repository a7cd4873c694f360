import ArgumentParser

/// The benchmark driver behind Tools/bench/run.sh: each subcommand measures one thing in a
/// process of its own (so `/usr/bin/time -v` can report its peak RSS) and prints one JSON line.
@main
struct HistoryBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history-bench",
        abstract: "Measure parsing and appending the way `history import` does, and their limits.",
        discussion: """
            Each subcommand prints one JSON object on standard output (figures of the median run)
            and a line for a person on standard error. Tools/bench/run.sh runs them all.
            """,
        subcommands: [ParseBenchmark.self, FactsDump.self, LMDBAppendBenchmark.self, SQLiteAppendBenchmark.self])
}
