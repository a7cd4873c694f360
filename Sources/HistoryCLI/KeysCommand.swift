import ArgumentParser
import History

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "List every fact key with its 中文 label and the measure its values carry.",
        discussion: """
            The public fact vocabulary (docs/FACTS.md is the contract; its "Every key" table is \
            `history keys --format markdown`). Measure: money (元, 千元, 万元 or 亿元 as printed; the \
            `yuan` column of facts has it in 元), %, 个, 辆, 人次, 台(套), any (an indicator: a number or \
            text) or statement (a stated change or reason: see delta, pct, reason). Needs no store.

            Examples:
              history keys
              history keys --format csv --bom > keys.csv
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, csv, json }

    @Option(help: "Output format: text, markdown, csv or json.")
    var format: Format = .text

    @OptionGroup var csvOptions: CSVOptions

    func validate() throws { try csvOptions.validate(isCSV: format == .csv) }

    func run() throws {
        let renderer = KeysRenderer()
        switch format {
        case .text: Terminal.write(renderer.text(style: Terminal.style))
        case .markdown: Terminal.write(renderer.markdown())
        case .csv: Terminal.write(csvOptions.opening + renderer.csv())
        case .json: Terminal.write(renderer.json())
        }
    }
}
