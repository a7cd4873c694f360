import Disclosure
import Foundation
import Testing
@testable import History

/// The hand-written DocumentParsed JSON must be JSONEncoder's bytes exactly, so stores written
/// before and after it hold the same payloads for the same parse.
@Suite struct DocumentParsedJSONTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus")

    static func encoderBytes(_ payload: DocumentParsed) throws -> [UInt8] {
        Array(try HistoryEvent.makeEncoder().encode(payload))
    }

    @Test(arguments: try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }.sorted())
    func sampleDocumentsEncodeAsJSONEncoderDoes(file: String) throws {
        let bytes = Array(try Data(contentsOf: Self.corpus.appendingPathComponent(file)))
        let decoded = try TextDecoder.decode(bytes)
        let payload = DocumentParsed(contentHash: String(repeating: "0f", count: 32), parserVersion: DisclosureParser.version,
                                     textEncoding: decoded.encoding.rawValue, parsed: DisclosureParser.parse(decoded.text))
        #expect(!payload.parsed.facts.isEmpty)
        #expect(DocumentParsedJSON.encode(payload) == (try Self.encoderBytes(payload)))
    }

    @Test func theWriterKnowsEveryFieldOfTheModel() {
        // A field added to one of these types must be written by DocumentParsedJSON too.
        let fact = Fact(key: .expenseTotal, year: 2023, value: .none, origin: .table, source: SourceSpan(line: 1, text: ""))
        #expect(Mirror(reflecting: fact).children.count == 17)
        #expect(Mirror(reflecting: fact.source).children.count == 4)
        #expect(Mirror(reflecting: DocumentIdentity(unit: "", year: 0, kind: .budget)).children.count == 7)
        #expect(Mirror(reflecting: IdentityEvidence(field: .unit, source: .title, line: 1, text: "")).children.count == 4)
        #expect(Mirror(reflecting: ParseWarning(rule: .tableMissing, message: "")).children.count == 3)
        #expect(Mirror(reflecting: ParsedDisclosure(identity: DocumentIdentity(unit: "", year: 0, kind: .budget), facts: [], warnings: [])).children.count == 3)
        #expect(Mirror(reflecting: DocumentParsed(contentHash: "", parserVersion: 0, parsed: ParsedDisclosure(
            identity: DocumentIdentity(unit: "", year: 0, kind: .budget), facts: [], warnings: []))).children.count == 4)
    }

    /// Every optional field, every kind of value, every escape JSONEncoder writes, and the
    /// emptiest payload: shared with `DocumentParsedJSONDecodingTests`.
    static let awkwardPayloads: [DocumentParsed] = {
        let awkward = "引号\"反斜杠\\斜杠/制表\t换行\n回车\r退格\u{08}换页\u{0C}响铃\u{07}\u{1F}\u{7F}😀"
        let span = SourceSpan(firstLine: 3, lastLine: 5, text: awkward, page: 2)
        let facts = [
            Fact(key: .changeStated, year: 2024, code: "2080501", name: awkward, value: .amount(Amount(hundredths: -1234)),
                 measure: .percent, origin: .narrative, source: span, of: .grandTotal, baseYear: 2023,
                 delta: Amount(hundredths: -99), pct: Amount(hundredths: 1250), reason: awkward, counterparty: "区民政局",
                 base: .expenseTotal, share: Amount(hundredths: 3310), project: awkward),
            Fact(key: .expenseTotal, year: 2023, value: .text("据实"), measure: .text, origin: .implied,
                 source: SourceSpan(line: 1, text: "")),
            Fact(key: .expenseTotal, year: 2023, value: .none, origin: .table, source: SourceSpan(line: 9, text: "x")),
            // Numbers at the edges: zero, one digit, both ends of Int64.
            Fact(key: .expenseTotal, year: 0, value: .amount(Amount(hundredths: 0)), origin: .table, source: SourceSpan(line: 0, text: "0"),
                 delta: Amount(hundredths: .min), pct: Amount(hundredths: .max), share: Amount(hundredths: -7)),
        ]
        let identity = DocumentIdentity(unit: awkward, year: 2024, kind: .budget, scope: .unit, published: "2024-02-01", otherNames: ["a", awkward],
                                        evidence: [IdentityEvidence(field: .year, source: .tableTitle, line: 3, text: awkward),
                                                   IdentityEvidence(field: .unit, source: .user, line: 0, text: "")])
        let warnings = [ParseWarning(rule: .sumMismatch, message: awkward, source: span), ParseWarning(rule: .tableMissing, message: "")]
        let full = [nil, "UTF-8"].map { textEncoding in
            DocumentParsed(contentHash: "h", parserVersion: 12, textEncoding: textEncoding,
                           parsed: ParsedDisclosure(identity: identity, facts: facts, warnings: warnings))
        }
        let empty = DocumentParsed(contentHash: "h", parserVersion: 1, parsed: ParsedDisclosure(
            identity: DocumentIdentity(unit: "", year: 0, kind: .finalAccount), facts: [], warnings: []))
        return full + [empty]
    }()

    @Test func everyOptionalFieldValueKindAndEscapeEncodesAsJSONEncoderDoes() throws {
        for payload in Self.awkwardPayloads {
            #expect(String(decoding: DocumentParsedJSON.encode(payload), as: UTF8.self)
                == String(decoding: try Self.encoderBytes(payload), as: UTF8.self))
        }
    }
}
