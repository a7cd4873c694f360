import Disclosure

/// `history trend KEY --format wide`: the series pivoted as analysts pivot it, one row per unit
/// (× kind × code) and one column per year. Pure.
///
/// Columns: `unit, unit_key, kind, code, name, measure`, then every year of the points in order.
/// A cell is the value `trend` chose for that unit and year; money is in 元 (`measure` 元, exact,
/// whatever measure the document printed, so 164,978,640元 and 9,759.38万元 add up), other
/// quantities in their own measure. A row whose years state different measures other than money
/// (never seen) shows the measure of its first point and the other cells' measure after the number.
public struct TrendWideCSV: Sendable {
    public init() {}

    public func csv(_ points: [TrendPoint]) -> String {
        let years = Array(Set(points.map(\.year))).sorted()
        var rows: [[String]] = [["unit", "unit_key", "kind", "code", "name", "measure"] + years.map(String.init)]
        var order: [RowKey] = []
        var cells: [RowKey: [Int: Fact]] = [:]
        for point in points {
            let row = RowKey(unit: point.unit.key, kind: point.kind, code: point.code)
            if cells[row] == nil { order.append(row) }
            cells[row, default: [:]][point.year] = point.chosen.fact
        }
        var names: [String: String] = [:]
        for point in points { names[point.unit.key] = point.unitName }
        for row in order {
            let facts = cells[row] ?? [:]
            let first = facts.keys.sorted().compactMap { facts[$0] }.first
            let measure = first.map(Self.measure) ?? ""
            let name = facts.keys.sorted().compactMap { facts[$0]?.name }.last ?? ""
            rows.append([names[row.unit] ?? row.unit, row.unit, row.kind.rawValue, row.code ?? "", name, measure]
                        + years.map { year in facts[year].map { Self.cell($0, in: measure) } ?? "" })
        }
        return CSV.document(rows)
    }

    private struct RowKey: Hashable {
        var unit: String
        var kind: DisclosureKind
        var code: String?
    }

    /// 元 for money, else the measure printed.
    static func measure(_ fact: Fact) -> String { fact.measure.isMoney ? Measure.yuan.rawValue : fact.measure.rawValue }

    static func cell(_ fact: Fact, in measure: String) -> String {
        if let money = fact.money { return FactRecord.fixed(money.yuan) }
        guard let amount = fact.amount else { return FactRecord.plain(fact.value) }
        let own = Self.measure(fact)
        return FactRecord.fixed(amount) + (own == measure ? "" : " " + own)
    }
}
