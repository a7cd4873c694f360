import ArgumentParser
import Foundation
import History

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "List the events of the store, oldest first.",
        discussion: """
            text prints one line per event; ndjson prints one JSON object per line with the fields \
            sequence, type, schemaVersion, recordedAt (ISO 8601, UTC) and payload — the event as this \
            build reads it, older schema versions already upcast.

            Examples:
              history log
              history log --doc 3f2a9c --format ndjson | jq .payload.parsed.identity
              history log --from 100 --limit 20
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, ndjson
    }

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "Output format: text or ndjson.")
    var format: Format = .text

    @Option(help: ArgumentHelp("Only events about the document whose SHA-256 starts with HASH.", valueName: "HASH"))
    var doc: String?

    @Option(help: ArgumentHelp("Start at this sequence number.", valueName: "SEQ"))
    var from: UInt64 = 1

    @Option(help: ArgumentHelp("Print at most N events.", valueName: "N"))
    var limit: Int?

    func validate() throws {
        if let doc, doc.count < 4 || !doc.allSatisfy(\.isHexDigit) {
            throw ValidationError("--doc takes at least 4 hexadecimal digits of a document's SHA-256.")
        }
        if let limit, limit < 0 { throw ValidationError("--limit must not be negative.") }
    }

    func run() throws {
        let store = try storeOptions.open()
        let prefix = doc?.lowercased()
        var printed = 0
        let wanted = limit ?? .max
        try store.read { txn in
            try store.log.scan(from: max(from, 1), in: txn) { recorded in
                guard printed < wanted else { return false }
                let event = try RecordedHistoryEvent(decoding: recorded)
                if let prefix, !(event.event.contentHash?.hasPrefix(prefix) ?? false) { return true }
                print(format == .text ? EventLine.text(event) : try EventLine.ndjson(event))
                printed += 1
                return true
            }
        }
    }
}
