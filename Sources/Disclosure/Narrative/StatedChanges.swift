/// Stated changes and their reasons: a `change.stated` fact for what the document says moved,
/// the `implied` figure of the base year it yields, and the checks a change allows (does the
/// percentage fit the delta, does the wording fit the numbers).
extension NarrativeReading {
    /// Reads "减少220.84万元，下降31.5%" (or "持平") at `index` and files the change; nil when no
    /// direction word is there.
    mutating func readChange(at index: Int, limit: Int, baseYear: Int, base: FactKey?, baseAmount: NumberReading?,
                             start: Int, changes: inout [Int]) -> Int? {
        guard let (sign, afterDirection) = direction(at: index, limit: limit) else { return nil }
        var position = afterDirection
        var delta: Amount?
        // 元 is read as a mistyped 万元 (see `accepted`); 千元 and 亿元 keep their measure.
        var deltaMeasure = Measure.wanYuan
        var pct: NumberReading?
        if sign == 0 {
            delta = .zero
        } else if let number = text.number(at: position, limit: limit) {
            switch number.measure {
            case .wanYuan?, .yuan?:
                delta = number.value
                position = number.range.upperBound
            case .qianYuan?, .yiYuan?:
                delta = number.value
                deltaMeasure = number.measure!
                position = number.range.upperBound
            case .percent?:
                pct = number
                position = number.range.upperBound
            default:
                if accepted(number, as: .percent, limit: limit) != nil {
                    pct = number
                    position = number.range.upperBound
                }
            }
        }
        if delta == nil && pct == nil { return nil }
        // "…减少220.84万元，下降31.5%": the percentage that goes with the amount.
        if delta != nil, sign != 0, position < limit, text.scalars[position] == "," || text.scalars[position] == "、",
           let (_, after) = direction(at: position + 1, limit: limit),
           let number = text.number(at: after, limit: limit), accepted(number, as: .percent, limit: limit) != nil {
            pct = number
            position = number.range.upperBound
        }
        guard let subject else { return position }
        let signedDelta = delta.map { Amount(hundredths: $0.hundredths * (sign == 0 ? 1 : sign)) }
        let signedPct = pct.map { Amount(hundredths: $0.value.hundredths * sign) }
        let range = Swift.min(subject.start, start)..<position
        let change = Fact(
            key: .changeStated, year: subject.year, code: subject.code, name: subject.name,
            value: .amount(signedDelta ?? signedPct ?? .zero), measure: signedDelta == nil ? .percent : deltaMeasure,
            origin: .narrative, source: text.span(range), of: subject.key, baseYear: baseYear,
            delta: signedDelta, pct: signedPct, base: base)
        changes.append(facts.add(change))
        // The narrative's arithmetic is in 万元: a delta in another measure implies no base figure here.
        fileBaseFigure(of: subject, baseYear: baseYear, base: base, baseAmount: baseAmount, sign: sign,
                       delta: deltaMeasure == .wanYuan ? signedDelta : nil, pct: pct, signedPct: signedPct, range: range)
        return position
    }

    /// Files the base year's figure a change states or implies, and checks the change against it.
    private mutating func fileBaseFigure(of subject: Subject, baseYear: Int, base: FactKey?, baseAmount: NumberReading?,
                                         sign: Int64, delta: Amount?, pct: NumberReading?, signedPct: Amount?,
                                         range: Range<Int>) {
        let baseKey = base ?? subject.key
        let current = subject.amount ?? facts.amount(subject.key, year: subject.year, code: subject.code, name: subject.name)
        var baseValue: Amount?
        var baseIsIndependent = false
        if let baseAmount {
            add(baseKey, year: baseYear, code: subject.code, name: subject.name, value: .amount(baseAmount.value),
                range: baseAmount.range)
            baseValue = baseAmount.value
            baseIsIndependent = true
            if let current, let delta, current - baseAmount.value != delta {
                facts.warn(.sumMismatch, "\(subject.key.rawValue) \(current) against \(baseAmount.value) is a change of "
                           + "\(current - baseAmount.value), but the text states \(delta)", text.span(range))
            }
        } else if let delta, let current {
            let implied = current - delta
            add(baseKey, year: baseYear, code: subject.code, name: subject.name, value: .amount(implied), origin: .implied,
                range: range)
            baseValue = implied
            if implied < .zero {
                facts.warn(.directionMismatch, "\(subject.key.rawValue) is \(current) and stated to have changed by \(delta) "
                           + "since \(baseYear), which would make \(baseYear) negative (\(implied))", text.span(range))
            }
        } else if let known = facts.amount(baseKey, year: baseYear, code: subject.code, name: subject.name) {
            baseValue = known
            baseIsIndependent = true
        }
        guard let current, let baseValue else { return }
        if baseIsIndependent, sign != 0, current != baseValue, (current > baseValue) != (sign > 0) {
            facts.warn(.directionMismatch, "the text says \(sign > 0 ? "an increase" : "a decrease") from \(baseValue) to \(current)",
                       text.span(range))
        }
        // Where the document stated the current value twice (350.35 and 352.67), either may be the one
        // the percentage was computed from.
        let firstStated = facts.amount(subject.key, year: subject.year, code: subject.code, name: subject.name)
        if let pct, let signedPct, let computed = current.percentChange(from: baseValue),
           !Self.agrees(signedPct, computed, decimals: pct.decimals),
           !(firstStated.flatMap { $0.percentChange(from: baseValue) }.map { Self.agrees(signedPct, $0, decimals: pct.decimals) } ?? false) {
            facts.warn(.percentMismatch, "a change from \(baseValue) to \(current) is \(computed)%, "
                       + "but the text states \(signedPct)%", text.span(range))
        }
    }

    /// Whether a printed percentage agrees with the computed one at the precision it was printed
    /// with, allowing for truncation as well as rounding (1.17% printed as 1.1%).
    static func agrees(_ stated: Amount, _ computed: Amount, decimals: Int) -> Bool {
        let unit: Int64 = decimals == 0 ? 100 : (decimals == 1 ? 10 : 1)
        let (difference, overflow) = stated.hundredths.subtractingReportingOverflow(computed.hundredths)
        return !overflow && difference.magnitude <= UInt64(unit)
    }

    /// `part` as a percentage of `whole`, in hundredths of a percent, rounded half away from zero;
    /// nil when `whole` is zero or `part` is beyond ±9.2 × 10¹², where `* 10_000` would trap.
    static func ratio(_ part: Amount, of whole: Amount) -> Amount? {
        guard whole.hundredths != 0, part.hundredths.magnitude <= UInt64(Int64.max / 10_000) else { return nil }
        let numerator = part.hundredths * 10_000
        var quotient = numerator / whole.hundredths
        let remainder = numerator % whole.hundredths
        if remainder.magnitude * 2 >= whole.hundredths.magnitude { quotient += (numerator < 0) != (whole.hundredths < 0) ? -1 : 1 }
        return Amount(hundredths: quotient)
    }

    /// Reads "主要原因是：……" up to the end of the sentence (or to a ；that opens a new statement
    /// with an amount) and files it: as the variance reason of the current item when the sentence
    /// compares an actual with its budget, otherwise as the reason of the changes it follows.
    mutating func readReason(at index: Int, sentence: Range<Int>, changes: inout [Int], item: Subject?) -> Int {
        var start = index + Self.mainReason.count
        while start < sentence.upperBound, ["是", "为", ":", ","].contains(text.scalars[start]) { start += 1 }
        var stop = sentence.upperBound
        var position = start
        while position < sentence.upperBound {
            if text.scalars[position] == ";", hasAmount(position + 1..<sentence.upperBound) {
                stop = position
                break
            }
            position += 1
        }
        guard stop > start else { return stop }
        let reason = text.printedText(start..<stop)
        if let item, let comparison = varianceComparison(in: sentence.lowerBound..<index) {
            fileVariance(reason, of: item, comparison: comparison, range: sentence.lowerBound..<stop)
            return stop
        }
        let waiting = changes.filter { facts[$0].reason == nil }
        if !waiting.isEmpty {
            for change in waiting { facts[change].reason = reason }
            return stop
        }
        // A reason in a sentence of its own explains the changes before it: those of the sentence
        // just before when they all say 持平 ("比2023年预算持平。主要原因是……保持不变"), otherwise every
        // change still waiting that moved ("……减少876.75万元。……减少的主要原因是项目调整").
        let recent = lastChanges.filter { facts[$0].reason == nil }
        let explained = !recent.isEmpty && recent.allSatisfy { facts[$0].delta == .zero }
            ? recent : awaitingReason.filter { facts[$0].reason == nil && facts[$0].delta != .zero }
        for change in explained { facts[change].reason = reason }
        awaitingReason = []
        lastChanges = []
        return stop
    }

    private func hasAmount(_ range: Range<Int>) -> Bool {
        var sawDigit = false
        for index in range {
            let scalar = text.scalars[index]
            if scalar == "。" || scalar == ";" { return false }
            if ScalarFolding.isDigit(scalar) { sawDigit = true }
            if sawDigit, scalar == "万", text.has(Words.wanYuan, at: index, limit: range.upperBound) { return true }
        }
        return false
    }

    /// "支出决算数大于年初预算数的" → +1, 小于 → −1, 等于 → 0; nil when the sentence does not compare
    /// the actual with the budget.
    private func varianceComparison(in range: Range<Int>) -> Int? {
        guard text.contains(Words.budget, in: range) else { return nil }
        for (literal, sign) in Words.comparisons
        where text.contains(literal, in: range) {
            return sign
        }
        return nil
    }

    private mutating func fileVariance(_ reason: String, of item: Subject, comparison: Int, range: Range<Int>) {
        let index = add(.reasonVariance, code: item.code, name: item.name, value: .text(reason), measure: .text, range: range)
        facts[index].reason = reason
        guard let actual = facts.amount(.functionActual, year: year, code: item.code, name: item.name),
              let budget = facts.amount(.functionBudget, year: year, code: item.code, name: item.name) else { return }
        let sign = actual > budget ? 1 : (actual < budget ? -1 : 0)
        if sign != comparison {
            facts.warn(.directionMismatch, "the text explains why the actual is \(comparison > 0 ? "above" : comparison < 0 ? "below" : "equal to") "
                       + "the budget, but it is \(actual) against \(budget)", text.span(range))
        }
    }
}
