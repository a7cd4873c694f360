import Disclosure
import EventLog
import Foundation
import Testing
@testable import History

/// A store written by the first released schema (event schema version 1 of every type, store
/// format 1, documents projection version 1), kept as bytes in Tests/Fixtures/store-v1/data.mdb.
///
/// How it was made, with the build of commit ed4212e: `history import` of
/// Tests/Corpus/wuchang-medical-security-committee-office-2024-final-account.txt, a GB18030 file `gbk.txt`
/// (武昌区 and a newline) and an 8-byte PNG signature `image.png` (which failed to parse); then,
/// with python3-lmdb as the README shows, a DocumentRetracted of gbk.txt and a
/// UnitAliasDeclared appended by hand (so the projections' checkpoints are 2 events behind);
/// then `mdb_copy -c`. Never re-record it: it stands for stores users already have.
@Suite struct ReplayFixtureTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../Fixtures/store-v1/data.mdb").standardized.path
    static let wuchang = "wuchang-medical-security-committee-office-2024-final-account.txt"

    /// A writable copy of the fixture, opened with today's code.
    static func openCopy(_ directory: StoreDirectory) throws -> Store {
        let path = directory.path + "/store-v1"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: fixture, toPath: path + "/data.mdb")
        return try Store(path: path)
    }

    @Test func everyEventOfTheFirstSchemaIsRead() throws {
        let directory = try StoreDirectory()
        let store = try Self.openCopy(directory)
        let raw = try store.read { try store.log.events(in: $0) }
        #expect(raw.map(\.schemaVersion) == Array(repeating: 1, count: 8))
        let events = try raw.map { try RecordedHistoryEvent(decoding: $0).event }
        #expect(events.map(\.type) == [.documentImported, .documentParsed, .documentImported, .documentParsed,
                                       .documentImported, .documentParseFailed, .documentRetracted, .unitAliasDeclared])
        guard case .documentImported(let imported) = events[0], case .documentParsed(let parsed) = events[1] else {
            Issue.record("the first document's events are not what was written")
            return
        }
        #expect(imported.sourceName == Self.wuchang && imported.mediaType == "text/plain" && imported.size == 36_079)
        #expect(parsed.parserVersion == 1 && parsed.textEncoding == "UTF-8" && !parsed.parsed.facts.isEmpty)
        guard case .documentParsed(let gbk) = events[3], case .unitAliasDeclared(let alias) = events[7] else {
            Issue.record("the GB18030 document and the alias are not at events 3 and 7")
            return
        }
        #expect(gbk.textEncoding == "GB18030")
        #expect(alias == UnitAliasDeclared(alias: "武汉市武昌区医保局", canonical: "武汉市武昌区医疗保障局"))
    }

    @Test func theOldStoreCatchesUpAndVerifies() throws {
        let directory = try StoreDirectory()
        let store = try Self.openCopy(directory)
        let records = try store.read { try store.projection(DocumentsProjection.self)!.records(in: $0) }
        #expect(records.count == 3 && records.filter(\.retracted).map { $0.sourceNames } == [["gbk.txt"]])
        #expect(records.filter(\.parseFailed).map { $0.sourceNames } == [["image.png"]])
        let checkpoint = try store.read { try store.log.checkpoint(named: DocumentsProjection.name, in: $0) }
        #expect(checkpoint == Checkpoint(version: DocumentsProjection.version, lastFoldedSequence: 8))
        let report = try StoreVerifier(store: store).verify()
        #expect(report.holds && report.blobs == 3)
    }

    @Test func theOldStoreIsReplayedWithTodaysParserAndDiffed() throws {
        let directory = try StoreDirectory()
        let store = try Self.openCopy(directory)
        let hash = ContentHash(of: Array(try Data(contentsOf: Corpus.directory.appendingPathComponent(Self.wuchang))))
        let old = try #require(try store.latestParses()[hash.hex])
        let bytes = try #require(try store.read { try store.log.blob(hash, in: $0) })
        let today = DisclosureParser.parse(try TextDecoder.decode(bytes).text)
        let expected = ParseDiff(from: old.parsed, to: today)

        let dry = try ParserReplay(store: store).run(.init(dryRun: true))
        // The retracted gbk.txt is not replayed; the PNG fails as it did.
        #expect(dry.examined == 2 && dry.appended == 0)
        let entry = dry.changed.first { $0.contentHash == hash.hex }
        if expected.isEmpty && old.parsed == today {
            #expect(entry == nil)
        } else {
            #expect(entry?.diff == expected && entry?.transition == .reparsed && entry?.previousParserVersion == 1)
        }

        let applied = try ParserReplay(store: store).run()
        #expect(applied.changed.map(\.contentHash) == dry.changed.map(\.contentHash))
        #expect(try store.latestParses()[hash.hex]?.parsed == today)
        #expect(try ParserReplay(store: store).run().appended == 0)
        #expect(try StoreVerifier(store: store).verify().holds)
    }
}
