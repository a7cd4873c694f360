import ArgumentParser
import Foundation
import History

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that the log reads, the documents' bytes match their hashes, and the projections match the log.",
        discussion: """
            Every event is decoded (older schema versions upcast); every blob is hashed again; every \
            projection is folded again from the whole log, in a write transaction that is then thrown \
            away, and compared byte for byte with what is stored. Nothing is written.

            The exit status is 0 when all holds and 1 otherwise; what differs is printed. A projection \
            that differs is repaired by `history rebuild`; a damaged blob or event by restoring the \
            store from a backup.

            Example:
              history verify && echo intact
            """)

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        let report = try StoreVerifier(store: store).verify()
        print("events       \(report.events)" + (report.eventProblems.isEmpty ? ", all readable" : ", \(report.eventProblems.count) unreadable"))
        for problem in report.eventProblems.prefix(20) { print("  event \(problem.sequence): \(problem.message)") }
        print("blobs        \(report.blobs)" + (report.corruptBlobs.isEmpty ? ", all match their SHA-256" : ", \(report.corruptBlobs.count) do not match their SHA-256"))
        for hash in report.corruptBlobs.prefix(20) { print("  damaged blob \(hash)") }
        for hash in report.missingBlobs.prefix(20) { print("  missing blob of imported document \(hash)") }
        if !report.projectionsCompared { print("projections  not compared: the log must read before they can be folded again") }
        for database in report.databases {
            let state = database.matches ? "matches the log"
                : "differs from the log: \(database.missing) missing, \(database.unexpected) unexpected, \(database.differing) changed entries; run `history rebuild`"
            print("\(database.name)  \(database.entries) entries, \(state)")
            for example in database.examples { print("  \(example)") }
        }
        for problem in report.checkpointProblems { print(problem) }
        print(report.holds ? "verified: the store is consistent" : "NOT verified: see above")
        if !report.holds { throw ExitCode.failure }
    }
}
