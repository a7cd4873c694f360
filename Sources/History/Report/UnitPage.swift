import Disclosure

/// One unit's page: its total over the years, what changed between consecutive years and why,
/// spending against budget, transfers, every figure, and the snippets they come from.
struct UnitPage {
    var timeline: UnitTimeline
    var context: ReportContext

    /// Pages live in `units/`, one folder below the corpus page.
    static let depth = 1

    func html() -> String {
        var sources = SourceIndex(overview: context.report.overview)
        let key = ReportContext.chartKey(timeline)
        var body = ["<p class=\"crumb\"><a href=\"../index.html\">\(ReportWords.allUnits)</a></p>",
                    "<header data-unit-page=\"\(HTMLText.escape(timeline.unit.key))\">",
                    "<h1>\(HTMLText.escape(timeline.name))</h1>",
                    "<p class=\"sub\">\(timeline.kind.rawValue) · 单位键 <code class=\"key\">\(HTMLText.escape(timeline.unit.key))</code> · \(documentsLine())</p>",
                    lede(key), findingsLink(), "</header>"]
        body.append("<section id=\"totals\"><h2>历年\(ReportWords.keyed(key))</h2>")
        if timeline.years.contains(where: { $0.total(key) != nil }) {
            body.append(ReportPage.basisLegend)
            body.append(TotalsChart(timeline: timeline, key: key).svg())
        } else {
            body.append("<p class=\"empty\">尚无总额：库中没有该单位的文件，也没有文件说明其总额的增减。导入它的\(timeline.kind.rawValue)即可绘图。</p>")
        }
        body += timeline.years.flatMap { year in year.impliedDisagreements.map { "<p class=\"warn\">! \(HTMLText.escape(ReportWords.describe($0)))</p>" } }
        body.append("</section>")
        body.append(changes(&sources))
        body.append(budgets(&sources))
        body.append(transfers(&sources))
        body.append(FigureTable(timeline: timeline).html(&sources))
        body.append(sources.html())
        return ReportPage.document(title: "\(timeline.name) · \(timeline.kind.rawValue) · history 报告", body: body.joined(separator: "\n"))
    }

    /// The link to the unit's findings page with their count by severity, when the report was checked.
    private func findingsLink() -> String {
        guard let findings = context.findings(of: timeline.unit) else { return "" }
        let worst = findings.map(\.severity).min().map { " \($0.rawValue)" } ?? ""
        return "<p class=\"findings-link\(worst)\"><a href=\"../\(HTMLText.escape(HTMLReport.findingsPath(of: timeline.unit)))\">"
            + "\(FindingsPage.summary(findings)) →</a></p>"
    }

    private func documentsLine() -> String {
        let documents = timeline.years.compactMap(\.document)
        guard !documents.isEmpty else { return "无本单位文件：仅见于其他单位的文件" }
        return "文件 " + documents.map { document in
            let title = document.printedUnit == timeline.name ? "" : "，标题为 \(document.printedUnit)"
            return "\(document.year) (<span class=\"hash\">\(document.shortHash)</span> \(HTMLText.escape(document.sourceName + title)))"
        }.joined(separator: "，")
    }

    /// One sentence a reader can quote: the latest total and its change on the year before.
    private func lede(_ key: FactKey) -> String {
        let known = timeline.years.filter { $0.total(key) != nil }
        guard let last = known.last, let figure = last.total(key) else { return "" }
        var text = "<p class=\"lede\">\(last.year)年\(HTMLText.escape(ReportWords.name(key)))：<strong>\(HTMLText.amount(figure.value))</strong> 万元"
        if known.count > 1, let previous = known.dropLast().last?.total(key) {
            let delta = figure.value - previous.value
            let direction = delta.fen < 0 ? "decline" : "increase"
            text += "，较\(known.dropLast().last!.year)年" + (previous.basis == .implied ? "（推算数）" : "")
                + "<span class=\"\(direction)-text\"><strong>\(HTMLText.delta(delta))</strong>"
                + (figure.value.percentChange(from: previous.value).map { "（\(HTMLText.percent($0))）" } ?? "") + "</span>"
        }
        return text + "。</p>"
    }

    /// Each pair of consecutive years, newest first: the totals' change with the unit's
    /// year-over-year reasons beside it, then the items that moved most.
    private func changes(_ sources: inout SourceIndex) -> String {
        let pairs = ReportContext.consecutive(timeline).reversed()
        guard !pairs.isEmpty else { return "" }
        var parts = ["<section id=\"changes\"><h2>变化，及单位说明的原因</h2>"]
        for (a, b) in pairs {
            guard let unit = context.unitDiff(timeline.unit, a, b) else { continue }
            parts.append("<h3 id=\"change-\(a)-\(b)\">\(a) → \(b)</h3>")
            parts.append("<div class=\"change-block\" data-from=\"\(a)\" data-to=\"\(b)\"><div>\(totalsTable(unit, a, b, sources: &sources))</div><div class=\"beside\">")
            let reasons = unit.reasons.filter { if case .yearOverYear = $0.subject { return true } else { return false } }
            parts += reasons.map { ReasonCard.html($0, sources: &sources) }
            if reasons.isEmpty { parts.append("<p class=\"empty\">\(b)年文件未说明总额变化的原因。</p>") }
            parts.append("</div></div>")
            for total in unit.totals {
                for change in total.stated where change.delta != nil && total.delta != nil && change.baseYear == a && change.delta != total.delta {
                    parts.append("<p class=\"warn\">! \(ReportWords.keyed(total.key))：\(change.year)年文件称增减 \(HTMLText.delta(change.delta))，按数字计算为 \(HTMLText.delta(total.delta))。</p>")
                }
            }
            let moved = unit.items.filter { $0.status != .unchanged }
            if moved.isEmpty {
                let missing = unit.missingEvidence.filter { $0.need == .itemComparison }.map(ReportWords.missing)
                let why = missing.isEmpty ? "没有项目变化。" : "项目无法比较：" + missing.joined(separator: "；") + "。"
                parts.append("<p class=\"empty\">\(HTMLText.escape(why))</p>")
                continue
            }
            parts.append("<h3>变化最大的项目，\(a) → \(b)</h3>")
            parts.append(ReportPage.deltaLegend)
            let rows = moved.prefix(context.report.ranked).map { item in
                var label = "<span class=\"code\">\(HTMLText.escape(item.code))</span>\(HTMLText.escape(item.name))"
                if let old = item.from?.printedNames.first, UnitName(old).folded != UnitName(item.name).folded {
                    label += " <small>（原文作\(HTMLText.escape(old))）</small>"
                }
                let reasons = item.reasons.map { ReasonCard.html($0, sources: &sources) }.joined()
                let evidence = [item.from, item.to].compactMap { $0 }.flatMap { $0.figure.evidence.prefix(1) }
                let beside = reasons + (reasons.isEmpty ? "<span class=\"cite\">\(sources.links(evidence))</span>" : "")
                return DeltaChart.Row(label: label, delta: item.delta, percent: item.percent, from: item.from?.figure.value, to: item.to?.figure.value,
                                      attributes: [("code", item.code), ("from", String(a)), ("to", String(b)), ("status", item.status.rawValue)],
                                      beside: beside)
            }
            parts.append(DeltaChart(name: "items-\(a)-\(b)", rows: Array(rows), heads: ("项目", "\(a) → \(b)", "单位说明的原因（预决算差异，非同比）")).html())
            if moved.count > rows.count { parts.append("<p class=\"note\">另有 \(moved.count - rows.count) 项较小的变化，见下方“全部数字”表。</p>") }
        }
        parts.append("</section>")
        return parts.joined(separator: "\n")
    }

    private func totalsTable(_ unit: UnitDiff, _ from: Int, _ to: Int, sources: inout SourceIndex) -> String {
        var rows = ["<table class=\"change-totals\"><thead><tr><th>总额</th><th class=\"num\">\(from)</th><th class=\"num\">\(to)</th><th class=\"num\">增减</th></tr></thead><tbody>"]
        for total in unit.totals {
            let direction = (total.delta?.fen ?? 0) < 0 ? "decline" : "increase"
            let cell = { (figure: Figure?) -> String in
                guard let figure else { return "<td class=\"num\">—</td>" }
                return "<td class=\"num\">\(HTMLText.amount(figure.value))\(figure.isDisputed ? "*" : "")<br><span class=\"basis \(figure.basis.rawValue)\">\(ReportWords.basis(figure.basis))</span></td>"
            }
            rows.append("<tr data-key=\"\(total.key.rawValue)\" data-delta=\"\(total.delta.map(HTMLText.number) ?? "")\"><td>\(ReportWords.keyed(total.key))</td>"
                        + cell(total.from) + cell(total.to)
                        + "<td class=\"num \(direction)-text\"><strong>\(HTMLText.delta(total.delta))</strong><br><small>\(HTMLText.percent(total.percent))</small></td></tr>")
        }
        rows.append("</tbody></table>")
        let evidence = unit.totals.flatMap { [$0.from, $0.to].compactMap { $0?.evidence.first } }
        if !evidence.isEmpty { rows.append("<p class=\"note cite\">\(ReportWords.sources)\(sources.links(evidence))</p>") }
        return rows.joined()
    }

    /// Per documented year: actual against budget by item, the unit's budget-variance reasons beside.
    private func budgets(_ sources: inout SourceIndex) -> String {
        var parts: [String] = []
        for year in timeline.years.reversed() where year.document != nil {
            let items = year.items.filter { $0.budget != nil && $0.budget!.value != $0.figure.value }
                .sorted { (($0.figure.value - $0.budget!.value).magnitude, $1.code) > (($1.figure.value - $1.budget!.value).magnitude, $0.code) }
            let general = year.reasons.filter { if case .budgetVariance(let code, _) = $0.subject { return code.isEmpty } else { return false } }
            guard !items.isEmpty || !general.isEmpty else { continue }
            parts.append("<h3 id=\"budget-\(year.year)\">\(year.year)年：支出与年初预算（年初预算 → 支出决算）</h3>")
            if !items.isEmpty {
                parts.append(ReportPage.deltaLegend)
                let rows = items.prefix(context.report.ranked).map { item in
                    let budget = item.budget!.value
                    let reason = item.varianceReason.map { ReasonCard.html($0, sources: &sources) }
                        ?? "<span class=\"cite\">未说明原因 · \(sources.links(Array(item.figure.evidence.prefix(1)) + Array(item.budget!.evidence.prefix(1))))</span>"
                    return DeltaChart.Row(label: "<span class=\"code\">\(HTMLText.escape(item.code))</span>\(HTMLText.escape(item.name))",
                                          delta: item.figure.value - budget, percent: item.figure.value.percentChange(from: budget),
                                          from: budget, to: item.figure.value,
                                          attributes: [("code", item.code), ("year", String(year.year)), ("explains", "budget-variance")],
                                          beside: reason)
                }
                parts.append(DeltaChart(name: "budget-\(year.year)", rows: Array(rows), heads: ("项目", "预算 → 决算", "单位说明的差异原因")).html())
            }
            parts += general.map { ReasonCard.html($0, sources: &sources) }
        }
        guard !parts.isEmpty else { return "" }
        return (["<section id=\"budget\"><h2>预算执行：支出与预算的差异及原因</h2>"] + parts + ["</section>"]).joined(separator: "\n")
    }

    private func transfers(_ sources: inout SourceIndex) -> String {
        let flows = TransferFlow.collect(timelines: [timeline], context: context)
        guard !flows.isEmpty else { return "" }
        var parts = ["<section id=\"transfers\"><h2>\(ReportWords.transfersHeading)</h2>",
                     TransferDiagram(flows: flows, focus: timeline.unit, context: context, depth: Self.depth).svg(), "<ul class=\"transfer-list\">"]
        for flow in flows {
            let evidence = flow.transfer.map { sources.links($0.evidence) } ?? ""
            parts.append("<li data-year=\"\(flow.year)\">\(flow.year): \(context.unitLink(flow.from, name: flow.fromName, depth: Self.depth)) → "
                         + "\(context.unitLink(flow.to, name: flow.toName, depth: Self.depth)): \(HTMLText.escape(flow.what)) "
                         + "<strong>\(flow.value.map { "\(HTMLText.amount($0)) 万元" } ?? "")</strong> <span class=\"cite\">\(evidence)</span></li>")
        }
        parts.append("</ul></section>")
        return parts.joined(separator: "\n")
    }
}
