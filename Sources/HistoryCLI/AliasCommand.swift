import ArgumentParser
import History

struct AliasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alias",
        abstract: "Declare that ALIAS names the same unit as CANONICAL (a renamed unit, a spelling the matcher does not join).",
        discussion: """
            Automatic matching of unit names is deliberately conservative: a unit that was renamed \
            (武汉市武昌区公费医疗管理办公室 → 武汉市武昌区医疗保障管理委员会办公室) stays two units until \
            you say otherwise. The declaration is appended to the log as a UnitAliasDeclared event; \
            the documents titled ALIAS join CANONICAL's timeline at once, and `history units` shows the \
            name as declared-alias. CANONICAL must be a unit the store knows, by any of its names. A \
            later declaration for the same ALIAS replaces the earlier one.

            Example:
              history alias 武汉市武昌区公费医疗管理办公室 武汉市武昌区医疗保障管理委员会办公室
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("The other name.", valueName: "ALIAS"))
    var alias: String

    @Argument(help: ArgumentHelp("The unit it names, by any name the store knows it by.", valueName: "CANONICAL"), completion: StoreCompletion.unitNames)
    var canonical: String

    func run() throws {
        let queries = try storeOptions.queries()
        let (sequence, unit) = try queries.declareAlias(alias, canonical: canonical)
        let documents = try queries.documents(ofUnit: unit).count
        print("\(alias) is now an alias of \(unit) (event \(sequence)); that unit has \(documents) document(s)")
    }
}
