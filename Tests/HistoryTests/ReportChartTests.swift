import Foundation
import Testing
import Disclosure
@testable import History

@Suite struct ReportChartTests {
    static var extended: [ReportFile] { ReportTests.report(ExtendedCorpus.documents, aliases: ExtendedCorpus.aliases) }

    @Test func itemsThatMovedMostAreRankedWithTheirLabels() throws {
        let bureau = try ReportTests.page(Self.extended, unit: ReportTests.bureau)
        let bar = "<rect class=\"bar decline\" data-code=\"2101301\" data-from=\"2022\" data-to=\"2023\" data-status=\"removed\" data-delta=\"-289\""
        #expect(bureau.contains(bar))
        let row = try ReportTests.row(bureau, containing: bar)
        #expect(row.contains("<span class=\"code\">2101301</span>城乡医疗救助"))
        #expect(row.contains("<small>289.00 → —</small>"))
        let second = try #require(bureau.range(of: "data-code=\"2101501\" data-from=\"2022\" data-to=\"2023\""))
        #expect(try #require(bureau.range(of: bar)).lowerBound < second.lowerBound)
        let increase = "<rect class=\"bar increase\" data-code=\"2100410\" data-from=\"2022\" data-to=\"2023\" data-status=\"added\" data-delta=\"146.62\""
        #expect(bureau.contains(increase))
        // An item's reasons are budget-variance reasons and say so.
        #expect(try ReportTests.row(bureau, containing: increase).contains("data-explains=\"budget-variance\""))
        let index = try #require(Self.extended.first).contents
        #expect(index.contains("<rect class=\"bar decline\" data-unit=\"\(ReportTests.bureau)\" data-code=\"2101301\" data-from=\"2022\" data-to=\"2023\" data-delta=\"-289\""))
    }

    @Test func transfersAreArrowsFromSenderToReceiver() throws {
        let files = Self.extended
        let bureau = try ReportTests.page(files, unit: ReportTests.bureau)
        let flow = "<g class=\"transfer\" data-year=\"2023\" data-from=\"\(ReportTests.bureau)\" data-to=\"武昌区民政局\" data-value=\"289\" data-code=\"2101301\">"
        #expect(bureau.contains(flow))
        #expect(bureau.contains("<g class=\"box self\" data-unit=\"\(ReportTests.bureau)\">"))
        #expect(bureau.contains("<a class=\"box\" href=\"../\(HTMLReport.pagePath(of: UnitID(key: "武昌区民政局")))\" data-unit=\"武昌区民政局\">"))
        #expect(bureau.contains("289.00 万元"))
        #expect(bureau.contains("划出方、划入方所述 · 科目 2101301 城乡医疗救助：289.00 → 289.00"))
        let index = try #require(files.first).contents
        #expect(index.contains(flow))
    }

    @Test func formerTitlesAndDisputedFiguresAreShown() throws {
        let files = Self.extended
        let office = try ReportTests.page(files, unit: ReportTests.office)
        #expect(office.contains("标题为 武汉市武昌区公费医疗管理办公室"))
        #expect(office.contains("<rect class=\"bar total documented\" data-year=\"2022\" data-key=\"grand.total\" data-basis=\"document\" data-value=\"2950.4\""))
        let bureau = try ReportTests.page(files, unit: ReportTests.bureau)
        // income.total 2022 is 700.28 in the table and 700.27 by the 2023 document's stated change.
        #expect(bureau.contains("<td class=\"num\">700.28 / 700.27</td>"))
        #expect(bureau.contains("! 收入合计 <code class=\"key\">income.total</code>：2023年文件称增减 -220.83，按数字计算为 -220.84。"))
    }

    @Test func scaleIsARoundCeilingInThreeToSixBands() {
        for (largest, ceiling, step) in [("2882.33", "4000", "1000"), ("700.28", "1000", "200"), ("0", "1", "0.2"), ("8650", "12000", "2000")] {
            let scale = TotalsChart.scale(amount(largest))
            #expect(scale.ceiling == amount(ceiling), "\(largest)")
            #expect(scale.step == amount(step), "\(largest)")
        }
        #expect(TotalsChart.tickLabel(amount("3000")) == "3,000")
        #expect(TotalsChart.tickLabel(amount("0.2")) == "0.2")
    }

    @Test func escapingAndNumbersArePlain() {
        #expect(HTMLText.escape("<a href=\"x\">'&'</a>\u{0C}") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTMLText.escape("公费医疗\n减少") == "公费医疗\n减少")
        #expect(HTMLText.px(12.345) == "12.3")
        #expect(HTMLText.px(-0.04) == "0")
        #expect(HTMLText.px(-3.25) == "-3.3")
        #expect(HTMLText.px(40) == "40")
        // Pages are named by the unit; a key a file system or URL would read differently gets `_`
        // and the slug's first 8 digits, so it never meets another unit's page.
        #expect(HTMLReport.pagePath(of: UnitID(key: "武昌区民政局")) == "units/武昌区民政局.html")
        #expect(HTMLText.fileName("区财政局/国资办") == "区财政局_国资办-" + HTMLText.slug("区财政局/国资办").prefix(8))
        #expect(HTMLText.fileName("区财政局_国资办") == "区财政局_国资办")
        #expect(HTMLText.fileName("..") == "_.-" + HTMLText.slug("..").prefix(8))
        #expect(HTMLText.fileName(String(repeating: "局", count: 50)).utf8.count == 120 + 9)
        // FNV-1a 64 (published vectors): a file name must not change between runs or machines.
        #expect(HTMLText.slug("") == "cbf29ce484222325")
        #expect(HTMLText.slug("a") == "af63dc4c8601ec8c")
        #expect(HTMLText.slug("武昌区医疗保障局") != HTMLText.slug("武昌区民政局"))
        #expect(HTMLText.slug("").utf8.count == 16)
    }

    /// Writes the fixtures' reports for Tools/report/render-check.sh when HISTORY_REPORT_OUT is
    /// set: the sample corpus in `sample/`, the extended corpus in `extended/`.
    @Test(.enabled(if: !(ProcessInfo.processInfo.environment["HISTORY_REPORT_OUT"] ?? "").isEmpty,
                   "writes report files only for Tools/report/render-check.sh, which sets HISTORY_REPORT_OUT"))
    func writesTheFixtureReportsWhenAsked() throws {
        let out = try #require(ProcessInfo.processInfo.environment["HISTORY_REPORT_OUT"])
        for (folder, files) in [("sample", ReportTests.report()), ("extended", Self.extended)] {
            for file in files {
                let url = URL(fileURLWithPath: out).appendingPathComponent(folder).appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url)
            }
        }
        #expect(FileManager.default.fileExists(atPath: out + "/sample/index.html"))
    }
}
