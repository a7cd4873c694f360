import Testing
@testable import Disclosure

/// Provincial 预算 tables that state income by source and this year's totals as 小计 lines
/// (江苏 template): hand-made tables with other sources and figures than any real one.
@Suite struct TableIncomeSourceTests {
    static func read(_ text: String) -> (facts: Set<TableTestSupport.Row>, warnings: [ParseWarning]) {
        var warnings: [ParseWarning] = []
        let facts = TableReader.read(SourceText(text), year: 2019, catalogue: TableTestSupport.catalogue, warnings: &warnings)
        return (Set(TableTestSupport.rows(facts)), warnings)
    }

    static func row(_ key: String, _ value: String, _ line: Int) -> TableTestSupport.Row {
        .init(key: key, code: nil, name: nil, value: TableTestSupport.amount(value), measure: .wanYuan, line: line)
    }

    @Test func incomeBySourceUnderGroups() {
        let text = """
        收入预算总表
        单位：万元
        项目名称\t\t金额
        \t收入总计\t33.00
        \t小计\t30.00
        一般公共预算资金\t公共财政拨款(补助)资金\t30.00
        \t小计\t3.00
        其他资金\t事业收入\t1.00
        \t其他收入\t2.00
        """
        let (facts, _) = Self.read(text)
        #expect(facts == [
            Self.row("income.total", "33", 4),
            Self.row("income.appropriation.general", "30", 6),
            Self.row("income.business", "1", 8),
            Self.row("income.other", "2", 9),
        ])
    }

    /// A 收入预算表 that lists 上年结转 beside the year's sources sums it into its 收入合计 (西南大学
    /// 2023: 557,259.13 = 上年结转 93,801.70 + the year's 403,484.64 + 使用非财政拨款结余): that 合计
    /// is the 收入总计, not the year's income. A 本年收入合计 column stays the year's income.
    @Test func totalThatCountsTheCarryoverIsTheGrandTotal() {
        let text = """
        某大学收入预算表
        单位：万元
        科目编码\t科目名称\t收入合计\t上年结转\t财政拨款收入\t其他收入
        \t合计\t80.00\t30.00\t40.00\t10.00
        221\t住房保障支出\t80.00\t30.00\t40.00\t10.00
        """
        let (facts, _) = Self.read(text)
        #expect(facts.contains(Self.row("grand.total", "80", 4)))
        #expect(!facts.contains { $0.key == "income.total" })
        #expect(facts.contains(Self.row("carryover.opening", "30", 4)))

        let (thisYear, _) = Self.read(text.replacingOccurrences(of: "\t收入合计\t", with: "\t本年收入合计\t"))
        #expect(thisYear.contains(Self.row("income.total", "80", 4)))
    }

    @Test func thisYearsSubtotalsOfATwoSidedSummary() {
        let text = """
        收支预算总表
        单位：万元
        收入\t\t支出\t
        项目名称\t金额\t项目名称\t金额
        一、财政拨款\t50.00\t一、基本支出\t30.00
        1.一般公共预算\t50.00\t二、项目支出\t20.00
        二、其他资金\t\t三、单位预留机动经费\t
        当年收入小计\t50.00\t当年支出小计\t50.00
        上年结转资金\t\t结转下年资金\t
        收入合计\t50.00\t支出合计\t50.00
        """
        let (facts, _) = Self.read(text)
        for expected in [Self.row("income.total", "50", 8), Self.row("expense.total", "50", 8)] {
            #expect(facts.contains(expected), "\(expected)")
        }
    }

    /// A 预算's 结转下年 is what is left for next year, as a 决算's 年末结转和结余.
    @Test func carryForwardOfABudget() {
        let text = """
        收支预算总表
        单位：万元
        收入\t\t支出\t
        项目\t预算数\t项目\t预算数
        一、财政拨款\t40.00\t一、教育支出\t35.00
        本年收入合计\t40.00\t本年支出合计\t35.00
        \t\t结转下年\t5.00
        收入总计\t40.00\t支出总计\t40.00
        """
        let (facts, warnings) = Self.read(text)
        #expect(facts.contains(Self.row("carryover.closing", "5", 7)))
        #expect(!warnings.contains { $0.rule == .unmappedCell })
    }
}
