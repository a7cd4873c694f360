import ArgumentParser
import Foundation
import History

struct RebuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Fold projections again from the whole log.",
        discussion: """
            Projections are views of the log (documents, units, facts …) kept up to date as events are \
            appended; they never hold anything the log does not. A rebuild empties them and folds every \
            event again, all in one write transaction: readers keep seeing the previous projections \
            until it commits, never a half-built one. A projection whose code changed version is rebuilt \
            by itself when the store is opened; run this after `history verify` reports a difference.

            Examples:
              history rebuild
              history rebuild documents
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("Projections to rebuild (see `history status`); all when none is given.", valueName: "PROJECTION"))
    var names: [String] = []

    func run() throws {
        let store = try storeOptions.open()
        let started = Date()
        let summary: RebuildSummary
        do {
            summary = try store.rebuildProjections(named: names.isEmpty ? nil : names)
        } catch let error as StoreError {
            throw CommandFailure(error.description)
        }
        let seconds = Date().timeIntervalSince(started)
        let rate = { (count: Int) in seconds > 0 ? String(format: "%.0f", Double(count) / seconds) : "-" }
        print("Rebuilt \(summary.projections.joined(separator: ", ")) from \(summary.events) events (\(summary.facts) facts) "
              + String(format: "in %.2f s", seconds) + ": \(rate(summary.events)) events/s, \(rate(summary.facts)) facts/s")
    }
}
