import Disclosure

/// `history check`: findings as terminal text, markdown or JSON. Pure.
public struct CheckRenderer: Sendable {
    public init() {}

    /// Findings a unit and year at a time, most serious first, each with the lines it cites
    /// quoted; then the count by severity.
    public func text(_ findings: [CheckFinding], style: TextStyle = .plain) -> String {
        if findings.isEmpty { return "no findings\n" }
        var lines: [String] = []
        for (index, group) in Self.grouped(findings).enumerated() {
            if index > 0 { lines.append("") }
            lines.append(style.bold("\(group[0].unitName) \(group[0].year)"))
            for finding in group {
                lines.append("  " + style.warning(finding.severity.rawValue) + "  \(finding.rule.id)")
                lines.append("    \(finding.message)")
                for citation in finding.citations.prefix(4) {
                    let where_ = "\(String(citation.document.prefix(12))) " + Self.lines(citation)
                    lines.append("    " + style.dim(where_) + (citation.text.isEmpty ? "" : "  \(Self.clip(citation.text))"))
                }
                if finding.citations.count > 4 { lines.append("    " + style.dim("… and \(finding.citations.count - 4) more")) }
            }
        }
        lines.append("")
        lines.append(Self.count(findings))
        return lines.joined(separator: "\n") + "\n"
    }

    /// A report to hand on: a section per unit and year, a sub-section per severity, each finding
    /// with its rule, message and the source lines it cites quoted in full.
    public func markdown(_ findings: [CheckFinding]) -> String {
        var lines = ["# Findings", "", Self.count(findings)]
        for group in Self.grouped(findings) {
            lines += ["", "## \(group[0].unitName) \(group[0].year)"]
            for severity in FindingSeverity.allCases {
                let these = group.filter { $0.severity == severity }
                guard !these.isEmpty else { continue }
                lines += ["", "### \(severity.rawValue) (\(these.count))", ""]
                for finding in these {
                    lines.append("- **\(finding.rule.id)**: \(finding.message)")
                    for citation in finding.citations {
                        let quoted = citation.text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
                        lines.append("  > `\(citation.document.prefix(12))` \(Self.lines(citation)): \(quoted)")
                    }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Findings by unit and year (in the order given), each group most serious first, then by line.
    static func grouped(_ findings: [CheckFinding]) -> [[CheckFinding]] {
        var order: [String] = []
        var groups: [String: [CheckFinding]] = [:]
        for finding in findings {
            let key = "\(finding.unit.key)|\(finding.year)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(finding)
        }
        return order.map { key in
            groups[key]!.enumerated().sorted {
                ($0.element.severity, $0.element.citations.first?.firstLine ?? 0, $0.offset)
                    < ($1.element.severity, $1.element.citations.first?.firstLine ?? 0, $1.offset)
            }.map(\.element)
        }
    }

    /// "3 finding(s): 2 error(s), 1 warning(s)".
    static func count(_ findings: [CheckFinding]) -> String {
        let counts = FindingSeverity.allCases.compactMap { severity -> String? in
            let count = findings.filter { $0.severity == severity }.count
            return count == 0 ? nil : "\(count) \(severity.rawValue)(s)"
        }
        return "\(findings.count) finding(s)" + (counts.isEmpty ? "" : ": " + counts.joined(separator: ", "))
    }

    /// "line 12", "lines 12–14", with ", page 3" when the document was a PDF read by pages.
    static func lines(_ citation: Citation) -> String {
        (citation.firstLine == citation.lastLine ? "line \(citation.firstLine)" : "lines \(citation.firstLine)–\(citation.lastLine)")
            + (citation.page.map { ", page \($0)" } ?? "")
    }

    /// `{"schema", "type": "check", "findings": [{"rule", "severity": "error"|"warning"|"notice",
    /// "source": "parser"|"engine", "unit",
    /// "unit_key", "year", "message", "values", "citations": [{"doc", "year", "lines", "page"?, "text"}]}]}`
    /// (`page` only where the document was a PDF read by pages).
    public func json(_ findings: [CheckFinding]) -> String {
        JSONValue.object([
            ("schema", .int(JSONSchemaVersion.current)), ("type", .string("check")),
            ("findings", .array(findings.map { finding in
                let source: String
                switch finding.rule {
                case .parser: source = "parser"
                case .engine: source = "engine"
                }
                return .object([
                    ("rule", .string(finding.rule.id)), ("severity", .string(finding.severity.rawValue)), ("source", .string(source)), ("unit", .string(finding.unitName)),
                    ("unit_key", .string(finding.unit.key)), ("year", .int(finding.year)), ("message", .string(finding.message)),
                    ("values", .array(finding.values.map { .amount($0) })),
                    ("citations", .array(finding.citations.map { citation in
                        .object([("doc", .string(citation.document)), ("year", .int(citation.documentYear)),
                                 ("lines", .array([.int(citation.firstLine), .int(citation.lastLine)]))]
                                + (citation.page.map { [("page", JSONValue.int($0))] } ?? [])
                                + [("text", .string(citation.text))])
                    })),
                ])
            })),
        ]).serialized()
    }

    /// Long snippets cut to 60 columns, so one finding stays a few lines.
    static func clip(_ text: String) -> String { DisplayWidth.clip(text, to: 60) }
}

extension String {
    var replacingPipes: String {
        var result = ""
        for character in self { result += character == "|" ? "\\|" : String(character) }
        return result
    }
}
