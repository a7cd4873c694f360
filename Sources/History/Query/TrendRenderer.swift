import Disclosure

/// `history trend KEY`: one row per unit × year (× code) with the origin of its value, as text,
/// CSV or JSON. Pure.
///
/// JSON: `{"schema", "type": "trend", "key", "code", "points": [{"unit", "unit_key", "year",
/// "kind", "key", "code", "name", "value", "measure", "origin", "doc", "lines", "text", "amount",
/// "yuan", "value_text", "other_values": [{"value", "amount", "yuan", "value_text", "measure",
/// "origin", "doc", "doc_year", "lines"}]}]}` (the typed members as ``FactRecord`` writes them).
public struct TrendRenderer: Sendable {
    public init() {}

    public func text(_ points: [TrendPoint], key: FactKey, style: TextStyle = .plain) -> String {
        if points.isEmpty { return "no unit states \(key.rawValue)\n" }
        let classified = points.contains { $0.code != nil }
        var columns: [TextTable.Column] = [.init("unit"), .init("year", .right), .init("kind")]
        if classified { columns += [.init("code"), .init("name")] }
        // Money in one measure (万元, exact), whatever each document printed; other values as printed.
        let money = points.contains { $0.chosen.fact.money != nil }
        columns += [.init(money ? "value (\(Figures.shownMeasure.rawValue))" : "value", .decimal), .init("origin"), .init("evidence"), .init("also stated")]
        var table = TextTable(columns)
        for point in points {
            let fact = point.chosen.fact
            var row = [point.unitName, String(point.year), point.kind.rawValue]
            if classified { row += [point.code ?? "", fact.name ?? ""] }
            row += [Self.value(fact), point.origin.rawValue, Self.evidence(point.chosen),
                    point.otherValues.map { style.warning(Self.value($0.fact)) + " (\($0.fact.origin.rawValue), \(Self.evidence($0)))" }
                        .joined(separator: "; ")]
            table.append(row)
        }
        return ([style.bold(key.rawValue)] + table.lines(style: style)).joined(separator: "\n") + "\n"
    }

    static let csvHeader = ["unit", "unit_key", "year", "kind", "key", "code", "name", "value", "measure", "origin", "doc",
                            "first_line", "last_line", "other_values", "amount", "yuan", "value_text"]

    /// RFC 4180 with a header row; `other_values` lists `value origin doc:line` separated by `;`;
    /// `amount`, `yuan` and `value_text` are ``FactRecord``'s typed columns.
    public func csv(_ points: [TrendPoint]) -> String {
        var rows = [Self.csvHeader]
        for point in points {
            let fact = point.chosen.fact
            rows.append([point.unitName, point.unit.key, String(point.year), point.kind.rawValue, point.key.rawValue, point.code ?? "",
                         fact.name ?? "", FactsRenderer.plain(fact.value), fact.measure.rawValue, fact.origin.rawValue, point.chosen.document,
                         String(fact.source.firstLine), String(fact.source.lastLine),
                         point.otherValues.map { "\(FactsRenderer.plain($0.fact.value)) \($0.fact.origin.rawValue) \($0.document):\($0.fact.source.firstLine)" }
                            .joined(separator: ";")] + FactRecord.typedColumns(fact))
        }
        return CSV.document(rows)
    }

    public func json(_ points: [TrendPoint], key: FactKey, code: String?) -> String {
        JSONValue.object([
            ("schema", .int(JSONSchemaVersion.current)), ("type", .string("trend")), ("key", .string(key.rawValue)), ("code", .optional(code)),
            ("points", .array(points.map { point in
                let fact = point.chosen.fact
                return .object([
                    ("unit", .string(point.unitName)), ("unit_key", .string(point.unit.key)), ("year", .int(point.year)),
                    ("kind", .string(point.kind.rawValue)), ("key", .string(point.key.rawValue)), ("code", .optional(point.code)),
                    ("name", .optional(fact.name)), ("value", FactRecord.value(fact.value)),
                    ("measure", fact.measure == .text ? .null : .string(fact.measure.rawValue)), ("origin", .string(fact.origin.rawValue)),
                    ("doc", .string(point.chosen.document)), ("lines", .array([.int(fact.source.firstLine), .int(fact.source.lastLine)])),
                    ("text", .string(fact.source.text)),
                ] + FactRecord.typedValue(fact) + [
                    ("other_values", .array(point.otherValues.map { other in
                        .object([("value", FactRecord.value(other.fact.value))] + FactRecord.typedValue(other.fact) + [
                                 ("measure", other.fact.measure == .text ? .null : .string(other.fact.measure.rawValue)),
                                 ("origin", .string(other.fact.origin.rawValue)),
                                 ("doc", .string(other.document)), ("doc_year", .int(other.documentYear)),
                                 ("lines", .array([.int(other.fact.source.firstLine), .int(other.fact.source.lastLine)]))])
                    })),
                ])
            })),
        ]).serialized()
    }

    static func value(_ fact: Fact) -> String {
        if let money = fact.money { return Figures.amount(money) }
        return fact.amount?.grouped ?? FactsRenderer.plain(fact.value)
    }

    /// "c2024a1b2c3d4 line 104", or for a figure implied by a later document "implied by 2024 …".
    static func evidence(_ filed: FiledFact) -> String {
        let lines = filed.fact.source.firstLine == filed.fact.source.lastLine
            ? "line \(filed.fact.source.firstLine)" : "lines \(filed.fact.source.firstLine)–\(filed.fact.source.lastLine)"
        let place = "\(filed.document.prefix(12)) \(lines)"
        return filed.documentYear == filed.fact.year ? place : "\(filed.documentYear) \(filed.kind.rawValue) \(place)"
    }
}
