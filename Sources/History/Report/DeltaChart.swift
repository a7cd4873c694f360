import Disclosure

/// A ranked chart of changes: one row per change, largest first, a bar growing left from zero
/// for a decline and right for an increase, the amount, and beside it what explains it.
///
/// Rows are HTML (so names and reasons wrap) with one inline SVG bar each; the bar carries the
/// marks a render check asserts (`class="bar decline"`, `data-delta`).
struct DeltaChart {
    struct Row {
        /// Label markup, already escaped.
        var label: String
        var delta: Money
        var percent: Amount?
        var from: Money?
        var to: Money?
        /// `data-` attributes for the row and its bar (name without `data-`, raw value).
        var attributes: [(String, String)]
        /// Markup beside the bar: reasons, notes. Empty for none.
        var beside: String
        /// The change touches an implied figure: the bar is hatched.
        var implied: Bool = false
    }

    /// What the chart shows, for `data-chart` and the screen reader label.
    var name: String
    var rows: [Row]
    /// Column heads: what a row is, what its values are ("2023 → 2024", "budget → actual"),
    /// and what stands beside it.
    var heads: (label: String, values: String, beside: String)

    static let trackWidth = 400.0

    func html() -> String {
        let largest = rows.map(\.delta.magnitude).max() ?? .zero
        var parts = ["<div class=\"delta-chart\" data-chart=\"\(HTMLText.escape(name))\" role=\"list\">",
                     "<div class=\"delta-head\" aria-hidden=\"true\"><span>\(HTMLText.escape(heads.label))</span><span class=\"axis\">◀ \(ReportWords.decline) · \(ReportWords.increase) ▶</span>"
                        + "<span class=\"num\">增减<br>\(HTMLText.escape(heads.values))</span><span>\(HTMLText.escape(heads.beside))</span></div>"]
        for row in rows {
            let direction = row.delta.fen < 0 ? "decline" : (row.delta.fen > 0 ? "increase" : "flat")
            let attributes = row.attributes.map { " data-\($0.0)=\"\(HTMLText.escape($0.1))\"" }.joined()
            let half = Self.trackWidth / 2
            let length = largest.fen == 0 ? 0 : (half - 4) * Double(row.delta.magnitude.fen) / Double(largest.fen)
            let visible = row.delta.fen == 0 ? 0 : max(length, 1.5)
            let x = row.delta.fen < 0 ? half - visible : half
            var amount = HTMLText.delta(row.delta)
            if let percent = row.percent { amount += "<small>\(HTMLText.percent(percent))</small>" }
            if row.from != nil || row.to != nil {
                amount += "<small>\(HTMLText.amount(row.from)) → \(HTMLText.amount(row.to))</small>"
            }
            let barClass = "bar \(direction)" + (row.implied ? " implied-end" : "")
            parts.append("<div class=\"delta-row \(direction)\" role=\"listitem\"\(attributes) data-delta=\"\(HTMLText.number(row.delta))\">"
                         + "<div class=\"label\">\(row.label)</div>"
                         + "<svg class=\"track\" viewBox=\"0 0 \(HTMLText.px(Self.trackWidth)) 22\" preserveAspectRatio=\"none\" aria-hidden=\"true\">"
                         + "<rect class=\"\(barClass)\"\(attributes) data-delta=\"\(HTMLText.number(row.delta))\" x=\"\(HTMLText.px(x))\" y=\"3\" "
                         + "width=\"\(HTMLText.px(visible))\" height=\"16\"/>"
                         + "<line class=\"zero\" x1=\"\(HTMLText.px(half))\" y1=\"0\" x2=\"\(HTMLText.px(half))\" y2=\"22\"/></svg>"
                         + "<div class=\"amount \(direction)\">\(amount)</div>"
                         + "<div class=\"beside\">\(row.beside)</div></div>")
        }
        parts.append("</div>")
        return parts.joined(separator: "\n")
    }
}

/// A reason the unit gave, as a labelled card beside the change it explains.
enum ReasonCard {
    /// `evidence` links are built by `sources`, which records each snippet for the page.
    static func html(_ reason: StatedReason, sources: inout SourceIndex) -> String {
        let tag: String
        switch reason.subject {
        case .yearOverYear(let keys, let baseYear):
            tag = "\(ReportWords.yearOverYear) · 较\(baseYear)年 · " + keys.map(ReportWords.name).joined(separator: "、")
        case .budgetVariance(let code, let name):
            // A variance of no item names what it explains by its key (operating_cost.actual).
            let subject = FactKey(rawValue: name).map(ReportWords.name) ?? name
            tag = "\(ReportWords.budgetVariance) \(reason.year)" + (code.isEmpty ? (name.isEmpty ? "" : " · \(subject)") : " · \(code)")
        }
        return "<p class=\"reason\" data-explains=\"\(reason.label)\" data-year=\"\(reason.year)\">"
            + "<span class=\"tag\">\(HTMLText.escape(tag))</span>「\(HTMLText.escape(reason.text))」 "
            + "<span class=\"cite\">\(sources.links(reason.evidence))</span></p>"
    }
}
