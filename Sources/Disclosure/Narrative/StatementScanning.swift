/// Reading one sentence left to right: phrases with their amounts and shares, stated changes
/// ("与2022年度相比…减少220.84万元，下降31.5%", "比2023年预算执行数减少57.14%") and the reasons
/// given for them ("主要原因是……").
extension NarrativeReading {
    static let mainReason: Literal = "主要原因"

    mutating func scan(_ sentence: Range<Int>, phrases: [Phrase], item: Subject? = nil) {
        let end = sentence.upperBound
        var index = sentence.lowerBound
        var comparedYear: Int?
        var changes: [Int] = []
        // A reason explains the statement since the previous reason, not the whole sentence:
        // a sentence of thousands of "；…主要原因是" clauses must not re-read its start for each.
        var statementStart = sentence.lowerBound
        while index < end {
            let scalar = text.scalars[index]
            if scalar == "主", text.has(Self.mainReason, at: index, limit: end) {
                index = readReason(at: index, sentence: statementStart..<end, changes: &changes, item: item)
                statementStart = index
                continue
            }
            if let next = readChangeClause(at: index, limit: end, comparedYear: &comparedYear, changes: &changes) {
                index = next
                continue
            }
            if let phrase = match(phrases, at: index, limit: end, clauseStart: sentence.lowerBound) {
                index = readPhrase(phrase, at: index, limit: end, item: item)
                continue
            }
            // An amount no phrase names ("1．一般公共服务（类）支出 16992.37 万元") is a subject the
            // reader does not know: a change stated after it is about it, not about the subject
            // of an earlier sentence.
            if ScalarFolding.isDigit(scalar), index == sentence.lowerBound || !ScalarFolding.isDigit(text.scalars[index - 1]),
               let number = text.number(at: index, limit: end), number.measure?.isMoney == true {
                subject = nil
                index = number.range.upperBound
                continue
            }
            index += 1
        }
        awaitingReason += changes.filter { facts[$0].reason == nil }
        if !changes.isEmpty { lastChanges = changes }
    }

    /// The longest phrase starting at `index` (a clause-initial one only where a clause starts).
    func match(_ phrases: [Phrase], at index: Int, limit: Int, clauseStart: Int? = nil) -> Phrase? {
        var best: Phrase?
        let scalar = text.scalars[index]
        for phrase in phrases where phrase.literal.scalars[0] == scalar && text.has(phrase.literal, at: index, limit: limit) {
            if phrase.clauseInitial, let clauseStart, !startsClause(at: index, after: clauseStart) { continue }
            if best == nil || phrase.literal.count > best!.literal.count { best = phrase }
        }
        return best
    }

    /// Whether a clause starts at `index`: nothing but punctuation, digits or spaces before it, a
    /// year (…年, …年度), or the unit's own name.
    func startsClause(at index: Int, after start: Int) -> Bool {
        var before = index - 1
        while before >= start, text.scalars[before] == " " { before -= 1 }
        guard before >= start else { return true }
        let previous = text.scalars[before]
        if !ScalarFolding.isIdeograph(previous) || previous == "年" || previous == "度" { return true }
        guard !unit.isEmpty, before + 1 - start >= unit.count else { return false }
        return text.scalars[(before + 1 - unit.count)...before].elementsEqual(unit)
    }

    /// Reads the amount after a phrase, files it, and makes the phrase the subject of what follows.
    mutating func readPhrase(_ phrase: Phrase, at index: Int, limit: Int, item: Subject?) -> Int {
        let phraseEnd = index + phrase.literal.count
        let factYear = statedYear(before: index) ?? year
        let position = skipFillers(from: phraseEnd, limit: limit)
        if let number = text.number(at: position, limit: limit), let value = accepted(number, as: phrase.kind, limit: limit) {
            let range = index..<number.range.upperBound
            let factIndex = add(phrase.key, year: factYear, code: item?.code, name: item?.name, value: .amount(value.amount),
                                measure: value.measure, range: range)
            if phrase.kind == .money {
                subject = Subject(key: phrase.key, code: item?.code, name: item?.name, amount: value.workingAmount, start: index, year: factYear)
                return readShare(after: number.range.upperBound, limit: limit, factIndex: factIndex)
            }
            return number.range.upperBound
        }
        if phrase.kind == .money {
            subject = Subject(key: phrase.key, code: item?.code, name: item?.name, amount: nil, start: index, year: factYear)
        }
        return phraseEnd
    }

    /// The value and measure of a number read after a phrase, nil when it is not the kind of
    /// number the phrase takes. Money in 万元, 千元 or 亿元 keeps its measure; a money amount
    /// printed in 元 keeps its value as 万元 and is warned about (a narrative in 万元 with one
    /// figure in 元 has mistyped its unit); a percentage without its % sign keeps its value and
    /// is warned about.
    mutating func accepted(_ number: NumberReading, as kind: Phrase.Kind, limit: Int) -> AcceptedAmount? {
        switch (kind, number.measure) {
        case (.money, .wanYuan?), (.money, .qianYuan?), (.money, .yiYuan?):
            return AcceptedAmount(amount: number.value, measure: number.measure!)
        case (.percent, .percent?):
            return AcceptedAmount(amount: number.value, measure: .percent)
        case (.money, .yuan?):
            if number.value != .zero {
                facts.warn(.suspiciousMeasure, "“\(text.printedText(number.range))” is printed in 元 where every other amount "
                           + "of the narrative is in 万元; the value is kept as \(number.value) 万元", text.span(number.range))
            }
            return AcceptedAmount(amount: number.value, measure: .wanYuan)
        case (.percent, nil):
            let next = number.range.upperBound
            guard next >= limit || [",", ";", "。", ")"].contains(text.scalars[next]) else { return nil }
            facts.warn(.missingPercentSign, "“\(text.printedText(number.range))” is read as a percentage though its % sign is missing",
                       text.span(number.range))
            return AcceptedAmount(amount: number.value, measure: .percent)
        default:
            return nil
        }
    }

    func skipFillers(from index: Int, limit: Int) -> Int {
        var position = index
        var moved = true
        while moved {
            moved = false
            for filler in NarrativePhrases.fillers where text.has(filler, at: position, limit: limit) {
                position += filler.count
                moved = true
                break
            }
        }
        return position
    }

    /// A year printed just before a phrase: "2023年当年预算执行数", "2024年预算安排", "2023年度收入合计".
    func statedYear(before index: Int) -> Int? {
        for length in [5, 6] where index - length >= 0 {
            if let (stated, end) = text.year(at: index - length, limit: index), end == index { return stated }
        }
        return nil
    }

    /// ",占本年支出55.5%" after an amount: the share is added to the fact just read.
    mutating func readShare(after index: Int, limit: Int, factIndex: Int) -> Int {
        var position = index
        if position < limit, text.scalars[position] == "," { position += 1 }
        guard position < limit, text.scalars[position] == "占" else { return index }
        var digit = position + 1
        while digit < limit, digit - position < 24, !ScalarFolding.isDigit(text.scalars[digit]) {
            if [",", ";", "。"].contains(text.scalars[digit]) { return index }
            digit += 1
        }
        guard let number = text.number(at: digit, limit: limit),
              let share = accepted(number, as: .percent, limit: limit) else { return index }
        facts[factIndex].share = share.amount
        return number.range.upperBound
    }

    /// A comparison clause at `index`: "与2022年度相比" (remembered in `comparedYear`), "比/较…"
    /// with its change, or the change a remembered comparison introduces. The index after it,
    /// or nil when none starts here.
    mutating func readChangeClause(at index: Int, limit end: Int, comparedYear: inout Int?, changes: inout [Int]) -> Int? {
        let scalar = text.scalars[index]
        if scalar == "与", let (compared, next) = comparedWith(at: index, limit: end) {
            comparedYear = compared
            return next
        }
        if scalar == "比" || scalar == "较", let next = readComparison(at: index, limit: end, changes: &changes) {
            return next
        }
        if let year = comparedYear {
            return readChange(at: index, limit: end, baseYear: year, base: nil, baseAmount: nil, start: index, changes: &changes)
        }
        return nil
    }

    /// A year named at `position` ("2022年度", "上年度", "上年"): the year and the index after it.
    private func namedYear(at position: Int, limit: Int) -> (Int, Int)? {
        if let (stated, end) = text.year(at: position, limit: limit) { return (stated, end) }
        if text.has(Words.lastFiscalYear, at: position, limit: limit) { return (year - 1, position + 3) }
        if text.has(Words.lastYear, at: position, limit: limit) { return (year - 1, position + 2) }
        return nil
    }

    /// "与2022年度相比" (also "与上年相比"): the year a following change is measured against.
    func comparedWith(at index: Int, limit: Int) -> (Int, Int)? {
        guard let (compared, start) = namedYear(at: index + 1, limit: limit) else { return nil }
        var position = start
        if text.has(Words.samePeriod, at: position, limit: limit) { position += 2 }
        guard text.has(Words.comparedWith, at: position, limit: limit) || text.has(Words.compared, at: position, limit: limit) else { return nil }
        return (compared, position + 2)
    }

    /// What a "比……" compares with.
    private enum Baseline { case budget, actual, same }

    private static let baselines: [(Literal, Baseline)] = [
        ("年初预算数", .budget), ("年初预算", .budget), ("全年预算数", .budget), ("全年预算", .budget),
        ("当年预算执行数", .actual), ("预算执行数", .actual), ("预算数", .same), ("预算", .same),
        ("决算数", .same), ("决算", .same), ("同期", .same),
    ]

    /// "比2022年度决算数减少220.83万元", "比年初预算数73万元减少0.67万元，减少8%", "比2023年预算持平".
    mutating func readComparison(at index: Int, limit: Int, changes: inout [Int]) -> Int? {
        var position = index + 1
        var baseYear: Int?
        if let (named, end) = namedYear(at: position, limit: limit) {
            baseYear = named
            position = end
        }
        if position < limit, text.scalars[position] == "(" {
            var close = position + 1
            while close < limit, close - position < 24, text.scalars[close] != ")" { close += 1 }
            if close < limit, text.scalars[close] == ")" { position = close + 1 }
        }
        var base: FactKey?
        var baseline: Baseline?
        for (literal, kind) in Self.baselines where text.has(literal, at: position, limit: limit) {
            baseline = kind
            position += literal.count
            break
        }
        switch baseline {
        case .budget?:
            base = subject.flatMap { NarrativePhrases.budgetCounterpart(of: $0.key) }
            baseYear = baseYear ?? subject?.year ?? year
        case .actual?:
            // An item's 预算执行数 is its function.actual; a total's has no key of its own, so the
            // change names its own key as base: measured against last year's figure as executed,
            // not comparable with a change of an equal total against last year's budget
            // (上海普陀商务委 2025: 收入 比2024年预算执行数增加24,558.18, 支出 比2024年预算增加24,491.71).
            base = subject?.key == .functionGeneralTotal ? .functionActual : subject?.key
        case .same?, nil:
            break
        }
        guard let baseYear else { return nil }
        var baseAmount: NumberReading?
        if let number = text.number(at: position, limit: limit), number.measure == .wanYuan {
            baseAmount = number
            position = number.range.upperBound
        }
        return readChange(at: position, limit: limit, baseYear: baseYear, base: base, baseAmount: baseAmount,
                          start: index, changes: &changes)
    }

    static let directions: [(Literal, Int64)] = [
        ("增加", 1), ("增长", 1), ("上升", 1), ("提高", 1), ("减少", -1), ("下降", -1), ("降低", -1), ("持平", 0),
    ]

    func direction(at index: Int, limit: Int) -> (sign: Int64, end: Int)? {
        var position = index
        if text.has(Words.each, at: position, limit: limit) { position += 1 }
        for (literal, sign) in Self.directions where text.has(literal, at: position, limit: limit) {
            var end = position + literal.count
            if text.has(Words.perfective, at: end, limit: limit) { end += 1 }
            return (sign, end)
        }
        return nil
    }
}
