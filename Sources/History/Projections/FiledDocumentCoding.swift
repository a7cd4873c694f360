import Disclosure
import EventLog

/// The value of one document in `projection/facts/documents`: the whole ``FiledDocument``
/// (filing sequence, source name, identity, facts, warnings), so a query reads one value per
/// document and nothing else.
///
/// Layout (README "On-disk format"): format byte `1`; sequence; source name; identity; a string
/// table (every key, code, name, measure, snippet and reason once, then referred to by index);
/// the facts; the warnings. Amounts are zig-zag varints of hundredths, never floats.
enum FiledDocumentCoding {
    static let format: UInt8 = 1
    static let database = "projection/facts/documents"

    // Bits of a fact's presence mask: which optional fields follow.
    private static let hasCode: UInt64 = 1, hasName: UInt64 = 2, hasOf: UInt64 = 4, hasBaseYear: UInt64 = 8
    private static let hasDelta: UInt64 = 16, hasPct: UInt64 = 32, hasReason: UInt64 = 64
    private static let hasCounterparty: UInt64 = 128, hasPage: UInt64 = 256
    private static let hasBase: UInt64 = 512, hasShare: UInt64 = 1024, hasProject: UInt64 = 2048

    static func encode(_ document: FiledDocument) -> [UInt8] {
        encode(document, body: body(document.disclosure))
    }

    /// The value of `document` whose ``body(_:)`` was encoded already (``PreparedFold``).
    static func encode(_ document: FiledDocument, body: [UInt8]) -> [UInt8] {
        var head = ByteWriter(capacity: body.count + document.sourceName.utf8.count + 64)
        head.byte(format)
        head.varint(document.sequence)
        head.string(document.sourceName)
        head.raw(ContentHash.bytes(document.contentHash))
        head.raw(body)
        return head.bytes
    }

    /// Everything of a document's value after its filing header (format, sequence, source name,
    /// hash): its identity, string table, facts and warnings, which depend on the parse alone,
    /// so they can be encoded before the write transaction, on any thread.
    static func body(_ disclosure: ParsedDisclosure) -> [UInt8] {
        var table = StringTable(capacity: disclosure.facts.count * 2 + disclosure.warnings.count * 2 + 16)
        var body = ByteWriter(capacity: disclosure.facts.count * 24 + 256)
        body.varint(disclosure.facts.count)
        for fact in disclosure.facts {
            var mask: UInt64 = 0
            if fact.code != nil { mask |= hasCode }
            if fact.name != nil { mask |= hasName }
            if fact.of != nil { mask |= hasOf }
            if fact.baseYear != nil { mask |= hasBaseYear }
            if fact.delta != nil { mask |= hasDelta }
            if fact.pct != nil { mask |= hasPct }
            if fact.reason != nil { mask |= hasReason }
            if fact.counterparty != nil { mask |= hasCounterparty }
            if fact.source.page != nil { mask |= hasPage }
            if fact.base != nil { mask |= hasBase }
            if fact.share != nil { mask |= hasShare }
            if fact.project != nil { mask |= hasProject }
            body.varint(mask)
            body.varint(table.index(fact.key.rawValue))
            body.signed(Int64(fact.year))
            if let code = fact.code { body.varint(table.index(code)) }
            if let name = fact.name { body.varint(table.index(name)) }
            switch fact.value {
            case .amount(let amount): body.byte(0); body.signed(amount.hundredths)
            case .text(let text): body.byte(1); body.varint(table.index(text))
            case .none: body.byte(2)
            }
            body.varint(table.index(fact.measure.rawValue))
            body.byte(originCode(fact.origin))
            writeSpan(fact.source, into: &body, table: &table)
            if let of = fact.of { body.varint(table.index(of.rawValue)) }
            if let baseYear = fact.baseYear { body.signed(Int64(baseYear)) }
            if let delta = fact.delta { body.signed(delta.hundredths) }
            if let pct = fact.pct { body.signed(pct.hundredths) }
            if let reason = fact.reason { body.varint(table.index(reason)) }
            if let counterparty = fact.counterparty { body.varint(table.index(counterparty)) }
            if let base = fact.base { body.varint(table.index(base.rawValue)) }
            if let share = fact.share { body.signed(share.hundredths) }
            if let project = fact.project { body.varint(table.index(project)) }
        }
        body.varint(disclosure.warnings.count)
        for warning in disclosure.warnings {
            body.varint(table.index(warning.rule.rawValue))
            body.varint(table.index(warning.message))
            if let source = warning.source {
                body.byte(source.page == nil ? 1 : 2)
                writeSpan(source, into: &body, table: &table)
            } else {
                body.byte(0)
            }
        }

        var rest = ByteWriter(capacity: body.bytes.count + table.byteCount + 128)
        IdentityCoding.write(disclosure.identity, into: &rest)
        rest.varint(table.strings.count)
        for string in table.strings { rest.string(string) }
        rest.raw(body.bytes)
        return rest.bytes
    }

    static func decode(_ bytes: [UInt8]) throws -> FiledDocument {
        var reader = ByteReader(bytes, origin: database)
        guard try reader.byte() == format else { throw reader.corrupt("has a format this build does not know") }
        let sequence = try reader.varint()
        let sourceName = try reader.string()
        let hash = ContentHash.hex(try reader.raw(32))
        let identity = try IdentityCoding.read(&reader)
        let strings = try (0..<reader.int()).map { _ in try reader.string() }
        func string(_ reader: inout ByteReader) throws -> String {
            let index = try reader.int()
            guard index < strings.count else { throw reader.corrupt("refers to a string it does not hold") }
            return strings[index]
        }
        func key(_ reader: inout ByteReader) throws -> FactKey {
            let raw = try string(&reader)
            guard let key = FactKey(rawValue: raw) else { throw reader.corrupt("has a fact key this build does not know (\(raw))") }
            return key
        }
        var facts: [Fact] = []
        let factCount = try reader.int()
        facts.reserveCapacity(factCount)
        for _ in 0..<factCount {
            let mask = try reader.varint()
            let factKey = try key(&reader)
            let year = Int(try reader.signed())
            let code = mask & hasCode != 0 ? try string(&reader) : nil
            let name = mask & hasName != 0 ? try string(&reader) : nil
            let value: FactValue
            switch try reader.byte() {
            case 0: value = .amount(Amount(hundredths: try reader.signed()))
            case 1: value = .text(try string(&reader))
            case 2: value = .none
            default: throw reader.corrupt("has an unknown kind of value")
            }
            let measureText = try string(&reader)
            guard let measure = Measure(rawValue: measureText) else { throw reader.corrupt("has an unknown measure (\(measureText))") }
            let origin = try originFromCode(try reader.byte(), &reader)
            let source = try readSpan(&reader, hasPage: mask & hasPage != 0, string: string)
            var fact = Fact(key: factKey, year: year, code: code, name: name, value: value, measure: measure, origin: origin, source: source)
            if mask & hasOf != 0 { fact.of = try key(&reader) }
            if mask & hasBaseYear != 0 { fact.baseYear = Int(try reader.signed()) }
            if mask & hasDelta != 0 { fact.delta = Amount(hundredths: try reader.signed()) }
            if mask & hasPct != 0 { fact.pct = Amount(hundredths: try reader.signed()) }
            if mask & hasReason != 0 { fact.reason = try string(&reader) }
            if mask & hasCounterparty != 0 { fact.counterparty = try string(&reader) }
            if mask & hasBase != 0 { fact.base = try key(&reader) }
            if mask & hasShare != 0 { fact.share = Amount(hundredths: try reader.signed()) }
            if mask & hasProject != 0 { fact.project = try string(&reader) }
            facts.append(fact)
        }
        var warnings: [ParseWarning] = []
        for _ in 0..<(try reader.int()) {
            let ruleText = try string(&reader)
            guard let rule = WarningRule(rawValue: ruleText) else { throw reader.corrupt("has an unknown warning rule (\(ruleText))") }
            let message = try string(&reader)
            let sourceKind = try reader.byte()
            let source = sourceKind == 0 ? nil : try readSpan(&reader, hasPage: sourceKind == 2, string: string)
            warnings.append(ParseWarning(rule: rule, message: message, source: source))
        }
        return FiledDocument(contentHash: hash, sequence: sequence, sourceName: sourceName,
                             disclosure: ParsedDisclosure(identity: identity, facts: facts, warnings: warnings))
    }

    private static func writeSpan(_ span: SourceSpan, into writer: inout ByteWriter, table: inout StringTable) {
        writer.varint(span.firstLine)
        writer.varint(span.lastLine - span.firstLine)
        writer.varint(table.index(span.text))
        if let page = span.page { writer.varint(page) }
    }

    private static func readSpan(_ reader: inout ByteReader, hasPage: Bool,
                                 string: (inout ByteReader) throws -> String) throws -> SourceSpan {
        let first = try reader.int()
        let last = first + (try reader.int())
        let text = try string(&reader)
        let page = hasPage ? try reader.int() : nil
        return SourceSpan(firstLine: first, lastLine: last, text: text, page: page)
    }

    private static func originCode(_ origin: Origin) -> UInt8 {
        switch origin {
        case .table: 0
        case .narrative: 1
        case .implied: 2
        }
    }

    private static func originFromCode(_ code: UInt8, _ reader: inout ByteReader) throws -> Origin {
        switch code {
        case 0: .table
        case 1: .narrative
        case 2: .implied
        default: throw reader.corrupt("has an unknown origin")
        }
    }
}

/// A document's identity in the same compact form, shared by the fact index and the registry.
///
/// unit, year, kind byte (bit 0 预算, bit 1 单位; ``kindByte``), published flag + text, other
/// names, then the evidence: count, and per line field byte, source byte, line, text.
enum IdentityCoding {
    static func write(_ identity: DocumentIdentity, into writer: inout ByteWriter) {
        writer.string(identity.unit)
        writer.signed(Int64(identity.year))
        writer.byte(kindByte(identity))
        if let published = identity.published {
            writer.byte(1)
            writer.string(published)
        } else {
            writer.byte(0)
        }
        writer.varint(identity.otherNames.count)
        for name in identity.otherNames { writer.string(name) }
        writer.varint(identity.evidence.count)
        for evidence in identity.evidence {
            writer.byte(UInt8(IdentityField.allCases.firstIndex(of: evidence.field)!))
            writer.byte(UInt8(IdentitySource.allCases.firstIndex(of: evidence.source)!))
            writer.varint(evidence.line)
            writer.string(evidence.text)
        }
    }

    static func read(_ reader: inout ByteReader) throws -> DocumentIdentity {
        let unit = try reader.string()
        let year = Int(try reader.signed())
        let (kind, scope) = try kind(reader.byte(), &reader)
        let published = try reader.byte() == 1 ? try reader.string() : nil
        let otherNames = try (0..<reader.int()).map { _ in try reader.string() }
        let evidence = try (0..<reader.int()).map { _ in
            let field = Int(try reader.byte()), source = Int(try reader.byte())
            guard field < IdentityField.allCases.count, source < IdentitySource.allCases.count else {
                throw reader.corrupt("has unknown identity evidence")
            }
            return IdentityEvidence(field: IdentityField.allCases[field], source: IdentitySource.allCases[source],
                                    line: try reader.int(), text: try reader.string())
        }
        return DocumentIdentity(unit: unit, year: year, kind: kind, scope: scope, published: published, otherNames: otherNames,
                                evidence: evidence)
    }

    /// 0 部门决算, 1 部门预算, 2 单位决算, 3 单位预算.
    static func kindByte(_ identity: DocumentIdentity) -> UInt8 {
        (identity.kind == .budget ? 1 : 0) | (identity.scope == .unit ? 2 : 0)
    }

    static func kind(_ byte: UInt8, _ reader: inout ByteReader) throws -> (DisclosureKind, DisclosureScope) {
        guard byte < 4 else { throw reader.corrupt("has an unknown kind") }
        return (byte & 1 == 1 ? .budget : .finalAccount, byte & 2 == 2 ? .unit : .department)
    }
}

/// Strings numbered in the order first seen, so a repeated key or name costs one varint.
///
/// Keyed by UTF-8 bytes, not by String: String's `==` and hashing follow canonical equivalence
/// (hashing normalises non-ASCII text to NFC, most of a rebuild's time), and two spellings that
/// are equivalent but not identical must keep their own bytes.
private struct StringTable {
    private(set) var strings: [String] = []
    private var indices: [UTF8Key: Int] = [:]
    private(set) var byteCount = 0

    /// Room for about `capacity` distinct strings: growing the dictionary rehashes every key.
    init(capacity: Int) {
        strings.reserveCapacity(capacity)
        indices.reserveCapacity(capacity)
    }

    mutating func index(_ string: String) -> Int {
        let key = UTF8Key(string)
        if let index = indices[key] { return index }
        indices[key] = strings.count
        strings.append(string)
        byteCount += string.utf8.count + 2
        return strings.count - 1
    }
}

/// A String compared and hashed by its UTF-8 bytes.
private struct UTF8Key: Hashable {
    var string: String

    init(_ string: String) {
        self.string = string
        self.string.makeContiguousUTF8()
    }

    static func == (lhs: UTF8Key, rhs: UTF8Key) -> Bool {
        lhs.string.utf8.count == rhs.string.utf8.count && lhs.withUTF8 { left in rhs.withUTF8 { left.hasSameBytes(as: $0) } }
    }

    /// The length and at most 16 bytes from each end: hashing every byte of every snippet was
    /// most of the table's cost, and snippets that differ almost always differ in length or at
    /// their ends (the figures). Equality still compares every byte.
    func hash(into hasher: inout Hasher) {
        withUTF8 { utf8 in
            hasher.combine(utf8.count)
            guard utf8.count > 32 else { return hasher.combine(bytes: UnsafeRawBufferPointer(utf8)) }
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: utf8.prefix(16))))
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: utf8.suffix(16))))
        }
    }

    private func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        // Contiguous since init, so this never copies.
        string.utf8.withContiguousStorageIfAvailable(body) ?? Array(string.utf8).withUnsafeBufferPointer(body)
    }
}
