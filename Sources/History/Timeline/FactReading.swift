import Disclosure

/// The engine's reading of one document's facts: its own figures, the earlier figures its
/// stated changes imply, and the statements it makes. Shared by timelines and checks.
struct FactReading {
    let document: FiledDocument

    init(_ document: FiledDocument) {
        self.document = document
    }

    /// Table before narrative: the order in which sources of one figure are preferred.
    static func preference(_ origin: Origin) -> Int {
        switch origin {
        case .table: 0
        case .narrative: 1
        case .implied: 2
        }
    }

    /// This document's own statements of an unclassified key for its own year, table first.
    func own(_ key: FactKey) -> [FigureSource] {
        document.facts
            .filter { $0.key == key && $0.code == nil && $0.year == document.year && $0.origin != .implied && $0.measure.isMoney }
            .sorted { (Self.preference($0.origin), $0.source.firstLine) < (Self.preference($1.origin), $1.source.firstLine) }
            .compactMap { fact -> FigureSource? in
                // Spelled out: `fact.amount.map { … }` here crashes swift-frontend 6.3.1 at -O
                // (CopyPropagation, "Found outside of lifetime use"), so release builds failed.
                guard let value = fact.money else { return nil }
                return FigureSource(value: value, evidence: Evidence(document: document, fact: fact))
            }
    }

    /// This document's stated changes, in the order it states them.
    var statedChanges: [StatedChange] {
        document.facts.filter { $0.key == .changeStated }.sorted { $0.source.firstLine < $1.source.firstLine }.compactMap { fact in
            guard let of = fact.of else { return nil }
            // The delta's measure is the statement's when it is money; a change stated only as a
            // percentage (or filed before changes carried a measure) has its delta in 万元, the
            // narrative's measure.
            let measure = fact.measure.isMoney ? fact.measure : .wanYuan
            var evidence = Evidence(document: document, fact: fact)
            evidence.measure = measure
            return StatedChange(of: of, year: document.year, baseYear: fact.baseYear ?? document.year - 1,
                                delta: fact.delta.flatMap { Money($0, in: measure) }, pct: fact.pct, reason: fact.reason, base: fact.base,
                                evidence: evidence)
        }
    }

    /// Figures of earlier years implied by this document: the parser's `implied` facts, and for
    /// a stated change the parser left without one, this year's figure minus the stated delta.
    func implied(keys: Set<FactKey>) -> [(year: Int, key: FactKey, source: FigureSource)] {
        var result: [(year: Int, key: FactKey, source: FigureSource)] = []
        let changes = statedChanges
        for fact in document.facts where fact.origin == .implied && fact.code == nil && keys.contains(fact.key) {
            guard let value = fact.money else { continue }
            let change = changes.first {
                $0.of == fact.key && $0.baseYear == fact.year
                    && $0.evidence.firstLine <= fact.source.lastLine && fact.source.firstLine <= $0.evidence.lastLine
            }
            result.append((fact.year, fact.key, FigureSource(value: value, evidence: Evidence(document: document, fact: fact, statedDelta: change?.delta))))
        }
        // A change against this year's budget says nothing about an earlier year.
        for change in changes where keys.contains(change.of) && !change.isBudgetVariance {
            guard let delta = change.delta, let current = own(change.of).first?.value else { continue }
            let covered = result.contains {
                $0.key == change.of && $0.year == change.baseYear
                    && $0.source.evidence.firstLine <= change.evidence.lastLine && change.evidence.firstLine <= $0.source.evidence.lastLine
            }
            if covered { continue }
            var evidence = change.evidence
            evidence.key = change.of
            evidence.origin = .implied
            evidence.statedDelta = delta
            result.append((change.baseYear, change.of, FigureSource(value: current - delta, evidence: evidence)))
        }
        return result
    }

    /// Function-classified facts of this year by code, the preferred key first for each code.
    func items(catalogue: ClassificationCatalogue) -> [ItemFigure] {
        let spending: [FactKey] = [.functionExpenseTotal, .functionGeneralTotal, .functionActual]
        var byCode: [String: [Fact]] = [:]
        for fact in document.facts where fact.year == document.year && fact.code != nil && fact.money != nil {
            if spending.contains(fact.key) || fact.key == .functionBudget || fact.key == .reasonVariance {
                byCode[fact.code!, default: []].append(fact)
            }
        }
        for fact in document.facts where fact.key == .reasonVariance && fact.code != nil && fact.amount == nil {
            byCode[fact.code!, default: []].append(fact)
        }
        return byCode.keys.sorted().compactMap { code in
            let facts = byCode[code]!
            let spent = facts.filter { spending.contains($0.key) }.sorted {
                (spending.firstIndex(of: $0.key)!, Self.preference($0.origin), $0.source.firstLine)
                    < (spending.firstIndex(of: $1.key)!, Self.preference($1.origin), $1.source.firstLine)
            }
            guard let first = spent.first else { return nil }
            var printed: [String] = []
            for fact in facts { if let name = fact.name, !printed.contains(name) { printed.append(name) } }
            let name = catalogue.entry(scheme: .function, code: code)?.name ?? printed.first ?? code
            let budgets = facts.filter { $0.key == .functionBudget }.map {
                FigureSource(value: $0.money!, evidence: Evidence(document: document, fact: $0))
            }
            let reasons = facts.filter { $0.key == .reasonVariance && $0.reason != nil }
            var reason: StatedReason?
            if let text = reasons.first?.reason {
                reason = StatedReason(subject: .budgetVariance(code: code, name: name), year: document.year, text: text,
                                      evidence: reasons.map { Evidence(document: document, fact: $0) })
            }
            return ItemFigure(
                code: code, name: name, printedNames: printed,
                figure: Figure(key: first.key, basis: .document, sources: spent.map {
                    FigureSource(value: $0.money!, evidence: Evidence(document: document, fact: $0))
                }),
                budget: budgets.isEmpty ? nil : Figure(key: .functionBudget, basis: .document, sources: budgets),
                varianceReason: reason)
        }
    }

    /// Year-over-year reasons, one per distinct text, with every key and place stating it.
    var yearOverYearReasons: [StatedReason] {
        Self.reasons(of: statedChanges.filter { !$0.isBudgetVariance }) { keys, baseYear in
            .yearOverYear(keys: keys, baseYear: baseYear)
        }
    }

    /// Budget-variance reasons that name no item: `reason.variance` facts without a code, and
    /// the reasons of changes measured against the year's budget ("机关运行经费支出7.34万元，
    /// 比年初预算数减少0.11万元…主要原因是…"), named by the keys they are about.
    var unclassifiedVarianceReasons: [StatedReason] {
        let stated = document.facts.filter { $0.key == .reasonVariance && $0.code == nil && $0.reason != nil }.map { fact in
            StatedReason(subject: .budgetVariance(code: "", name: fact.name ?? ""), year: document.year, text: fact.reason!,
                         evidence: [Evidence(document: document, fact: fact)])
        }
        return stated + Self.reasons(of: statedChanges.filter(\.isBudgetVariance)) { keys, _ in
            .budgetVariance(code: "", name: keys.map(\.rawValue).joined(separator: ", "))
        }
    }

    /// The changes' reasons, one per distinct text in the order first stated, with every key and
    /// place stating it; `subject` labels each from its keys and the first change's base year.
    private static func reasons(of changes: [StatedChange],
                                subject: ([FactKey], Int) -> StatedReason.Subject) -> [StatedReason] {
        var order: [String] = []
        var grouped: [String: (keys: [FactKey], base: Int, year: Int, evidence: [Evidence])] = [:]
        for change in changes {
            guard let text = change.reason, !text.isEmpty else { continue }
            if grouped[text] == nil { order.append(text); grouped[text] = ([], change.baseYear, change.year, []) }
            if !grouped[text]!.keys.contains(change.of) { grouped[text]!.keys.append(change.of) }
            grouped[text]!.evidence.append(change.evidence)
        }
        return order.map { text in
            let group = grouped[text]!
            return StatedReason(subject: subject(group.keys, group.base), year: group.year, text: text, evidence: group.evidence)
        }
    }
}
