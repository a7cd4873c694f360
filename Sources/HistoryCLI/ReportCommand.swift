import ArgumentParser
import Foundation
import History

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a static HTML report: a corpus page and one page per unit, with charts and every figure's source.",
        discussion: """
            DIR receives index.html (the corpus page: largest changes, units with sparklines, \
            transfers, documents) and units/<unit>.html, one page per unit: its totals over the years \
            (hatched where a year is only implied by the next document's stated change), the items that \
            moved most, spending against budget, transfers, the unit's reasons beside what they explain, \
            and the snippet every figure was read from. Pages fetch nothing and run no script: open \
            index.html from disk, zip the folder or mail it.

            The report is written to a new folder beside DIR and then moved into place, so a failed run \
            never leaves half a report; a report already in DIR is replaced. Prints the path of index.html.
            The kind reported is the one the store has documents of for those years (决算 first when it \
            has both); --kind picks.

            Examples:
              history report --out out/report
              history report --unit 武昌区医疗保障局 --unit 武汉市武昌区医疗保障管理委员会办公室 --out out/two
              history report --years 2023..2024 --out out/recent
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .customLong("unit"), help: ArgumentHelp(
        "Only this unit (any name it is known by); repeat for more. Default: every unit.", valueName: "UNIT"), completion: StoreCompletion.unitNames)
    var units: [String] = []

    @Option(help: ArgumentHelp("Only these years: A..B, or one year.", valueName: "A..B"))
    var years: YearRange?

    @OptionGroup var kindOptions: KindOptions

    @Option(help: ArgumentHelp("The folder to write the report to; created when missing.", valueName: "DIR"))
    var out: String

    func run() throws {
        let queries = try storeOptions.queries()
        let range = years?.range
        let (kind, note) = try kindOptions.choose({
            // One unit's kinds when one is named; the years' documents and the next year's, which imply them.
            try queries.kindEvidence(years: range.map { $0.lowerBound...($0.upperBound + 1) }, unit: units.count == 1 ? units[0] : nil)
        }, for: range.map { "\($0.lowerBound)–\($0.upperBound + 1)" } ?? "every year")
        if let note { printError(note) }
        let report = try queries.report(units: units, years: range, kind: kind)
        let folder = URL(fileURLWithPath: out).standardizedFileURL
        try ReportFolder(url: folder).replace(with: report.files())
        Terminal.write(folder.appendingPathComponent("index.html").path + "\n")
    }
}

/// Years typed as `2022..2024` or `2023`.
struct YearRange: ExpressibleByArgument {
    var range: ClosedRange<Int>

    init?(argument: String) {
        let parts = argument.components(separatedBy: "..")
        guard (1...2).contains(parts.count), let first = Int(parts[0]), let last = Int(parts[parts.count - 1]), first <= last else {
            return nil
        }
        range = first...last
    }

    static var defaultCompletionKind: CompletionKind { .default }
}
