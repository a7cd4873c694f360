import Disclosure
import EventLog
import Foundation
import Testing
@testable import History

/// The hand-written DocumentParsed reader must read exactly what JSONDecoder reads, and throw
/// where it throws: on canonical bytes by itself, on anything else by handing over to JSONDecoder.
@Suite struct DocumentParsedJSONDecodingTests {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

    /// Every document of Tests/Corpus, Tests/Fixtures/budget and Tests/Fixtures/fuzz.
    static let documents: [String] = ["Corpus", "Fixtures/budget", "Fixtures/fuzz"].flatMap { folder in
        let names = (try? FileManager.default.contentsOfDirectory(atPath: tests.appendingPathComponent(folder).path)) ?? []
        return names.filter { $0.hasSuffix(".txt") || $0.hasSuffix(".bin") }.sorted().map { "\(folder)/\($0)" }
    }

    static func payload(of document: String) throws -> DocumentParsed {
        let bytes = Array(try Data(contentsOf: tests.appendingPathComponent(document)))
        let decoded = try? TextDecoder.decode(bytes)
        let text = decoded?.text ?? String(decoding: bytes, as: UTF8.self)
        return DocumentParsed(contentHash: String(repeating: "3c", count: 32), parserVersion: DisclosureParser.version,
                              textEncoding: decoded?.encoding.rawValue, parsed: DisclosureParser.parse(text))
    }

    static func jsonDecoder(_ bytes: [UInt8]) -> Result<DocumentParsed, any Error> {
        Result { try JSONDecoder().decode(DocumentParsed.self, from: Data(bytes)) }
    }

    /// A payload written before identities had a scope and evidence reads as a 部门 disclosure
    /// without evidence, by both readers; a `user` evidence line and a 单位 scope read back.
    @Test func identitiesWrittenBeforeScopeAndEvidenceStillRead() throws {
        let old = Array(#"{"contentHash":"a","parsed":{"facts":[],"identity":{"kind":"预算","otherNames":[],"unit":"u","year":2019},"warnings":[]},"parserVersion":1}"#.utf8)
        Self.expectSameOutcome(old)
        let identity = try DocumentParsedJSON.decode(old).parsed.identity
        #expect(identity.scope == .department && identity.evidence.isEmpty && identity.title == "部门预算")
        let new = Array(#"{"contentHash":"a","parsed":{"facts":[],"identity":{"evidence":[{"field":"year","line":0,"source":"user","text":"t"}],"kind":"预算","otherNames":[],"scope":"单位","unit":"u","year":2019},"warnings":[]},"parserVersion":2}"#.utf8)
        Self.expectSameOutcome(new)
        let read = try DocumentParsedJSON.decode(new).parsed.identity
        #expect(read.scope == .unit && read.evidence == [IdentityEvidence(field: .year, source: .user, line: 0, text: "t")])
        Self.expectSameOutcome(Array(#"{"contentHash":"a","parsed":{"facts":[],"identity":{"kind":"预算","otherNames":[],"scope":"省","unit":"u","year":2019},"warnings":[]},"parserVersion":2}"#.utf8))
    }

    /// Both succeed with equal values, or both throw.
    static func expectSameOutcome(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        let ours = Result { try DocumentParsedJSON.decode(bytes) }
        switch (ours, jsonDecoder(bytes)) {
        case (.success(let mine), .success(let theirs)):
            #expect(mine == theirs, sourceLocation: sourceLocation)
        case (.failure, .failure): break
        case (.success, .failure(let error)):
            Issue.record("read bytes JSONDecoder rejects (\(error)): \(String(decoding: bytes, as: UTF8.self).prefix(200))", sourceLocation: sourceLocation)
        case (.failure(let error), .success):
            Issue.record("rejected bytes JSONDecoder reads: \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func documentsArePresent() {
        #expect(Self.documents.count >= 20)
    }

    @Test(arguments: documents)
    func canonicalBytesOfEveryDocumentReadWithoutJSONDecoder(document: String) throws {
        let payload = try Self.payload(of: document)
        let bytes = DocumentParsedJSON.encode(payload)
        #expect(DocumentParsedJSON.decodeWithoutFallback(bytes) == payload)
        #expect(try Self.jsonDecoder(bytes).get() == payload)
    }

    @Test func awkwardStringsAndEveryOptionalFieldRoundTrip() throws {
        for payload in DocumentParsedJSONTests.awkwardPayloads {
            let bytes = DocumentParsedJSON.encode(payload)
            #expect(DocumentParsedJSON.decodeWithoutFallback(bytes) == payload)
            Self.expectSameOutcome(bytes)
        }
    }

    /// JSONSerialization reorders keys, indents, and escapes slashes as `\/`.
    @Test func reorderedIndentedJSONReadsWithoutJSONDecoder() throws {
        for payload in DocumentParsedJSONTests.awkwardPayloads {
            let object = try JSONSerialization.jsonObject(with: Data(DocumentParsedJSON.encode(payload)))
            let bytes = Array(try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted]))
            #expect(DocumentParsedJSON.decodeWithoutFallback(bytes) == payload)
            Self.expectSameOutcome(bytes)
        }
    }

    @Test func escapesNullsAndUnknownKeysReadAsCodableReadsThem() throws {
        let json = #"""
        { "parserVersion" : 7, "future": {"a": [1, -2.5e+3, true, false, null, "\"x\\"], "b": {}},
          "textEncoding": null, "contentHash": "\u0061\u0062",
          "parsed": {"warnings": [{"source": null, "rule": "sum-mismatch", "message": "\ud83d\ude00 \u4e07\/\b\f\n\r\t", "x": 0}],
                     "identity": {"year": 2024, "unit": "\u6b66\u660c", "published": null, "otherNames": [], "kind": "\u9884\u7b97"},
                     "facts": [{"year": -0, "value": {"amount": {"_0": {"hundredths": -922337203685477580}}}, "source":
                                {"text": "", "lastLine": 2, "firstLine": 1, "page": null}, "origin": "table", "measure": "万元",
                                "key": "grand.total", "code": null, "of": null, "pct": null, "unknown": [[[]]]},
                               {"year": 1, "value": {"none": {}}, "source": {"text": "t", "lastLine": 1, "firstLine": 1},
                                "origin": "implied", "measure": "", "key": "expense.total"},
                               {"year": 1, "value": {"text": {"_0": "据实"}}, "source": {"text": "t", "lastLine": 1, "firstLine": 1},
                                "origin": "narrative", "measure": "", "key": "expense.total", "base": "grand.total"}]}
        }
        """#
        let bytes = Array(json.utf8)
        let read = try #require(DocumentParsedJSON.decodeWithoutFallback(bytes))
        #expect(read == (try Self.jsonDecoder(bytes).get()))
        #expect(read.contentHash == "ab")
        #expect(read.parsed.warnings.first?.message == "😀 万/\u{08}\u{0C}\n\r\t")
        #expect(read.parsed.facts.first?.amount == Amount(hundredths: -922_337_203_685_477_580))
    }

    /// Valid JSON the scanner does not read itself still decodes, through JSONDecoder.
    @Test(arguments: [
        #"{"contentHash":"a","contentHash":"b","parserVersion":1,"parsed":{"facts":[],"warnings":[],"identity":{"kind":"预算","otherNames":[],"unit":"u","year":1}}}"#,
        #"{"contentHash":"a","parserVersion":1.0,"parsed":{"facts":[],"warnings":[],"identity":{"kind":"预算","otherNames":[],"unit":"u","year":1}}}"#,
        #"{"contentHash":"a","parserVersion":1e0,"parsed":{"facts":[],"warnings":[],"identity":{"kind":"预算","otherNames":[],"unit":"u","year":1}}}"#,
        #"{"content\u0048ash":"a","parserVersion":1,"parsed":{"facts":[],"warnings":[],"identity":{"kind":"预算","otherNames":[],"unit":"u","year":1}}}"#,
        #"{"contentHash":"\ud800","parserVersion":1,"parsed":{"facts":[],"warnings":[],"identity":{"kind":"预算","otherNames":[],"unit":"u","year":1}}}"#,
        #"{"contentHash":"a","parserVersion":99999999999999999999,"parsed":{"facts":[],"warnings":[],"identity":{"kind":"预算","otherNames":[],"unit":"u","year":1}}}"#,
        #"{"contentHash":"a","parserVersion":01,"parsed":{"facts":[],"warnings":[],"identity":{"kind":"预算","otherNames":[],"unit":"u","year":1}}}"#,
        #"{"contentHash":"a","parserVersion":1,"parsed":{"facts":[],"warnings":[],"identity":{"kind":"other","otherNames":[],"unit":"u","year":1}}}"#,
        #"{"contentHash":"a","parserVersion":1,"parsed":{"facts":[],"warnings":[]}}"#,
        #"{"contentHash":"a","parserVersion":1,"parsed":{"facts":[],"warnings":[],"identity":{"kind":"预算","otherNames":[],"unit":"u","year":1}}} x"#,
        #"\#u{FEFF}{"contentHash":"a","parserVersion":1,"parsed":{"facts":[],"warnings":[],"identity":{"kind":"预算","otherNames":[],"unit":"u","year":1}}}"#,
        "{\"contentHash\":\"a\u{01}\",\"parserVersion\":1,\"parsed\":{\"facts\":[],\"warnings\":[],\"identity\":{\"kind\":\"预算\",\"otherNames\":[],\"unit\":\"u\",\"year\":1}}}",
        "", "[]", "null", "{", "{}",
    ])
    func unusualOrMalformedJSONGoesToJSONDecoder(json: String) {
        #expect(DocumentParsedJSON.decodeWithoutFallback(Array(json.utf8)) == nil)
        Self.expectSameOutcome(Array(json.utf8))
    }

    /// Cut short anywhere, a payload throws; it never reads as something else or crashes.
    @Test func everyTruncationThrows() throws {
        let bytes = DocumentParsedJSON.encode(DocumentParsedJSONTests.awkwardPayloads[0])
        for end in 0..<bytes.count {
            #expect(throws: (any Error).self) { try DocumentParsedJSON.decode(Array(bytes[..<end])) }
        }
    }

    /// Bytes changed here and there (a deterministic walk over the positions): the reader agrees
    /// with JSONDecoder on every one, whether that is a value or an error.
    @Test func corruptedBytesReadAsJSONDecoderReadsThem() throws {
        let bytes = DocumentParsedJSON.encode(DocumentParsedJSONTests.awkwardPayloads[0])
        let replacements: [UInt8] = [0x00, 0x22, 0x5C, 0x2C, 0x7D, 0x5D, 0x30, 0x2E, 0x65, 0xFF, 0x80, 0x20, 0x6E]
        for position in stride(from: 0, to: bytes.count, by: 3) {
            var changed = bytes
            changed[position] = replacements[position % replacements.count]
            Self.expectSameOutcome(changed)
        }
    }

    @Test func decodingAnEnvelopeUsesTheReader() throws {
        let payload = DocumentParsedJSONTests.awkwardPayloads[0]
        let envelope = try HistoryEvent.documentParsed(payload).encoded()
        let recorded = RecordedEvent(sequence: 9, type: envelope.type, schemaVersion: envelope.schemaVersion,
                                     recordedAtMilliseconds: 0, payload: envelope.payload)
        #expect(try HistoryEvent(decoding: recorded) == .documentParsed(payload))
        var broken = recorded
        broken.payload.removeLast()
        #expect(throws: HistoryEventDecodingError.self) { try HistoryEvent(decoding: broken) }
    }
}
