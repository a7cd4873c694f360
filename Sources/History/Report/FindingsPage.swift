import Disclosure

/// One unit's findings page: what `history check` found in its documents, most serious first,
/// each finding with its rule, year, values and the lines it cites quoted with their page.
struct FindingsPage {
    var timeline: UnitTimeline
    var findings: [CheckFinding]
    var context: ReportContext

    /// Citations shown open under a finding; more are folded into a `<details>`.
    static let shownCitations = 4

    /// Pages live in `findings/`, one folder below the corpus page, beside `units/`.
    static let depth = 1

    func html() -> String {
        let unitPage = "../" + HTMLReport.pagePath(of: timeline.unit)
        var body = ["<p class=\"crumb\"><a href=\"../index.html\">\(ReportWords.allUnits)</a> · <a href=\"\(HTMLText.escape(unitPage))\">\(ReportWords.backToUnit)</a></p>",
                    "<header data-findings-page=\"\(HTMLText.escape(timeline.unit.key))\">",
                    "<h1>\(HTMLText.escape(timeline.name)) · \(ReportWords.findingsHeading)</h1>",
                    "<p class=\"sub\">\(timeline.kind.rawValue) · \(Self.summary(findings))</p>",
                    "<p class=\"note\">\(ReportWords.findingsNote)</p>", "</header>"]
        if findings.isEmpty { body.append("<p class=\"empty\">\(ReportWords.findingsNone)</p>") }
        for severity in FindingSeverity.allCases {
            let these = findings.filter { $0.severity == severity }
            guard !these.isEmpty else { continue }
            body.append("<section class=\"findings\" id=\"\(severity.rawValue)\" data-severity=\"\(severity.rawValue)\">")
            body.append("<h2>\(ReportWords.severity(severity))（\(these.count)）</h2><p class=\"note\">\(ReportWords.severityNote(severity))</p>")
            body += these.map(card)
            body.append("</section>")
        }
        return ReportPage.document(title: "\(timeline.name) · \(ReportWords.findingsHeading) · history 报告", body: body.joined(separator: "\n"))
    }

    /// "错误 2 · 警告 1 · 提示 3", or that nothing was found.
    static func summary(_ findings: [CheckFinding]) -> String {
        guard !findings.isEmpty else { return ReportWords.findingsNone }
        return "\(ReportWords.findingsHeading) \(findings.count) 项：" + FindingSeverity.allCases.compactMap { severity in
            let count = findings.filter { $0.severity == severity }.count
            return count == 0 ? nil : "\(ReportWords.severity(severity)) \(count)"
        }.joined(separator: " · ")
    }

    private func card(_ finding: CheckFinding) -> String {
        var parts = ["<div class=\"finding \(finding.severity.rawValue)\" data-rule=\"\(HTMLText.escape(finding.rule.id))\" data-year=\"\(finding.year)\">",
                     "<p><span class=\"tag\">\(ReportWords.severity(finding.severity))</span><code class=\"key\">\(HTMLText.escape(finding.rule.id))</code> "
                        + "\(finding.year)年 · \(HTMLText.escape(finding.message))</p>"]
        if !finding.values.isEmpty {
            parts.append("<p class=\"values\">" + finding.values.map { "<strong>\($0.grouped)</strong>" }.joined(separator: " · ") + "</p>")
        }
        // A sum cites every item: the first few show, the rest fold away (no script needed).
        for (index, citation) in finding.citations.enumerated() {
            if index == Self.shownCitations {
                parts.append("<details><summary>另 \(finding.citations.count - index) 处出处</summary>")
            }
            let document = context.report.overview.document(citation.document)
            let file = document.map { " · \(HTMLText.escape($0.sourceName))" } ?? ""
            let page = citation.page.map { " · \(ReportWords.page($0))" } ?? ""
            parts.append("<div class=\"source\" data-document=\"\(HTMLText.escape(citation.document))\" data-lines=\"\(citation.firstLine)-\(citation.lastLine)\""
                         + (citation.page.map { " data-page=\"\($0)\"" } ?? "") + ">"
                         + "<header><strong>\(ReportWords.lines(citation.firstLine, citation.lastLine))\(page)</strong> · \(citation.documentYear)年\(file)"
                         + " <span class=\"hash\">\(HTMLText.escape(String(citation.document.prefix(12))))</span></header>"
                         + "<blockquote>\(HTMLText.escape(citation.text))</blockquote></div>")
        }
        if finding.citations.count > Self.shownCitations { parts.append("</details>") }
        parts.append("</div>")
        return parts.joined(separator: "\n")
    }
}
