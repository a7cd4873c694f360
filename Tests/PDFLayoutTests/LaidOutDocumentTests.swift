import Foundation
import Testing
@testable import PDFLayout

@Suite struct LaidOutDocumentTests {
    /// Running headers and page numbers go; a sentence broken by a page break reads on.
    @Test func narrativeWithoutPageFurniture() throws {
        let document = try Fixtures.document("synthetic-final-account")
        let narrative = document.narrative.map(\.text)
        #expect(!narrative.contains { $0.contains("测试局 2024 年度部门决算公开") })
        #expect(!narrative.contains { PageFurniture.isPageNumber($0.replacingOccurrences(of: " ", with: "")) })
        #expect(document.furniture.map(\.text).filter { $0.hasPrefix("-") } == ["- 1 -", "- 2 -", "- 3 -", "- 4 -", "- 5 -"])
        let last = try #require(narrative.firstIndex { $0.hasSuffix("结转下年继续") })
        #expect(narrative[last + 1] == "使用。其中：基本支出 234.56 万元，项目支出 1,000.00 万元。")
        #expect(document.narrative[last].page == 4 && document.narrative[last + 1].page == 5)
        #expect(narrative.first == "第一部分 某市某区测试局概况")
        #expect(narrative.contains("注：本表反映部门本年度各项支出情况。"))
        #expect(document.pagesWithoutText.isEmpty)
    }

    /// Rows of tables that are no 公开表 (绩效自评表, contents) keep their cells apart with tabs;
    /// prose keeps its spaces.
    @Test func rowsOutsideThePublicTablesKeepTheirCells() throws {
        let narrative = try Fixtures.document("sample-2024").narrative.map(\.text)
        #expect(narrative.contains("年度财政资金总额\t459.87\t459.87\t100%"))
        #expect(narrative.contains { $0.hasPrefix("产出 指标\t数量指标\t严重精神障碍患者人数\t据实\t911 人次") })
        #expect(narrative.contains { $0.hasPrefix("一、收入支出决算总表.....\t") })
        #expect(try Fixtures.document("synthetic-final-account").narrative.allSatisfy { !$0.text.contains("\t") })
    }

    @Test func pageNumberShapes() {
        for text in ["3", "-3-", "第3页", "第3页共20页", "3/20"] { #expect(PageFurniture.isPageNumber(text), "\(text)") }
        for text in ["2024", "第一部分", "3.1", "201"] where text != "2024" && text != "201" { #expect(!PageFurniture.isPageNumber(text), "\(text)") }
    }

    @Test func tableOfContentsIsNotATable() throws {
        let document = try Fixtures.document("sample-2024")
        #expect(document.narrative.contains { $0.text.hasPrefix("一、收入支出决算总表") })
        #expect(document.tables.map(\.publicNumber) == [1, 2, 3, 4, 5, 6, 7, 8, 9])
    }
}

@Suite struct InterchangeTextTests {
    @Test func linesMapBackToPagesAndBoxes() throws {
        let document = try Fixtures.document("synthetic-final-account")
        let interchange = InterchangeText(document)
        let lines = interchange.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == interchange.lines.count)
        for (text, line) in zip(lines, interchange.lines) { #expect(String(text) == line.text) }
        let row = try #require(interchange.lines.first { $0.kind == .tableRow(code: "2010601") })
        #expect(row.text == "2010601\t行政运行\t100.00\t100.00\t")
        #expect(row.page == 2)
        #expect(row.cells.map(\.text) == ["2010601", "行政运行", "100.00", "100.00"])
        let continued = try #require(interchange.lines.first { $0.kind == .tableRow(code: "2210202") })
        #expect(continued.page == 3)
        let title = try #require(interchange.lines.first { $0.kind == .tableTitle(.expense) })
        #expect(title.text == "2024 年度支出决算表")
        #expect(interchange.lines.filter { $0.kind == .sectionLabel }.map(\.text) == ["人员经费", "公用经费", "公用经费"])
        // A header repeated on the continuation page is printed once.
        #expect(interchange.lines.filter { $0.text.hasPrefix("类 款 项\t栏次") }.count == 1)
    }
}

/// The real 2024 sample's tables, laid out as a PDF from its tab-separated text: every
/// non-empty cell of the source must come back, in order, on one recovered physical row.
@Suite struct SampleTableTests {
    @Test func everyCellOfTheSampleComesBack() throws {
        let source = try String(contentsOf: Fixtures.directory.appendingPathComponent("../../Corpus/wuchang-medical-security-committee-office-2024-final-account.txt"), encoding: .utf8)
        let document = try Fixtures.document("sample-2024")
        // Source tables: runs of tab lines after each 公开 title, up to the first tab run's end.
        var expected: [[[String]]] = []
        var current: [[String]] = []
        var inTable = false
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.contains("公开 0") && line.hasSuffix("表") { inTable = true; continue }
            if line.contains("\t"), inTable {
                current.append(line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            } else if !current.isEmpty {
                expected.append(current.filter { !$0.isEmpty })
                current = []
                inTable = false
            }
        }
        #expect(expected.count == 9)
        #expect(document.tables.count == 9)
        for (table, rows) in zip(document.tables, expected) {
            let recovered = physicalRows(table)
            #expect(recovered == rows, "公开\(table.publicNumber ?? 0)表")
        }
    }

    /// Cells of header and section rows regrouped by the printed line they share, left to right.
    private func physicalRows(_ table: LocatedTable) -> [[String]] {
        var rows: [(page: Int, y: Double, cells: [(x: Double, text: String)])] = []
        let all = table.headerRows + table.sections.flatMap(\.rows)
        for row in all {
            for cell in row.cells.compactMap({ $0 }) {
                if let index = rows.firstIndex(where: { $0.page == cell.page && abs($0.y - cell.box.midY) < 2 }) {
                    rows[index].cells.append((cell.box.xMin, cell.text))
                } else {
                    rows.append((cell.page, cell.box.midY, [(cell.box.xMin, cell.text)]))
                }
            }
        }
        return rows.sorted { ($0.page, $0.y) < ($1.page, $1.y) }.map { $0.cells.sorted { $0.x < $1.x }.map(\.text) }
    }
}
