import ArgumentParser
import Foundation
import History

struct RetractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retract",
        abstract: "Withdraw a document from every view, keeping it and its history in the log.",
        discussion: """
            Appends DocumentRetracted with your reason. The document's facts leave every projection \
            (units, timelines, facts, diffs); its bytes and every earlier event stay, and `history log \
            --doc DOC` still tells its whole story. Importing the same bytes again brings it back.

            DOC is the document's SHA-256, a unique prefix of it (at least 4 digits), or the file name \
            it was imported under.

            Examples:
              history retract f642c3 --reason "a draft; the final is 7b01…"
              history retract 5f0908 --reason "duplicate of the PDF"
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("The document: hash, unique hash prefix, or imported file name.", valueName: "DOC"))
    var document: String

    @Option(help: "Why, for whoever reads the log later.")
    var reason: String

    func validate() throws {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--reason must say why.") }
    }

    func run() throws {
        let store = try storeOptions.open()
        let record = try resolveDocument(document, in: store)
        let name = record.sourceNames.first ?? ""
        guard !record.retracted else {
            print("\(record.contentHash.prefix(12))  \(name) is already retracted; nothing appended")
            return
        }
        let sequence = try store.retract(record.contentHash, reason: reason)
        print("retracted \(record.contentHash.prefix(12))  \(name) (event \(sequence)); `history import` of the same bytes brings it back")
    }
}
