/// The narrative's arithmetic, checked once everything is read: items against their totals,
/// shares and rates against the amounts they are computed from, changes of one total against
/// each other. A check never changes a fact; it only warns.
///
/// The checks hold indices into the facts, not facts: a fact carries half a dozen strings, and
/// copying each into groups and part lists showed in profiles.
extension NarrativeReading {
    mutating func finish() {
        var byKey: [FactKey: [Int]] = [:]
        for index in facts.facts.indices
        where facts.facts[index].year == year && facts.facts[index].origin == .narrative && facts.facts[index].amount != nil {
            byKey[facts.facts[index].key, default: []].append(index)
        }
        statedByKey = byKey
        checkSums()
        checkShares()
        checkSharesOfOneWhole()
        checkRates()
        checkChangesOfEqualTotals()
    }

    private func stated(_ key: FactKey) -> [Int] { statedByKey[key] ?? [] }

    private mutating func checkSum(_ statedParts: [Int], against totalKey: FactKey, what: String, minimumParts: Int = 2) {
        // One value per item: a second, conflicting value of the same item is warned about on its own.
        var seenItems: Set<String> = []
        let parts = statedParts.filter {
            guard let code = facts.facts[$0].code else { return true }
            return seenItems.insert(facts.facts[$0].key.rawValue + code).inserted
        }
        guard parts.count >= minimumParts, let total = stated(totalKey).first, let expected = facts.facts[total].amount else { return }
        let amounts = parts.compactMap { facts.facts[$0].amount }
        let sum = Amount.sum(amounts)
        guard sum != expected else { return }
        let lines = amounts.map(\.description).joined(separator: " + ")
        // Each printed figure is rounded to 0.01: together they can miss by half a hundredth each.
        let withinRounding = sum.map { ($0 - expected).hundredths.magnitude * 2 <= UInt64(amounts.count + 1) } ?? false
        facts.warn(withinRounding ? .roundingGap : .sumMismatch,
                   "\(what) sum to \(sum.map(\.description) ?? "more than an amount can hold") (\(lines)) "
                   + "but \(totalKey.rawValue) is stated as \(expected)", facts.facts[total].source)
    }

    private mutating func checkSums() {
        checkSum(stated(.functionActual), against: .expenseGeneralTotal, what: "the items' 支出决算")
        checkSum(stated(.functionBudget), against: .budgetInitial, what: "the items' 年初预算")
        let generals = stated(.functionGeneralTotal)
        checkSum(generals.filter { facts.facts[$0].code?.utf8.count == 3 }, against: .expenseGeneralTotal, what: "the 类 amounts")
        // A 预算's 财政拨款支出主要内容 lists 政府性基金 items beside 一般公共预算 ones (石泉路街道 2026:
        // 城市建设支出 338万元 is 国有土地使用权出让收入 money): where the narrative states 政府性基金
        // spending, the items make the 财政拨款 total.
        let withFund = stated(.expenseFundTotal).contains { (facts.facts[$0].amount ?? .zero) != .zero } && !stated(.expenseAppropriation).isEmpty
        checkSum(generals.filter { facts.facts[$0].code?.utf8.count != 3 }, against: withFund ? .expenseAppropriation : .expenseGeneralTotal,
                 what: "the items' amounts")
        let basicKey: FactKey = stated(.expenseGeneralBasic).isEmpty ? .expenseBasic : .expenseGeneralBasic
        checkSum(stated(.expenseBasicPersonnel) + stated(.expenseBasicPublic), against: basicKey, what: "人员经费 and 公用经费")
        checkSum(stated(.expenseBasic) + stated(.expenseProject), against: .expenseTotal, what: "基本支出 and 项目支出")
        // "收入预算16497.86万元，其中：财政拨款收入16497.86万元…；事业收入0万元；其他收入0万元": the
        // sources a sentence lists after 其中 make the whole (a source left unstated is zero).
        checkSum([.incomeAppropriation, .incomeSuperiorSubsidy, .incomeBusiness, .incomeOperating, .incomeAffiliated, .incomeOther]
                    .flatMap(stated), against: .incomeTotal, what: "the income sources")
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
        let all = facts.facts
        guard let held = all.indices.first(where: { all[$0].key == .assetsVehicles }), let expected = all[held].amount else { return }
        var useCount = 0
        var useAmounts: [Amount] = []
        for index in all.indices where all[index].key == .assetsVehiclesByUse {
            useCount += 1
            if let amount = all[index].amount { useAmounts.append(amount) }
        }
        if useCount >= 2, case let sum = Amount.sum(useAmounts), sum != expected {
            facts.warn(.sumMismatch, "vehicles by use sum to \(sum.map(\.description) ?? "more than a count can hold") "
                       + "but \(expected) are stated in all", all[held].source)
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
        for index in facts.facts.indices where facts.facts[index].share != nil {
            let fact = facts.facts[index]
            guard let share = fact.share, let amount = fact.amount, let parentKey = Self.parent(ofShare: fact.key),
                  let parent = facts.amount(parentKey, year: fact.year), let computed = Self.ratio(amount, of: parent),
                  !Self.agrees(share, computed, decimals: Self.decimals(share)) else { continue }
            facts.warn(.shareMismatch, "\(fact.name ?? fact.key.rawValue) \(amount) is \(computed)% of \(parent), "
                       + "but the text states \(share)%", fact.source)
        }
    }

    /// The shares a document gives of one whole (基本支出 55.5% and 项目支出 44.5%; each 类's share
    /// of 一般公共预算财政拨款支出) add up to more than 100%. Where the narrative states the whole,
    /// each share is checked against it on its own (`checkShares`) and the sum follows; where it
    /// does not, the sum is all there is to check. Rounding is allowed half of the last printed
    /// decimal per share.
    private mutating func checkSharesOfOneWhole() {
        var groups: [FactKey: [Int]] = [:]
        var order: [FactKey] = []
        var seenItems: Set<String> = []
        for index in facts.facts.indices {
            let fact = facts.facts[index]
            guard fact.year == year, fact.origin == .narrative, fact.share != nil, fact.amount != nil,
                  let whole = Self.parent(ofShare: fact.key), whole != .procurementTotal, whole != .procurementSME else { continue }
            // 类 shares only: a 款 or 项 share is of its 类, not of the whole.
            if fact.key == .functionGeneralTotal, fact.code?.utf8.count != 3 { continue }
            // One share per item: a second statement of the same item is another rule's business.
            guard seenItems.insert("\(fact.key.rawValue)|\(fact.code ?? "")|\(fact.name ?? "")").inserted else { continue }
            if groups[whole] == nil { order.append(whole) }
            groups[whole, default: []].append(index)
        }
        for whole in order where facts.amount(whole, year: year) == nil {
            let members = groups[whole]!
            guard members.count >= 2 else { continue }
            let shares = members.map { facts.facts[$0].share! }
            guard let sum = Amount.sum(shares) else { continue }
            // Half of the last printed decimal of each share, in hundredths of a percent. A value
            // cannot tell 65.0 from 65, so the group's finest share sets the precision: a
            // document prints its shares alike.
            let decimals = shares.map(Self.decimals).max() ?? 0
            let rounding = Int64(shares.count) * [50, 5, 1][decimals]
            guard sum.hundredths - 10_000 > rounding else { continue }
            let listed = members.map { "\(facts.facts[$0].name ?? facts.facts[$0].key.rawValue) \(facts.facts[$0].share!)%" }
            facts.warn(.shareMismatch, "the shares of \(whole.rawValue) add up to \(sum)% (\(listed.joined(separator: " + ")))",
                       facts.facts[members.last!].source)
        }
    }

    /// The decimals a percentage was printed with, as far as its value tells.
    static func decimals(_ percent: Amount) -> Int {
        percent.hundredths % 100 == 0 ? 0 : (percent.hundredths % 10 == 0 ? 1 : 2)
    }

    private mutating func checkRate(_ index: Int, actual: Amount?, budget: Amount?) {
        let rate = facts.facts[index]
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
            let code = facts.facts[rate].code, name = facts.facts[rate].name
            checkRate(rate, actual: facts.amount(.functionActual, year: year, code: code, name: name),
                      budget: facts.amount(.functionBudget, year: year, code: code, name: name))
        }
        // Each project's first budget and executed amount, looked up by name: thousands of
        // projects must not each search all the others.
        var budgets: [String?: Amount?] = [:]
        var executed: [String?: Amount?] = [:]
        for index in facts.facts.indices {
            switch facts.facts[index].key {
            case .projectBudget:
                let name = facts.facts[index].name
                if budgets[name] == nil { budgets[name] = .some(facts.facts[index].amount) }
            case .projectExecuted:
                let name = facts.facts[index].name
                if executed[name] == nil { executed[name] = .some(facts.facts[index].amount) }
            default: break
            }
        }
        for rate in stated(.projectExecutionRate) {
            let name = facts.facts[rate].name
            checkRate(rate, actual: executed[name] ?? nil, budget: budgets[name] ?? nil)
        }
    }

    /// Totals the document states as equal this year (收、支总计, 收入合计, 支出合计 … all 479.44)
    /// changed by the same amount: two different stated changes against the same year are one
    /// of them wrong (−220.84 and −220.83).
    private mutating func checkChangesOfEqualTotals() {
        let totals: Set<FactKey> = [.grandTotal, .incomeTotal, .expenseTotal, .appropriationGrandTotal, .incomeAppropriation,
                                    .incomeAppropriationGeneral, .expenseAppropriation, .expenseGeneralTotal]
        var seen: [String: Int] = [:]
        var warned: Set<String> = []
        for index in facts.facts.indices where facts.facts[index].key == .changeStated && facts.facts[index].base == nil {
            let change = facts.facts[index]
            guard let of = change.of, totals.contains(of), let delta = change.delta, let baseYear = change.baseYear,
                  let current = facts.amount(of, year: change.year) else { continue }
            let group = "\(baseYear)|\(current.hundredths)"
            guard let firstIndex = seen[group] else {
                seen[group] = index
                continue
            }
            let first = facts.facts[firstIndex]
            guard let firstDelta = first.delta, firstDelta != delta, !warned.contains(group + "|\(delta.hundredths)") else { continue }
            warned.insert(group + "|\(delta.hundredths)")
            facts.warn(.conflictingValues, "\(first.of!.rawValue) and \(of.rawValue) are both \(current) in \(change.year), yet "
                       + "their change since \(baseYear) is stated as \(firstDelta) (line \(first.source.firstLine)) and as "
                       + "\(delta) (line \(change.source.firstLine)); both are kept", change.source)
        }
    }
}
