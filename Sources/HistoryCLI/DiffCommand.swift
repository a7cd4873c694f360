import ArgumentParser
import Disclosure
import History

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Explain what changed between two years, unit by unit, and why.",
        discussion: """
            For every unit with evidence for either year (or only --unit): the totals of both years \
            with change and percent, and the evidence behind each — the year's own document, or implied \
            by a later document's stated change; the items that moved most, by classification code; the \
            reasons the unit gave, labelled for what they explain (year-over-year, or budget variance); \
            transfers in and out; items that left one unit and appeared in another; and, where evidence \
            is missing, which document to import to complete the picture.

            The kind compared is the one the store has documents of for A to B + 1 (决算 first when \
            it has both; standard error says which when there is a choice or it is 预算); --kind picks.

            JSON output is a stable, documented schema (docs/schemas/diff.schema.json); CSV lists every \
            total and item in 元, one row each (README, "Fact output").

            Examples:
              history diff 2023 2024
              history diff 2022 2023 --unit 武昌区医疗保障局
              history --store ~/budgets diff 2023 2024 --kind 预算
              history diff 2023 2024 --format json | jq -c '.units[] | [.unit, .totals]'
              history diff 2023 2024 --format csv > changes.csv
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json, csv }

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: ArgumentHelp("Only this unit (any name it is known by) and what moved to or from it.", valueName: "UNIT"), completion: StoreCompletion.unitNames)
    var unit: String?

    @Option(help: "Output format: text, markdown, json, or csv (every total and item, in 元).")
    var format: Format = .text

    @OptionGroup var csvOptions: CSVOptions

    @Option(help: ArgumentHelp("How many item changes per unit text and markdown list (JSON lists all).", valueName: "N"))
    var items = 8

    @OptionGroup var kindOptions: KindOptions

    @Argument(help: ArgumentHelp("The earlier year.", valueName: "A"), completion: StoreCompletion.years)
    var from: Int

    @Argument(help: ArgumentHelp("The later year.", valueName: "B"), completion: StoreCompletion.years)
    var to: Int

    func validate() throws {
        guard from < to else { throw ValidationError("A must be the earlier year, e.g. `history diff 2023 2024`.") }
        guard items >= 0 else { throw ValidationError("--items must not be negative.") }
        try csvOptions.validate(isCSV: format == .csv)
    }

    func run() throws {
        let queries = try storeOptions.queries()
        // Documents of B + 1 are evidence for B too: they state changes against it.
        let (kind, note) = try kindOptions.choose({ try queries.kindEvidence(years: from...(to + 1), unit: unit) }, for: "\(from)–\(to + 1)")
        if let note { printError(note) }
        let diff = try queries.diff(from: from, to: to, unit: unit, kind: kind)
        let renderer = DiffRenderer(items: items)
        switch format {
        case .text:
            Terminal.write(diff.units.isEmpty && diff.moves.isEmpty
                ? "no unit has \(kind.rawValue) evidence for \(from) or \(to) (--kind 决算|预算 picks the kind); `history units` lists the years and kinds imported\n"
                : renderer.text(diff, style: Terminal.style))
        case .markdown: Terminal.write(renderer.markdown(diff))
        case .json: Terminal.write(renderer.json(diff))
        case .csv: Terminal.write(csvOptions.opening + DiffCSV().csv(diff))
        }
    }
}
