import ArgumentParser
import Disclosure
import History

struct TrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "Print one fact key as a series: one row per unit and year, with where each value came from.",
        discussion: """
            KEY is a fact key of the public vocabulary (`history keys`, docs/FACTS.md): grand.total, \
            expense.total, function.expense.total, three_public.actual.total, … Each row is a unit's \
            value for a year: from that year's own document when there is one (a table preferred over a \
            sentence), else implied by the next year's stated change; `origin` says which. Other values \
            stated for the same row are listed, never dropped. A classified key without --code gives one \
            row per code.

            Examples:
              history trend grand.total
              history trend expense.total --unit 武昌区医疗保障管理委员会办公室 --format csv
              history trend function.expense.total --code 2101199 --format csv
              history trend expense.total --kind 预算 --format csv --bom
              history trend function.expense.total --format wide > units-by-year.csv
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json, wide }

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: ArgumentHelp("Only this unit (any name it is known by).", valueName: "UNIT"), completion: StoreCompletion.unitNames)
    var unit: String?

    @Option(help: ArgumentHelp("Only this classification code (2101199, 21011, 210).", valueName: "CODE"))
    var code: String?

    @Option(help: ArgumentHelp("Only this kind of disclosure: 决算 or 预算.", valueName: "KIND"))
    var kind: DisclosureKind?

    @Option(help: "Output format: text, csv, json, or wide (CSV: one row per unit, one column per year, money in 元).")
    var format: Format = .text

    @OptionGroup var csvOptions: CSVOptions

    func validate() throws { try csvOptions.validate(isCSV: format == .csv || format == .wide) }

    @Argument(help: ArgumentHelp("The fact key, e.g. grand.total.", valueName: "KEY"), completion: StoreCompletion.factKeys)
    var key: String

    func run() throws {
        let factKey = try FactKeyArgument.parse(key)
        let points = try storeOptions.queries().trend(key: factKey, unit: unit, code: code).filter { kind == nil || $0.kind == kind }
        switch format {
        case .text: Terminal.write(TrendRenderer().text(points, key: factKey, style: Terminal.style))
        case .csv: Terminal.write(csvOptions.opening + TrendRenderer().csv(points))
        case .json: Terminal.write(TrendRenderer().json(points, key: factKey, code: code))
        case .wide: Terminal.write(csvOptions.opening + TrendWideCSV().csv(points))
        }
    }
}

/// A fact key typed by a person, or an error listing the keys it resembles.
enum FactKeyArgument {
    static func parse(_ text: String) throws -> FactKey {
        if let key = FactKey(rawValue: text) { return key }
        let near = FactVocabulary().closest(to: text).map(\.rawValue)
        let hint = (near.isEmpty ? "" : "did you mean " + near.joined(separator: ", ") + "? ") + "`history keys` lists every key"
        throw ValidationError("\(text) is not a fact key; \(hint)")
    }
}
