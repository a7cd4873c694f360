/// An exact sum of money in 元, counted in 分: the one measure every comparison of amounts uses.
///
/// Documents print money in 元, 千元, 万元 or 亿元, often two of them in one document (上海's budgets
/// print tables in 元 and the narrative in 万元). A fact keeps the amount and measure it was printed
/// with; its `money` is that amount converted exactly, so 164,978,640.00元 and 16,497.864万元 are one
/// value. The conversion only multiplies (every money measure is a whole number of 元), so no
/// rounding and no binary floating point is involved.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The sum in 分 (hundredths of a 元): 164,978,640.00元 is 16,497,864,000.
    public var fen: Int64

    public init(fen: Int64) {
        self.fen = fen
    }

    /// `amount` printed in `measure`, converted to 元; nil when the measure is not money or the
    /// sum does not fit in 64 bits (a garbled figure of twenty digits in 亿元).
    public init?(_ amount: Amount, in measure: Measure) {
        guard let perUnit = measure.yuanPerUnit else { return nil }
        let (fen, overflow) = amount.hundredths.multipliedReportingOverflow(by: perUnit)
        guard !overflow else { return nil }
        self.fen = fen
    }

    /// The sum as an amount of 元 with two decimals (an Amount counts hundredths, as 分 are).
    public var yuan: Amount { Amount(hundredths: fen) }

    /// The exact decimal in 元: 164978640, 2263.86. This is also the JSON and CSV form.
    public var description: String { yuan.description }

    /// The sum expressed in `measure`, when that is exact (16,497,864,000分 is 16497.86万元 only
    /// if it has no digits below 0.01万元).
    public func amount(in measure: Measure) -> Amount? {
        guard let perUnit = measure.yuanPerUnit, fen % perUnit == 0 else { return nil }
        return Amount(hundredths: fen / perUnit)
    }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.fen < rhs.fen }
    // Sums and differences saturate at the ends of Int64 rather than trap. Only a garbled figure
    // gets there (columns a PDF ran together into a 13-digit 万元 amount is 10^18 分), and a wrong
    // total that check reports beats a crash that loses the whole import or check.
    public static func + (lhs: Money, rhs: Money) -> Money {
        let (sum, overflow) = lhs.fen.addingReportingOverflow(rhs.fen)
        return Money(fen: overflow ? (rhs.fen > 0 ? .max : .min) : sum)
    }

    public static func - (lhs: Money, rhs: Money) -> Money {
        let (difference, overflow) = lhs.fen.subtractingReportingOverflow(rhs.fen)
        return Money(fen: overflow ? (rhs.fen < 0 ? .max : .min) : difference)
    }

    public static prefix func - (value: Money) -> Money { Money(fen: value.fen == .min ? .max : -value.fen) }
    public static let zero = Money(fen: 0)

    public var magnitude: Money { Money(fen: fen == .min ? .max : Swift.abs(fen)) }

    /// Percent change from `base` to `self` in hundredths of a percent, rounded half away from
    /// zero (−537.11 on 2,882.33 is −18.63%); nil when the base is zero or the percent does not
    /// fit. In 128 bits: a national total of 27万亿元 is 2.7 × 10^15 分, and times 10,000 it
    /// would overflow 64.
    public func percentChange(from base: Money) -> Amount? {
        Self.ratio(Int128(fen) - Int128(base.fen), over: Int128(base.fen))
    }

    /// `numerator` × 10,000 / |`denominator`|, rounded half away from zero, as hundredths of a
    /// percent; nil for a zero denominator or a result beyond Int64.
    static func ratio(_ numerator: Int128, over denominator: Int128) -> Amount? {
        guard denominator != 0 else { return nil }
        let scaled = numerator * 10_000, divisor = denominator < 0 ? -denominator : denominator
        var quotient = scaled / divisor
        let remainder = scaled % divisor
        if (remainder < 0 ? -remainder : remainder) * 2 >= divisor { quotient += scaled < 0 ? -1 : 1 }
        guard let hundredths = Int64(exactly: quotient) else { return nil }
        return Amount(hundredths: hundredths)
    }

    /// `self` as a percentage of `whole`, in hundredths of a percent rounded half away from zero
    /// (330.50 of 400.00 is 82.63%); nil when `whole` is not positive.
    public func percent(of whole: Money) -> Amount? {
        guard whole.fen > 0 else { return nil }
        return Self.ratio(Int128(fen), over: Int128(whole.fen))
    }

    /// The exact decimal in `measure`, with at least `minimumDecimals` decimals and as many more
    /// as the sum needs (164,978,640.00元 in 万元 is 16,497.864; 1分 is 0.000001万元), `grouped`
    /// with thousands separators. Nil for a measure that is not money.
    public func decimal(in measure: Measure, grouped: Bool = false, minimumDecimals: Int = 2) -> String? {
        guard let perUnit = measure.yuanPerUnit else { return nil }
        let scale = UInt64(perUnit) * 100          // 分 per unit of the measure
        let absolute = fen.magnitude
        let whole = String(absolute / scale)
        var fraction = String(absolute % scale)
        let places = String(scale).count - 1      // 2 for 元, 6 for 万元
        fraction = String(repeating: "0", count: places - fraction.count) + fraction
        while fraction.count > minimumDecimals, fraction.hasSuffix("0") { fraction.removeLast() }
        var wholeText = ""
        if grouped {
            for (index, digit) in whole.enumerated() {
                if index > 0 && (whole.count - index) % 3 == 0 { wholeText.append(",") }
                wholeText.append(digit)
            }
        } else {
            wholeText = whole
        }
        return (fen < 0 ? "-" : "") + wholeText + (fraction.isEmpty ? "" : "." + fraction)
    }
}

extension Measure {
    /// How many 元 one of this measure is, when it measures money: 元 1, 千元 1,000, 万元 10,000,
    /// 亿元 100,000,000; nil for percentages, counts and text.
    public var yuanPerUnit: Int64? {
        switch self {
        case .yuan: 1
        case .qianYuan: 1_000
        case .wanYuan: 10_000
        case .yiYuan: 100_000_000
        case .percent, .count, .vehicles, .persons, .personTimes, .sets, .yuanPerMonth, .times, .text: nil
        }
    }

    /// Whether the measure is a sum of money (元, 千元, 万元, 亿元).
    public var isMoney: Bool { yuanPerUnit != nil }

    /// Half the last digit a figure printed with two decimals in this measure can show, in 分:
    /// 0.005元 is under one 分 (0), 0.005万元 is 50元 (5,000分). Two printings of one sum in
    /// different measures may differ by this much and still be the same figure.
    public var roundingFen: Int64 {
        guard let perUnit = yuanPerUnit else { return 0 }
        return perUnit / 2
    }
}

extension Fact {
    /// The fact's amount as money in 元, when it is an amount of money.
    public var money: Money? {
        guard let amount else { return nil }
        return Money(amount, in: measure)
    }
}
