/// The smaller sections: 国有资产 (vehicles, equipment), 预算绩效 (projects' budgets and
/// execution), and transfers of work between units, which any section may state.
extension NarrativeReading {
    private static let vehicles: Literal = "车辆"
    private static let vehicleUse: Literal = "用车"
    private static let millionYuan: Literal = "100万元"
    private static let equipment: Literal = "设备"
    private static let plannedPurchase: Literal = "安排购置"

    /// "截至2023年12月31日，……共有车辆0辆，其中，……其他用车0辆。单价100万元(含)以上设备(不含车辆) 0 台(套)。"
    mutating func readAssets(_ sentence: Range<Int>) {
        let end = sentence.upperBound
        if text.contains(Self.plannedPurchase, in: sentence) { return }   // what a 预算 plans to buy is not what is held
        var asOf = year
        for literal in Words.asOf {
            if let at = text.find(literal, in: sentence), let (stated, _) = text.year(at: at + 2, limit: end) { asOf = stated }
        }
        var search = sentence.lowerBound
        while let at = text.find(Self.vehicles, in: search..<end) {
            search = at + Self.vehicles.count
            guard let number = text.number(at: search, limit: end), number.measure == .vehicles else { continue }
            add(.assetsVehicles, year: asOf, value: .amount(number.value), measure: .vehicles,
                origin: .narrative, range: at..<number.range.upperBound)
            readVehicleUses(number.range.upperBound..<end, year: asOf)
            break
        }
        if let million = text.find(Self.millionYuan, in: sentence),
           let device = text.find(Self.equipment, in: million..<end) {
            var position = device + Self.equipment.count
            while position < end, position - device < 16, !ScalarFolding.isDigit(text.scalars[position]) { position += 1 }
            if let number = text.number(at: position, limit: end), number.measure == .sets {
                add(.assetsEquipmentOver1M, year: asOf, value: .amount(number.value), measure: .sets, origin: .narrative,
                    range: million..<number.range.upperBound)
            }
        }
    }

    /// "其中，副部(省)级及以上领导用车0辆，主要负责人用车0辆，……": the vehicles of each use.
    private mutating func readVehicleUses(_ range: Range<Int>, year asOf: Int) {
        var search = range.lowerBound
        while let at = text.find(Self.vehicleUse, in: search..<range.upperBound) {
            search = at + Self.vehicleUse.count
            guard let number = text.number(at: search, limit: range.upperBound), number.measure == .vehicles else { continue }
            var start = at
            var depth = 0
            while start > range.lowerBound {
                let scalar = text.scalars[start - 1]
                if scalar == ")" { depth += 1 } else if scalar == "(" { if depth == 0 { break }; depth -= 1 }
                if depth == 0, [",", "、", ";", ":", "。"].contains(scalar) { break }
                start -= 1
            }
            if text.has(Words.among, at: start, limit: at) { start += 2 }
            guard start < at else { continue }
            add(.assetsVehiclesByUse, year: asOf, name: text.folded(start..<search), value: .amount(number.value),
                measure: .vehicles, origin: .narrative, range: start..<number.range.upperBound)
            search = number.range.upperBound
        }
    }

    private static let selfEvaluation: Literal = "绩效自评综述"
    private static let performancePhrases: [Phrase] = [
        Phrase("全年预算数", .projectBudget), Phrase("预算数", .projectBudget), Phrase("执行数", .projectExecuted),
        Phrase("完成预算的", .projectExecutionRate, .percent),
    ]

    /// "1. 医保门诊共济改革宣传经费项目绩效自评综述：项目全年预算数为66.79万元，执行数为66.79万元，完成预算的100%。"
    mutating func readPerformance(_ sentence: Range<Int>) {
        guard let at = text.find(Self.selfEvaluation, in: sentence) else { return }
        let nameStart = startsWithListMarker(sentence) ?? sentence.lowerBound
        var name = text.folded(nameStart..<at)
        if name.hasSuffix("项目") { name.removeLast(2) }
        guard !name.isEmpty else { return }
        let project = Subject(key: .projectBudget, name: name, amount: nil, start: nameStart, year: year)
        scan(at + Self.selfEvaluation.count..<sentence.upperBound, phrases: Self.performancePhrases, item: project)
    }

    private static let moved: Literal = "划转"
    private static let movedIn: Literal = "划入"

    /// "将医疗救助专项项目划转到区民政局，该项目调减289万元" (out) and "承接区医疗保障局划转的医疗救助专项
    /// 项目，该项目调增289万元" (in).
    mutating func readTransfers(_ sentence: Range<Int>) {
        let end = sentence.upperBound
        var search = sentence.lowerBound
        while search < end, let at = text.find(Self.moved, in: search..<end) ?? text.find(Self.movedIn, in: search..<end) {
            search = at + 2
            if let give = lastIndex(of: "将", in: Swift.max(sentence.lowerBound, at - 30)..<at) {
                var position = at + 2
                if position < end, ["到", "至", "给", "入"].contains(text.scalars[position]) { position += 1 }
                let counterparty = clause(from: position, limit: end)
                let value = amount(after: ["调减", "减少", "核减"], from: counterparty.upperBound, limit: end)
                fileTransfer(.transferOut, name: give + 1..<at, counterparty: counterparty, value: value, start: give)
            } else if let take = lastIndex(of: "承接", in: Swift.max(sentence.lowerBound, at - 30)..<at) {
                var position = at + 2
                if text.has(Words.movedHere, at: position, limit: end) { position += 2 } else if text.has(Words.of, at: position, limit: end) { position += 1 }
                let name = clause(from: position, limit: end)
                let value = amount(after: ["调增", "增加", "核增"], from: name.upperBound, limit: end)
                fileTransfer(.transferIn, name: name, counterparty: take + 2..<at, value: value, start: take)
            }
        }
    }

    private mutating func fileTransfer(_ key: FactKey, name: Range<Int>, counterparty: Range<Int>,
                                       value: NumberReading?, start: Int) {
        guard !name.isEmpty, !counterparty.isEmpty else { return }
        let end = value?.range.upperBound ?? counterparty.upperBound
        facts.add(Fact(key: key, year: year, name: text.folded(name), value: value.map { .amount($0.value) } ?? .none,
                       measure: value == nil ? .text : .wanYuan, origin: .narrative,
                       source: text.span(start..<Swift.max(end, name.upperBound)), counterparty: text.folded(counterparty)))
    }

    private func lastIndex(of literal: Literal, in range: Range<Int>) -> Int? {
        var index = range.upperBound - literal.count
        while index >= range.lowerBound {
            if text.has(literal, at: index, limit: range.upperBound) { return index }
            index -= 1
        }
        return nil
    }

    /// Text up to the next comma, semicolon or bracket.
    private func clause(from start: Int, limit: Int) -> Range<Int> {
        var index = start
        while index < limit, ![",", ";", "(", "。", ":"].contains(text.scalars[index]) { index += 1 }
        return start..<index
    }

    /// The money amount after the first of `words` found in the rest of the sentence.
    private func amount(after words: [Literal], from start: Int, limit: Int) -> NumberReading? {
        for word in words {
            if let at = text.find(word, in: start..<limit),
               let number = text.number(at: skipFillers(from: at + word.count, limit: limit), limit: limit),
               number.measure == .wanYuan {
                return number
            }
        }
        return nil
    }
}
