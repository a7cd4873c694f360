import ArgumentParser
import Disclosure
import History

struct FactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts",
        abstract: "Print the current facts, each with its unit, year, exact value and the place in the document it was read from.",
        discussion: """
            One fact per line or row, as docs/FACTS.md defines them: schema, unit (canonical), unit_key, year, \
            kind (决算/预算), key, code, name, value (an exact decimal, never rounded through floating \
            point), measure, origin (table, narrative or implied), doc (the document's SHA-256), lines \
            [first, last], text (the snippet), and of/base_year/delta/pct/reason/counterparty for \
            statements about change. The facts are those of each document's latest parse.

            --year selects the fact's own year: a fact implied for 2022 by the 2023 document's stated \
            change is a 2022 fact.

            Examples:
              history facts --unit 武昌区医疗保障管理委员会办公室 --year 2024
              history facts --key function.expense.total --format csv > expense.csv
              history facts --format ndjson | jq -c 'select(.origin == "implied") | .value'
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: ArgumentHelp("Only this unit (any name it is known by).", valueName: "UNIT"), completion: StoreCompletion.unitNames)
    var unit: String?

    @Option(help: ArgumentHelp("Only facts of this year.", valueName: "YEAR"), completion: StoreCompletion.years)
    var year: Int?

    @Option(help: ArgumentHelp("Only this fact key, e.g. grand.total or function.expense.total.", valueName: "KEY"), completion: StoreCompletion.factKeys)
    var key: String?

    @Option(help: ArgumentHelp("Only this classification code.", valueName: "CODE"))
    var code: String?

    @Option(help: "Output format: text, ndjson, csv or json.")
    var format: FactsStream.Format = .text

    func run() throws {
        let factKey = try key.map(FactKeyArgument.parse)
        // Written a unit at a time: a whole-store dump never holds the store's facts.
        var stream = FactsStream(format: format, style: Terminal.style)
        var output = BufferedOutput()
        output.write(stream.opening())
        try storeOptions.queries().forEachUnitsFacts(unit: unit, year: year, key: factKey, code: code) { facts in
            output.write(stream.next(facts))
        }
        output.write(stream.closing())
        output.flush()
    }
}

extension FactsStream.Format: ExpressibleByArgument {}
