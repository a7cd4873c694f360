import ArgumentParser
import History

struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Show how much of each document the reader read: table cells, rows, tables and names it could not place.",
        discussion: """
            `history check` reports only what a document gets wrong. What the reader itself could not \
            read is listed here instead, per document: table facts, the share of table cells with a \
            figure that became facts (cells read), cells no fact key names (unmapped), lines of \
            figures that fell in no row, tables whose title survived but whose rows did not (tables \
            lost), narrative items whose 类/款/项 path named no known code, and whether the document \
            was found a unit and a year. The last line adds it all up. Use it to judge how far to \
            trust what was read, and to measure a change to the reader (`history replay`, then \
            `history coverage` again).

            The JSON form lists every note of the reader with its rule and lines (rules \
            unmapped-cell, unreadable-row, table-missing, unresolved-name, unknown-code, \
            name-mismatch, identity-missing, pdf-paths-disagree). Exit status 0 whatever it shows.

            Examples:
              history coverage
              history coverage --unit 武昌区医疗保障局
              history coverage --format json | jq '.summary'
              history coverage --format csv > coverage.csv
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: ArgumentHelp("Only the documents of this unit (any name it is known by).", valueName: "UNIT"))
    var unit: String?

    @Option(help: "Output format: text, json or csv.")
    var format: Format = .text

    func run() throws {
        let coverages = try storeOptions.queries().coverage(unit: unit)
        switch format {
        case .text: Terminal.write(CoverageRenderer().text(coverages, style: Terminal.style))
        case .json: Terminal.write(CoverageRenderer().json(coverages))
        case .csv: Terminal.write(CoverageRenderer().csv(coverages))
        }
    }
}
