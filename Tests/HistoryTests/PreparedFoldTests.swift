import Disclosure
import EventLog
import Foundation
import LMDB
import Testing
@testable import History

/// The importer and a rebuild fold events with work prepared on other threads (``PreparedFold``):
/// what they file must be what folding each event whole, in the transaction, files.
@Suite struct PreparedFoldTests {
    /// The sample 决算 documents, the 预算 fixtures and a small one made here, imported in
    /// batches of three: several batches, each document's events after the one before.
    private func paths(in directory: StoreDirectory) throws -> [String] {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        let samples = try ["Corpus", "Fixtures/budget"].flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: tests.appendingPathComponent(folder).path)
                .filter { $0.hasSuffix(".txt") }.sorted().map { tests.appendingPathComponent(folder).appendingPathComponent($0).path }
        }
        let made = try directory.file("made.txt", Array("某某局2024年度部门决算\n收入总计100.00万元。\n".utf8))
        return samples + [made]
    }

    private func contents(_ store: Store) throws -> [String: [[UInt8]]] {
        try store.read { txn in
            var contents: [String: [[UInt8]]] = [:]
            for projection in store.projections {
                for database in FiledStore.databases(of: projection) {
                    contents[database.name ?? ""] = try txn.entries(in: database).map { $0.key + [0xFF] + $0.value }
                }
            }
            return contents
        }
    }

    @Test func anImportFilesWhatFoldingEachEventWholeFiles() throws {
        let directory = try StoreDirectory()
        let imported = try Store(path: directory.path + "/imported", create: true)
        let paths = try paths(in: directory)
        #expect(paths.count >= 4, "the test needs documents in more than one batch")
        Importer(store: imported, batchDocuments: 3).importFiles(paths)
        let events = try imported.read { try imported.events(in: $0) }
        #expect(events.contains { if case .documentParsed(let parsed) = $0.event { !parsed.parsed.facts.isEmpty } else { false } })

        // The same events appended without prepared folds, one document's events at a time.
        let whole = try Store(path: directory.path + "/whole", create: true)
        var pending: [HistoryEvent] = []
        for recorded in events {
            if case .documentImported = recorded.event, !pending.isEmpty {
                let batch = pending
                try whole.write { txn in _ = try whole.append(batch, in: txn) }
                pending = []
            }
            pending.append(recorded.event)
        }
        try whole.write { txn in _ = try whole.append(pending, in: txn) }
        #expect(try contents(whole) == contents(imported))
    }

    @Test func aRebuildFilesWhatFoldingEachEventWholeFiles() throws {
        let directory = try StoreDirectory()
        let store = try Store(path: directory.path + "/s", create: true)
        Importer(store: store, batchDocuments: 3).importFiles(try paths(in: directory))
        // Folded whole, event by event, in one transaction…
        try store.write { txn in
            for projection in store.projections { try projection.reset(in: txn) }
            for recorded in try store.events(in: txn) {
                for projection in store.projections { try projection.fold(recorded, in: txn) }
            }
        }
        let whole = try contents(store)
        // …and rebuilt with folds prepared on the workers.
        try store.rebuildProjections()
        #expect(try contents(store) == whole)
    }

    @Test func aPreparedBodyIsTheStoredValueAfterItsHeader() throws {
        let text = "武汉市武昌区某某局\n2023年度部门决算\n收入总计100.00万元，支出总计90.00万元。\n"
        let parsed = DisclosureParser.parse(text)
        let document = FiledDocument(contentHash: String(repeating: "ab", count: 32), sequence: 300, sourceName: "a.txt", disclosure: parsed)
        let prepared = PreparedFold(.documentParsed(DocumentParsed(contentHash: document.contentHash, parserVersion: 1, parsed: parsed)))
        let body = try #require(prepared.filedBody)
        let stored = FiledDocumentCoding.encode(document)
        #expect(stored.count > body.count)
        #expect(Array(stored.suffix(body.count)) == body)
        #expect(FiledDocumentCoding.encode(document, body: body) == stored)
        let decoded = try FiledDocumentCoding.decode(stored)
        #expect(decoded.sequence == 300 && decoded.sourceName == "a.txt" && decoded.facts == parsed.facts)
        #expect(PreparedFold(.documentImported(DocumentImported(contentHash: document.contentHash, sourceName: "a.txt",
                                                                 mediaType: "text/plain", size: 1))).filedBody == nil)
    }
}
