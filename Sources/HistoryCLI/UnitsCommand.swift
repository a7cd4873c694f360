import ArgumentParser
import History

struct UnitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "units",
        abstract: "List every unit, the names it is known by and how each name was matched, its years and documents.",
        discussion: """
            Documents name their unit in many ways (武汉市武昌区医疗保障局, 武昌区医疗保障局, a typo like \
            武汉市武昌区医保障局). Names are matched conservatively and every match says which rule made it: \
            same-name, folded (width and spaces), prefix-dropped (a leading province or city), party-organ \
            (中国共产党X委员会, 中共X委 and X委 are one organ), own-level (a name with （本级）), \
            spelled-inside-document, counterparty-qualified (区民政局 read in 武昌区), declared-alias \
            (`history alias`), and others. A unit known only as the other side of a transfer is listed too.

            Examples:
              history units
              history units --format json | jq -c '.units[] | [.unit, .documents[].year]'
              history units --format csv > units.csv
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "Output format: text, json or csv (one row per unit and document).")
    var format: Format = .text

    @OptionGroup var csvOptions: CSVOptions

    func validate() throws { try csvOptions.validate(isCSV: format == .csv) }

    func run() throws {
        let queries = try storeOptions.queries()
        let directory = try queries.units()
        switch format {
        case .text:
            var text = directory.units.isEmpty ? "no units: import disclosures with `history import FILE…`\n"
                                               : UnitsRenderer().text(directory, style: Terminal.style)
            let aliases = try queries.declaredAliases()
            if !aliases.isEmpty {
                text += "\ndeclared aliases (history alias)\n"
                for alias in aliases { text += "  \(alias.alias) → \(alias.canonical) (event \(alias.sequence))\n" }
            }
            let unplaced = try queries.documentsWithoutUnit()
            if !unplaced.isEmpty {
                text += "\n\(unplaced.count) document(s) whose unit the parser could not find, so in no unit: "
                    + unplaced.map { String($0.prefix(12)) }.joined(separator: ", ")
                    + " (see `history log --doc HASH`; if you know the unit, `history identify HASH --unit 单位名称`)\n"
            }
            Terminal.write(text)
        case .json: Terminal.write(UnitsRenderer().json(directory))
        case .csv: Terminal.write(csvOptions.opening + UnitsCSV().csv(directory))
        }
    }
}
