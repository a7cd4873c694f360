import Disclosure

/// The rules that look inside one document: its figures against each other.
struct DocumentRules {
    let document: FiledDocument
    let unit: UnitID
    let unitName: String
    private let reading: FactReading

    init(document: FiledDocument, unit: UnitID, unitName: String) {
        self.document = document
        self.unit = unit
        self.unitName = unitName
        self.reading = FactReading(document)
    }

    var findings: [CheckFinding] {
        statedChangesDisagree() + statedPercentVsDelta() + narrativeVsTable() + tablesDisagree()
            + appropriationExceedsIncome() + itemsVsTotal() + varianceWording() + itemNamedDifferently()
    }

    func finding(_ rule: ConsistencyRule, _ message: String, _ values: [Amount], _ evidence: [Evidence]) -> CheckFinding {
        CheckFinding(rule: .engine(rule), unit: unit, unitName: unitName, year: document.year, message: message,
                     values: values, citations: evidence.map { Citation($0, page: page(of: $0)) })
    }

    /// The page of the fact the evidence was read from (Evidence keeps lines, a fact's source its page).
    private func page(of evidence: Evidence) -> Int? {
        document.disclosure.facts.first { fact in
            fact.source.firstLine == evidence.firstLine && fact.source.lastLine == evidence.lastLine
                && document.contentHash(of: fact) == evidence.document
        }?.source.page
    }

    /// Stated changes against one base year whose own figures are equal but whose deltas differ.
    private func statedChangesDisagree() -> [CheckFinding] {
        var buckets: [String: [StatedChange]] = [:]
        var order: [String] = []
        for change in reading.statedChanges where change.delta != nil {
            let current = reading.own(change.of).first?.value
            // A change against the base year's figure as executed (its own key as base) is not
            // comparable with one against that year's budget.
            let executed = change.base == change.of ? "executed|" : ""
            // Totals printed alike are one figure (收、支总计 and 收入合计 both 479.44), but a zero is
            // no such sign: 政府性基金 0 and 国有资本经营 0 are two figures with changes of their own.
            let figure = current.flatMap { $0 == .zero ? nil : "=\($0)" } ?? change.of.rawValue
            let bucket = "\(change.baseYear)|" + executed + figure
            if buckets[bucket] == nil { order.append(bucket) }
            buckets[bucket, default: []].append(change)
        }
        return order.compactMap { bucket in
            let changes = buckets[bucket]!
            var firsts: [StatedChange] = []
            for change in changes where !firsts.contains(where: { $0.delta == change.delta }) { firsts.append(change) }
            guard firsts.count > 1 else { return nil }
            let keys = Array(Set(changes.map(\.of.rawValue))).sorted().joined(separator: ", ")
            return finding(.statedChangesDisagree,
                           "\(firsts.count) different changes against \(changes[0].baseYear) stated for \(keys): "
                           + firsts.map { "\($0.delta!.printed(in: $0.evidence.measure)) (\($0.of.rawValue), \($0.evidence.lineLabel))" }.joined(separator: " vs "),
                           firsts.map { $0.delta!.printed(in: $0.evidence.measure) }, firsts.map(\.evidence))
        }
    }

    /// pct against delta / (this year − delta), within the precision the pct is printed with.
    private func statedPercentVsDelta() -> [CheckFinding] {
        reading.statedChanges.compactMap { change in
            guard let delta = change.delta, let pct = change.pct, let currentSource = reading.own(change.of).first,
                  let computed = currentSource.value.percentChange(from: currentSource.value - delta) else { return nil }
            let measure = change.evidence.measure
            let current = currentSource.value
            let tolerance: Int64 = pct.hundredths % 10 != 0 ? 1 : (pct.hundredths % 100 != 0 ? 6 : 51)
            guard (computed.hundredths - pct.hundredths).magnitude > tolerance else { return nil }
            return finding(.statedPercentVsDelta,
                           "\(change.of.rawValue): stated \(pct)% but \(delta.printed(in: measure)) on \((current - delta).printed(in: measure)) is \(computed)%",
                           [pct, computed], [change.evidence])
        }
    }

    /// Facts of this year with an amount, grouped by key and code.
    private func stated(origin: Origin) -> [String: [Fact]] {
        var groups: [String: [Fact]] = [:]
        for fact in document.facts where fact.origin == origin && fact.year == document.year && PrintedMoney(fact) != nil
            && fact.key != .changeStated && !fact.key.rawValue.hasPrefix("transfer.")
            // An item of a classified key is the same figure only under the same code: items whose
            // code was not found are not one group to hold against each other.
            && (!fact.key.isClassified || fact.code != nil) {
            // The narrative's 支出决算为 is the 05表's figure.
            let key = fact.key == .functionActual ? FactKey.functionGeneralTotal : fact.key
            // A figure without a code is told apart by its name and project (one 政府采购 item
            // from another, one project's budget from another's).
            let place = fact.code ?? "|\(fact.name ?? "")|\(fact.project ?? "")"
            groups[key.rawValue + "|" + place, default: []].append(fact)
        }
        return groups
    }

    private func narrativeVsTable() -> [CheckFinding] {
        let tables = stated(origin: .table), sentences = stated(origin: .narrative)
        return tables.keys.sorted().flatMap { group -> [CheckFinding] in
            guard let table = tables[group]?.first, let narrative = sentences[group] else { return [] }
            let printed = PrintedMoney(table)!
            // One finding per value the narrative states against the table, citing every sentence
            // that states it (a 事业收入 of 0 said for each of thirty items is one disagreement).
            var sentencesByValue: [PrintedMoney: [Fact]] = [:]
            var order: [PrintedMoney] = []
            for sentence in narrative where !PrintedMoney(sentence)!.agrees(with: printed) {
                let value = PrintedMoney(sentence)!
                if sentencesByValue[value] == nil { order.append(value) }
                sentencesByValue[value, default: []].append(sentence)
            }
            return order.map { value in
                let sentences = sentencesByValue[value]!
                let sentence = sentences[0]
                return finding(.narrativeVsTable,
                        "\(Self.label(table)): table says \(table.amount!) \(table.measure.rawValue), the narrative \(sentence.amount!) \(sentence.measure.rawValue)"
                            + (sentences.count > 1 ? " (in \(sentences.count) sentences)" : ""),
                        [table.amount!, sentence.amount!],
                        [Evidence(document: document, fact: table)] + sentences.map { Evidence(document: document, fact: $0) })
            }
        }
    }

    private func tablesDisagree() -> [CheckFinding] {
        // A 政府采购预算表's lines are printed once, in that table, and name and 专项 do not tell
        // them apart (one 物品 bought under two 经济科目, 组织形式 or 品目大类): two of its lines
        // are not one figure printed twice.
        let purchaseLines = [FactKey.procurementItem, .procurementProject].map { $0.rawValue + "|" }
        let tables = stated(origin: .table).filter { group, _ in !purchaseLines.contains { group.hasPrefix($0) } }
        return tables.keys.sorted().compactMap { group in
            let facts = tables[group]!.sorted { $0.source.firstLine < $1.source.firstLine }
            guard let first = facts.first, let other = facts.first(where: { !PrintedMoney($0)!.agrees(with: PrintedMoney(first)!) })
            else { return nil }
            let measures = first.measure == other.measure ? ("", "") : (" \(first.measure.rawValue)", " \(other.measure.rawValue)")
            return finding(.tablesDisagree,
                           "\(Self.label(first)) is \(first.amount!)\(measures.0) at line \(first.source.firstLine) but \(other.amount!)\(measures.1) at line \(other.source.firstLine)",
                           [first.amount!, other.amount!],
                           [Evidence(document: document, fact: first), Evidence(document: document, fact: other)])
        }
    }

    private func appropriationExceedsIncome() -> [CheckFinding] {
        guard let appropriation = reading.own(.incomeAppropriation).first(where: { $0.evidence.origin == .table }),
              let income = reading.own(.incomeTotal).first(where: { $0.evidence.origin == .table }),
              appropriation.value > income.value,
              !appropriation.printed.agrees(with: income.printed) else { return [] }
        return [finding(.appropriationExceedsIncome,
                        "财政拨款收入 \(appropriation.printed.amount) exceeds 本年收入合计 \(income.printed.amount)",
                        [appropriation.printed.amount, income.printed.amount], [appropriation.evidence, income.evidence])]
    }

    private func itemsVsTotal() -> [CheckFinding] {
        let items = reading.items(catalogue: .standard)
        let codes = items.map(\.code)
        let leaves = items.filter { item in !codes.contains { $0 != item.code && $0.hasPrefix(item.code) } }
        // Items of the 一般公共预算 table alone add up to the 一般公共预算 total, not to a total that
        // counts other funds too (江苏's 支出预算总表 adds 财政专户 and 其他资金 to it).
        let general = leaves.allSatisfy { $0.figure.key == .functionGeneralTotal } && !reading.own(.expenseGeneralTotal).isEmpty
        let totalKey: FactKey = general ? .expenseGeneralTotal : .expenseTotal
        guard leaves.count > 1, let total = reading.own(totalKey).first else { return [] }
        // Items and a total printed in different measures (元 tables beside a 万元 narrative, 上海)
        // are rounded differently: the rounding allowance below counts hundredths of one measure,
        // so such a pair is left to narrative-vs-table, which compares each figure within the
        // coarser measure's rounding.
        let leafCodes = Set(leaves.map(\.code))
        let spending: Set<FactKey> = [.functionExpenseTotal, .functionGeneralTotal, .functionActual]
        var measures = Set(document.facts.lazy.filter { spending.contains($0.key) && ($0.code.map(leafCodes.contains) ?? false) }
            .map(\.measure))
        measures.insert(total.evidence.measure)
        guard measures.count == 1, let measure = measures.first, let perUnit = measure.yuanPerUnit else { return [] }
        let sum = leaves.reduce(Money.zero) { $0 + $1.figure.value }
        guard sum != total.value else { return [] }
        // Each printed figure (the items and the total) is rounded to 0.01, so together they can
        // miss by half a hundredth each; a gap within that is rounding, not a wrong figure.
        let gapInHundredths = (sum - total.value).fen.magnitude / UInt64(perUnit)
        let withinRounding = gapInHundredths * 2 <= UInt64(leaves.count + 1)
        let (printedSum, printedTotal) = (sum.printed(in: measure), total.value.printed(in: measure))
        return [finding(withinRounding ? .roundingGap : .itemsVsTotal,
                        "\(leaves.count) items add up to \(printedSum), the \(general ? "一般公共预算 " : "")expense total is \(printedTotal) (difference \(printedSum - printedTotal))",
                        [printedSum, printedTotal], [total.evidence] + leaves.map { $0.figure.evidence[0] })]
    }

    /// "支出决算数大于年初预算数" where actual ≤ budget, or 小于 where actual ≥ budget.
    private func varianceWording() -> [CheckFinding] {
        let items = reading.items(catalogue: .standard)
        return items.compactMap { item in
            guard let reason = item.varianceReason, let budgetSource = item.budget?.sources[0] else { return nil }
            let budget = budgetSource.value, actual = item.figure.value
            let wording = reason.evidence.map(\.text).joined() + reason.text
            let saysMore = wording.contains("大于") || wording.contains("超过") || wording.contains("高于")
            let saysLess = wording.contains("小于") || wording.contains("低于")
            guard saysMore != saysLess else { return nil }
            if (saysMore && actual > budget) || (saysLess && actual < budget) { return nil }
            return finding(.varianceWording,
                           "\(item.code) \(item.name): the text says actual is \(saysMore ? "above" : "below") budget, but actual \(item.figure.sources[0].printed.amount) vs budget \(budgetSource.printed.amount)",
                           [budgetSource.printed.amount, item.figure.sources[0].printed.amount], reason.evidence + [item.figure.evidence[0]])
        }
    }

    static func label(_ fact: Fact) -> String {
        fact.code.map { "\(fact.key.rawValue) \($0)\(fact.name.map { " \($0)" } ?? "")" } ?? fact.key.rawValue
    }
}
