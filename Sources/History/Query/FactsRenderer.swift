import Disclosure

/// `history facts`: facts as FACTS.md defines them, in text, NDJSON, CSV or JSON. Pure.
///
/// One fact is a ``FactRecord``: its members, their order and the CSV columns are decided there.
public struct FactsRenderer: Sendable {
    public init() {}

    /// One compact JSON object per line.
    public func ndjson(_ facts: [FiledFact]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(facts.count * 640)
        for record in FactRecord.records(facts) {
            record.json.appendCompact(to: &output)
            output.append(0x0A)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `{"schema": 1, "type": "facts", "facts": [...]}`.
    public func json(_ facts: [FiledFact]) -> String {
        JSONValue.object([("schema", .int(JSONSchemaVersion.current)), ("type", .string("facts")),
                          ("facts", .array(FactRecord.records(facts).map(\.json)))]).serialized()
    }

    /// RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma or quote (``CSV``).
    public func csv(_ facts: [FiledFact], header: Bool = true) -> String {
        CSV.document((header ? [FactRecord.csvHeader] : []) + FactRecord.records(facts).map(\.csvRow))
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

    static func grouped(_ value: FactValue) -> String {
        switch value {
        case .amount(let amount): amount.grouped
        case .text(let text): text
        case .none: ""
        }
    }

    static func plain(_ value: FactValue) -> String { FactRecord.plain(value) }
}
