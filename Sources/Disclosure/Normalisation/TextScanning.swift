/// A literal to look for in a `NormalisedText`, held as folded scalars so matching never
/// builds a String.
struct Literal: Sendable, ExpressibleByStringLiteral {
    let scalars: [Unicode.Scalar]

    init(_ text: String) { scalars = Array(text.unicodeScalars).map(ScalarFolding.fold) }
    init(stringLiteral text: String) { self.init(text) }

    var count: Int { scalars.count }
}

/// A number read from the text with the unit printed after it.
struct NumberReading: Sendable {
    var value: Amount
    /// The digits (and sign) only.
    var digits: Range<Int>
    /// Digits and unit.
    var range: Range<Int>
    /// The unit as printed, nil when none follows (a percent printed without its % sign).
    var measure: Measure?
    /// Decimal places printed (for comparing a stated percent at its own precision).
    var decimals: Int
}

extension NormalisedText {
    /// Whether `literal` occurs at `index` (and ends by `limit`).
    @inline(__always)
    func has(_ literal: Literal, at index: Int, limit: Int? = nil) -> Bool {
        let end = limit ?? scalars.count
        guard index >= 0, index + literal.count <= end else { return false }
        var offset = 0
        for scalar in literal.scalars {
            if scalars[index + offset] != scalar { return false }
            offset += 1
        }
        return true
    }

    /// The first position of `literal` within `range`.
    func find(_ literal: Literal, in range: Range<Int>) -> Int? {
        guard let first = literal.scalars.first, range.count >= literal.count else { return nil }
        var index = range.lowerBound
        let last = range.upperBound - literal.count
        while index <= last {
            if scalars[index] == first && has(literal, at: index, limit: range.upperBound) { return index }
            index += 1
        }
        return nil
    }

    /// Whether `literal` occurs anywhere within `range`.
    func contains(_ literal: Literal, in range: Range<Int>) -> Bool { find(literal, in: range) != nil }

    /// Reads a number at `index`: an optional sign, digits with optional thousands separators
    /// (2,345.22), up to two decimals, then the unit printed after it. Nil when no digit is there.
    func number(at index: Int, limit: Int) -> NumberReading? {
        var position = index
        var negative = false
        if position < limit, scalars[position] == "-" || scalars[position] == "+" {
            negative = scalars[position] == "-"
            position += 1
        }
        guard position < limit, ScalarFolding.isDigit(scalars[position]) else { return nil }
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var decimals = 0
        while position < limit {
            let scalar = scalars[position]
            if ScalarFolding.isDigit(scalar) {
                whole = whole * 10 + Int64(scalar.value - 0x30)
                // The bound of `Amount(parsing:)`, checked after the digit so hundredths fit.
                if whole > Int64.max / 1000 { return nil }
                position += 1
            } else if scalar == ",", isThousandsGroup(at: position + 1, limit: limit) {
                position += 1
            } else {
                break
            }
        }
        if position + 1 < limit, scalars[position] == ".", ScalarFolding.isDigit(scalars[position + 1]) {
            position += 1
            while position < limit, ScalarFolding.isDigit(scalars[position]) {
                if decimals < 2 { fraction = fraction * 10 + Int64(scalars[position].value - 0x30) }
                decimals += 1
                position += 1
            }
            if decimals > 2 { return nil }   // not a money amount or a printed percentage: not guessed at
            if decimals == 1 { fraction *= 10 }
        }
        let digitsEnd = position
        let total = whole * 100 + fraction
        let (measure, unitEnd) = unit(at: position, limit: limit)
        return NumberReading(value: Amount(hundredths: negative ? -total : total), digits: index..<digitsEnd,
                             range: index..<unitEnd, measure: measure, decimals: decimals)
    }

    private func isThousandsGroup(at index: Int, limit: Int) -> Bool {
        guard index + 3 <= limit else { return false }
        for offset in 0..<3 where !ScalarFolding.isDigit(scalars[index + offset]) { return false }
        return index + 3 == limit || !ScalarFolding.isDigit(scalars[index + 3])
    }

    private static let units: [(Literal, Measure)] = [
        ("万元", .wanYuan), ("千元", .qianYuan), ("亿元", .yiYuan), ("元/月", .yuanPerMonth), ("元", .yuan), ("%", .percent), ("人次", .personTimes),
        ("台(套)", .sets), ("台/套", .sets), ("台", .sets), ("套", .sets), ("辆", .vehicles), ("个", .count),
        ("人", .persons), ("次", .times),
    ]

    private func unit(at index: Int, limit: Int) -> (Measure?, Int) {
        var position = index
        if position < limit, scalars[position] == " " { position += 1 }
        for (literal, measure) in Self.units where has(literal, at: position, limit: limit) {
            return (measure, position + literal.count)
        }
        return (nil, index)
    }

    /// The first number within `range`, skipping anything before it.
    func firstNumber(in range: Range<Int>) -> NumberReading? {
        var index = range.lowerBound
        while index < range.upperBound {
            if ScalarFolding.isDigit(scalars[index]) {
                let start = index > range.lowerBound && scalars[index - 1] == "-" ? index - 1 : index
                return number(at: start, limit: range.upperBound)
            }
            index += 1
        }
        return nil
    }

    /// The four-digit year printed at `index` and followed by 年 ("2022年", "2022 年度").
    func year(at index: Int, limit: Int) -> (year: Int, end: Int)? {
        guard index + 5 <= limit else { return nil }
        var value = 0
        for offset in 0..<4 {
            let scalar = scalars[index + offset]
            guard ScalarFolding.isDigit(scalar) else { return nil }
            value = value * 10 + Int(scalar.value - 0x30)
        }
        guard scalars[index + 4] == "年", value >= 1990, value <= 2100 else { return nil }
        if index > 0, ScalarFolding.isDigit(scalars[index - 1]) { return nil }
        var end = index + 5
        if end < limit, scalars[end] == "度" { end += 1 }
        return (value, end)
    }
}
