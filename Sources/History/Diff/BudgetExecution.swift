import Disclosure

/// A unit's 预算 and 决算 of one year side by side: what was planned, what was spent, the
/// difference and the execution rate, for the totals and item by item, with the reasons the
/// 决算 gives for the gap. Pure: built from the year of the unit's 预算 timeline and of its
/// 决算 timeline.
public struct BudgetExecution: Hashable, Sendable {
    /// One total or item: the 预算's figure against the 决算's.
    public struct Line: Hashable, Sendable {
        public var key: FactKey
        /// The classification code of an item; nil for a total.
        public var code: String?
        public var name: String
        /// From the 预算 document.
        public var planned: Figure?
        /// From the 决算 document (or implied by the next year's).
        public var actual: Figure?
        /// The 年初预算 the 决算 itself states for the item, which may differ from the 预算 document
        /// (a budget adjusted during the year).
        public var statedBudget: Figure?
        /// The 决算's reason for the gap between budget and actual.
        public var reason: StatedReason?

        /// Actual − planned, when both are known.
        public var difference: Money? {
            guard let planned, let actual else { return nil }
            return actual.value - planned.value
        }

        /// Actual as a percentage of planned (100.00 spent the budget exactly), hundredths of a
        /// percent; nil when either is missing or nothing was planned.
        public var rate: Amount? {
            guard let planned, let actual else { return nil }
            return BudgetExecution.rate(actual.value, of: planned.value)
        }
    }

    public var unit: UnitID
    public var name: String
    public var year: Int
    public var budgetDocument: DocumentRef?
    public var finalDocument: DocumentRef?
    /// grand.total, income.total, expense.total where either side knows them.
    public var totals: [Line]
    /// Items by classification code, where either side knows them.
    public var items: [Line]
    /// The 决算's reasons for spending differently from the budget (for items and in general).
    public var reasons: [StatedReason]

    /// The totals compared, in this order.
    public static let totalKeys: [FactKey] = [.grandTotal, .incomeTotal, .expenseTotal]

    public init(unit: UnitID, name: String, year: Int, budget: TimelineYear?, final: TimelineYear?) {
        self.unit = unit
        self.name = name
        self.year = year
        budgetDocument = budget?.document
        finalDocument = final?.document
        totals = Self.totalKeys.compactMap { key in
            let planned = budget?.total(key), actual = final?.total(key)
            guard planned != nil || actual != nil else { return nil }
            return Line(key: key, code: nil, name: Figures.keyLabel(key), planned: planned, actual: actual)
        }
        let codes = Set((budget?.items ?? []).map(\.code) + (final?.items ?? []).map(\.code)).sorted()
        items = codes.map { code in
            let planned = budget?.item(code), actual = final?.item(code)
            return Line(key: .functionExpenseTotal, code: code, name: actual?.name ?? planned?.name ?? "",
                        planned: planned?.figure, actual: actual?.figure, statedBudget: actual?.budget, reason: actual?.varianceReason)
        }
        reasons = (final?.reasons ?? []).filter { if case .budgetVariance = $0.subject { true } else { false } }
    }

    /// `actual` as a percentage of `planned` in hundredths of a percent, rounded half away from
    /// zero (330.50 of 400.00 is 82.63%); nil when nothing was planned or the figures are absurd.
    static func rate(_ actual: Money, of planned: Money) -> Amount? {
        actual.percent(of: planned)
    }

    /// What to import to complete the comparison, as sentences.
    public var missing: [String] {
        var missing: [String] = []
        if budgetDocument == nil { missing.append("import \(name)'s \(year) 预算 to compare it with what was spent") }
        if finalDocument == nil { missing.append("import \(name)'s \(year) 决算 to see what was spent") }
        return missing
    }
}
