import Disclosure
import EventLog
import Foundation
import Testing
@testable import History

/// Retraction, re-import after a retraction, finding documents by reference, and rebuilds.
@Suite struct ReplayCorrectionsTests {
    @Test func aRetractedDocumentLeavesTheProjectionsStaysInTheLogAndComesBackOnReimport() throws {
        let directory = try StoreDirectory()
        let (store, affected, unaffected) = try ReplayTests.importedWithBrokenParser(directory)
        let sequence = try store.retract(affected, reason: "published by mistake")
        #expect(try FactSumProjection.sums(in: store) == [unaffected: 5_000])
        let record = try #require(try store.read { try store.projection(DocumentsProjection.self)?.record(affected, in: $0) })
        #expect(record.retracted && record.retractionReason == "published by mistake")
        #expect(try store.read { try store.log.count(in: $0) } == 5 && sequence == 5)
        // Replay leaves a retracted document alone.
        #expect(try ParserReplay(store: store, parser: ReplayTests.fixed.versioned(2)).run().examined == 1)

        // The same bytes again, under another name: imported again, parsed by today's parser.
        let again = try directory.file("affected-again.txt", Array(ToyDocuments.affected.utf8))
        let outcomes = Importer(store: store, parser: ReplayTests.fixed.versioned(2)).importFiles([again])
        #expect(outcomes.count == 1)
        guard case .imported = outcomes.first else { Issue.record("not imported again: \(outcomes)"); return }
        let restored = try #require(try store.read { try store.projection(DocumentsProjection.self)?.record(affected, in: $0) })
        #expect(!restored.retracted && restored.retractionReason == nil && restored.parserVersion == 2)
        #expect(restored.sourceNames == ["affected.txt", "affected-again.txt"] && restored.importedSequence == 1)
        #expect(try FactSumProjection.sums(in: store) == [affected: 27_900, unaffected: 5_000])
        let types = try store.read { try store.events(from: 5, in: $0) }.map(\.event.type)
        #expect(types == [.documentRetracted, .documentImported, .documentParsed])
        // And once back, importing it again appends nothing.
        let third = Importer(store: store).importFiles([again])
        #expect(third.allSatisfy { if case .alreadyImported = $0 { true } else { false } })
        #expect(try StoreVerifier(store: store).verify().holds)
    }

    @Test func documentsAreFoundByHashPrefixOrFileName() throws {
        let directory = try StoreDirectory()
        let (store, affected, _) = try ReplayTests.importedWithBrokenParser(directory)
        let documents = try #require(store.projection(DocumentsProjection.self))
        try store.read { txn throws in
            #expect(try documents.resolve(affected, in: txn).contentHash == affected)
            #expect(try documents.resolve(String(affected.prefix(5)).uppercased(), in: txn).contentHash == affected)
            #expect(try documents.resolve("/elsewhere/affected.txt", in: txn).contentHash == affected)
            #expect(throws: DocumentLookupError.notFound("nothing.txt")) { try documents.resolve("nothing.txt", in: txn) }
        }
        // Two different files imported under one name: the name is ambiguous.
        try FileManager.default.createDirectory(atPath: directory.path + "/a", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: directory.path + "/b", withIntermediateDirectories: true)
        Importer(store: store).importFiles([try directory.file("a/same.txt", [0x41]), try directory.file("b/same.txt", [0x42])])
        try store.read { txn throws in
            let error = #expect(throws: DocumentLookupError.self) { try documents.resolve("same.txt", in: txn) }
            #expect(error?.description.contains("names 2 documents") == true)
        }
    }

    @Test func rebuildingGivesTheSameBytesAndRefusesUnknownNames() throws {
        let directory = try StoreDirectory()
        let (store, _, _) = try ReplayTests.importedWithBrokenParser(directory)
        _ = try ParserReplay(store: store, parser: ReplayTests.fixed.versioned(2)).run()
        let before = try store.projectionContents()
        let summary = try store.rebuildProjections(named: nil)
        #expect(summary.projections == ["documents", "fact-sum"] && summary.events == 5 && summary.facts == 3 + 1 + 3)
        #expect(try store.projectionContents() == before)
        #expect(try store.rebuildProjections(named: ["fact-sum"]).projections == ["fact-sum"])
        #expect(throws: StoreError.unknownProjection("facts", known: ["documents", "fact-sum"])) {
            try store.rebuildProjections(named: ["facts"])
        }
    }

    @Test func readersNeverSeeAHalfBuiltProjection() throws {
        let directory = try StoreDirectory()
        let store = try Store.forReplayTests(directory)
        let paths = try (0..<300).map { try directory.file("d\($0).txt", Array("单位 局\($0) 2024\ngrand.total 2024 = \($0).00\n".utf8)) }
        Importer(store: store, parser: ReplayTests.fixed.versioned(1)).importFiles(paths)
        let documents = try #require(store.projection(DocumentsProjection.self))
        let sums = try #require(store.projection(FactSumProjection.self))
        let stop = Flag()
        let reader = Thread {
            while !stop.value {
                let counts = try? store.read { txn in (try documents.count(in: txn), try txn.count(of: sums.database)) }
                if let counts, counts != (300, 300) { stop.failures.append("\(counts)") }
            }
        }
        reader.start()
        for _ in 0..<5 { try store.rebuildProjections(named: nil) }
        stop.value = true
        while !reader.isFinished { usleep(1000) }
        #expect(stop.failures.isEmpty, "a reader saw \(stop.failures.prefix(3))")
    }
}

/// Shared between the test and its reader thread; the lock keeps both sides honest.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var _value = false
    private var _failures: [String] = []
    var value: Bool {
        get { lock.withLock { _value } }
        set { lock.withLock { _value = newValue } }
    }
    var failures: [String] {
        get { lock.withLock { _failures } }
        set { lock.withLock { _failures = newValue } }
    }
}
