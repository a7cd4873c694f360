/// The narrative's arithmetic, checked once everything is read: items against their totals,
/// shares and rates against the amounts they are computed from, changes of one total against
/// each other. A check never changes a fact; it only warns.
extension NarrativeReading {
    mutating func finish() {
        statedByKey = Dictionary(grouping: facts.facts.filter { $0.year == year && $0.origin == .narrative && $0.amount != nil },
                                 by: \.key)
        checkSums()
        checkShares()
        checkRates()
        checkChangesOfEqualTotals()
    }

    private func stated(_ key: FactKey) -> [Fact] { statedByKey[key] ?? [] }

    private mutating func checkSum(_ statedParts: [Fact], against totalKey: FactKey, what: String, minimumParts: Int = 2) {
        // One value per item: a second, conflicting value of the same item is warned about on its own.
        var seenItems: Set<String> = []
        let parts = statedParts.filter { $0.code == nil || seenItems.insert($0.key.rawValue + $0.code!).inserted }
        guard parts.count >= minimumParts, let total = stated(totalKey).first, let expected = total.amount else { return }
        let sum = parts.reduce(Amount.zero) { $0 + ($1.amount ?? .zero) }
        guard sum != expected else { return }
        let lines = parts.compactMap { $0.amount }.map(\.description).joined(separator: " + ")
        facts.warn(.sumMismatch, "\(what) sum to \(sum) (\(lines)) but \(totalKey.rawValue) is stated as \(expected)",
                   total.source)
    }

    private mutating func checkSums() {
        checkSum(stated(.functionActual), against: .expenseGeneralTotal, what: "the items' 支出决算")
        checkSum(stated(.functionBudget), against: .budgetInitial, what: "the items' 年初预算")
        let generals = stated(.functionGeneralTotal)
        checkSum(generals.filter { $0.code?.utf8.count == 3 }, against: .expenseGeneralTotal, what: "the 类 amounts")
        checkSum(generals.filter { $0.code?.utf8.count != 3 }, against: .expenseGeneralTotal, what: "the items' amounts")
        let basicKey: FactKey = stated(.expenseGeneralBasic).isEmpty ? .expenseBasic : .expenseGeneralBasic
        checkSum(stated(.expenseBasicPersonnel) + stated(.expenseBasicPublic), against: basicKey, what: "人员经费 and 公用经费")
        checkSum(stated(.expenseBasic) + stated(.expenseProject), against: .expenseTotal, what: "基本支出 and 项目支出")
        checkSum(stated(.expenseGeneralBasic) + stated(.expenseGeneralProject), against: .expenseGeneralTotal,
                 what: "基本支出 and 项目支出")
        checkSum(stated(.procurementGoods) + stated(.procurementWorks) + stated(.procurementServices),
                 against: .procurementTotal, what: "货物, 工程 and 服务", minimumParts: 3)
        for (parts, total) in [
            ([FactKey.threePublicBudgetOutbound, .threePublicBudgetVehicle, .threePublicBudgetReception], FactKey.threePublicBudgetTotal),
            ([.threePublicActualOutbound, .threePublicActualVehicle, .threePublicActualReception], .threePublicActualTotal),
        ] {
            checkSum(parts.flatMap(stated), against: total, what: "the “三公”经费 sub-items", minimumParts: 3)
        }
        checkSum(stated(.threePublicBudgetVehiclePurchase) + stated(.threePublicBudgetVehicleOperation),
                 against: .threePublicBudgetVehicle, what: "购置费 and 运行费")
        checkSum(stated(.threePublicActualVehiclePurchase) + stated(.threePublicActualVehicleOperation),
                 against: .threePublicActualVehicle, what: "购置费 and 运行费")
        let held = facts.facts.filter { $0.key == .assetsVehicles }
        let uses = facts.facts.filter { $0.key == .assetsVehiclesByUse }
        if let total = held.first, let expected = total.amount, uses.count >= 2,
           case let sum = uses.reduce(Amount.zero, { $0 + ($1.amount ?? .zero) }), sum != expected {
            facts.warn(.sumMismatch, "vehicles by use sum to \(sum) but \(expected) are stated in all", total.source)
        }
    }

    private static func parent(ofShare key: FactKey) -> FactKey? {
        switch key {
        case .incomeAppropriation, .incomeAppropriationGeneral: return .incomeTotal
        case .expenseBasic, .expenseProject, .expenseGeneralTotal: return .expenseTotal
        case .functionGeneralTotal: return .expenseGeneralTotal
        case .procurementSME: return .procurementTotal
        case .procurementSmallMicro: return .procurementSME
        default: return nil
        }
    }

    private mutating func checkShares() {
        for fact in facts.facts {
            guard let share = fact.share, let amount = fact.amount, let parentKey = Self.parent(ofShare: fact.key),
                  let parent = facts.amount(parentKey, year: fact.year), let computed = Self.ratio(amount, of: parent),
                  !Self.agrees(share, computed, decimals: Self.decimals(share)) else { continue }
            facts.warn(.shareMismatch, "\(fact.name ?? fact.key.rawValue) \(amount) is \(computed)% of \(parent), "
                       + "but the text states \(share)%", fact.source)
        }
    }

    /// The decimals a percentage was printed with, as far as its value tells.
    static func decimals(_ percent: Amount) -> Int {
        percent.hundredths % 100 == 0 ? 0 : (percent.hundredths % 10 == 0 ? 1 : 2)
    }

    private mutating func checkRate(_ rate: Fact, actual: Amount?, budget: Amount?) {
        guard let stated = rate.amount, let actual, let budget, let computed = Self.ratio(actual, of: budget),
              !Self.agrees(stated, computed, decimals: Self.decimals(stated)) else { return }
        facts.warn(.percentMismatch, "\(rate.name ?? rate.key.rawValue): \(actual) of \(budget) is \(computed)%, "
                   + "but the text states \(stated)%", rate.source)
    }

    private mutating func checkRates() {
        for rate in stated(.budgetExecutionRate) {
            checkRate(rate, actual: facts.amount(.expenseGeneralTotal, year: year), budget: facts.amount(.budgetInitial, year: year))
        }
        for rate in stated(.functionExecutionRate) {
            checkRate(rate, actual: facts.amount(.functionActual, year: year, code: rate.code, name: rate.name),
                      budget: facts.amount(.functionBudget, year: year, code: rate.code, name: rate.name))
        }
        let projects = facts.facts.filter { $0.key == .projectBudget || $0.key == .projectExecuted }
        for rate in stated(.projectExecutionRate) {
            let budget = projects.first { $0.key == .projectBudget && $0.name == rate.name }?.amount
            let executed = projects.first { $0.key == .projectExecuted && $0.name == rate.name }?.amount
            checkRate(rate, actual: executed, budget: budget)
        }
    }

    /// Totals the document states as equal this year (收、支总计, 收入合计, 支出合计 … all 479.44)
    /// changed by the same amount: two different stated changes against the same year are one
    /// of them wrong (−220.84 and −220.83).
    private mutating func checkChangesOfEqualTotals() {
        let totals: Set<FactKey> = [.grandTotal, .incomeTotal, .expenseTotal, .appropriationGrandTotal, .incomeAppropriation,
                                    .incomeAppropriationGeneral, .expenseAppropriation, .expenseGeneralTotal]
        var seen: [String: Fact] = [:]
        var warned: Set<String> = []
        for change in facts.facts where change.key == .changeStated && change.base == nil {
            guard let of = change.of, totals.contains(of), let delta = change.delta, let baseYear = change.baseYear,
                  let current = facts.amount(of, year: change.year) else { continue }
            let group = "\(baseYear)|\(current.hundredths)"
            guard let first = seen[group] else {
                seen[group] = change
                continue
            }
            guard let firstDelta = first.delta, firstDelta != delta, !warned.contains(group + "|\(delta.hundredths)") else { continue }
            warned.insert(group + "|\(delta.hundredths)")
            facts.warn(.conflictingValues, "\(first.of!.rawValue) and \(of.rawValue) are both \(current) in \(change.year), yet "
                       + "their change since \(baseYear) is stated as \(firstDelta) (line \(first.source.firstLine)) and as "
                       + "\(delta) (line \(change.source.firstLine)); both are kept", change.source)
        }
    }
}
