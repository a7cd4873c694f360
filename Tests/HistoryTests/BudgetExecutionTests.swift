import Testing
import Disclosure
@testable import History

/// 预算 against 决算 of one unit and year, on a hand-made pair of documents: 测试区示例局 planned
/// 1,000.00 for 2023 and spent 950.50; one item over its budget, one under a budget the 决算 says
/// was cut during the year.
@Suite struct BudgetExecutionTests {
    static let unit = "测试区示例局"

    static let budget = DocumentFixture(unit: unit, year: 2023, kind: .budget, facts: [
        .total(.grandTotal, "1000.00", year: 2023, .narrative, span(3)),
        .total(.incomeTotal, "1000.00", year: 2023, .narrative, span(4)),
        .item(.functionExpenseTotal, "2010101", "行政运行", "600.00", year: 2023, .table, span(20)),
        .item(.functionExpenseTotal, "2010102", "一般行政管理事务", "400.00", year: 2023, .table, span(21)),
        .item(.functionExpenseTotal, "2010150", "事业运行", "0.00", year: 2023, .table, span(22)),
    ])

    static let final = DocumentFixture(unit: unit, year: 2023, kind: .finalAccount, facts: [
        .total(.grandTotal, "950.50", year: 2023, .narrative, span(5)),
        .total(.expenseTotal, "950.50", year: 2023, .narrative, span(6)),
        .item(.functionExpenseTotal, "2010101", "行政运行", "620.00", year: 2023, .table, span(30)),
        .item(.functionExpenseTotal, "2010102", "一般行政管理事务", "330.50", year: 2023, .table, span(31)),
    ] + Fact.variance("2010101", "行政运行", budget: "600.00", actual: "620.00", year: 2023, reason: "人员增加", span(40))
      + Fact.variance("2010102", "一般行政管理事务", budget: "380.00", actual: "330.50", year: 2023, reason: "年中调减预算，压减支出", span(41)))

    static func execution(_ documents: [FiledDocument]) -> BudgetExecution {
        let directory = UnitDirectory(documents: documents)
        let unit = UnitID(key: UnitName(Self.unit).key)
        func year(_ kind: DisclosureKind) -> TimelineYear? {
            UnitTimeline(unit: unit, directory: directory, documents: documents, kind: kind).year(2023)
        }
        return BudgetExecution(unit: unit, name: Self.unit, year: 2023, budget: year(.budget), final: year(.finalAccount))
    }

    static let both = [budget.filed(hash: fakeHash("p2023"), sequence: 1, source: "budget.txt"),
                       final.filed(hash: fakeHash("f2023"), sequence: 3, source: "final.txt")]

    @Test func totalsArePlannedAgainstSpentWithTheRate() throws {
        let execution = Self.execution(Self.both)
        #expect(execution.budgetDocument?.contentHash == fakeHash("p2023") && execution.finalDocument?.contentHash == fakeHash("f2023"))
        #expect(execution.totals.map(\.key) == [.grandTotal, .incomeTotal, .expenseTotal])
        let grand = try #require(execution.totals.first)
        #expect(grand.planned?.value == wan("1000.00") && grand.actual?.value == wan("950.50"))
        #expect(grand.difference == wan("-49.50"))
        #expect(grand.rate == amount("95.05"))
        // Each side knows one of the other totals: shown, never compared.
        #expect(execution.totals[1].actual == nil && execution.totals[1].rate == nil)
        #expect(execution.totals[2].planned == nil && execution.totals[2].difference == nil)
        #expect(execution.missing.isEmpty)
    }

    @Test func itemsCarryTheRateThe决算sOwnBudgetAndItsReason() throws {
        let items = Self.execution(Self.both).items
        #expect(items.map(\.code) == ["2010101", "2010102", "2010150"])
        #expect(items[0].difference == wan("20.00") && items[0].rate == amount("103.33"))
        #expect(items[0].reason?.text == "人员增加")
        // 330.50 of 400.00 is 82.625%: half away from zero. The 决算 states a budget cut to 380.00.
        #expect(items[1].difference == wan("-69.50") && items[1].rate == amount("82.63"))
        #expect(items[1].statedBudget?.value == wan("380.00") && items[1].planned?.value == wan("400.00"))
        #expect(items[1].reason?.text == "年中调减预算，压减支出")
        // Planned at nothing and not spent: no rate, no difference to speak of.
        #expect(items[2].planned?.value == .zero && items[2].actual == nil && items[2].rate == nil)
        #expect(BudgetExecution.rate(wan("-5.00"), of: wan("400.00")) == amount("-1.25"))
    }

    @Test func aMissingSideIsNamedAndTheRendererSaysSo() throws {
        let onlyFinal = Self.execution([Self.both[1]])
        #expect(onlyFinal.missing == ["import 测试区示例局's 2023 预算 to compare it with what was spent"])
        let text = ExecutionRenderer().text(Self.execution(Self.both))
        #expect(text.hasPrefix("测试区示例局  2023  预算 → 决算  (预算 p20230000000, 决算 f20230000000), amounts in 万元\n"))
        #expect(text.contains("  收支总计 grand.total    1,000.00  950.50      -49.50     95.05%\n"), "\(text)")
        #expect(text.contains("2010102  一般行政管理事务  400.00  330.50      -69.50     82.63%           380.00\n"), "\(text)")
        let json = ExecutionRenderer().json(Self.execution(Self.both))
        #expect(json.contains(#""execution_rate": 95.05"#) && json.contains(#""type": "execution""#))
    }
}
