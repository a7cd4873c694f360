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

            Examples:
              history timeline 武昌区医疗保障局
              history timeline 武昌区医疗保障局 --format json | jq -c '.years[] | [.year, .totals]'
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json }

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "Output format: text, markdown or json.")
    var format: Format = .text

    @Flag(help: "Read the unit's 预算 (budgets) instead of its 决算 (final accounts).")
    var budget = false

    @Argument(help: ArgumentHelp("The unit, by any name it is known by.", valueName: "UNIT"))
    var unit: String

    func run() throws {
        let timeline = try storeOptions.queries().timeline(unit: unit, kind: budget ? .budget : .finalAccount)
        switch format {
        case .text: Terminal.write(TimelineRenderer().text(timeline, style: Terminal.style))
        case .markdown: Terminal.write(TimelineRenderer().markdown(timeline))
        case .json: Terminal.write(TimelineRenderer().json(timeline))
        }
    }
}
