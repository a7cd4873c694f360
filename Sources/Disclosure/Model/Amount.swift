/// An exact decimal quantity with two fractional digits, stored as an integer count of hundredths.
///
/// Disclosures print money in 万元 (or 元) with at most two decimals, and percentages with one or
/// two. Binary floating point would turn 2263.86 into 2263.8599999…; hundredths never do.
public struct Amount: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The value times one hundred: 2,263.86 is 226386.
    public var hundredths: Int64

    public init(hundredths: Int64) {
        self.hundredths = hundredths
    }

    /// Whole units: `Amount(units: 289)` is 289.00.
    public init(units: Int64) {
        self.hundredths = units * 100
    }

    public static let zero = Amount(hundredths: 0)

    /// The sum of some amounts, or nil when it does not fit: `+` traps, and amounts read from a
    /// garbled document (a dozen of 17 digits) can overflow where real ones never do.
    public static func sum(_ amounts: some Sequence<Amount>) -> Amount? {
        var total: Int64 = 0
        for amount in amounts {
            let (next, overflow) = total.addingReportingOverflow(amount.hundredths)
            if overflow { return nil }
            total = next
        }
        return Amount(hundredths: total)
    }

    public static func < (lhs: Amount, rhs: Amount) -> Bool { lhs.hundredths < rhs.hundredths }
    public static func + (lhs: Amount, rhs: Amount) -> Amount { Amount(hundredths: lhs.hundredths + rhs.hundredths) }
    public static func - (lhs: Amount, rhs: Amount) -> Amount { Amount(hundredths: lhs.hundredths - rhs.hundredths) }
    public static prefix func - (value: Amount) -> Amount { Amount(hundredths: -value.hundredths) }

    public var magnitude: Amount { Amount(hundredths: hundredths.magnitude > Int64.max.magnitude ? Int64.max : Int64(hundredths.magnitude)) }

    /// The shortest exact decimal: 2263.86, 2.2, 5, -220.84. This is also the JSON form.
    public var description: String {
        let negative = hundredths < 0
        let absolute = hundredths.magnitude
        let whole = absolute / 100
        let fraction = absolute % 100
        var text = negative ? "-" : ""
        text += String(whole)
        if fraction != 0 {
            text += "."
            text += fraction < 10 ? "0\(fraction)" : (fraction % 10 == 0 ? String(fraction / 10) : String(fraction))
        }
        return text
    }

    /// The decimal with thousands separators and always two decimals, as tables print it: 2,345.22.
    public var grouped: String {
        let negative = hundredths < 0
        let absolute = hundredths.magnitude
        let whole = String(absolute / 100)
        var groupedWhole = ""
        for (index, digit) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 { groupedWhole.append(",") }
            groupedWhole.append(digit)
        }
        let fraction = absolute % 100
        return (negative ? "-" : "") + groupedWhole + "." + (fraction < 10 ? "0\(fraction)" : String(fraction))
    }

    /// Parses a printed decimal exactly: "2,345.22", "5.62", "-220.84", "０.５", "1 234.5".
    ///
    /// Returns nil when the text is not a number with at most two decimals, or when thousands
    /// separators are misplaced ("1,2345.6"): such a value is not guessed at.
    public init?(parsing text: some StringProtocol) {
        var negative = false
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var sawDigit = false
        var sawPoint = false
        var digitsSinceSeparator = -1   // -1: no separator seen yet
        var firstGroupDigits = 0
        for scalar in text.unicodeScalars {
            var value = scalar.value
            if value >= 0xFF10 && value <= 0xFF19 { value = value - 0xFF10 + 0x30 }   // full-width digits
            switch value {
            case 0x30...0x39:
                let digit = Int64(value - 0x30)
                sawDigit = true
                if sawPoint {
                    fractionDigits += 1
                    if fractionDigits > 2 { return nil }
                    fraction = fraction * 10 + digit
                } else {
                    let (times, overflow1) = whole.multipliedReportingOverflow(by: 10)
                    let (sum, overflow2) = times.addingReportingOverflow(digit)
                    if overflow1 || overflow2 || sum > Int64.max / 1000 { return nil }
                    whole = sum
                    if digitsSinceSeparator >= 0 { digitsSinceSeparator += 1 } else { firstGroupDigits += 1 }
                }
            case 0x2C, 0xFF0C:   // , ，as thousands separator
                if sawPoint || !sawDigit { return nil }
                if digitsSinceSeparator >= 0 && digitsSinceSeparator != 3 { return nil }
                if digitsSinceSeparator < 0 && firstGroupDigits > 3 { return nil }
                digitsSinceSeparator = 0
            case 0x2E, 0xFF0E:   // . ．
                if sawPoint { return nil }
                if digitsSinceSeparator >= 0 && digitsSinceSeparator != 3 { return nil }
                sawPoint = true
            case 0x2D, 0xFF0D, 0x2212:   // - － −
                if sawDigit || negative { return nil }
                negative = true
            case 0x2B, 0xFF0B:
                if sawDigit { return nil }
            case 0x20, 0x3000:
                continue
            default:
                return nil
            }
        }
        if !sawDigit { return nil }
        if !sawPoint && digitsSinceSeparator >= 0 && digitsSinceSeparator != 3 { return nil }
        if fractionDigits == 1 { fraction *= 10 }
        let total = whole * 100 + fraction
        self.hundredths = negative ? -total : total
    }

    /// Reads exactly the form ``description`` writes ("-220.84", "5", "2263.8"): an optional
    /// minus, digits, and at most two decimals after a point, across the whole range of Int64
    /// hundredths; nil for anything else (no separators, signs or full-width digits here).
    public init?(exactDecimal text: some StringProtocol) {
        let utf8 = Array(text.utf8)
        var index = 0
        let negative = utf8.first == UInt8(ascii: "-")
        if negative { index = 1 }
        // Accumulated as a negative number, so Int64.min hundredths is reachable.
        var accumulated: Int64 = 0
        var sawDigit = false, sawPoint = false, decimals = 0
        while index < utf8.count {
            let byte = utf8[index]
            index += 1
            if byte == UInt8(ascii: ".") {
                guard sawDigit, !sawPoint else { return nil }
                sawPoint = true
                continue
            }
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            if sawPoint {
                decimals += 1
                guard decimals <= 2 else { return nil }
            }
            let (times, overflow1) = accumulated.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = times.subtractingReportingOverflow(Int64(byte - 0x30))
            guard !overflow1, !overflow2 else { return nil }
            accumulated = next
            sawDigit = true
        }
        guard sawDigit, !sawPoint || decimals > 0 else { return nil }
        for _ in decimals..<2 {
            let (times, overflow) = accumulated.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            accumulated = times
        }
        if !negative {
            guard accumulated != .min else { return nil }
            accumulated = -accumulated
        }
        self.hundredths = accumulated
    }

    /// The log payload's form of an amount (README "On-disk format"): the exact decimal as a
    /// JSON string, "2263.86", so no reader passes it through binary floating point.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Reads the decimal string, or the first release's `{"hundredths": 226386}`.
    public init(from decoder: any Decoder) throws {
        if let container = try? decoder.singleValueContainer(), let text = try? container.decode(String.self) {
            guard let amount = Amount(exactDecimal: text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "“\(text)” is not a decimal with at most two places")
            }
            self = amount
            return
        }
        let container = try decoder.container(keyedBy: FirstReleaseKeys.self)
        self.init(hundredths: try container.decode(Int64.self, forKey: .hundredths))
    }

    private enum FirstReleaseKeys: String, CodingKey { case hundredths }

    /// Percent change from `base` to `self`, in hundredths of a percent rounded half away from
    /// zero (so −537.11 on 2,882.33 is −18.63%), or nil when the base is zero or the change is
    /// beyond ±9.2 × 10¹² (no real figure; garbled text of 17 digits, where `* 10_000` would trap).
    public func percentChange(from base: Amount) -> Amount? {
        guard base.hundredths != 0 else { return nil }
        let (delta, overflow) = self.hundredths.subtractingReportingOverflow(base.hundredths)
        guard !overflow, delta.magnitude <= UInt64(Int64.max / 10_000) else { return nil }
        // hundredths of a percent = delta / base * 100 * 100
        let numerator = delta * 10_000
        let denominator = base.hundredths.magnitude > Int64.max.magnitude ? Int64.max : Int64(base.hundredths.magnitude)
        var quotient = numerator / denominator
        let remainder = numerator % denominator
        if remainder.magnitude * 2 >= UInt64(denominator) { quotient += numerator < 0 ? -1 : 1 }
        return Amount(hundredths: quotient)
    }
}
