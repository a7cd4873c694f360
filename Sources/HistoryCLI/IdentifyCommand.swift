import ArgumentParser
import Disclosure
import History

/// `--unit`, `--year`, `--kind`: what a user says a document is, shared by `import` and `identify`.
struct IdentityOptions: ParsableArguments {
    @Option(help: "The unit, as the document would print it (中共江苏省委办公厅).")
    var unit: String?

    @Option(help: "The fiscal year the document reports on (2019).")
    var year: Int?

    @Option(help: "部门决算, 部门预算, 单位决算 or 单位预算 (决算 or 预算 alone keeps the scope read).")
    var kind: String?

    func validate() throws {
        if let year, !(1990...2100).contains(year) { throw ValidationError("--year takes a year from 1990 to 2100, not \(year).") }
        if let kind, StatedIdentity.kind(kind) == nil {
            throw ValidationError("--kind takes 部门决算, 部门预算, 单位决算, 单位预算, 决算 or 预算, not \(kind).")
        }
        if let unit, unit.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--unit must name a unit.") }
    }

    var stated: StatedIdentity {
        let kind = self.kind.flatMap(StatedIdentity.kind)
        return StatedIdentity(unit: unit?.trimmingCharacters(in: .whitespaces), year: year, kind: kind?.0, scope: kind?.1)
    }

    /// The options as typed, for the identity's evidence: "--year 2019 --kind 部门预算".
    var words: String {
        [unit.map { "--unit \($0)" }, year.map { "--year \($0)" }, kind.map { "--kind \($0)" }].compactMap { $0 }.joined(separator: " ")
    }
}

struct IdentifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "identify",
        abstract: "Say what a document is (unit, year, kind) where it does not print it.",
        discussion: """
            Some files print no year or no unit at all: the tables half of a disclosure published as \
            two files, a scan's text. Nothing is edited: this appends DocumentIdentified with what you \
            said and a DocumentParsed of the document's latest parse with it laid over the identity the \
            parser read (its evidence says you said it). A year moves the document's facts to that year \
            (a previous-year column one earlier). A later `history replay` keeps what you said.

            DOC is the document's SHA-256, a unique prefix of it (at least 4 digits), or the file name \
            it was imported under.

            Examples:
              history identify 2baf474e2d65 --year 2019
              history identify 2baf474e2d65 --unit 江苏省人大常委会办公厅 --kind 部门预算
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("The document: hash, unique hash prefix, or imported file name.", valueName: "DOC"))
    var document: String

    @OptionGroup var identity: IdentityOptions

    func validate() throws {
        guard !identity.stated.isEmpty else { throw ValidationError("Say at least one of --unit, --year, --kind.") }
    }

    func run() throws {
        let store = try storeOptions.open()
        let record = try resolveDocument(document, in: store)
        let name = record.sourceNames.first ?? ""
        do {
            let (sequences, filed) = try store.identify(record.contentHash, stated: identity.stated,
                                                         said: "history identify \(identity.words)")
            let unit = filed.unit.isEmpty ? "(no unit yet: say it with --unit)" : filed.unit
            let year = filed.year == 0 ? "(no year yet: say it with --year)" : String(filed.year)
            print("\(record.contentHash.prefix(12))  \(name) is now \(unit) \(year) \(filed.title) "
                  + "(events \(sequences.map(String.init).joined(separator: ", ")))")
        } catch let error as IdentifyError {
            throw CommandFailure(error.description)
        }
    }
}
