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
                    "<h1>\(timelines.count) 个单位的\(context.kind.rawValue)公开</h1>",
                    "<p class=\"sub\">\(documents.count) 份文件"
                        + (years.isEmpty ? "" : "，\(years.first!)–\(years.last!) 年")
                        + " · 库中共 \(context.report.overview.unitCount) 个单位 · 金额单位：万元</p>", "</header>"]
        body.append(largestChanges())
        body.append(largestItemChanges())
        body.append(unitsTable(years: years))
        let flows = TransferFlow.collect(timelines: timelines, context: context)
        if !flows.isEmpty {
            body.append("<section id=\"transfers\"><h2>\(ReportWords.transfersHeading)</h2>")
            body.append(TransferDiagram(flows: flows, focus: nil, context: context, depth: 0).svg())
            body.append("</section>")
        }
        body.append(documentsTable(documents))
        return ReportPage.document(title: "history 报告 · \(context.kind.rawValue)", body: body.joined(separator: "\n"))
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
        var parts = ["<section id=\"largest-changes\"><h2>总额变化最大的单位</h2>"]
        guard !changes.isEmpty else {
            return (parts + ["<p class=\"empty\">尚无单位有两年的总额。</p></section>"]).joined(separator: "\n")
        }
        parts.append(ReportPage.deltaLegend)
        let rows = changes.prefix(context.report.ranked).map { change in
            let key = ReportContext.chartKey(change.timeline)
            let href = context.href(change.timeline.unit, depth: 0).map { HTMLText.escape($0) } ?? ""
            let implied = change.a.basis == .implied || change.b.basis == .implied
            var label = "<a href=\"\(href)#change-\(change.from.year)-\(change.to.year)\">\(HTMLText.escape(change.timeline.name))</a>"
                + "<span class=\"code\">\(change.from.year) → \(change.to.year) · \(HTMLText.escape(ReportWords.name(key)))</span>"
            if implied { label += "<small>\(change.a.basis == .implied ? "\(change.from.year)" : "\(change.to.year)")年为推算</small>" }
            let reasons = change.to.reasons.filter { reason in
                if case .yearOverYear(let keys, let base) = reason.subject { return base == change.from.year && keys.contains(key) }
                return false
            }
            let beside = reasons.map { reason in
                "<p class=\"reason\" data-explains=\"\(reason.label)\" data-year=\"\(reason.year)\"><span class=\"tag\">\(ReportWords.yearOverYear)</span>「\(HTMLText.escape(reason.text))」</p>"
            }.joined()
            return DeltaChart.Row(label: label, delta: change.b.value - change.a.value, percent: change.b.value.percentChange(from: change.a.value),
                                  from: change.a.value, to: change.b.value,
                                  attributes: [("unit", change.timeline.unit.key), ("from", String(change.from.year)), ("to", String(change.to.year)),
                                               ("key", key.rawValue), ("basis", "\(change.a.basis.rawValue)-\(change.b.basis.rawValue)")],
                                  beside: beside, implied: implied)
        }
        parts.append(DeltaChart(name: "largest-changes", rows: Array(rows), heads: ("单位 · 年度", "前 → 后", "单位说明的原因")).html())
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
        var parts = ["<section id=\"largest-item-changes\"><h2>变化最大的项目</h2>"]
        guard !rows.isEmpty else {
            parts.append("<p class=\"empty\">尚无单位有连续两年的文件，暂无法逐项比较。</p></section>")
            return parts.joined(separator: "\n")
        }
        parts.append(ReportPage.deltaLegend)
        let chartRows = rows.prefix(context.report.ranked).map { row in
            let href = context.href(row.unit.unit, depth: 0).map { HTMLText.escape($0) } ?? ""
            let label = "<span class=\"code\">\(HTMLText.escape(row.item.code)) · \(row.from) → \(row.to)</span>\(HTMLText.escape(row.item.name))"
                + "<small> · <a href=\"\(href)#change-\(row.from)-\(row.to)\">\(HTMLText.escape(row.unit.name))</a></small>"
            let beside = row.item.reasons.map { reason in
                "<p class=\"reason\" data-explains=\"\(reason.label)\" data-year=\"\(reason.year)\"><span class=\"tag\">\(ReportWords.budgetVariance) \(reason.year)</span>「\(HTMLText.escape(reason.text))」</p>"
            }.joined()
            return DeltaChart.Row(label: label, delta: row.item.delta, percent: row.item.percent,
                                  from: row.item.from?.figure.value, to: row.item.to?.figure.value,
                                  attributes: [("unit", row.unit.unit.key), ("code", row.item.code), ("from", String(row.from)), ("to", String(row.to))],
                                  beside: beside)
        }
        parts.append(DeltaChart(name: "largest-item-changes", rows: Array(chartRows), heads: ("项目 · 单位", "前 → 后", "单位说明的原因（预决算差异）")).html())
        parts.append("</section>")
        return parts.joined(separator: "\n")
    }

    private func unitsTable(years: [Int]) -> String {
        let span = (years.first ?? 0)...(years.last ?? 0)
        var parts = ["<section id=\"units\"><h2>单位</h2>", ReportPage.basisLegend,
                     "<table class=\"units\"><thead><tr><th>单位</th><th>文件</th><th>历年总额</th><th class=\"num\">最新总额</th><th class=\"num\">最近增减</th></tr></thead><tbody>"]
        for timeline in context.timelines {
            let key = ReportContext.chartKey(timeline)
            let known = timeline.years.filter { $0.total(key) != nil }
            let documented = timeline.years.filter { $0.document != nil }.map { String($0.year) }
            var latest = "—", change = "—"
            if let last = known.last, let figure = last.total(key) {
                latest = "\(HTMLText.amount(figure.value))<br><small>\(last.year) · <span class=\"basis \(figure.basis.rawValue)\">\(ReportWords.basis(figure.basis))</span></small>"
                if let before = known.dropLast().last, let previous = before.total(key) {
                    let delta = figure.value - previous.value
                    change = "<span class=\"\(delta.fen < 0 ? "decline" : "increase")-text\"><strong>\(HTMLText.delta(delta))</strong>"
                        + (figure.value.percentChange(from: previous.value).map { "<br><small>较\(before.year)年 \(HTMLText.percent($0))</small>" } ?? "") + "</span>"
                }
            }
            parts.append("<tr data-unit=\"\(HTMLText.escape(timeline.unit.key))\"><td>\(context.unitLink(timeline.unit, name: timeline.name, depth: 0))</td>"
                         + "<td>\(documented.isEmpty ? "<span class=\"empty\">无：仅见于其他单位的文件</span>" : documented.joined(separator: ", "))</td>"
                         + "<td class=\"spark\">\(Sparkline(timeline: timeline, key: key, span: span).svg())</td>"
                         + "<td class=\"num\">\(latest)</td><td class=\"num\">\(change)</td></tr>")
        }
        parts.append("</tbody></table></section>")
        return parts.joined(separator: "\n")
    }

    private func documentsTable(_ documents: [CorpusOverview.Document]) -> String {
        var parts = ["<section id=\"documents\"><h2>已归档文件</h2>",
                     "<table class=\"documents\"><thead><tr><th>单位</th><th>年度</th><th>类型</th><th>内容哈希</th><th>文件名</th></tr></thead><tbody>"]
        for document in documents {
            let unit = document.unit.map { context.unitLink($0, name: document.unitName, depth: 0) } ?? HTMLText.escape(document.unitName)
            let printed = document.printedUnit == document.unitName ? "" : "<br><small>标题为 \(HTMLText.escape(document.printedUnit))</small>"
            parts.append("<tr data-document=\"\(HTMLText.escape(document.contentHash))\"><td>\(unit)\(printed)</td><td>\(document.year)</td>"
                         + "<td>\(document.kind.rawValue)</td><td><span class=\"hash\">\(HTMLText.escape(String(document.contentHash.prefix(16))))…</span></td>"
                         + "<td>\(HTMLText.escape(document.sourceName))</td></tr>")
        }
        parts.append("</tbody></table></section>")
        return parts.joined(separator: "\n")
    }
}
