import Testing
@testable import History

/// A document record survives its binary form whatever it holds, and a damaged value throws.
@Suite struct DocumentRecordCodingTests {
    static let hash = String(repeating: "a7", count: 32)

    static var records: [DocumentRecord] {
        let bare = DocumentRecord(contentHash: hash, sourceNames: ["a.txt"], mediaType: "text/plain", size: 12, importedSequence: 1,
                                  latestParseSequence: nil, parserVersion: nil, parseFailed: false, unit: nil, year: nil,
                                  retracted: false, retractionReason: nil)
        var parsed = bare
        (parsed.latestParseSequence, parsed.parserVersion, parsed.unit, parsed.year) = (300, 4, "武汉市武昌区医疗保障局", 2023)
        parsed.sourceNames = ["a.txt", "副本 a.txt", ""]
        var failed = bare
        (failed.latestParseSequence, failed.parserVersion, failed.parseFailed) = (UInt64.max, -1, true)
        var retracted = parsed
        (retracted.retracted, retracted.retractionReason, retracted.year) = (true, "重复导入\n\"dup\"", -5)
        var reasonKept = bare
        reasonKept.retractionReason = ""
        return [bare, parsed, failed, retracted, reasonKept]
    }

    @Test func everyFieldRoundTrips() throws {
        for record in Self.records {
            #expect(try DocumentRecordCoding.decode(DocumentRecordCoding.encode(record)) == record)
        }
    }

    @Test func damagedValuesThrow() {
        let bytes = DocumentRecordCoding.encode(Self.records[3])
        for end in 0..<bytes.count {
            #expect(throws: ProjectionDecodingError.self) { try DocumentRecordCoding.decode(Array(bytes[..<end])) }
        }
        #expect(throws: ProjectionDecodingError.self) { try DocumentRecordCoding.decode(bytes + [0]) }
        #expect(throws: ProjectionDecodingError.self) { try DocumentRecordCoding.decode(Array("{}".utf8)) }
    }
}
