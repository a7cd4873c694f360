import Testing
@testable import PDFLayout

/// The tables of synthetic-final-account.pdf, expected cells written from what
/// Tools/pdf/make-test-pdfs.py draws.
@Suite struct LocatedTableTests {
    @Test func findsEachTableByItsTitle() throws {
        let document = try Fixtures.document("synthetic-final-account")
        #expect(document.tables.map(\.kind) == [.expense, .basicEconomic, .expense])
        #expect(document.tables.map(\.publicNumber) == [3, 6, nil])
        #expect(document.tables[0].captions.map(\.text) == ["公开 03 表", "单位：某市某区测试局 单位：万元"])
    }

    /// Split 类/款/项 codes joined, wrapped names joined (top-aligned and centred), figures off
    /// the baseline kept on their row, the table continued past a page break whose repeated
    /// header is dropped.
    @Test func expenditureTableOverTwoPages() throws {
        let table = try Fixtures.document("synthetic-final-account").tables[0]
        #expect(table.sections.count == 1)
        let section = table.sections[0]
        let rows = section.rows.map { Fixtures.texts($0, section, table) }
        #expect(rows == [
            ["", "合计", "1,234.56", "234.56", "1,000.00"],
            ["201", "一般公共服务支出", "100.00", "100.00", ""],
            ["20106", "财政事务", "100.00", "100.00", ""],
            ["2010601", "行政运行", "100.00", "100.00", ""],
            ["208", "社会保障和就业支出", "34.56", "34.56", ""],
            ["20805", "行政事业单位养老支出", "34.56", "34.56", ""],
            ["2080505", "机关事业单位基本养老保险缴费支出（测试换行）", "30.00", "30.00", ""],
            ["2080506", "机关事业单位职业年金缴费支出", "4.56", "4.56", ""],
            ["210", "卫生健康支出", "1,000.00", "100.00", "900.00"],
            ["21001", "卫生健康管理事务", "1,000.00", "100.00", "900.00"],
            ["2100101", "行政运行", "100.00", "100.00", ""],
            ["2100102", "一般行政管理事务", "900.00", "", "900.00"],
            ["221", "住房保障支出", "100.00", "100.00", ""],
            ["22102", "住房改革支出", "100.00", "100.00", ""],
            ["2210201", "住房公积金", "60.00", "60.00", ""],
            ["2210202", "提租补贴", "40.00", "40.00", ""],
        ])
        #expect(table.headerRows.count == 2)
        #expect(table.headerRows[0].cells.compactMap { $0?.text } == ["功能分类科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"])
        #expect(table.headerRows[1].cells.compactMap { $0?.text } == ["类", "款", "项", "栏次", "1", "2", "3"])
        #expect(table.columns.map(\.role) == [.code, .codePart, .codePart, .text, .figures, .figures, .figures])
        #expect(table.pages == [2, 3])
        #expect(section.rows.last?.page == 3)
    }

    /// Three side-by-side column groups become three sections; a wrapped name in one group does
    /// not disturb the others; the 公用经费合计 figure printed under the third group joins its label.
    @Test func sideBySideGroupsAreSeparated() throws {
        let table = try Fixtures.document("synthetic-final-account").tables[1]
        #expect(table.sections.map(\.label) == ["人员经费", "公用经费", "公用经费"])
        let rows = table.sections.map { section in section.rows.map { Fixtures.texts($0, section, table) } }
        #expect(rows[0] == [
            ["301", "工资福利支出", "150.00"], ["30101", "基本工资", "50.00"], ["30102", "津贴补贴", "40.00"],
            ["30103", "奖金", "30.00"], ["30108", "机关事业单位基本养老保险缴费", "20.00"], ["30113", "住房公积金", "10.00"],
            ["人员经费合计", "", "150.00"],
        ])
        #expect(rows[1] == [
            ["302", "商品和服务支出", "80.50"], ["30201", "办公费", "10.50"], ["30207", "邮电费", ""],
            ["30211", "差旅费", "5.00"], ["30231", "公务用车运行维护费（测试换行）", "60.00"],
            ["30299", "其他商品和服务支出", "5.00"], ["公用经费合计", "", "84.56"],
        ])
        #expect(rows[2] == [["310", "资本性支出", "4.06"], ["31002", "办公设备购置", "4.06"], ["31003", "专用设备购置", ""]])
    }

    @Test func budgetTableInYuan() throws {
        let table = try Fixtures.document("synthetic-final-account").tables[2]
        let section = try #require(table.sections.first)
        #expect(section.rows.map { Fixtures.texts($0, section, table) } == [
            ["201", "一般公共服务支出", "2,932,700", "0", "2,932,700"],
            ["20105", "统计信息事务", "257,700", "0", "257,700"],
            ["2010507", "专项普查活动", "257,700", "0", "257,700"],
            ["合计", "", "2,932,700", "0", "2,932,700"],
        ])
        #expect(table.headerRows[0].cells.compactMap { $0?.text } == ["类", "款", "项", "功能分类科目名称", "合计", "基本支出", "项目支出"])
    }

    @Test func everyCellKnowsItsPageAndBox() throws {
        let document = try Fixtures.document("synthetic-final-account")
        for table in document.tables {
            for row in table.sections.flatMap(\.rows) {
                for cell in row.cells.compactMap({ $0 }) {
                    #expect(cell.page == row.page)
                    #expect(cell.words.allSatisfy { $0.page == cell.page })
                    #expect(cell.box.xMin <= cell.box.xMax && row.box.yMin <= cell.box.yMin && cell.box.yMax <= row.box.yMax)
                }
            }
        }
        let wrapped = try #require(document.tables[0].sections[0].rows.first { $0.code == "2080506" })
        // The centred code sits between the two lines of its name: the row spans both.
        #expect(wrapped.cells[3]?.words.map(\.text) == ["机关事业单位职业年金缴费", "支出"])
    }

    /// 本年收入合计 spans a 合计 printed at its left edge and figures right-aligned at its right
    /// edge (公开02表 of the 2024 sample): one column, not a label column and an unnamed one.
    @Test func aHeaderOverALabelAndItsFiguresIsOneColumn() throws {
        let table = try Fixtures.document("sample-2024").tables[1]
        let section = try #require(table.sections.first)
        let column = try #require(table.headerRows[0].cells.firstIndex { $0?.text == "本年收入合计" })
        #expect(section.rows.first { $0.code == "2101199" }?.cells[column]?.text == "2,263.86")
        #expect(section.rows.contains { $0.cells[column]?.text == "合计" })
    }
}
