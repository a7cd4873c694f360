import Disclosure

/// The snippets a page cites: each link a page prints goes to an element of the page's
/// sources section showing the document, its lines and the text.
///
/// Built while the page is written (every `link` records its evidence), then printed once at
/// the end, ordered by document and line so the page does not depend on the order of writing.
struct SourceIndex {
    private var cited: [String: Evidence] = [:]
    let overview: CorpusOverview

    init(overview: CorpusOverview) {
        self.overview = overview
    }

    /// "f642c3c5f6 第189–193行 正文", linked to its snippet.
    mutating func link(_ evidence: Evidence, value: Money? = nil) -> String {
        let id = HTMLText.sourceID(evidence)
        if cited[id] == nil { cited[id] = evidence }
        var text = "\(evidence.document.prefix(10)) \(ReportWords.lines(evidence.firstLine, evidence.lastLine)) \(ReportWords.origin(evidence.origin))"
        if let value { text = "\(HTMLText.amount(value)): " + text }
        if evidence.origin == .implied, let delta = evidence.statedDelta { text += "（所述增减 \(Figures.delta(delta))）" }
        return "<a class=\"src\" href=\"#\(id)\" data-document=\"\(HTMLText.escape(evidence.document))\">\(HTMLText.escape(text))</a>"
    }

    /// Links to every distinct place, separated by "; ".
    mutating func links(_ evidence: [Evidence], values: [Money?]? = nil) -> String {
        var seen: Set<String> = []
        var parts: [String] = []
        for (index, item) in evidence.enumerated() {
            let value = values?[index] ?? nil
            let id = HTMLText.sourceID(item) + (value?.description ?? "")
            if seen.insert(id).inserted { parts.append(link(item, value: value)) }
        }
        return parts.joined(separator: "; ")
    }

    /// The sources section: one element per cited snippet, with the id links point at.
    func html() -> String {
        guard !cited.isEmpty else { return "" }
        let ordered = cited.values.sorted {
            ($0.documentYear, $0.document, $0.firstLine, $0.lastLine) < ($1.documentYear, $1.document, $1.firstLine, $1.lastLine)
        }
        var parts = ["<section class=\"sources\" id=\"sources\"><h2>\(ReportWords.sourcesHeading)</h2>",
                     "<p class=\"note\">\(ReportWords.sourcesNote)</p>"]
        for evidence in ordered {
            let document = overview.document(evidence.document)
            let file = document.map { " · \(HTMLText.escape($0.sourceName))" } ?? ""
            parts.append("<div class=\"source\" id=\"\(HTMLText.sourceID(evidence))\" data-document=\"\(HTMLText.escape(evidence.document))\" "
                         + "data-lines=\"\(evidence.firstLine)-\(evidence.lastLine)\"><header><strong>\(ReportWords.lines(evidence.firstLine, evidence.lastLine))</strong>"
                         + " · \(HTMLText.escape(evidence.printedUnit)) \(evidence.documentYear)年\(evidence.documentKind.rawValue)\(file)"
                         + "<br><span class=\"hash\">\(HTMLText.escape(evidence.document))</span></header><blockquote>\(HTMLText.escape(evidence.text))</blockquote></div>")
        }
        parts.append("</section>")
        return parts.joined(separator: "\n")
    }
}
