import Disclosure

/// The corpus page (`index.html`): the largest changes across units, every unit with a
/// sparkline of its total, transfers between units, and the documents filed.
struct CorpusPage {
    var context: ReportContext

    func html() -> String {
        let timelines = context.timelines
        let years = context.years
        let documents = context.documents
        var body = ["<header data-corpus-page=\"\(timelines.count)\">",
                    "<h1>Budget disclosures of \(timelines.count) unit\(timelines.count == 1 ? "" : "s") · \(context.kind.rawValue)</h1>",
                    "<p class=\"sub\">\(documents.count) document\(documents.count == 1 ? "" : "s")"
                        + (years.isEmpty ? "" : ", \(years.first!)–\(years.last!)")
                        + " · \(context.report.overview.unitCount) units known to the store · amounts in 万元</p>", "</header>"]
        body.append(largestChanges())
        body.append(largestItemChanges())
        body.append(unitsTable(years: years))
        let flows = TransferFlow.collect(timelines: timelines, context: context)
        if !flows.isEmpty {
            body.append("<section id=\"transfers\"><h2>Transfers between units · 划转</h2>")
            body.append(TransferDiagram(flows: flows, focus: nil, context: context, depth: 0).svg())
            body.append("</section>")
        }
        body.append(documentsTable(documents))
        return ReportPage.document(title: "history report · \(context.kind.rawValue)", body: body.joined(separator: "\n"))
    }

    /// Changes of each unit's charted total between consecutive years, largest first, with the
    /// unit's year-over-year reason beside.
    private func largestChanges() -> String {
        var changes: [(timeline: UnitTimeline, from: TimelineYear, to: TimelineYear, a: Figure, b: Figure)] = []
        for timeline in context.timelines {
            let key = ReportContext.chartKey(timeline)
            let known = timeline.years.filter { $0.total(key) != nil }
            for (from, to) in zip(known, known.dropFirst()) {
                changes.append((timeline, from, to, from.total(key)!, to.total(key)!))
            }
        }
        changes.sort { ($0.b.value - $0.a.value).magnitude != ($1.b.value - $1.a.value).magnitude
            ? ($0.b.value - $0.a.value).magnitude > ($1.b.value - $1.a.value).magnitude
            : ($0.timeline.name, $0.from.year) < ($1.timeline.name, $1.from.year) }
        var parts = ["<section id=\"largest-changes\"><h2>Largest changes of a unit's total</h2>"]
        guard !changes.isEmpty else {
            return (parts + ["<p class=\"empty\">No unit has a total for two years yet.</p></section>"]).joined(separator: "\n")
        }
        parts.append(ReportPage.deltaLegend)
        let rows = changes.prefix(context.report.ranked).map { change in
            let key = ReportContext.chartKey(change.timeline)
            let href = context.href(change.timeline.unit, depth: 0).map { HTMLText.escape($0) } ?? ""
            let implied = change.a.basis == .implied || change.b.basis == .implied
            var label = "<a href=\"\(href)#change-\(change.from.year)-\(change.to.year)\">\(HTMLText.escape(change.timeline.name))</a>"
                + "<span class=\"code\">\(change.from.year) → \(change.to.year) · \(HTMLText.escape(Figures.keyLabel(key)))</span>"
            if implied { label += "<small>\(change.a.basis == .implied ? "\(change.from.year)" : "\(change.to.year)") implied</small>" }
            let reasons = change.to.reasons.filter { reason in
                if case .yearOverYear(let keys, let base) = reason.subject { return base == change.from.year && keys.contains(key) }
                return false
            }
            let beside = reasons.map { reason in
                "<p class=\"reason\" data-explains=\"\(reason.label)\" data-year=\"\(reason.year)\"><span class=\"tag\">year-over-year</span>「\(HTMLText.escape(reason.text))」</p>"
            }.joined()
            return DeltaChart.Row(label: label, delta: change.b.value - change.a.value, percent: change.b.value.percentChange(from: change.a.value),
                                  from: change.a.value, to: change.b.value,
                                  attributes: [("unit", change.timeline.unit.key), ("from", String(change.from.year)), ("to", String(change.to.year)),
                                               ("key", key.rawValue), ("basis", "\(change.a.basis.rawValue)-\(change.b.basis.rawValue)")],
                                  beside: beside, implied: implied)
        }
        parts.append(DeltaChart(name: "largest-changes", rows: Array(rows), heads: ("unit · years", "from → to", "the unit's reason")).html())
        parts.append("</section>")
        return parts.joined(separator: "\n")
    }

    /// Item changes across units (both years documented), largest first.
    private func largestItemChanges() -> String {
        var rows: [(unit: UnitDiff, from: Int, to: Int, item: ItemChange)] = []
        for timeline in context.timelines {
            for (a, b) in ReportContext.consecutive(timeline) {
                guard let unit = context.unitDiff(timeline.unit, a, b) else { continue }
                rows += unit.items.filter { $0.status != .unchanged }.map { (unit, a, b, $0) }
            }
        }
        rows.sort { $0.item.delta.magnitude != $1.item.delta.magnitude ? $0.item.delta.magnitude > $1.item.delta.magnitude
            : ($0.unit.name, $0.from, $0.item.code) < ($1.unit.name, $1.from, $1.item.code) }
        var parts = ["<section id=\"largest-item-changes\"><h2>Items that moved most</h2>"]
        guard !rows.isEmpty else {
            parts.append("<p class=\"empty\">No unit has documents for two consecutive years, so no item can be compared yet.</p></section>")
            return parts.joined(separator: "\n")
        }
        parts.append(ReportPage.deltaLegend)
        let chartRows = rows.prefix(context.report.ranked).map { row in
            let href = context.href(row.unit.unit, depth: 0).map { HTMLText.escape($0) } ?? ""
            let label = "<span class=\"code\">\(HTMLText.escape(row.item.code)) · \(row.from) → \(row.to)</span>\(HTMLText.escape(row.item.name))"
                + "<small> · <a href=\"\(href)#change-\(row.from)-\(row.to)\">\(HTMLText.escape(row.unit.name))</a></small>"
            let beside = row.item.reasons.map { reason in
                "<p class=\"reason\" data-explains=\"\(reason.label)\" data-year=\"\(reason.year)\"><span class=\"tag\">budget variance \(reason.year)</span>「\(HTMLText.escape(reason.text))」</p>"
            }.joined()
            return DeltaChart.Row(label: label, delta: row.item.delta, percent: row.item.percent,
                                  from: row.item.from?.figure.value, to: row.item.to?.figure.value,
                                  attributes: [("unit", row.unit.unit.key), ("code", row.item.code), ("from", String(row.from)), ("to", String(row.to))],
                                  beside: beside)
        }
        parts.append(DeltaChart(name: "largest-item-changes", rows: Array(chartRows), heads: ("item · unit", "from → to", "the unit's reasons (budget variance)")).html())
        parts.append("</section>")
        return parts.joined(separator: "\n")
    }

    private func unitsTable(years: [Int]) -> String {
        let span = (years.first ?? 0)...(years.last ?? 0)
        var parts = ["<section id=\"units\"><h2>Units</h2>", ReportPage.basisLegend,
                     "<table class=\"units\"><thead><tr><th>unit</th><th>documents</th><th>total by year</th><th class=\"num\">latest total</th><th class=\"num\">last change</th></tr></thead><tbody>"]
        for timeline in context.timelines {
            let key = ReportContext.chartKey(timeline)
            let known = timeline.years.filter { $0.total(key) != nil }
            let documented = timeline.years.filter { $0.document != nil }.map { String($0.year) }
            var latest = "—", change = "—"
            if let last = known.last, let figure = last.total(key) {
                latest = "\(figure.value.grouped)<br><small>\(last.year) · <span class=\"basis \(figure.basis.rawValue)\">\(figure.basis.rawValue)</span></small>"
                if let before = known.dropLast().last, let previous = before.total(key) {
                    let delta = figure.value - previous.value
                    change = "<span class=\"\(delta.hundredths < 0 ? "decline" : "increase")-text\"><strong>\(HTMLText.delta(delta))</strong>"
                        + (figure.value.percentChange(from: previous.value).map { "<br><small>\(HTMLText.percent($0)) on \(before.year)</small>" } ?? "") + "</span>"
                }
            }
            parts.append("<tr data-unit=\"\(HTMLText.escape(timeline.unit.key))\"><td>\(context.unitLink(timeline.unit, name: timeline.name, depth: 0))</td>"
                         + "<td>\(documented.isEmpty ? "<span class=\"empty\">none: named by others</span>" : documented.joined(separator: ", "))</td>"
                         + "<td class=\"spark\">\(Sparkline(timeline: timeline, key: key, span: span).svg())</td>"
                         + "<td class=\"num\">\(latest)</td><td class=\"num\">\(change)</td></tr>")
        }
        parts.append("</tbody></table></section>")
        return parts.joined(separator: "\n")
    }

    private func documentsTable(_ documents: [CorpusOverview.Document]) -> String {
        var parts = ["<section id=\"documents\"><h2>Documents filed</h2>",
                     "<table class=\"documents\"><thead><tr><th>unit</th><th>year</th><th>kind</th><th>content hash</th><th>file</th></tr></thead><tbody>"]
        for document in documents {
            let unit = document.unit.map { context.unitLink($0, name: document.unitName, depth: 0) } ?? HTMLText.escape(document.unitName)
            let printed = document.printedUnit == document.unitName ? "" : "<br><small>titled \(HTMLText.escape(document.printedUnit))</small>"
            parts.append("<tr data-document=\"\(HTMLText.escape(document.contentHash))\"><td>\(unit)\(printed)</td><td>\(document.year)</td>"
                         + "<td>\(document.kind.rawValue)</td><td><span class=\"hash\">\(HTMLText.escape(String(document.contentHash.prefix(16))))…</span></td>"
                         + "<td>\(HTMLText.escape(document.sourceName))</td></tr>")
        }
        parts.append("</tbody></table></section>")
        return parts.joined(separator: "\n")
    }
}
