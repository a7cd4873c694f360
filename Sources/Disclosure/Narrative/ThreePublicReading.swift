/// One sub-item of the “三公”经费 and the keys of its budget and actual.
enum ThreePublicItem: Hashable, CaseIterable, Sendable {
    case total, outbound, vehicle, vehiclePurchase, vehicleOperation, reception

    var budgetKey: FactKey {
        switch self {
        case .total: return .threePublicBudgetTotal
        case .outbound: return .threePublicBudgetOutbound
        case .vehicle: return .threePublicBudgetVehicle
        case .vehiclePurchase: return .threePublicBudgetVehiclePurchase
        case .vehicleOperation: return .threePublicBudgetVehicleOperation
        case .reception: return .threePublicBudgetReception
        }
    }

    var actualKey: FactKey {
        switch self {
        case .total: return .threePublicActualTotal
        case .outbound: return .threePublicActualOutbound
        case .vehicle: return .threePublicActualVehicle
        case .vehiclePurchase: return .threePublicActualVehiclePurchase
        case .vehicleOperation: return .threePublicActualVehicleOperation
        case .reception: return .threePublicActualReception
        }
    }

    /// How documents name the sub-item.
    static let names: [(Literal, ThreePublicItem)] = [
        ("三公”经费", .total), ("三公经费", .total), ("因公出国(境)费", .outbound), ("因公出国(境)经费", .outbound),
        ("公务用车购置及运行维护费", .vehicle), ("公务用车购置及运行费", .vehicle), ("公务车购置及运行费", .vehicle),
        ("公务用车购置费", .vehiclePurchase), ("公务用车运行维护费", .vehicleOperation), ("公务用车运行费", .vehicleOperation),
        ("公务车用车运行费", .vehicleOperation), ("公务车运行费", .vehicleOperation), ("公务接待费", .reception),
    ]

    /// "全年预算为0万元，支出决算为0万元" within the sub-item.
    static let phrases: [ThreePublicItem: [Phrase]] = Dictionary(uniqueKeysWithValues: allCases.map { item in
        (item, [Phrase("全年预算", item.budgetKey), Phrase("预算数", item.budgetKey), Phrase("预算", item.budgetKey),
                Phrase("支出决算", item.actualKey), Phrase("决算", item.actualKey)])
    })
}

/// 九、“三公”经费: the budget and actual of each sub-item, and the counts stated with them.
extension NarrativeReading {
    private static let groups: Literal = "团组"
    private static let carsBought: Literal = "购置(更新)公务用车"
    private static let carsHeld: Literal = "保有量"
    private static let foreignReception: Literal = "外宾接待"
    private static let domesticReception: Literal = "国内公务接待"
    /// Expenses a provincial 三公 section reports beside the 三公 (“三公”经费、会议费、培训费):
    /// a sentence about them states no 三公 figure, so its amounts and change are not the
    /// last sub-item's (江苏 2018: "…培训费预算支出30万元，比上年预算增加5万元" after 公务接待费).
    private static let besideThreePublic: [Literal] = ["会议费", "培训费"]

    mutating func readThreePublic(_ sentence: Range<Int>) {
        let end = sentence.upperBound
        var index = sentence.lowerBound
        var comparedYear: Int?
        var changes: [Int] = []
        var besideThreePublic = false
        while index < end {
            let scalar = text.scalars[index]
            if scalar == "会" || scalar == "培", let beside = Self.besideThreePublic.first(where: { text.has($0, at: index, limit: end) }) {
                besideThreePublic = true
                index += beside.count
                continue
            }
            if besideThreePublic {
                // Until the next 三公 name, nothing read belongs to a sub-item.
                if let next = readThreePublicItem(at: index, limit: end) {
                    besideThreePublic = false
                    index = next
                } else {
                    index += 1
                }
                continue
            }
            if scalar == "主", text.has(Self.mainReason, at: index, limit: end) {
                index = readReason(at: index, sentence: sentence, changes: &changes, item: nil)
                continue
            }
            if let next = readChangeClause(at: index, limit: end, comparedYear: &comparedYear, changes: &changes) {
                index = next
                continue
            }
            if let next = readThreePublicItem(at: index, limit: end) {
                index = next
                continue
            }
            if let next = readThreePublicCount(at: index, limit: end) {
                index = next
                continue
            }
            if let phrase = match(ThreePublicItem.phrases[threePublicItem] ?? [], at: index, limit: end) {
                index = readPhrase(phrase, at: index, limit: end, item: nil)
                continue
            }
            index += 1
        }
        awaitingReason += changes.filter { facts[$0].reason == nil }
        if !changes.isEmpty { lastChanges = changes }
    }

    /// A sub-item's name, and the amount printed right after it ("公务用车购置费支出 0 万元"),
    /// which is the budget in a 预算 and the actual in a 决算.
    private mutating func readThreePublicItem(at index: Int, limit: Int) -> Int? {
        var found: (Literal, ThreePublicItem)?
        for entry in ThreePublicItem.names where text.has(entry.0, at: index, limit: limit) {
            if found == nil || entry.0.count > found!.0.count { found = entry }
        }
        guard let (literal, item) = found else { return nil }
        threePublicItem = item
        let key = kind == .budget ? item.budgetKey : item.actualKey
        let nameEnd = index + literal.count
        var position = skipFillers(from: nameEnd, limit: limit)
        if text.has(Words.expenditure, at: position, limit: limit) { position = skipFillers(from: position + 2, limit: limit) }
        if let number = text.number(at: position, limit: limit), let value = accepted(number, as: .money, limit: limit) {
            add(key, value: .amount(value.amount), measure: value.measure, range: index..<number.range.upperBound)
            subject = Subject(key: key, amount: value.workingAmount, start: index, year: year)
            return number.range.upperBound
        }
        subject = Subject(key: key, amount: facts.amount(key, year: year), start: index, year: year)
        return nameEnd
    }

    /// 团组 0 个, 0 人次, 购置(更新)公务用车 0 辆, 公务用车保有量 0 辆.
    private mutating func readThreePublicCount(at index: Int, limit: Int) -> Int? {
        if text.has(Self.foreignReception, at: index, limit: limit) {
            receptionName = "外宾接待"
            return nil
        }
        if text.has(Self.domesticReception, at: index, limit: limit) {
            receptionName = "国内公务接待"
            return nil
        }
        let isReception = threePublicItem == .reception
        let name = isReception ? receptionName : nil
        for (literal, key, measure) in [
            (Self.groups, isReception ? FactKey.threePublicReceptionGroups : .threePublicOutboundGroups, Measure.count),
            (Self.carsBought, .threePublicVehiclePurchased, .vehicles), (Self.carsHeld, .threePublicVehicleHeld, .vehicles),
        ] where text.has(literal, at: index, limit: limit) {
            let position = skipFillers(from: index + literal.count, limit: limit)
            guard let number = text.number(at: position, limit: limit), number.measure == measure else { return nil }
            add(key, name: key == .threePublicReceptionGroups ? name : nil, value: .amount(number.value), measure: measure,
                range: index..<number.range.upperBound)
            return number.range.upperBound
        }
        if ScalarFolding.isDigit(text.scalars[index]), index == 0 || !ScalarFolding.isDigit(text.scalars[index - 1]),
           let number = text.number(at: index, limit: limit), number.measure == .personTimes {
            let key: FactKey = isReception ? .threePublicReceptionPersons : .threePublicOutboundPersons
            add(key, name: name, value: .amount(number.value), measure: .personTimes, range: index..<number.range.upperBound)
            return number.range.upperBound
        }
        return nil
    }
}
