import Disclosure

extension HistoryQueries {
    /// `unit`'s (any name it is known by) 预算 and 决算 of `year` side by side.
    public func execution(unit name: String, year: Int) throws -> BudgetExecution {
        try store.read { txn in
            let unit = UnitID(key: try locate(name, in: txn))
            let hood = try UnitNeighbourhood.load(seeds: [unit.key], registry: registry, facts: factIndex, in: txn)
            let planned = hood.timeline(of: unit, kind: .budget), actual = hood.timeline(of: unit, kind: .finalAccount)
            return BudgetExecution(unit: unit, name: actual.year(year)?.document != nil ? actual.name : planned.name,
                                   year: year, budget: planned.year(year), final: actual.year(year))
        }
    }
}
