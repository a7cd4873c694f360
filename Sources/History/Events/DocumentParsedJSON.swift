import Disclosure

/// The JSON of a ``DocumentParsed`` payload written by hand, byte for byte what
/// `HistoryEvent.makeEncoder()` (JSONEncoder, sorted keys, unescaped slashes) writes for it.
///
/// Why: JSONEncoder boxes every value, builds a dictionary per object and sorts its keys, which
/// cost `history import` three times as much as parsing (Tools/bench, README "Performance").
/// A payload is ~200 facts, each with a source snippet; here each object's keys are written in
/// their sorted order directly into one byte buffer. `DocumentParsedJSONTests` checks the bytes
/// against JSONEncoder for every document of the sample corpus and for awkward strings.
enum DocumentParsedJSON {
    static func encode(_ payload: DocumentParsed) -> [UInt8] {
        var out = JSONBytes()
        out.reserve(payload.parsed.facts.count * 320 + 256)
        out.open()
        out.key("contentHash", first: true); out.string(payload.contentHash)
        out.key("parsed"); parsed(payload.parsed, into: &out)
        out.key("parserVersion"); out.integer(payload.parserVersion)
        if let encoding = payload.textEncoding { out.key("textEncoding"); out.string(encoding) }
        out.close()
        return out.bytes
    }

    private static func parsed(_ parsed: ParsedDisclosure, into out: inout JSONBytes) {
        out.open()
        out.key("facts", first: true)
        out.array(parsed.facts) { fact($0, into: &$1) }
        out.key("identity"); identity(parsed.identity, into: &out)
        out.key("warnings")
        out.array(parsed.warnings) { warning($0, into: &$1) }
        out.close()
    }

    private static func identity(_ identity: DocumentIdentity, into out: inout JSONBytes) {
        out.open()
        out.key("evidence", first: true)
        out.array(identity.evidence) { evidence, out in
            out.open()
            out.key("field", first: true); out.string(evidence.field.rawValue)
            out.key("line"); out.integer(evidence.line)
            out.key("source"); out.string(evidence.source.rawValue)
            out.key("text"); out.string(evidence.text)
            out.close()
        }
        out.key("kind"); out.string(identity.kind.rawValue)
        out.key("otherNames"); out.array(identity.otherNames) { $1.string($0) }
        if let published = identity.published { out.key("published"); out.string(published) }
        out.key("scope"); out.string(identity.scope.rawValue)
        out.key("unit"); out.string(identity.unit)
        out.key("year"); out.integer(identity.year)
        out.close()
    }

    // Sorted keys: base baseYear code counterparty delta key measure name of origin pct project reason
    // share source value year. A field added to Fact must be added here (a test counts them).
    private static func fact(_ fact: Fact, into out: inout JSONBytes) {
        out.open()
        var first = true
        func key(_ name: StaticString) {
            out.key(name, first: first)
            first = false
        }
        if let base = fact.base { key("base"); out.string(base.rawValue) }
        if let baseYear = fact.baseYear { key("baseYear"); out.integer(baseYear) }
        if let code = fact.code { key("code"); out.string(code) }
        if let counterparty = fact.counterparty { key("counterparty"); out.string(counterparty) }
        if let delta = fact.delta { key("delta"); amount(delta, into: &out) }
        key("key"); out.string(fact.key.rawValue)
        key("measure"); out.string(fact.measure.rawValue)
        if let name = fact.name { key("name"); out.string(name) }
        if let of = fact.of { key("of"); out.string(of.rawValue) }
        key("origin"); out.string(fact.origin.rawValue)
        if let pct = fact.pct { key("pct"); amount(pct, into: &out) }
        if let project = fact.project { key("project"); out.string(project) }
        if let reason = fact.reason { key("reason"); out.string(reason) }
        if let share = fact.share { key("share"); amount(share, into: &out) }
        key("source"); span(fact.source, into: &out)
        key("value"); value(fact.value, into: &out)
        key("year"); out.integer(fact.year)
        out.close()
    }

    private static func warning(_ warning: ParseWarning, into out: inout JSONBytes) {
        out.open()
        out.key("message", first: true); out.string(warning.message)
        out.key("rule"); out.string(warning.rule.rawValue)
        if let source = warning.source { out.key("source"); span(source, into: &out) }
        out.close()
    }

    private static func span(_ span: SourceSpan, into out: inout JSONBytes) {
        out.open()
        out.key("firstLine", first: true); out.integer(span.firstLine)
        out.key("lastLine"); out.integer(span.lastLine)
        if let page = span.page { out.key("page"); out.integer(page) }
        out.key("text"); out.string(span.text)
        out.close()
    }

    /// An exact decimal as a JSON string: "2263.86" (``Amount``'s Codable form).
    private static func amount(_ amount: Amount, into out: inout JSONBytes) {
        out.string(amount.description)
    }

    /// `{"amount":"2263.86"}`, `{"text":"据实"}` or `{}` (``FactValue``'s Codable form).
    private static func value(_ value: FactValue, into out: inout JSONBytes) {
        out.open()
        switch value {
        case .amount(let amount): out.key("amount", first: true); self.amount(amount, into: &out)
        case .text(let text): out.key("text", first: true); out.string(text)
        case .none: break
        }
        out.close()
    }
}

/// A growing buffer of JSON bytes with JSONEncoder's escaping.
struct JSONBytes {
    private(set) var bytes: [UInt8] = []

    mutating func reserve(_ count: Int) { bytes.reserveCapacity(count) }
    mutating func open() { bytes.append(UInt8(ascii: "{")) }
    mutating func close() { bytes.append(UInt8(ascii: "}")) }

    mutating func key(_ name: StaticString, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func array<T>(_ elements: [T], _ write: (T, inout JSONBytes) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            write(element, &self)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Decimal digits written in place: `String(value)` allocated a string per number, 3% of an import.
    mutating func integer(_ value: some BinaryInteger) {
        let value = Int64(value)
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }

    /// The log payload's strings are written by ``JSONString``, the one JSON string writer, so
    /// they agree with JSONEncoder byte for byte (`DocumentParsedJSONTests`).
    mutating func string(_ text: String) {
        JSONString.append(text, to: &bytes)
    }
}
