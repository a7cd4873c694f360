import Disclosure

/// One fact as every JSON and CSV output writes it: the one place its members, their order and
/// their form are decided (`facts`, `trend`'s points, the replay report).
///
/// A filed fact (`history facts`) has the members `schema, unit, unit_key, year, kind, key, code,
/// name, value, measure, origin, doc, lines, text, amount, yuan, value_text, page, doc_year,
/// ordinal`, then `of, base_year, delta, pct, reason, counterparty, base, share, project` when the
/// fact has them; a fact of one document (the replay report) leaves out what the document says
/// (`schema, unit, unit_key, kind, doc, doc_year, ordinal`). Typed columns for loaders: `amount`
/// is the number as printed (in `measure`), `yuan` the same sum of money in 元 (exact, from
/// `Fact.money`; null for counts, percents and text), both with two decimals always;
/// `value_text` a textual value; `value` stays as FACTS.md first defined it (a number or a string).
public struct FactRecord: Sendable {
    public var fact: Fact
    public var filed: FiledFact?
    /// 1 for the first fact of its document, key, year and code read on its lines, 2 for the
    /// next (收入总计 and 支出总计 printed on one line are both `grand.total`).
    public var ordinal: Int?

    public init(_ filed: FiledFact, ordinal: Int) {
        self.fact = filed.fact
        self.filed = filed
        self.ordinal = ordinal
    }

    /// A fact seen within its document, without the filing.
    public init(_ fact: Fact) {
        self.fact = fact
    }

    /// The records of `facts` in order, each with its ordinal among the facts of the list.
    public static func records(_ facts: [FiledFact]) -> [FactRecord] {
        var seen: [OrdinalKey: Int] = [:]
        return facts.map { filed in
            let key = OrdinalKey(filed)
            let ordinal = (seen[key] ?? 0) + 1
            seen[key] = ordinal
            return FactRecord(filed, ordinal: ordinal)
        }
    }

    private struct OrdinalKey: Hashable {
        var document: String, key: FactKey, year: Int, code: String?, firstLine: Int, lastLine: Int
        init(_ filed: FiledFact) {
            (document, key, year, code) = (filed.document, filed.fact.key, filed.fact.year, filed.fact.code)
            (firstLine, lastLine) = (filed.fact.source.firstLine, filed.fact.source.lastLine)
        }
    }

    // MARK: JSON

    public var json: JSONValue {
        var members: [(String, JSONValue)] = []
        if let filed {
            members += [("schema", .int(Fact.schema)), ("unit", .string(filed.unitName)), ("unit_key", .string(filed.unit.key)),
                        ("year", .int(fact.year)), ("kind", .string(filed.kind.rawValue))]
        } else {
            members.append(("year", .int(fact.year)))
        }
        members += [("key", .string(fact.key.rawValue)), ("code", .optional(fact.code)), ("name", .optional(fact.name)),
                    ("value", Self.value(fact.value)), ("measure", fact.measure == .text ? .null : .string(fact.measure.rawValue)),
                    ("origin", .string(fact.origin.rawValue))]
        if let filed { members.append(("doc", .string(filed.document))) }
        members += [("lines", .array([.int(fact.source.firstLine), .int(fact.source.lastLine)])), ("text", .string(fact.source.text))]
        members += Self.typedValue(fact)
        members.append(("page", fact.source.page.map { .int($0) } ?? .null))
        if let filed { members.append(("doc_year", .int(filed.documentYear))) }
        if let ordinal { members.append(("ordinal", .int(ordinal))) }
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

    /// `amount`, `yuan` and `value_text`: one JSON type per member, null where it does not apply.
    static func typedValue(_ fact: Fact) -> [(String, JSONValue)] {
        [("amount", fact.amount.map { .number(fixed($0)) } ?? .null), ("yuan", fact.money.map { .number(fixed($0.yuan)) } ?? .null),
         ("value_text", .optional(textValue(fact.value)))]
    }

    /// Always two decimals (5.00, -220.84, 164978640.00): a loader infers one type for the
    /// column from any sample of rows, where the shortest form (5, 2263.86) lets a sample of
    /// whole figures make it an integer column that a later 2263.86 breaks.
    static func fixed(_ amount: Amount) -> String {
        let magnitude = amount.hundredths.magnitude
        let fraction = magnitude % 100
        return (amount.hundredths < 0 ? "-" : "") + String(magnitude / 100) + (fraction < 10 ? ".0" : ".") + String(fraction)
    }

    static func value(_ value: FactValue) -> JSONValue {
        switch value {
        case .amount(let amount): .amount(amount)
        case .text(let text): .string(text)
        case .none: .null
        }
    }

    static func textValue(_ value: FactValue) -> String? {
        if case .text(let text) = value { return text }
        return nil
    }

    // MARK: CSV

    /// The CSV columns of a filed fact: FACTS.md's first 24, then the typed ones.
    public static let csvHeader = ["schema", "unit", "unit_key", "year", "kind", "key", "code", "name", "value", "measure", "origin", "doc",
                                   "first_line", "last_line", "text", "of", "base_year", "delta", "pct", "reason", "counterparty",
                                   "base", "share", "project", "amount", "yuan", "value_text", "page", "doc_year", "ordinal"]

    /// The row under ``csvHeader`` (a fact without filing leaves the filing's columns empty).
    public var csvRow: [String] {
        let fact = fact
        return [
            String(Fact.schema), filed?.unitName ?? "", filed?.unit.key ?? "", String(fact.year), filed?.kind.rawValue ?? "", fact.key.rawValue,
            fact.code ?? "", fact.name ?? "", Self.plain(fact.value), fact.measure.rawValue, fact.origin.rawValue, filed?.document ?? "",
            String(fact.source.firstLine), String(fact.source.lastLine), fact.source.text, fact.of?.rawValue ?? "",
            fact.baseYear.map(String.init) ?? "", fact.delta?.description ?? "", fact.pct?.description ?? "",
            fact.reason ?? "", fact.counterparty ?? "", fact.base?.rawValue ?? "", fact.share?.description ?? "", fact.project ?? "",
        ] + Self.typedColumns(fact) + [fact.source.page.map(String.init) ?? "", filed.map { String($0.documentYear) } ?? "",
                                        ordinal.map(String.init) ?? ""]
    }

    /// `amount`, `yuan`, `value_text` as CSV fields: empty where they do not apply.
    static func typedColumns(_ fact: Fact) -> [String] {
        [fact.amount.map(fixed) ?? "", fact.money.map { fixed($0.yuan) } ?? "", textValue(fact.value) ?? ""]
    }

    static func plain(_ value: FactValue) -> String {
        switch value {
        case .amount(let amount): amount.description
        case .text(let text): text
        case .none: ""
        }
    }
}
