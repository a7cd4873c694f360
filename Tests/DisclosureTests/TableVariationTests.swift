import Testing
@testable import Disclosure

/// Tables written for these tests: the shapes real extractions take, on other units and figures.
@Suite struct TableVariationTests {
    static func read(_ text: String, year: Int = 2022) -> (facts: [TableTestSupport.Row], warnings: [ParseWarning]) {
        var warnings: [ParseWarning] = []
        let facts = TableReader.read(SourceText(text), year: year, catalogue: TableTestSupport.catalogue, warnings: &warnings)
        return (TableTestSupport.rows(facts), warnings)
    }

    static func row(_ key: String, _ code: String?, _ name: String?, _ value: String, _ line: Int, _ measure: Measure = .wanYuan) -> TableTestSupport.Row {
        .init(key: key, code: code, name: name, value: TableTestSupport.amount(value), measure: measure, line: line)
    }

    @Test func tabTableWithoutSomeColumns() {
        // A 03表 that prints only 本年支出合计 and 项目支出 (no 基本支出 column).
        let text = """
        2022 年度支出决算表
        公开 03 表
        单位：万元
        项目\t\t\t本年支出合计\t项目支出
        功能分类科目编码\t科目名称\t\t\t
        \t\t\t合计\t12.5\t12.5
        210\t卫生健康支出\t\t12.5\t12.5
        21001\t卫生健康管理事务\t\t12.5\t12.5
        """
        let (facts, warnings) = Self.read(text)
        #expect(Set(facts) == [
            Self.row("expense.total", nil, nil, "12.5", 6), Self.row("expense.project", nil, nil, "12.5", 6),
            Self.row("function.expense.total", "210", "卫生健康支出", "12.5", 7),
            Self.row("function.expense.project", "210", "卫生健康支出", "12.5", 7),
            Self.row("function.expense.total", "21001", "卫生健康管理事务", "12.5", 8),
            Self.row("function.expense.project", "21001", "卫生健康管理事务", "12.5", 8),
        ])
        #expect(!warnings.contains { $0.rule == .sumMismatch })
    }

    @Test func layoutTableWithSplitCodesWrappedNameAndDriftedNumbers() {
        let text = """
                      2021年部门支出预算总表
        编制部门：某某街道办事处                                   单位：元
                       项目                            支出预算
        功能分类科目编码
                         功能分类科目名称       合计           基本支出       项目支出
        类     款    项

        208             社会保障和就业支出           4,000         1,000       3,000

                                                    1,000         1,000           0
        208   05        行政事业单位养老支出
        208   05   05   机关事业单位基本养老保险缴费支    1,000         1,000           0
                        出
        208   99   99   其他社会保障和就业支出
                                                    3,000             0       3,000
                        合计     4,000    1,000    3,000
        """
        let (facts, warnings) = Self.read(text, year: 2021)
        #expect(Set(facts) == [
            Self.row("function.expense.total", "208", "社会保障和就业支出", "4000", 8, .yuan),
            Self.row("function.expense.basic", "208", "社会保障和就业支出", "1000", 8, .yuan),
            Self.row("function.expense.project", "208", "社会保障和就业支出", "3000", 8, .yuan),
            Self.row("function.expense.total", "20805", "行政事业单位养老支出", "1000", 10, .yuan),
            Self.row("function.expense.basic", "20805", "行政事业单位养老支出", "1000", 10, .yuan),
            Self.row("function.expense.project", "20805", "行政事业单位养老支出", "0", 10, .yuan),
            Self.row("function.expense.total", "2080505", "机关事业单位基本养老保险缴费支出", "1000", 12, .yuan),
            Self.row("function.expense.basic", "2080505", "机关事业单位基本养老保险缴费支出", "1000", 12, .yuan),
            Self.row("function.expense.project", "2080505", "机关事业单位基本养老保险缴费支出", "0", 12, .yuan),
            Self.row("function.expense.total", "2089999", "其他社会保障和就业支出", "3000", 14, .yuan),
            Self.row("function.expense.basic", "2089999", "其他社会保障和就业支出", "0", 14, .yuan),
            Self.row("function.expense.project", "2089999", "其他社会保障和就业支出", "3000", 14, .yuan),
            Self.row("expense.total", nil, nil, "4000", 16, .yuan),
            Self.row("expense.basic", nil, nil, "1000", 16, .yuan),
            Self.row("expense.project", nil, nil, "3000", 16, .yuan),
        ])
        // 2089999 has no 20899 line above it, and 208's items (20805 only) do not add up to 4,000.
        #expect(warnings.contains { $0.rule == .sumMismatch && $0.source?.firstLine == 8 })
        // 2089999 is well-formed: learnt from the table although the catalogue lacks it.
        #expect(!warnings.contains { $0.rule == .unknownCode })
    }

    /// Page text that lost its column gaps glues header words together and wraps the rest of a
    /// header line to the margin, under the names (石泉路街道 2026 收入预算总表: "合计 财政拨款收入
    /// 事业收入事业单位" / "经营收入其他收入"). The wrapped piece is no column: the figures are the
    /// 合计 and the 财政拨款收入, never 经营收入. (Hand-made: other unit, codes and figures.)
    @Test func gluedHeaderWrappedUnderTheNames() {
        let text = """
        2026年预算单位收入预算总表
        编制单位：某某街道办事处（本级） 单位：元
        项目 收入预算
        功能分类科目编码
        功能分类科目名称 合计 财政拨款收入事业收入事业单位
        经营收入其他收入
        类款项
        221 住房保障支出 5,000 5,000
        22102 住房改革支出 5,000 5,000
        2210201住房公积金 5,000 5,000
        合计 5,000 5,000
        """
        let (facts, _) = Self.read(text, year: 2026)
        #expect(Set(facts) == [
            Self.row("function.income.total", "221", "住房保障支出", "5000", 8, .yuan),
            Self.row("function.income.appropriation", "221", "住房保障支出", "5000", 8, .yuan),
            Self.row("function.income.total", "22102", "住房改革支出", "5000", 9, .yuan),
            Self.row("function.income.appropriation", "22102", "住房改革支出", "5000", 9, .yuan),
            Self.row("function.income.total", "2210201", "住房公积金", "5000", 10, .yuan),
            Self.row("function.income.appropriation", "2210201", "住房公积金", "5000", 10, .yuan),
            Self.row("income.total", nil, nil, "5000", 11, .yuan),
            Self.row("income.appropriation", nil, nil, "5000", 11, .yuan),
        ])
    }

    @Test func numbersWithAndWithoutThousandsSeparators() {
        let text = """
        2022 年度一般公共预算财政拨款支出决算表
        单位：万元
        项目\t\t\t本年支出\t\t
        功能分类科目编码\t科目名称\t\t小计\t基本支出\t项目支出
        合计\t\t\t2,345.22\t2345.22\t
        210\t卫生健康支出\t\t2345.22\t2,345.22\t
        """
        let (facts, _) = Self.read(text)
        #expect(facts.filter { $0.code == "210" }.map(\.value) == [TableTestSupport.amount("2345.22"), TableTestSupport.amount("2345.22")])
        #expect(facts.filter { $0.code == nil }.map(\.key) == ["expense.general.total", "expense.general.basic"])
    }

    @Test func tableOverTwoPagesWithRepeatedHeaderAndPageNumber() {
        let text = """
                       2022年部门一般公共预算支出功能分类预算表
        编制部门：某某单位                                 单位：元
                       项目                         一般公共预算支出
                         功能分类科目名称    合计            基本支出       项目支出
        类     款    项
        210             卫生健康支出              300,000           100,000      200,000
        210   11        行政事业单位医疗          100,000           100,000            0

                                        12
        \u{0C}                       项目                        一般公共预算支出
                         功能分类科目名称   合计             基本支出          项目支出
        类     款    项
        210   11   01   行政单位医疗              100,000       100,000             0
        210   07        计划生育事务               200,000             0       200,000
                        合计          300,000      100,000    200,000
        """
        let (facts, warnings) = Self.read(text)
        let codes = Set(facts.compactMap(\.code))
        #expect(codes == ["210", "21011", "2101101", "21007"])
        #expect(facts.contains(Self.row("function.general.basic", "2101101", "行政单位医疗", "100000", 13, .yuan)))
        #expect(facts.contains(Self.row("function.general.project", "21007", "计划生育事务", "200000", 14, .yuan)))
        #expect(facts.filter { $0.line == 9 || $0.line == 10 }.isEmpty)
        #expect(!warnings.contains { $0.rule == .unreadableRow || $0.rule == .sumMismatch })
    }

    @Test func sideBySideEconomicPanels() {
        let text = """
        2022 年度一般公共预算财政拨款基本支出决算明细表
        公开 06 表
        单位：万元
        人员经费\t\t\t公用经费\t\t\t\t\t
        经济分类\t科目名称\t决算数\t经济分类科目\t科目名称\t决算数\t经济分类科目\t科目名称\t决算数
        301\t工资福利支出\t10\t302\t商品和服务支出\t3\t310\t资本性支出\t1
        30101\t基本工资\t10\t30201\t办公费\t3\t31002\t办公设备购置\t1
        人员经费合计\t\t10\t公用经费合计\t\t\t\t\t4
        """
        let (facts, warnings) = Self.read(text)
        #expect(Set(facts) == [
            Self.row("economic.basic", "301", "工资福利支出", "10", 6), Self.row("economic.basic", "302", "商品和服务支出", "3", 6),
            Self.row("economic.basic", "310", "资本性支出", "1", 6), Self.row("economic.basic", "30101", "基本工资", "10", 7),
            Self.row("economic.basic", "30201", "办公费", "3", 7), Self.row("economic.basic", "31002", "办公设备购置", "1", 7),
            Self.row("expense.basic.personnel", nil, nil, "10", 8), Self.row("expense.basic.public", nil, nil, "4", 8),
        ])
        let tables = TableReader.locate(SourceText(text))
        #expect(tables.first?.panelHeadings == ["人员经费", "公用经费", ""])
        #expect(!warnings.contains { $0.rule == .unknownCode })
    }

    @Test func namePrintedWithAnotherCodesName() {
        let text = """
        2022 年度收入决算表
        项目\t\t\t本年收入合计\t财政拨款收入
        210\t住房保障支出\t\t1.00\t1.00
        """
        let (_, warnings) = Self.read(text)
        #expect(warnings.filter { $0.rule == .nameMismatch }.count == 1)
    }

    @Test func lostTableIsWarnedAndEmptyTableIsNot() {
        let text = """
        2022年度收入决算表

        8
        2022年度国有资本经营预算财政拨款支出决算表
        说明：我部门没有国有资本经营收入，故本表无数据。
        """
        let (facts, warnings) = Self.read(text)
        #expect(facts.isEmpty)
        #expect(warnings.filter { $0.rule == .tableMissing }.compactMap(\.source?.firstLine) == [1])
    }

    @Test func contentsEntriesAreNotTables() {
        let text = """
        一、收入决算表.....\t3
        5．2022年部门一般公共预算支出功能分类预算表……………
        """
        #expect(TableReader.locate(SourceText(text)).isEmpty)
    }
}
