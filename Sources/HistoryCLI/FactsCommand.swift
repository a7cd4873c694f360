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
            [first, last], text (the snippet), the typed columns amount (as printed, in measure), yuan \
            (money in 元, exact) and value_text, page, doc_year, ordinal (1, 2… for facts of one key read \
            on the same lines), and of/base_year/delta/pct/reason/counterparty for statements about \
            change. The facts are those of each document's latest parse.

            --year selects the fact's own year: a fact implied for 2022 by the 2023 document's stated \
            change is a 2022 fact.

            Examples:
              history facts --unit 武昌区医疗保障管理委员会办公室 --year 2024
              history facts --key function.expense.total --format csv > expense.csv
              history facts --kind 预算 --format csv --bom > budgets-for-excel.csv
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

    @Option(help: ArgumentHelp("Only facts of this kind of disclosure: 决算 or 预算.", valueName: "KIND"))
    var kind: DisclosureKind?

    @Option(help: "Output format: text, ndjson, csv or json.")
    var format: FactsStream.Format = .text

    @OptionGroup var csvOptions: CSVOptions

    func validate() throws { try csvOptions.validate(isCSV: format == .csv) }

    func run() throws {
        let factKey = try key.map(FactKeyArgument.parse)
        // Written a unit at a time: a whole-store dump never holds the store's facts.
        var stream = FactsStream(format: format, style: Terminal.style)
        var output = BufferedOutput()
        output.write(csvOptions.opening + stream.opening())
        try storeOptions.queries().forEachUnitsFacts(unit: unit, year: year, key: factKey, code: code) { facts in
            output.write(stream.next(kind.map { kind in facts.filter { $0.kind == kind } } ?? facts))
        }
        output.write(stream.closing())
        output.flush()
    }
}

extension FactsStream.Format: ExpressibleByArgument {}
