import ArgumentParser
import History

struct ExecutionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "execution",
        abstract: "Set a unit's 预算 beside its 决算 of the same year: planned against spent, and why they differ.",
        discussion: """
            For the totals and item by item (function classification code): the figure of the \
            year's 预算 document, the figure of its 决算, the difference, the execution rate (决算 as \
            a percentage of 预算), and the 年初预算 the 决算 itself states (a budget adjusted during \
            the year shows as a difference between the two); then the reasons the 决算 gives for \
            spending differently from the budget. A missing document is named, with what to import.

            Examples:
              history execution 武昌区医疗保障局 2023
              history execution 武昌区医疗保障局 2023 --format json | jq '.totals'
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: ArgumentHelp("How many items the text lists, largest gaps first (JSON lists all).", valueName: "N"))
    var items = 12

    @Argument(help: ArgumentHelp("The unit, by any name it is known by.", valueName: "UNIT"), completion: StoreCompletion.unitNames)
    var unit: String

    @Argument(help: ArgumentHelp("The year.", valueName: "YEAR"), completion: StoreCompletion.years)
    var year: Int

    func validate() throws {
        guard items >= 0 else { throw ValidationError("--items must not be negative.") }
    }

    func run() throws {
        let execution = try storeOptions.queries().execution(unit: unit, year: year)
        switch format {
        case .text: Terminal.write(ExecutionRenderer(items: items).text(execution, style: Terminal.style))
        case .json: Terminal.write(ExecutionRenderer(items: items).json(execution))
        }
    }
}
