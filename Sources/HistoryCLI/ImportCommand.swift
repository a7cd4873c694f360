import ArgumentParser
import Foundation
import History

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Store disclosure files and record what the parser reads in them.",
        discussion: """
            Each file's bytes are kept in the store under their SHA-256; importing the same bytes again \
            appends nothing and says so. Text may be UTF-8 (with or without BOM), UTF-16 or GB18030/GBK; \
            a .pdf is read with pdftotext (apt-get install poppler-utils): its tables from word positions \
            (-bbox-layout), each fact with its page, and -layout text as the fallback. A file whose text \
            cannot be read is still stored, with the reason, so a later parser can recover it.

            A file that is empty, not a regular file, or over --max-document-megabytes is refused before \
            it is read. A document whose unit or year the parser cannot find (a tables file that prints no \
            year) is imported with a warning naming the file and the `history identify` command that says \
            it: its facts are kept, but it stays off every timeline until then. --unit, --year and --kind \
            say it at import, for every FILE given (recorded as DocumentIdentified; the evidence says you \
            said it).

            Imports may run at the same time: LMDB lets one write at a time, and an import that has to \
            wait for another says so on standard error.

            Progress goes to standard error, the summary to standard output. The exit status is 1 when \
            any file could not be imported at all (unreadable, empty, too large, or pdftotext missing) \
            or was stored but could not be read as text (its bytes are kept with the reason); \
            0 otherwise, also when every file was already imported.

            Examples:
              history import Tests/Corpus/*.txt
              history --store ~/budgets import Tests/Fixtures/budget/*.txt
              history import Tests/Corpus/real/jiangsu-npc*2019*tables.pdf --year 2019
            """)

    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup var identity: IdentityOptions

    @Option(help: "Commit after this many documents (a commit costs about as much as appending dozens).")
    var batchDocuments = 64

    @Option(help: "Commit once a batch holds this many megabytes of documents.")
    var batchMegabytes = 16

    @Option(help: "Refuse, without reading it, a file larger than this many megabytes.")
    var maxDocumentMegabytes = Importer.defaultMaximumDocumentBytes >> 20

    @Flag(name: .shortAndLong, help: "Print only failures and the summary.")
    var quiet = false

    @Argument(help: ArgumentHelp("Files to import.", valueName: "FILE"))
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Give at least one FILE to import.") }
        guard batchDocuments > 0, batchMegabytes > 0 else { throw ValidationError("Batch sizes must be positive.") }
        guard (1...4096).contains(maxDocumentMegabytes) else { throw ValidationError("--max-document-megabytes takes 1 to 4096.") }
    }

    func run() throws {
        let store = try storeOptions.open(create: true, waitingNotice: "waiting for another import to finish…")
        var importer = Importer(
            store: store, batchDocuments: batchDocuments, batchBytes: batchMegabytes << 20,
            maximumDocumentBytes: maxDocumentMegabytes << 20)
        if !identity.stated.isEmpty { importer.stated = (identity.stated, "history import \(identity.words)") }
        let total = files.count
        var done = 0, imported = 0, skipped = 0, failed = 0, unparsed = 0
        let progress = ProgressLine("import", quiet: quiet, total: total)
        importer.importFiles(files) { outcome in
            done += 1
            defer { progress.update(done: done, total: total, detail: URL(fileURLWithPath: outcome.path).lastPathComponent) }
            let counter = total > 1 ? "[\(done)/\(total)] " : ""
            switch outcome {
            case .imported(let path, let hash, .parsed(let unit, let year, let facts, let warnings)):
                imported += 1
                if unit.isEmpty || year == 0 {
                    let missing = [unit.isEmpty ? "unit" : nil, year == 0 ? "year" : nil].compactMap { $0 }.joined(separator: " and ")
                    let say = [unit.isEmpty ? "--unit 单位名称" : nil, year == 0 ? "--year YYYY" : nil].compactMap { $0 }.joined(separator: " ")
                    progress.note("\(counter)warning: imported \(path) (\(hash.hex.prefix(12))) with \(facts) facts, but it prints no \(missing) "
                               + "the reader could find, so it stays off every timeline. If you know it, say it: "
                               + "`history identify \(hash.hex.prefix(12)) \(say)`")
                } else if !quiet {
                    progress.note("\(counter)imported \(path) (\(hash.hex.prefix(12))): \(unit) \(year), \(facts) facts, \(warnings) warnings")
                }
            case .imported(let path, let hash, .failed(let reason)):
                imported += 1
                unparsed += 1
                progress.note("\(counter)stored \(path) (\(hash.hex.prefix(12))) without facts: \(reason.hasPrefix("is ") ? "it " + reason : reason)")
            case .alreadyImported(let path, let hash):
                skipped += 1
                if !identity.stated.isEmpty {
                    progress.note("\(counter)already imported \(path) (\(hash.hex.prefix(12))): nothing appended; to say what it is, "
                               + "`history identify \(hash.hex.prefix(12)) \(identity.words)`")
                } else if !quiet { progress.note("\(counter)already imported \(path) (\(hash.hex.prefix(12))): nothing appended") }
            case .failed(let path, let reason):
                failed += 1
                progress.note("\(counter)failed \(path): \(reason)")
            }
        }
        progress.finish()
        var summary = "\(imported) imported, \(skipped) already imported, \(failed) failed"
        if unparsed > 0 { summary += " (\(unparsed) imported without facts: see `history log`)" }
        print(summary + "; store \(store.path)")
        if failed > 0 || unparsed > 0 { throw ExitCode.failure }
    }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
