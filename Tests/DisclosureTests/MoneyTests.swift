import Testing
@testable import Disclosure

/// Money: amounts printed in 元, 千元, 万元 and 亿元 converted exactly to one measure.
@Suite struct MoneyTests {
    /// 万里街道's 2023 budget prints 收入总计 as 164,978,640 in its 收支总表 (元) and 16497.86万元 in
    /// its narrative: one sum, printed in two measures.
    @Test func sameSumInTwoMeasures() throws {
        let printedTable = try #require(Amount(parsing: "164,978,640"))
        let printedNarrative = try #require(Amount(parsing: "16497.86"))
        let table = try #require(Money(printedTable, in: .yuan))
        let narrative = try #require(Money(printedNarrative, in: .wanYuan))
        #expect(table.fen == 16_497_864_000)
        #expect(narrative.fen == 16_497_860_000)
        #expect((table.fen - narrative.fen).magnitude <= UInt64(Measure.wanYuan.roundingFen))
    }

    @Test func everyMoneyMeasureConvertsExactly() throws {
        let amount = try #require(Amount(parsing: "1.23"))
        #expect(Money(amount, in: .yuan)?.description == "1.23")
        #expect(Money(amount, in: .qianYuan)?.description == "1230")
        #expect(Money(amount, in: .wanYuan)?.description == "12300")
        #expect(Money(amount, in: .yiYuan)?.description == "123000000")
    }

    @Test func notMoneyHasNoMoney() throws {
        let amount = try #require(Amount(parsing: "18.6"))
        for measure in [Measure.percent, .count, .vehicles, .persons, .personTimes, .sets, .yuanPerMonth, .times, .text] {
            #expect(Money(amount, in: measure) == nil, "\(measure)")
            #expect(!measure.isMoney)
        }
    }

    /// A garbled figure of eighteen digits in 亿元 does not fit in 分: nil, not a trap.
    @Test func overflowIsNil() {
        #expect(Money(Amount(hundredths: Int64.max / 10), in: .yiYuan) == nil)
    }

    @Test func backToAMeasureOnlyWhenExact() throws {
        let money = Money(fen: 16_497_864_000)
        #expect(money.amount(in: .yuan)?.description == "164978640")
        #expect(money.amount(in: .wanYuan) == nil)   // 16,497.864万元 has a third decimal
        #expect(Money(fen: 16_497_860_000).amount(in: .wanYuan)?.description == "16497.86")
    }

    @Test func factMoneyUsesItsMeasure() throws {
        let fact = Fact(key: .grandTotal, year: 2024, value: .amount(Amount(units: 2)), measure: .wanYuan,
                        origin: .table, source: SourceSpan(line: 1, text: ""))
        #expect(fact.money == Money(fen: 2_000_000))
    }
}
