import ArgumentParser
import Disclosure
import History

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Show one unit across the years: totals, largest items, its reasons, transfers, and where each figure came from.",
        discussion: """
            UNIT is any name the unit is known by: its title as printed, a shorter form, another \
            spelling printed in its documents, a declared alias, or the name another unit's transfer \
            gives it. Each year's totals come from the unit's own document for that year, or are \
            implied by the next year's stated change ("与2022年度相比…减少220.84万元"), and say which. \
            Where a document states two different changes for the same total, both implied values are shown.
            The kind read is the one the unit has documents of (决算 first when it has both); --kind picks.

            Examples:
              history timeline 武昌区医疗保障局
              history timeline 武昌区医疗保障局 --format json | jq -c '.years[] | [.year, .totals]'
              history timeline 武昌区医疗保障局 --format csv --bom > timeline.csv
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json, csv }

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "Output format: text, markdown, json, or csv (one row per figure, in 元).")
    var format: Format = .text

    @OptionGroup var csvOptions: CSVOptions

    @OptionGroup var kindOptions: KindOptions

    @Argument(help: ArgumentHelp("The unit, by any name it is known by.", valueName: "UNIT"), completion: StoreCompletion.unitNames)
    var unit: String

    func validate() throws {
        try csvOptions.validate(isCSV: format == .csv)
    }

    func run() throws {
        let queries = try storeOptions.queries()
        let (kind, note) = try kindOptions.choose({ try queries.kindEvidence(years: nil, unit: unit) }, for: unit)
        if let note { printError(note) }
        let timeline = try queries.timeline(unit: unit, kind: kind)
        switch format {
        case .text: Terminal.write(TimelineRenderer().text(timeline, style: Terminal.style))
        case .markdown: Terminal.write(TimelineRenderer().markdown(timeline))
        case .json: Terminal.write(TimelineRenderer().json(timeline))
        case .csv: Terminal.write(csvOptions.opening + TimelineCSV().csv(timeline))
        }
    }
}
