import Disclosure
import Foundation

/// Reading a ``DocumentParsed`` payload back without JSONDecoder.
///
/// Why: replay, rebuild and verify read every stored parse, and JSONDecoder spent ~6 ms on a
/// 250-fact payload — more than parsing the document again. This reads the bytes in one pass
/// into the model types, in either schema version (amounts as decimal strings, version 2, or
/// as `{"hundredths": …}` under `_0`, version 1). It accepts what the model's Codable accepts (keys in any order,
/// whitespace, every escape, `null` for an absent optional, unknown keys ignored); on anything it
/// is not sure to read exactly as JSONDecoder does (duplicate keys, `1.0` for an integer, an
/// escaped key, malformed JSON) it hands the bytes to JSONDecoder, which reads them or throws.
/// `DocumentParsedJSONDecodingTests` compares the two on every corpus and fixture document.
extension DocumentParsedJSON {
    static func decode(_ bytes: [UInt8]) throws -> DocumentParsed {
        if let payload = decodeWithoutFallback(bytes) { return payload }
        return try JSONDecoder().decode(DocumentParsed.self, from: Data(bytes))
    }

    /// The payload read by the byte scanner; `nil` when only JSONDecoder can say what the bytes are.
    static func decodeWithoutFallback(_ bytes: [UInt8]) -> DocumentParsed? {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            guard let payload = try? payload(&scanner), scanner.isAtEnd else { return nil }
            return payload
        }
    }

    private static func payload(_ scanner: inout JSONScanner) throws -> DocumentParsed {
        var contentHash: String?, parsed: ParsedDisclosure?, parserVersion: Int?, textEncoding: String?
        var seen = Fields()
        try scanner.object { scanner, key in
            if key.spells("contentHash") { try seen.mark(0); contentHash = try scanner.string() }
            else if key.spells("parsed") { try seen.mark(1); parsed = try self.parsed(&scanner) }
            else if key.spells("parserVersion") { try seen.mark(2); parserVersion = try scanner.integer() }
            else if key.spells("textEncoding") { try seen.mark(3); textEncoding = scanner.consumeNull() ? nil : try scanner.string() }
            else { try scanner.skipValue() }
        }
        guard let contentHash, let parsed, let parserVersion else { throw JSONScanner.Unread() }
        return DocumentParsed(contentHash: contentHash, parserVersion: parserVersion, textEncoding: textEncoding, parsed: parsed)
    }

    private static func parsed(_ scanner: inout JSONScanner) throws -> ParsedDisclosure {
        var facts: [Fact]?, identity: DocumentIdentity?, warnings: [ParseWarning]?
        var seen = Fields()
        try scanner.object { scanner, key in
            if key.spells("facts") {
                try seen.mark(0)
                var list: [Fact] = []
                try scanner.array { list.append(try fact(&$0)) }
                facts = list
            } else if key.spells("identity") {
                try seen.mark(1)
                identity = try self.identity(&scanner)
            } else if key.spells("warnings") {
                try seen.mark(2)
                var list: [ParseWarning] = []
                try scanner.array { list.append(try warning(&$0)) }
                warnings = list
            } else {
                try scanner.skipValue()
            }
        }
        guard let facts, let identity, let warnings else { throw JSONScanner.Unread() }
        return ParsedDisclosure(identity: identity, facts: facts, warnings: warnings)
    }

    /// An identity; `scope` and `evidence` are absent from payloads written before they existed.
    private static func identity(_ scanner: inout JSONScanner) throws -> DocumentIdentity {
        var kind: DisclosureKind?, otherNames: [String]?, published: String?, unit: String?, year: Int?
        var scope = DisclosureScope.department, evidence: [IdentityEvidence] = []
        var seen = Fields()
        try scanner.object { scanner, key in
            if key.spells("kind") { try seen.mark(0); kind = try rawValue(&scanner) }
            else if key.spells("otherNames") {
                try seen.mark(1)
                var names: [String] = []
                try scanner.array { names.append(try $0.string()) }
                otherNames = names
            }
            else if key.spells("published") { try seen.mark(2); published = scanner.consumeNull() ? nil : try scanner.string() }
            else if key.spells("unit") { try seen.mark(3); unit = try scanner.string() }
            else if key.spells("year") { try seen.mark(4); year = try scanner.integer() }
            else if key.spells("scope") { try seen.mark(5); scope = try rawValue(&scanner) }
            else if key.spells("evidence") {
                try seen.mark(6)
                try scanner.array { evidence.append(try self.evidence(&$0)) }
            }
            else { try scanner.skipValue() }
        }
        guard let kind, let otherNames, let unit, let year else { throw JSONScanner.Unread() }
        return DocumentIdentity(unit: unit, year: year, kind: kind, scope: scope, published: published, otherNames: otherNames,
                                evidence: evidence)
    }

    private static func evidence(_ scanner: inout JSONScanner) throws -> IdentityEvidence {
        var field: IdentityField?, source: IdentitySource?, line: Int?, text: String?
        var seen = Fields()
        try scanner.object { scanner, key in
            if key.spells("field") { try seen.mark(0); field = try rawValue(&scanner) }
            else if key.spells("source") { try seen.mark(1); source = try rawValue(&scanner) }
            else if key.spells("line") { try seen.mark(2); line = try scanner.integer() }
            else if key.spells("text") { try seen.mark(3); text = try scanner.string() }
            else { try scanner.skipValue() }
        }
        guard let field, let source, let line, let text else { throw JSONScanner.Unread() }
        return IdentityEvidence(field: field, source: source, line: line, text: text)
    }

    private static func fact(_ scanner: inout JSONScanner) throws -> Fact {
        var key: FactKey?, year: Int?, value: FactValue?, measure: Measure?, origin: Origin?, source: SourceSpan?
        var code: String?, name: String?, of: FactKey?, baseYear: Int?, delta: Amount?, pct: Amount?
        var reason: String?, counterparty: String?, base: FactKey?, share: Amount?, project: String?
        var seen = Fields()
        func optionalString(_ scanner: inout JSONScanner) throws -> String? { scanner.consumeNull() ? nil : try scanner.string() }
        func optionalAmount(_ scanner: inout JSONScanner) throws -> Amount? { scanner.consumeNull() ? nil : try amount(&scanner) }
        func optionalKey(_ scanner: inout JSONScanner) throws -> FactKey? { scanner.consumeNull() ? nil : try factKey(&scanner) }
        try scanner.object { scanner, field in
            // By length first: most keys are then told apart by one comparison.
            switch field.count {
            case 2 where field.spells("of"): try seen.mark(0); of = try optionalKey(&scanner)
            case 3 where field.spells("key"): try seen.mark(1); key = try factKey(&scanner)
            case 3 where field.spells("pct"): try seen.mark(2); pct = try optionalAmount(&scanner)
            case 4 where field.spells("base"): try seen.mark(3); base = try optionalKey(&scanner)
            case 4 where field.spells("code"): try seen.mark(4); code = try optionalString(&scanner)
            case 4 where field.spells("name"): try seen.mark(5); name = try optionalString(&scanner)
            case 4 where field.spells("year"): try seen.mark(6); year = try scanner.integer()
            case 5 where field.spells("delta"): try seen.mark(7); delta = try optionalAmount(&scanner)
            case 5 where field.spells("share"): try seen.mark(8); share = try optionalAmount(&scanner)
            case 5 where field.spells("value"): try seen.mark(9); value = try factValue(&scanner)
            case 6 where field.spells("origin"): try seen.mark(10); origin = try rawValue(&scanner)
            case 6 where field.spells("reason"): try seen.mark(11); reason = try optionalString(&scanner)
            case 6 where field.spells("source"): try seen.mark(12); source = try span(&scanner)
            case 7 where field.spells("measure"): try seen.mark(13); measure = try rawValue(&scanner)
            case 7 where field.spells("project"): try seen.mark(14); project = try optionalString(&scanner)
            case 8 where field.spells("baseYear"): try seen.mark(15); baseYear = scanner.consumeNull() ? nil : try scanner.integer()
            case 12 where field.spells("counterparty"): try seen.mark(16); counterparty = try optionalString(&scanner)
            default: try scanner.skipValue()
            }
        }
        guard let key, let year, let value, let measure, let origin, let source else { throw JSONScanner.Unread() }
        return Fact(key: key, year: year, code: code, name: name, value: value, measure: measure, origin: origin, source: source,
                    of: of, baseYear: baseYear, delta: delta, pct: pct, reason: reason, counterparty: counterparty,
                    base: base, share: share, project: project)
    }

    private static func warning(_ scanner: inout JSONScanner) throws -> ParseWarning {
        var message: String?, rule: WarningRule?, source: SourceSpan?
        var seen = Fields()
        try scanner.object { scanner, key in
            if key.spells("message") { try seen.mark(0); message = try scanner.string() }
            else if key.spells("rule") { try seen.mark(1); rule = try rawValue(&scanner) }
            else if key.spells("source") { try seen.mark(2); source = scanner.consumeNull() ? nil : try span(&scanner) }
            else { try scanner.skipValue() }
        }
        guard let message, let rule else { throw JSONScanner.Unread() }
        return ParseWarning(rule: rule, message: message, source: source)
    }

    private static func span(_ scanner: inout JSONScanner) throws -> SourceSpan {
        var firstLine: Int?, lastLine: Int?, page: Int?, text: String?
        var seen = Fields()
        try scanner.object { scanner, key in
            if key.spells("firstLine") { try seen.mark(0); firstLine = try scanner.integer() }
            else if key.spells("lastLine") { try seen.mark(1); lastLine = try scanner.integer() }
            else if key.spells("page") { try seen.mark(2); page = scanner.consumeNull() ? nil : try scanner.integer() }
            else if key.spells("text") { try seen.mark(3); text = try scanner.string() }
            else { try scanner.skipValue() }
        }
        guard let firstLine, let lastLine, let text else { throw JSONScanner.Unread() }
        return SourceSpan(firstLine: firstLine, lastLine: lastLine, text: text, page: page)
    }

    /// A decimal string ("2263.86"), or the first release's `{"hundredths": 226386}`.
    private static func amount(_ scanner: inout JSONScanner) throws -> Amount {
        if scanner.next == UInt8(ascii: "\"") {
            guard let amount = Amount(exactDecimal: try scanner.string()) else { throw JSONScanner.Unread() }
            return amount
        }
        var hundredths: Int64?
        var seen = Fields()
        try scanner.object { scanner, key in
            if key.spells("hundredths") { try seen.mark(0); hundredths = try scanner.integer() }
            else { try scanner.skipValue() }
        }
        guard let hundredths else { throw JSONScanner.Unread() }
        return Amount(hundredths: hundredths)
    }

    /// `{"amount":"2263.86"}`, `{"text":"据实"}`, `{}`; or the first release's synthesised
    /// Codable, the value under `_0` (`{"amount":{"_0":{"hundredths":…}}}`, `{"none":{}}`).
    /// Anything more unusual (an extra key) is left to JSONDecoder.
    private static func factValue(_ scanner: inout JSONScanner) throws -> FactValue {
        var value: FactValue?
        try scanner.object { scanner, key in
            guard value == nil else { throw JSONScanner.Unread() }
            let wrapped = scanner.next == UInt8(ascii: "{")
            if key.spells("amount") {
                value = .amount(wrapped ? try single(&scanner) { try amount(&$0) } : try amount(&scanner))
            } else if key.spells("text") {
                value = .text(wrapped ? try single(&scanner) { try $0.string() } : try scanner.string())
            } else if key.spells("none") {
                try scanner.object { _, _ in throw JSONScanner.Unread() }
                value = FactValue.none
            } else {
                throw JSONScanner.Unread()
            }
        }
        return value ?? .none
    }

    private static func single<T>(_ scanner: inout JSONScanner, _ read: (inout JSONScanner) throws -> T) throws -> T {
        var result: T?
        try scanner.object { scanner, key in
            guard result == nil, key.spells("_0") else { throw JSONScanner.Unread() }
            result = try read(&scanner)
        }
        guard let result else { throw JSONScanner.Unread() }
        return result
    }

    private static func rawValue<T: RawRepresentable<String>>(_ scanner: inout JSONScanner) throws -> T {
        guard let value = T(rawValue: try scanner.string()) else { throw JSONScanner.Unread() }
        return value
    }

    /// FactKey has ~100 cases: a table beats its synthesised `init(rawValue:)`, which compares in turn.
    private static let factKeys = Dictionary(uniqueKeysWithValues: FactKey.allCases.map { ($0.rawValue, $0) })

    private static func factKey(_ scanner: inout JSONScanner) throws -> FactKey {
        guard let key = factKeys[try scanner.string()] else { throw JSONScanner.Unread() }
        return key
    }
}

/// Which fields of one object have been read: a key seen twice is left to JSONDecoder.
private struct Fields {
    private var mask: UInt32 = 0

    mutating func mark(_ field: Int) throws {
        let bit: UInt32 = 1 << UInt32(field)
        guard mask & bit == 0 else { throw JSONScanner.Unread() }
        mask |= bit
    }
}
