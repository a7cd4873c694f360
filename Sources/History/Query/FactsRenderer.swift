import Disclosure

/// `history facts`: facts as FACTS.md defines them, in text, NDJSON, CSV or JSON. Pure.
///
/// One fact is `{"schema", "unit", "unit_key", "year", "kind", "key", "code", "name", "value",
/// "measure", "origin", "doc", "lines", "text"}` plus `of`, `base_year`, `delta`, `pct`,
/// `reason`, `counterparty`, `base`, `share`, `project` when the fact has them. `value` is an exact JSON number (a string
/// for a textual value, null for none); `measure` is null for a textual value.
public struct FactsRenderer: Sendable {
    public init() {}

    /// The JSON object of one fact.
    public func object(_ filed: FiledFact) -> JSONValue {
        let fact = filed.fact
        var members: [(String, JSONValue)] = [
            ("schema", .int(Fact.schema)), ("unit", .string(filed.unitName)), ("unit_key", .string(filed.unit.key)),
            ("year", .int(fact.year)), ("kind", .string(filed.kind.rawValue)), ("key", .string(fact.key.rawValue)),
            ("code", .optional(fact.code)), ("name", .optional(fact.name)), ("value", Self.value(fact.value)),
            ("measure", fact.measure == .text ? .null : .string(fact.measure.rawValue)), ("origin", .string(fact.origin.rawValue)),
            ("doc", .string(filed.document)), ("lines", .array([.int(fact.source.firstLine), .int(fact.source.lastLine)])),
            ("text", .string(fact.source.text)),
        ]
        if let of = fact.of { members.append(("of", .string(of.rawValue))) }
        if let baseYear = fact.baseYear { members.append(("base_year", .int(baseYear))) }
        if let delta = fact.delta { members.append(("delta", .amount(delta))) }
        if let pct = fact.pct { members.append(("pct", .amount(pct))) }
        if let reason = fact.reason { members.append(("reason", .string(reason))) }
        if let counterparty = fact.counterparty { members.append(("counterparty", .string(counterparty))) }
        if let base = fact.base { members.append(("base", .string(base.rawValue))) }
        if let share = fact.share { members.append(("share", .amount(share))) }
        if let project = fact.project { members.append(("project", .string(project))) }
        return .object(members)
    }

    /// One compact JSON object per line.
    public func ndjson(_ facts: [FiledFact]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(facts.count * 640)
        for filed in facts {
            object(filed).appendCompact(to: &output)
            output.append(0x0A)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `{"schema": 1, "type": "facts", "facts": [...]}`.
    public func json(_ facts: [FiledFact]) -> String {
        JSONValue.object([("schema", .int(JSONSchemaVersion.current)), ("type", .string("facts")),
                          ("facts", .array(facts.map(object)))]).serialized()
    }

    static let csvHeader = ["schema", "unit", "unit_key", "year", "kind", "key", "code", "name", "value", "measure", "origin", "doc",
                            "first_line", "last_line", "text", "of", "base_year", "delta", "pct", "reason", "counterparty",
                            "base", "share", "project"]

    /// RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, quote or line break.
    public func csv(_ facts: [FiledFact]) -> String {
        CSV.document([Self.csvHeader] + facts.map(csvRow))
    }

    func csvRow(_ filed: FiledFact) -> [String] {
        let fact = filed.fact
        return [
            String(Fact.schema), filed.unitName, filed.unit.key, String(fact.year), filed.kind.rawValue, fact.key.rawValue,
            fact.code ?? "", fact.name ?? "", Self.plain(fact.value), fact.measure.rawValue, fact.origin.rawValue, filed.document,
            String(fact.source.firstLine), String(fact.source.lastLine), fact.source.text, fact.of?.rawValue ?? "",
            fact.baseYear.map(String.init) ?? "", fact.delta?.description ?? "", fact.pct?.description ?? "",
            fact.reason ?? "", fact.counterparty ?? "", fact.base?.rawValue ?? "", fact.share?.description ?? "", fact.project ?? "",
        ]
    }

    /// A table per unit, columns aligned for CJK text (two columns per character).
    public func text(_ facts: [FiledFact], style: TextStyle = .plain) -> String {
        if facts.isEmpty { return "no facts match\n" }
        var lines: [String] = []
        var index = 0
        while index < facts.count {
            let unit = facts[index].unit
            var end = index
            while end < facts.count && facts[end].unit == unit { end += 1 }
            if !lines.isEmpty { lines.append("") }
            lines.append(style.bold(facts[index].unitName) + style.dim("  \(end - index) fact(s)"))
            var table = TextTable([.init("year"), .init("key"), .init("code"), .init("name"), .init("value", .right), .init("measure"),
                                   .init("origin"), .init("doc"), .init("lines")])
            for filed in facts[index..<end] {
                let fact = filed.fact
                // A switch, not fact.amount.map(…) ?? …: that form crashed swift-frontend 6.3.1 at -O
                // (CopyPropagation, "Found outside of lifetime use"), as FactReading.own did.
                var value = Self.grouped(fact.value)
                if fact.key == .changeStated { value = fact.delta.map { ($0.hundredths > 0 ? "+" : "") + $0.grouped } ?? "" }
                table.append([String(fact.year), fact.key.rawValue, fact.code ?? "", CheckRenderer.clip(fact.name ?? ""),
                              CheckRenderer.clip(value), fact.measure.rawValue, fact.origin.rawValue, String(filed.document.prefix(12)),
                              fact.source.firstLine == fact.source.lastLine ? "\(fact.source.firstLine)" : "\(fact.source.firstLine)–\(fact.source.lastLine)"])
            }
            lines += table.lines(indent: "  ", style: style)
            index = end
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func value(_ value: FactValue) -> JSONValue {
        switch value {
        case .amount(let amount): .amount(amount)
        case .text(let text): .string(text)
        case .none: .null
        }
    }

    static func grouped(_ value: FactValue) -> String {
        switch value {
        case .amount(let amount): amount.grouped
        case .text(let text): text
        case .none: ""
        }
    }

    static func plain(_ value: FactValue) -> String {
        switch value {
        case .amount(let amount): amount.description
        case .text(let text): text
        case .none: ""
        }
    }
}

/// Comma-separated values as RFC 4180 writes them.
enum CSV {
    static func document(_ rows: [[String]]) -> String {
        var output = ""
        for row in rows { output += row.map(field).joined(separator: ",") + "\r\n" }
        return output
    }

    static func field(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) else { return text }
        var quoted = "\""
        for character in text.unicodeScalars {
            if character == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(character) }
        }
        return quoted + "\""
    }
}
