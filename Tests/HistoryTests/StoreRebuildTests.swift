import EventLog
import Foundation
import Testing
@testable import History

/// Rebuilding and catching up fold ``Store/foldEventsPerTransaction`` events per transaction:
/// a log longer than that must end in the same bytes as one fold, and a fold stopped after any
/// committed transaction must be finished, to the same bytes, by the next open.
@Suite struct StoreRebuildTests {
    /// A store of `count` tiny documents: two events each.
    private func filled(_ directory: StoreDirectory, count: Int) throws -> Store {
        let store = try Store.forReplayTests(directory)
        let paths = try (0..<count).map { index in
            try directory.file("d\(index).txt", Array("单位 局\(index % 40) 20\(20 + index % 5)\nincome.total 2024 = \(index).25\n".utf8))
        }
        let outcomes = Importer(store: store, batchDocuments: 100, parser: ReplayTests.fixed.versioned(1)).importFiles(paths)
        #expect(outcomes.count == count)
        return store
    }

    private func checkpoints(_ store: Store) throws -> [UInt64] {
        try store.read { txn in
            try store.projections.map { try store.log.checkpoint(named: type(of: $0).name, in: txn)?.lastFoldedSequence ?? 0 }
        }
    }

    @Test func aLogLongerThanOneTransactionRebuildsToTheSameBytes() throws {
        let directory = try StoreDirectory()
        let store = try filled(directory, count: 700)
        let last = try store.read { try store.log.lastSequence(in: $0) }
        #expect(last > UInt64(Store.foldEventsPerTransaction), "the test needs more than one transaction's worth")
        let before = try store.projectionContents()
        let summary = try store.rebuildProjections(named: nil)
        #expect(summary.events == Int(last))
        #expect(try store.projectionContents() == before)
        #expect(try checkpoints(store) == store.projections.map { _ in last })
    }

    @Test func aRebuildStoppedPartWayIsFinishedByTheNextOpen() throws {
        let directory = try StoreDirectory()
        let store = try filled(directory, count: 700)
        let before = try store.projectionContents()
        let last = try store.read { try store.log.lastSequence(in: $0) }
        // What a kill leaves after the rebuild's first transaction: emptied, then folded to a prefix.
        try store.write { txn in
            try store.restart(store.projections, in: txn)
            _ = try store.fold(store.projections, after: store.projections.map { _ in 0 }, through: 333, in: txn)
        }
        #expect(try checkpoints(store) == store.projections.map { _ in 333 })
        #expect(try store.projectionContents() != before)
        let reopened = try Store(path: directory.path + "/s", projections: [DocumentsProjection.self, FactSumProjection.self])
        #expect(try reopened.projectionContents() == before)
        #expect(try checkpoints(reopened) == reopened.projections.map { _ in last })
    }

    @Test func projectionsFoldedToDifferentPointsCatchUpTogether() throws {
        let directory = try StoreDirectory()
        let store = try filled(directory, count: 300)
        let before = try store.projectionContents()
        // One projection emptied (as a version change does), the other left whole.
        try store.write { txn in try store.restart([store.projections[1]], in: txn) }
        let summary = try store.foldForward(store.projections)
        #expect(summary.events == 600)
        #expect(try store.projectionContents() == before)
    }
}
