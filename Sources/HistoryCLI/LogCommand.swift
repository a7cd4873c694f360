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

            --doc DOC tells one document's whole story: in text, a header (the names it was imported \
            under, its current parse, whether it is retracted) and every event about it, each parse with \
            how it differs from the one before. DOC is a SHA-256, a unique prefix of it, or a file name \
            the document was imported under.

            Examples:
              history log
              history log --doc f642c3 --format ndjson | jq .payload.parsed.identity
              history log --from 100 --limit 20
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, ndjson
    }

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "Output format: text or ndjson.")
    var format: Format = .text

    @Option(help: ArgumentHelp("Only the story of one document: its SHA-256, a unique prefix, or an imported file name.", valueName: "DOC"))
    var doc: String?

    @Option(help: ArgumentHelp("Start at this sequence number.", valueName: "SEQ"))
    var from: UInt64 = 1

    @Option(help: ArgumentHelp("Print at most N events.", valueName: "N"))
    var limit: Int?

    func validate() throws {
        if let doc, doc.isEmpty { throw ValidationError("--doc needs a hash, a hash prefix or a file name.") }
        if let limit, limit < 0 { throw ValidationError("--limit must not be negative.") }
    }

    func run() throws {
        let store = try storeOptions.open()
        let record = try doc.map { try resolveDocument($0, in: store) }
        if let record, format == .text { print(DocumentStory.header(record)) }
        var printed = 0
        let wanted = limit ?? .max
        var previousParse: DocumentStory.Parse?
        try store.read { txn in
            try store.log.scan(from: 1, in: txn) { recorded in
                guard printed < wanted else { return false }
                if let record, !DocumentStory.mentions(recorded, record.contentHash) { return true }
                let event = try RecordedHistoryEvent(decoding: recorded)
                if let record, event.event.contentHash != record.contentHash { return true }
                // Parses before --from still count as "the previous parse" of a story.
                let parse = DocumentStory.Parse(event.event)
                defer { if record != nil, let parse { previousParse = parse } }
                guard event.sequence >= from else { return true }
                if format == .text {
                    var line = EventLine.text(event)
                    if record != nil, let parse, let previousParse { line += "\n" + DocumentStory.comparison(previousParse, parse) }
                    print(line)
                } else {
                    print(try EventLine.ndjson(event))
                }
                printed += 1
                return true
            }
        }
    }
}
