import Disclosure

/// `history diff A B --format csv`: one row per total and per item of every unit compared, in
/// 元, as analysts load a change table. Pure.
///
/// Columns: `unit, unit_key, kind, from_year, to_year, row, key, code, name, status, from_yuan,
/// to_yuan, delta_yuan, percent, from_doc, from_line, to_doc, to_line`. `row` is `total` or
/// `item`; `status` (items) is `changed`, `unchanged`, `added` or `removed`; a year without a
/// figure leaves its columns empty; `percent` is the change in percent, two decimals. Every item
/// is listed (text and markdown list the `--items` largest). Reasons, transfers and moves stay
/// in the JSON output, which carries them with their sources.
public struct DiffCSV: Sendable {
    public init() {}

    public static let header = ["unit", "unit_key", "kind", "from_year", "to_year", "row", "key", "code", "name", "status",
                                "from_yuan", "to_yuan", "delta_yuan", "percent", "from_doc", "from_line", "to_doc", "to_line"]

    public func csv(_ diff: YearDiff) -> String {
        var rows = [Self.header]
        for unit in diff.units {
            let lead = [unit.name, unit.unit.key, diff.kind.rawValue, String(diff.from), String(diff.to)]
            for total in unit.totals {
                rows.append(lead + ["total", total.key.rawValue, "", "", ""]
                            + Self.change(from: total.from, to: total.to, delta: total.delta, percent: total.percent))
            }
            for item in unit.items {
                rows.append(lead + ["item", (item.to ?? item.from)!.figure.key.rawValue, item.code, item.name, item.status.rawValue]
                            + Self.change(from: item.from?.figure, to: item.to?.figure, delta: item.delta, percent: item.percent))
            }
        }
        return CSV.document(rows)
    }

    /// from_yuan … to_line.
    static func change(from: Figure?, to: Figure?, delta: Money?, percent: Amount?) -> [String] {
        func yuan(_ figure: Figure?) -> String { figure.map { FactRecord.fixed($0.value.yuan) } ?? "" }
        func place(_ figure: Figure?) -> [String] {
            guard let evidence = figure?.sources[0].evidence else { return ["", ""] }
            return [evidence.document, String(evidence.firstLine)]
        }
        let bothKnown = from != nil && to != nil
        return [yuan(from), yuan(to), bothKnown ? delta.map { FactRecord.fixed($0.yuan) } ?? "" : "",
                percent.map(FactRecord.fixed) ?? ""] + place(from) + place(to)
    }
}
