import Disclosure
import EventLog
import Foundation
import Testing
@testable import History

@Suite struct HistoryEventTests {
    static let hash = String(repeating: "ab", count: 32)
    static let all: [HistoryEvent] = [
        .documentImported(DocumentImported(contentHash: hash, sourceName: "a.txt", mediaType: "text/plain", size: 12)),
        .documentParsed(DocumentParsed(contentHash: hash, parserVersion: 3, textEncoding: "GB18030", parsed: ParsedDisclosure(
            identity: DocumentIdentity(unit: "武昌区医疗保障局", year: 2023, kind: .finalAccount), facts: [],
            warnings: [ParseWarning(rule: .tableMissing, message: "公开01表 lost")]))),
        .documentParseFailed(DocumentParseFailed(contentHash: hash, parserVersion: 3, error: "not text")),
        .documentRetracted(DocumentRetracted(contentHash: hash, reason: "wrong unit")),
        .unitAliasDeclared(UnitAliasDeclared(alias: "武汉市武昌区医保障局", canonical: "武汉市武昌区医疗保障局")),
    ]

    @Test(arguments: all) func everyEventRoundTripsThroughItsEnvelope(event: HistoryEvent) throws {
        let envelope = try event.encoded()
        #expect(envelope.type == event.type.rawValue)
        #expect(envelope.schemaVersion == (event.type == .documentParsed ? 2 : 1))
        let recorded = RecordedEvent(sequence: 7, type: envelope.type, schemaVersion: envelope.schemaVersion,
                                     recordedAtMilliseconds: 0, payload: envelope.payload)
        #expect(try HistoryEvent(decoding: recorded) == event)
    }

    @Test func payloadsAreJSONWithSortedKeys() throws {
        let payload = try Self.all[0].encoded().payload
        #expect(String(decoding: payload, as: UTF8.self)
            == #"{"contentHash":"\#(Self.hash)","mediaType":"text/plain","size":12,"sourceName":"a.txt"}"#)
        #expect(try Self.all[1].encoded() == Self.all[1].encoded())
    }

    @Test func aNewerSchemaVersionIsRefusedWithAnUpgradeHint() throws {
        let envelope = try Self.all[0].encoded()
        let recorded = RecordedEvent(sequence: 1, type: envelope.type, schemaVersion: 2, recordedAtMilliseconds: 0, payload: envelope.payload)
        let error = #expect(throws: HistoryEventDecodingError.self) { try HistoryEvent(decoding: recorded) }
        #expect(error == .newerSchemaVersion(type: "DocumentImported", version: 2, supported: 1))
        #expect(error?.description.contains("upgrade") == true)
    }

    @Test func anOlderSchemaVersionGoesThroughUpcast() throws {
        // Only version 1 exists, so version 0 reaches the default upcast, which knows no older form.
        let recorded = RecordedEvent(sequence: 1, type: "DocumentRetracted", schemaVersion: 0, recordedAtMilliseconds: 0, payload: Array("{}".utf8))
        #expect(throws: HistoryEventDecodingError.unknownSchemaVersion(type: "DocumentRetracted", version: 0)) {
            try HistoryEvent(decoding: recorded)
        }
    }

    @Test func unknownTypesAndBrokenPayloadsAreNamed() throws {
        let unknown = RecordedEvent(sequence: 1, type: "FutureThing", schemaVersion: 1, recordedAtMilliseconds: 0, payload: [])
        #expect(throws: HistoryEventDecodingError.unknownType("FutureThing")) { try HistoryEvent(decoding: unknown) }
        let broken = RecordedEvent(sequence: 1, type: "DocumentImported", schemaVersion: 1, recordedAtMilliseconds: 0, payload: Array("{".utf8))
        #expect(throws: HistoryEventDecodingError.self) { try HistoryEvent(decoding: broken) }
    }
}
