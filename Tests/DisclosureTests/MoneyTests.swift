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

/// What garbled or national-scale figures do to Money's arithmetic: no trap, no lost percent.
@Suite struct MoneyArithmeticTests {
    /// Two 13-digit 万元 figures a PDF ran together are 5 × 10^18 分 each: their sum saturates.
    @Test func sumsSaturateInsteadOfTrapping() {
        let garbled = Money(fen: 5_000_000_000_000_000_000)
        #expect((garbled + garbled).fen == .max)
        #expect((-garbled - garbled).fen == .min)
        #expect((garbled - (-garbled)).fen == .max)
        #expect((-Money(fen: .min)).fen == .max)
        #expect((Money(fen: 7) - Money(fen: 9)).fen == -2)
    }

    /// 全国一般公共预算支出 of about 27万亿元 (2.7 × 10^15 分) still gets its percent change.
    @Test func percentsOfNationalTotals() throws {
        let before = Money(fen: 2_700_000_000_000_000), after = Money(fen: 2_850_000_000_000_000)
        #expect(after.percentChange(from: before) == Amount(hundredths: 556))        // +5.56%
        #expect(before.percentChange(from: after) == Amount(hundredths: -526))       // −5.26%
        #expect(after.percent(of: before) == Amount(hundredths: 10_556))             // 105.56%
        // 479.44 against 700.28 (万元): −31.54%, as the 武昌 bureau's diff shows.
        #expect(Money(fen: 4_794_400).percentChange(from: Money(fen: 7_002_800)) == Amount(hundredths: -3154))
        #expect(Money(fen: 1).percentChange(from: .zero) == nil)
        #expect(Money(fen: 5).percent(of: Money(fen: -5)) == nil)
    }
}
