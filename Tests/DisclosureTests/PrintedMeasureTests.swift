import Testing
@testable import Disclosure

/// Amounts keep the measure they were printed in (千元 and 亿元 as well as 元 and 万元); their
/// `money` is the one exact sum every comparison uses. Texts written for these tests.
@Suite struct PrintedMeasureTests {
    @Test func aTableInThousandsKeepsItsMeasure() throws {
        let text = """
        2022 年度支出决算表
        公开 03 表
        单位：千元
        项目\t\t\t本年支出合计\t项目支出
        功能分类科目编码\t科目名称\t\t\t
        \t\t\t合计\t1,234.5\t1,234.5
        210\t卫生健康支出\t\t1,234.5\t1,234.5
        """
        var warnings: [ParseWarning] = []
        let facts = TableReader.read(SourceText(text), year: 2022, catalogue: TableTestSupport.catalogue, warnings: &warnings)
        let total = try #require(facts.first { $0.key == .expenseTotal })
        #expect(total.measure == .qianYuan)
        #expect(total.amount == Amount(parsing: "1234.5"))
        #expect(total.money == Money(fen: 123_450_000))   // 1,234,500.00元
        #expect(facts.filter { $0.origin == .table && $0.amount != nil }.allSatisfy { $0.measure == .qianYuan })
    }

    @Test func aTableInHundredMillionsKeepsItsMeasure() throws {
        let text = """
        2022 年度支出决算表
        公开 03 表
        单位：亿元
        项目\t\t\t本年支出合计\t项目支出
        功能分类科目编码\t科目名称\t\t\t
        \t\t\t合计\t3.05\t3.05
        210\t卫生健康支出\t\t3.05\t3.05
        """
        var warnings: [ParseWarning] = []
        let facts = TableReader.read(SourceText(text), year: 2022, catalogue: TableTestSupport.catalogue, warnings: &warnings)
        let total = try #require(facts.first { $0.key == .expenseTotal })
        #expect(total.measure == .yiYuan)
        #expect(total.money == Money(fen: 30_500_000_000))   // 305,000,000.00元
    }

    /// A narrative stating its totals in 亿元 beside an item in 万元: each fact keeps its measure,
    /// and no stated change in 亿元 is turned into an implied 万元 figure.
    @Test func narrativeAmountsKeepTheirMeasure() throws {
        let text = """
        某某区卫生健康委员会2023年度部门决算
        一、收入支出决算总体情况说明
        2023年度收入总计3.25亿元，与2022年度相比，增加0.5亿元，增长18.2%。
        二、一般公共预算财政拨款支出决算情况说明
        2023年度一般公共预算财政拨款支出286.5万元。
        """
        let facts = DisclosureParser.parse(text).facts
        let grand = try #require(facts.first { $0.key == .grandTotal && $0.origin == .narrative && $0.year == 2023 })
        #expect(grand.measure == .yiYuan && grand.amount == Amount(parsing: "3.25"))
        #expect(grand.money == Money(fen: 32_500_000_000))
        let change = try #require(facts.first { $0.key == .changeStated && $0.of == .grandTotal })
        #expect(change.measure == .yiYuan && change.delta == Amount(parsing: "0.5"))
        #expect(!facts.contains { $0.key == .grandTotal && $0.year == 2022 && $0.origin == .implied && $0.measure == .wanYuan })
        let general = try #require(facts.first { $0.key == .expenseGeneralTotal && $0.origin == .narrative })
        #expect(general.measure == .wanYuan && general.amount == Amount(parsing: "286.5"))
    }

    /// A 预算's 编制说明 in 千元 (the form of 万里街道's, other figures): income, its change and
    /// expenditure keep 千元; the base year's income is implied by nothing here (the narrative's
    /// arithmetic is in 万元), and the money is exact.
    @Test func aBudgetNarrativeInThousands() throws {
        let text = """
        某某区某某街道办事处2024年部门预算
                                      部门预算编制说明

          2024年，某某区某某街道办事处收入预算12345.6千元，其中：财政拨款收入12345.6千元，比2023年（上一年度，
        下同）预算增加120.5千元；事业收入0千元。
          支出预算12345.6千元，其中：财政拨款支出预算12345.6千元，比2023年预算增加120.5千元。
        """
        let facts = DisclosureParser.parse(text).facts
        let income = try #require(facts.first { $0.key == .incomeTotal && $0.origin == .narrative && $0.year == 2024 })
        #expect(income.measure == .qianYuan && income.amount == Amount(parsing: "12345.6"))
        #expect(income.money == Money(fen: 1_234_560_000))
        let expense = try #require(facts.first { $0.key == .expenseTotal && $0.origin == .narrative && $0.year == 2024 })
        #expect(expense.measure == .qianYuan && expense.money == income.money)
        #expect(facts.filter { $0.origin == .narrative && $0.amount != nil && $0.key != .changeStated }.allSatisfy { $0.measure == .qianYuan })
        #expect(facts.contains { $0.key == .changeStated && $0.measure == .qianYuan && $0.delta == Amount(parsing: "120.5") })
        #expect(!facts.contains { $0.origin == .implied })
    }
}
