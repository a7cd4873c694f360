import Testing
@testable import Disclosure

/// The narrative of a provincial 部门预算 (江苏省's template): sections titled after the tables they
/// explain, totals said as 预算总计, and items the reader has no phrase for.
@Suite struct ProvincialBudgetNarrativeTests {
    /// Written after 江苏省人大常委会办公厅's 2017 budget (page 5), figures changed.
    static let text = """
        江东省文化厅2017 年度部门预算
        一、收支预算总表情况说明
        本表反映部门年度总体收支预算情况。
        江东省文化厅 2017 年度收入、支出预算总计 1200.00 万元，与上年相比收、支预算总计各增加 100.00 万元，增长 9.09%。主要原因是政策性增资。其中：
        （一）收入预算总计 1200.00 万元。包括：
        1．财政拨款收入预算总计 1190.00 万元。
        （1）一般公共预算收入预算 1190.00 万元，与上年相比增加 95.00 万元，增长 8.68%。
        2．其他资金收入预算总计 10.00 万元。与上年相比增加 5.00 万元，增长 100%。
        （二）支出预算总计 1200.00 万元。包括：
        1．一般公共服务支出 900.00 万元，主要用于机关正常运转。与上年相比减少 20.00 万元，下降 2.17%。主要原因是会议费压减。
        2．住房保障支出 300.00 万元。与上年相比增加 120.00 万元，增长 66.67%。
        十、一般公共预算机关运行经费支出预算表情况说明
        2017 年本部门一般公共预算机关运行经费预算支出 500.00 万元，比 2016 年增加 50.00 万元，增长 11.11%。
        """

    static func facts(_ key: FactKey, in parsed: ParsedDisclosure) -> [Fact] {
        parsed.facts.filter { $0.key == key }
    }

    @Test func totalsSaidAs预算总计AreRead() {
        let parsed = DisclosureParser.parse(Self.text)
        #expect(Self.facts(.grandTotal, in: parsed).map(\.amount) == [Amount(units: 1200), Amount(units: 1100)])
        // Only the whole is income.total: not 一般公共预算收入预算 nor 其他资金收入预算总计, its parts.
        #expect(Self.facts(.incomeTotal, in: parsed).filter { $0.year == 2017 }.map(\.amount) == [Amount(units: 1200)])
        #expect(Self.facts(.incomeAppropriation, in: parsed).filter { $0.year == 2017 }.map(\.amount) == [Amount(units: 1190)])
        #expect(Self.facts(.expenseTotal, in: parsed).compactMap(\.amount).first == Amount(units: 1200))
        #expect(Self.facts(.operatingCostBudget, in: parsed).first { $0.year == 2017 }?.amount == Amount(units: 500))
        #expect(Self.facts(.operatingCostBudget, in: parsed).first { $0.year == 2016 }?.amount == Amount(units: 450))
    }

    /// "1．一般公共服务支出 900.00 万元 … 与上年相比减少 20.00 万元": the change is the item's, which
    /// the reader has no phrase for; it is not 支出预算总计's, stated a sentence earlier.
    @Test func aChangeAfterAnUnnamedAmountIsNotTheEarlierSubjects() {
        let parsed = DisclosureParser.parse(Self.text)
        let changes = Self.facts(.changeStated, in: parsed)
        #expect(!changes.contains { $0.of == .expenseTotal && $0.delta == Amount(units: -20) })
        #expect(!changes.contains { $0.of == .expenseTotal && $0.delta == Amount(units: 120) })
        #expect(!parsed.warnings.contains { $0.rule == .conflictingValues })
    }

    @Test func incomeSourcesThatDoNotMakeTheTotal() {
        func warnings(_ other: String) -> [ParseWarning] {
            DisclosureParser.parse("""
                上海市普陀区2025年区级部门预算
                预算主管部门：上海市普陀区万安街道办事处
                部门预算编制说明
                2025年，上海市普陀区万安街道办事处收入预算100.00万元，其中：财政拨款收入90.00万元，比2024年预算增加1.00万元；事业收入6.00万元；事业单位经营收入0万元；其他收入\(other)万元。
                """).warnings.filter { $0.rule == .sumMismatch }
        }
        #expect(warnings("4.00").isEmpty)
        #expect(warnings("5.00").map(\.message) == ["the income sources sum to 101 (90 + 6 + 0 + 5) but income.total is stated as 100"])
    }

    /// The 三公 section of the provincial template also states 会议费 and 培训费 (江苏省委办公厅
    /// 2018, p.9): "…培训费预算支出30万元，比上年预算增加5万元" after 公务接待费 is about 培训费,
    /// not the 三公 sub-item read last. Written with other figures; a 三公 name after 会议费 in one
    /// sentence is read again.
    @Test func meetingAndTrainingSentencesAreNoThreePublicItem() {
        let text = """
            江东省文化厅2018 年度部门预算
            九、一般公共预算“三公”经费、会议费、培训费支出预算情况说明
            江东省文化厅2018年度一般公共预算拨款安排的“三公”经费预算支出中，因公出国（境）费支出10万元，公务接待费支出8万元。
            3．公务接待费预算支出8万元，比上年预算减少2万元。
            江东省文化厅2018年度一般公共预算拨款安排的会议费预算支出40万元，与上年预算数一致。
            江东省文化厅2018年度一般公共预算拨款安排的培训费预算支出25万元，比上年预算增加6万元，主要原因是新增培训。
            会议费压减后，公务接待费预算支出8万元。
            """
        let parsed = DisclosureParser.parse(text)
        let reception = Self.facts(.threePublicBudgetReception, in: parsed)
        #expect(Set(reception.filter { $0.year == 2018 }.compactMap(\.amount)) == [Amount(units: 8)])
        #expect(reception.filter { $0.year == 2017 }.compactMap(\.amount) == [Amount(units: 10)])
        #expect(!parsed.facts.contains { $0.amount == Amount(units: 25) || $0.amount == Amount(units: 40) })
    }
}
