import Disclosure

/// `history check`: findings as terminal text, markdown or JSON. Pure.
public struct CheckRenderer: Sendable {
    public init() {}

    public func text(_ findings: [CheckFinding], style: TextStyle = .plain) -> String {
        if findings.isEmpty { return "no findings\n" }
        var lines: [String] = []
        for finding in findings {
            lines.append(style.warning("\(finding.severity.rawValue) \(finding.rule.id)") + "  \(finding.unitName) \(finding.year)")
            lines.append("  \(finding.message)")
            for citation in finding.citations.prefix(4) {
                let where_ = "\(String(citation.document.prefix(12))) " + (citation.firstLine == citation.lastLine
                    ? "line \(citation.firstLine)" : "lines \(citation.firstLine)–\(citation.lastLine)")
                lines.append("  " + style.dim(where_) + (citation.text.isEmpty ? "" : "  \(Self.clip(citation.text))"))
            }
            if finding.citations.count > 4 { lines.append("  " + style.dim("… and \(finding.citations.count - 4) more")) }
        }
        lines.append("")
        let counts = FindingSeverity.allCases.compactMap { severity -> String? in
            let count = findings.filter { $0.severity == severity }.count
            return count == 0 ? nil : "\(count) \(severity.rawValue)(s)"
        }
        lines.append("\(findings.count) finding(s): " + counts.joined(separator: ", "))
        return lines.joined(separator: "\n") + "\n"
    }

    public func markdown(_ findings: [CheckFinding]) -> String {
        var lines = ["| severity | rule | unit | year | finding | where |", "|---|---|---|--:|---|---|"]
        for finding in findings {
            let places = finding.citations.map { "`\($0.document.prefix(12))` \($0.firstLine)" }.joined(separator: ", ")
            lines.append("| \(finding.severity.rawValue) | \(finding.rule.id) | \(finding.unitName) | \(finding.year) | \(finding.message.replacingPipes) | \(places) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"schema", "type": "check", "findings": [{"rule", "severity": "error"|"warning"|"notice",
    /// "source": "parser"|"engine", "unit",
    /// "unit_key", "year", "message", "values", "citations": [{"doc", "year", "lines", "text"}]}]}`.
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
                                 ("lines", .array([.int(citation.firstLine), .int(citation.lastLine)])), ("text", .string(citation.text))])
                    })),
                ])
            })),
        ]).serialized()
    }

    /// Long snippets cut to 60 columns, so one finding stays a few lines.
    static func clip(_ text: String) -> String {
        var width = 0
        var result = ""
        for scalar in text.unicodeScalars {
            width += DisplayWidth.of(scalar)
            if width > 60 { return result + "…" }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}

extension String {
    var replacingPipes: String {
        var result = ""
        for character in self { result += character == "|" ? "\\|" : String(character) }
        return result
    }
}
