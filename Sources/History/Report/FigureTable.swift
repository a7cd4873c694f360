import Disclosure

/// Every figure of a unit's timeline in one table, each value linked to the snippet stating it:
/// totals, items with their budgets, stated changes and transfers, year by year.
struct FigureTable {
    var timeline: UnitTimeline

    func html(_ sources: inout SourceIndex) -> String {
        var rows: [String] = []
        for year in timeline.years {
            for figure in year.totals {
                rows.append(row(year: year.year, kind: "total", what: ReportWords.keyed(figure.key), key: figure.key.rawValue,
                                value: figure.values.map { HTMLText.amount($0) }.joined(separator: " / "), basis: figure.basis,
                                sources: sources.links(figure.evidence, values: figure.isDisputed ? figure.sources.map(\.value) : nil)))
            }
            for item in year.items {
                let what = "<code>\(HTMLText.escape(item.code))</code> \(HTMLText.escape(item.name))"
                rows.append(row(year: year.year, kind: "item", what: what, key: item.figure.key.rawValue, code: item.code,
                                value: item.figure.values.map { HTMLText.amount($0) }.joined(separator: " / "), basis: item.figure.basis,
                                sources: sources.links(item.figure.evidence, values: item.figure.isDisputed ? item.figure.sources.map(\.value) : nil)))
                if let budget = item.budget {
                    rows.append(row(year: year.year, kind: "budget", what: what + " <small>预算</small>", key: budget.key.rawValue, code: item.code,
                                    value: budget.values.map { HTMLText.amount($0) }.joined(separator: " / "), basis: budget.basis,
                                    sources: sources.links(budget.evidence)))
                }
            }
            for change in year.statedChanges {
                let what = "所述\(ReportWords.keyed(change.of))较\(change.baseYear)年的增减"
                let value = HTMLText.delta(change.delta) + (change.pct.map { " (\(HTMLText.percent($0)))" } ?? "")
                rows.append(row(year: year.year, kind: "stated-change", what: what, key: FactKey.changeStated.rawValue,
                                value: value, basis: .document, sources: sources.link(change.evidence)))
            }
            for transfer in year.transfersOut + year.transfersIn {
                let direction = transfer.from == timeline.unit ? "划至\(transfer.toName)" : "来自\(transfer.fromName)"
                let values = ([transfer.value] + transfer.otherValues.map { Optional($0) }).map { HTMLText.amount($0) }.joined(separator: " / ")
                rows.append(row(year: year.year, kind: "transfer", what: "划转 \(HTMLText.escape(transfer.name))，\(HTMLText.escape(direction))",
                                key: transfer.from == timeline.unit ? FactKey.transferOut.rawValue : FactKey.transferIn.rawValue,
                                value: values, basis: .document, sources: sources.links(transfer.evidence)))
            }
        }
        return """
            <section id="figures"><h2>全部数字</h2>
            <p class="note">金额单位万元（以元列示的表换算为万元，小数位照实保留）；来源不一致时列出每个数值，采用的在前。推算的行带底色。</p>
            <table class="figures"><thead><tr><th>年度</th><th>数字</th><th class="num">数值</th><th>依据</th><th>来源</th></tr></thead><tbody>
            \(rows.joined(separator: "\n"))
            </tbody></table></section>
            """
    }

    private func row(year: Int, kind: String, what: String, key: String, code: String? = nil, value: String,
                     basis: FigureBasis, sources: String) -> String {
        let codeAttribute = code.map { " data-code=\"\(HTMLText.escape($0))\"" } ?? ""
        return "<tr class=\"\(basis.rawValue)\" data-year=\"\(year)\" data-kind=\"\(kind)\" data-key=\"\(key)\"\(codeAttribute)>"
            + "<td>\(year)</td><td>\(what)</td><td class=\"num\">\(value)</td>"
            + "<td><span class=\"basis \(basis.rawValue)\">\(ReportWords.basis(basis))</span></td><td class=\"cite\">\(sources)</td></tr>"
    }
}
