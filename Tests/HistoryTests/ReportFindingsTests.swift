import Foundation
import Testing
import Disclosure
@testable import History

/// The findings page the report writes per unit when it was checked: grouped by severity, each
/// finding with its rule, values and the lines it cites quoted with their page; linked from the
/// unit page.
@Suite struct ReportFindingsTests {
    static func checkedReport() -> [ReportFile] {
        let documents = SampleCorpus.documents
        let directory = UnitDirectory(documents: documents)
        let timelines = directory.units.map { record in
            let concerning = Set(directory.documentsConcerning(record.id))
            return UnitTimeline(unit: record.id, directory: directory, documents: documents.filter { concerning.contains($0.contentHash) })
        }
        return HTMLReport(timelines: timelines, overview: CorpusOverview(directory: directory),
                          findings: ConsistencyCheck.run(documents: documents, directory: directory)).files()
    }

    @Test func everyUnitPageIsFollowedByItsFindingsPage() {
        let units = ["武昌区民政局", ReportTests.bureau, ReportTests.office].map { UnitID(key: $0) }
        #expect(Self.checkedReport().map(\.path) == ["index.html"] + units.flatMap { [HTMLReport.pagePath(of: $0), HTMLReport.findingsPath(of: $0)] })
        // Unchecked, the report has no findings pages and no links to them.
        let unchecked = ReportTests.report()
        #expect(!unchecked.contains { $0.path.hasPrefix("findings/") })
        #expect(!unchecked.contains { $0.contents.contains("<p class=\"findings-link") })
    }

    /// The bureau's 2023 决算 states its change since 2022 twice: 收、支总计 减少220.84万元 (line 189)
    /// and 收入合计 减少220.83万元 (line 198), both against 479.44.
    @Test func theBureausStatedChangesAreOnItsPageQuoted() throws {
        let files = Self.checkedReport()
        let unitPage = try ReportTests.page(files, unit: ReportTests.bureau)
        let path = HTMLReport.findingsPath(of: UnitID(key: ReportTests.bureau))
        #expect(unitPage.contains("<a href=\"../\(path)\">核查发现 "))
        // The link takes the colour of the worst finding (the bureau's stated changes disagree: an error).
        #expect(unitPage.contains("<p class=\"findings-link error\"><a href=\"../\(path)\">"))
        let page = try #require(files.first { $0.path == path }).contents
        #expect(page.contains("<a href=\"../\(HTMLReport.pagePath(of: UnitID(key: ReportTests.bureau)))\">"))
        let start = try #require(page.range(of: "<div class=\"finding error\" data-rule=\"stated-changes-disagree\" data-year=\"2023\">"))
        let card = String(page[start.lowerBound..<(try #require(page.range(of: "\n</div>", range: start.upperBound..<page.endIndex))).upperBound])
        #expect(card.contains("<strong>-220.84</strong> · <strong>-220.83</strong>"))
        #expect(card.contains("<strong>第189–193行</strong>") && card.contains("<strong>第198–202行</strong>"))
        #expect(card.contains("<blockquote>"))
        // Errors come before warnings and notices; a unit without findings says so.
        let severities = ["error", "warning", "notice"].compactMap { page.range(of: "data-severity=\"\($0)\"")?.lowerBound }
        #expect(severities == severities.sorted())
        let civil = try #require(files.first { $0.path == HTMLReport.findingsPath(of: UnitID(key: "武昌区民政局")) }).contents
        #expect(civil.contains("核查未发现问题。"))
    }

    /// 西南大学 2023 部门预算, page 8: 普通教育 (20502) 收入合计 is printed 520,603.91 but its 项
    /// add up to 520,603.41. The report made from a store checks the unit and cites the page.
    @Test func aPDFFindingCitesItsPage() throws {
        let directory = try StoreDirectory()
        let store = try Store(path: directory.path + "/s", create: true)
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../Corpus/real").standardized
        _ = Importer(store: store).importFiles([corpus.appendingPathComponent("chongqing-southwest-university-2023-dept-budget.pdf").path])
        let files = try HistoryQueries(store: store).report(units: ["西南大学"], kind: .budget).files()
        let page = try #require(files.first { $0.path.hasPrefix("findings/") }).contents
        let start = try #require(page.range(of: "data-rule=\"sum-mismatch\""))
        let card = String(page[start.lowerBound...].prefix(1200))
        #expect(card.contains("普通教育") && card.contains("520603.91"))
        #expect(card.contains("data-page=\"8\"") && card.contains("第8页"))
        // `history check` says the page too, in every format.
        let found = try HistoryQueries(store: store).check().filter { $0.rule == .parser(.sumMismatch) && $0.message.contains("普通教育") }
        #expect(found.count == 1)
        #expect(CheckRenderer().text(found).contains(", page 8"))
        #expect(CheckRenderer().markdown(found).contains(", page 8:"))
        #expect(CheckRenderer().json(found).contains("\"page\": 8"))
    }
}
