import Foundation
import Testing
import Disclosure
@testable import History

@Suite struct ReportTests {
    static func report(_ documents: [FiledDocument] = SampleCorpus.documents, aliases: [DeclaredAlias] = [],
                       years: ClosedRange<Int>? = nil, reversed: Bool = false) -> [ReportFile] {
        let directory = UnitDirectory(documents: documents, aliases: aliases)
        var timelines = directory.units.map { record in
            let concerning = Set(directory.documentsConcerning(record.id))
            return UnitTimeline(unit: record.id, directory: directory, documents: documents.filter { concerning.contains($0.contentHash) })
        }
        if reversed { timelines.reverse() }
        return HTMLReport(timelines: timelines, overview: CorpusOverview(directory: directory), years: years).files()
    }

    static func page(_ files: [ReportFile], unit key: String) throws -> String {
        try #require(files.first { $0.path == HTMLReport.pagePath(of: UnitID(key: key)) }).contents
    }

    static let office = "武昌区医疗保障管理委员会办公室"
    static let bureau = "武昌区医疗保障局"

    /// The markup of the ranked-chart row holding `marker`: from its opening to its end.
    static func row(_ html: String, containing marker: String) throws -> String {
        let at = try #require(html.range(of: marker))
        let start = try #require(html.range(of: "<div class=\"delta-row", options: .backwards, range: html.startIndex..<at.lowerBound))
        let end = try #require(html.range(of: "</div></div>", range: at.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func filesAreTheCorpusPageAndOnePagePerUnit() {
        let files = Self.report()
        #expect(files.map(\.path) == ["index.html"] + ["武昌区民政局", Self.bureau, Self.office].map { HTMLReport.pagePath(of: UnitID(key: $0)) })
        for file in files {
            #expect(file.contents.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
            #expect(file.contents.contains("\"Noto Sans CJK SC\", \"Noto Sans SC\", \"Source Han Sans SC\", \"WenQuanYi Zen Hei\", \"PingFang SC\", \"Microsoft YaHei\", sans-serif"))
            #expect(file.contents.contains("<meta charset=\"utf-8\">"))
        }
    }

    @Test func impliedYearsAreDrawnImpliedAndDocumentedYearsSolid() throws {
        let files = Self.report()
        let office = try Self.page(files, unit: Self.office)
        #expect(office.contains("<rect class=\"bar total implied\" data-year=\"2023\" data-key=\"grand.total\" data-basis=\"implied\" data-value=\"2882.33\""))
        #expect(office.contains("<rect class=\"bar total documented\" data-year=\"2024\" data-key=\"grand.total\" data-basis=\"document\" data-value=\"2345.22\""))
        #expect(office.contains("<g class=\"change decline\" data-from=\"2023\" data-to=\"2024\" data-delta=\"-537.11\">"))
        #expect(office.contains("-537.11 (-18.63%)"))
        let bureau = try Self.page(files, unit: Self.bureau)
        #expect(bureau.contains("<rect class=\"bar total implied\" data-year=\"2022\" data-key=\"grand.total\" data-basis=\"implied\" data-value=\"700.28\""))
        #expect(bureau.contains("<rect class=\"bar total documented\" data-year=\"2023\" data-key=\"grand.total\" data-basis=\"document\" data-value=\"479.44\""))
        // The legend explains the hatching, and the two stated deltas that disagree are shown.
        #expect(bureau.contains("推算：据下一年文件所述增减推得，当年无文件"))
        #expect(bureau.contains("2023年决算对同一总额说明了不同的增减：-220.84（grand.total）推得 700.28"))
    }

    @Test func aUnitKnownOnlyFromATransferHasNoEmptyChart() throws {
        let civil = try Self.page(Self.report(), unit: "武昌区民政局")
        #expect(!civil.contains("<svg class=\"chart totals\""))
        #expect(civil.contains("尚无总额"))
        #expect(civil.contains("<g class=\"box self\" data-unit=\"武昌区民政局\">"))
    }

    @Test func corpusPageRanksTheOfficeDeclineWithSparklines() throws {
        let index = try #require(Self.report().first).contents
        let bar = "<rect class=\"bar decline implied-end\" data-unit=\"\(Self.office)\" data-from=\"2023\" data-to=\"2024\" data-key=\"grand.total\" data-basis=\"implied-document\" data-delta=\"-537.11\""
        #expect(index.contains(bar))
        let row = try Self.row(index, containing: bar)
        #expect(row.contains(SampleCorpus.officeReason))
        #expect(row.contains("data-explains=\"year-over-year\""))
        // The bureau's 2022→2023 decline is smaller, so it ranks second.
        let bureauBar = try #require(index.range(of: "data-unit=\"\(Self.bureau)\" data-from=\"2022\" data-to=\"2023\""))
        #expect(try #require(index.range(of: bar)).lowerBound < bureauBar.lowerBound)
        #expect(index.contains("<circle class=\"point implied\" data-year=\"2023\" data-basis=\"implied\" data-value=\"2882.33\""))
        #expect(index.contains("<circle class=\"point documented\" data-year=\"2024\" data-basis=\"document\" data-value=\"2345.22\""))
        #expect(index.contains("尚无单位有连续两年的文件"))
    }

    @Test func declineOf2101199AgainstBudgetCarriesItsReason() throws {
        let office = try Self.page(Self.report(), unit: Self.office)
        let bar = "<rect class=\"bar decline\" data-code=\"2101199\" data-year=\"2024\" data-explains=\"budget-variance\" data-delta=\"-614.94\""
        #expect(office.contains(bar))
        let row = try Self.row(office, containing: bar)
        #expect(row.contains("其他行政事业单位医疗支出"))
        #expect(row.contains("-614.94"))
        #expect(row.contains("<small>2,878.80 → 2,263.86</small>"))
        #expect(row.contains("<p class=\"reason\" data-explains=\"budget-variance\" data-year=\"2024\"><span class=\"tag\">预决算差异 2024 · 2101199</span>"))
        #expect(row.contains("故公费医疗整体所需医疗费减少"))
        // Ranked by size: 2101199 first, 行政运行's -1.93 below it; the over-budget 5.86 is an increase.
        let first = try #require(office.range(of: "data-code=\"2101199\" data-year=\"2024\""))
        let later = try #require(office.range(of: "data-code=\"2100101\" data-year=\"2024\""))
        #expect(first.lowerBound < later.lowerBound)
        #expect(office.contains("<rect class=\"bar increase\" data-code=\"2080505\" data-year=\"2024\" data-explains=\"budget-variance\" data-delta=\"0.01\""))
    }

    @Test func yearOverYearReasonsStandBesideTheTotalsTheyExplain() throws {
        let office = try Self.page(Self.report(), unit: Self.office)
        let block = try #require(office.range(of: "<div class=\"change-block\" data-from=\"2023\" data-to=\"2024\">"))
        let end = try #require(office.range(of: "</div></div>", range: block.upperBound..<office.endIndex))
        let markup = office[block.lowerBound..<end.upperBound]
        #expect(markup.contains("<tr data-key=\"grand.total\" data-delta=\"-537.11\">"))
        #expect(markup.contains("data-explains=\"year-over-year\""))
        #expect(markup.contains("同比 · 较2023年"))
        #expect(markup.contains(SampleCorpus.officeReason))
        #expect(!markup.contains("data-explains=\"budget-variance\""))
        #expect(office.contains("项目无法比较：导入武汉市武昌区医疗保障管理委员会办公室2023年决算，即可逐项比较。"))
    }

    @Test func everySourceLinkLeadsToItsSnippet() throws {
        for file in Self.report() {
            let html = file.contents
            var targets: Set<String> = []
            var searchFrom = html.startIndex
            while let link = html.range(of: "href=\"#src-", range: searchFrom..<html.endIndex) {
                let close = try #require(html.range(of: "\"", range: link.upperBound..<html.endIndex))
                targets.insert("src-" + html[link.upperBound..<close.lowerBound])
                searchFrom = close.upperBound
            }
            for target in targets { #expect(html.contains("<div class=\"source\" id=\"\(target)\""), "\(file.path): \(target)") }
            if file.path != "index.html" { #expect(!targets.isEmpty) }
        }
        let office = try Self.page(Self.report(), unit: Self.office)
        let snippet = "<div class=\"source\" id=\"src-c202400000000000-420-420\" data-document=\"\(SampleCorpus.officeHash)\" data-lines=\"420-420\">"
        #expect(office.contains(snippet))
        #expect(office.contains("<tr class=\"document\" data-year=\"2024\" data-kind=\"item\" data-key=\"function.expense.total\" data-code=\"2101199\">"))
    }

    @Test func documentTextIsEscaped() throws {
        var hostile = DocumentFixture(unit: "武汉市武昌区<测试>局", year: 2024)
        hostile.facts = [.total(.grandTotal, "10", year: 2024, .table, span(3, 3, "总计 10 <b>"))]
        hostile.facts += Fact.change(of: .grandTotal, year: 2024, current: "10", delta: "-2", pct: "-16.7",
                                     reason: "<script>alert(\"x\")</script> & 'q'", span(5, 5, "减少2万元 </blockquote>"))
        let files = Self.report([hostile.filed(hash: fakeHash("e2024"), sequence: 1, source: "a\"b<c>.txt")])
        let joined = files.map(\.contents).joined()
        #expect(!joined.contains("<script"))
        #expect(!joined.contains("<测试>"))
        #expect(!joined.contains("a\"b<c>.txt"))
        #expect(joined.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;"))
        #expect(joined.contains("减少2万元 &lt;/blockquote&gt;"))
        #expect(joined.contains("武汉市武昌区&lt;测试&gt;局"))
    }

    @Test func pagesFetchNothing() {
        for file in Self.report(ExtendedCorpus.documents, aliases: ExtendedCorpus.aliases) {
            for needle in ["http:", "https:", "//", "<script", "<link", "@import", "src=", "<img", "<iframe"] {
                #expect(!file.contents.contains(needle), "\(file.path) contains \(needle)")
            }
        }
    }

    @Test func sameInputSameBytes() {
        let once = Self.report(ExtendedCorpus.documents, aliases: ExtendedCorpus.aliases)
        let again = Self.report(ExtendedCorpus.documents, aliases: ExtendedCorpus.aliases, reversed: true)
        #expect(once == again)
    }

    @Test func yearsCutTheTimelines() throws {
        let files = Self.report(years: 2024...2024)
        #expect(files.map(\.path) == ["index.html", HTMLReport.pagePath(of: UnitID(key: Self.office))])
        let office = try Self.page(files, unit: Self.office)
        #expect(!office.contains("data-year=\"2023\" data-key=\"grand.total\""))
        #expect(office.contains("data-year=\"2024\" data-key=\"grand.total\""))
    }
}
