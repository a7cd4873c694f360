import Disclosure

/// `history timeline --format csv`: one row per figure of a unit's timeline (each year's totals,
/// then its items), in 元, with the evidence of its preferred value. Pure.
///
/// Columns: `unit, unit_key, kind, year, row, key, code, name, basis, yuan, printed_amount,
/// printed_measure, origin, doc, doc_year, first_line, last_line, other_yuan, budget_yuan`.
/// `row` is `total` or `item`; `yuan` is the preferred value as exact money in 元, two decimals;
/// `printed_amount` and `printed_measure` are how the document printed it; `other_yuan` lists
/// further values stated for the same figure (`;`-separated), empty when the sources agree;
/// `budget_yuan` is an item's 年初预算 where the narrative gives it.
public struct TimelineCSV: Sendable {
    public init() {}

    public static let header = ["unit", "unit_key", "kind", "year", "row", "key", "code", "name", "basis", "yuan",
                                "printed_amount", "printed_measure", "origin", "doc", "doc_year", "first_line",
                                "last_line", "other_yuan", "budget_yuan"]

    public func csv(_ timeline: UnitTimeline) -> String {
        var rows = [Self.header]
        for year in timeline.years {
            let lead = [timeline.name, timeline.unit.key, timeline.kind.rawValue, String(year.year)]
            for total in year.totals {
                rows.append(lead + ["total", total.key.rawValue, "", ""] + Self.figure(total) + [""])
            }
            for item in year.items {
                rows.append(lead + ["item", item.figure.key.rawValue, item.code, item.name] + Self.figure(item.figure)
                            + [item.budget.map { FactRecord.fixed($0.value.yuan) } ?? ""])
            }
        }
        return CSV.document(rows)
    }

    /// basis … other_yuan of one figure.
    static func figure(_ figure: Figure) -> [String] {
        let source = figure.sources[0], evidence = source.evidence
        let others = figure.values.dropFirst().map { FactRecord.fixed($0.yuan) }.joined(separator: ";")
        // A figure implied from a 元 total and a change printed in 万元 is not a whole 0.01万元:
        // it is written in 元, and says so, rather than as a 万元 figure 10,000 times too large.
        let (printed, measure) = source.value.amount(in: evidence.measure).map { ($0, evidence.measure) } ?? (source.value.yuan, .yuan)
        return [figure.basis.rawValue, FactRecord.fixed(source.value.yuan), FactRecord.fixed(printed),
                measure.rawValue, evidence.origin.rawValue, evidence.document, String(evidence.documentYear),
                String(evidence.firstLine), String(evidence.lastLine), others]
    }
}
