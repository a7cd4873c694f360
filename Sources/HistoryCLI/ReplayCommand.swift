import ArgumentParser
import Foundation
import History

struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Parse every stored document again with this build's parser and record what changed.",
        discussion: """
            For each imported, non-retracted document the stored bytes are read again and parsed. Where \
            the result differs from the document's latest parse (or that parse had failed), a new \
            DocumentParsed with this parser's version is appended and folded into every projection; \
            the old parses stay in the log. The report lists, per changed document, the facts added (+), \
            removed (-) and changed (~, old → new value) and the warnings gained and lost, then a summary. \
            Facts of the two parses are matched by key, year, code, name, origin, the statement fields \
            of/base year/counterparty and the line they start on (then, for the rest, without the line).

            Replaying twice in a row appends nothing the second time. --force appends a new parse for \
            every selected document even where nothing differs: for after a change the parser version \
            does not capture (an edited classification catalogue, a rebuilt pdftotext).

            Progress goes to standard error, the report to standard output.

            Examples:
              history replay --dry-run
              history replay --unit 医疗保障局 --format json | jq '.totals'
              history replay --doc f642c3
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var storeOptions: StoreOptions

    @Flag(help: "Report what would change; append nothing.")
    var dryRun = false

    @Flag(help: "Append a new parse for every selected document, even where nothing differs.")
    var force = false

    @Option(help: ArgumentHelp("Only documents whose parsed unit name is or contains U.", valueName: "U"), completion: StoreCompletion.unitNames)
    var unit: String?

    @Option(help: ArgumentHelp("Only this document: a SHA-256, a unique prefix of it, or a file name it was imported under. Repeatable.", valueName: "DOC"))
    var doc: [String] = []

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: "Documents parsed and appended per write transaction.")
    var batchDocuments = 64

    @Flag(name: .shortAndLong, help: "No progress on standard error.")
    var quiet = false

    func validate() throws {
        guard batchDocuments > 0 else { throw ValidationError("--batch-documents must be positive.") }
    }

    func run() throws {
        let store = try storeOptions.open()
        var options = ParserReplay.Options(dryRun: dryRun, force: force, unit: unit)
        if !doc.isEmpty { options.documents = Set(try doc.map { try resolveDocument($0, in: store).contentHash }) }
        let progress = ProgressLine("replay", quiet: quiet)
        let started = Date()
        let report = try ParserReplay(store: store, batchDocuments: batchDocuments).run(options) { step in
            progress.update(done: step.done, total: step.total, detail: "\(step.changed) changed")
        }
        progress.finish()
        let seconds = Date().timeIntervalSince(started)
        switch format {
        case .text:
            print(report.text(), terminator: "")
            if !quiet {
                printError(String(format: "%.2f s, %.0f documents/s", seconds, seconds > 0 ? Double(report.examined) / seconds : 0))
            }
        case .json:
            print(report.json.serialized(), terminator: "")
        }
    }
}

/// The document a DOC argument names, or a failure saying why none or several match.
func resolveDocument(_ reference: String, in store: Store) throws -> DocumentRecord {
    guard let documents = store.projection(DocumentsProjection.self) else { throw CommandFailure("this store keeps no documents projection") }
    do {
        return try store.read { try documents.resolve(reference, in: $0) }
    } catch let error as DocumentLookupError {
        throw CommandFailure(error.description)
    }
}
