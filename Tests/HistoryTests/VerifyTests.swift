import EventLog
import Foundation
import LMDB
import Testing
@testable import History

@Suite struct VerifyTests {
    static func store(_ directory: StoreDirectory) throws -> (Store, documents: Database, hash: String) {
        let (store, affected, _) = try ReplayTests.importedWithBrokenParser(directory)
        let documents = try #require(store.projection(DocumentsProjection.self)).database
        return (store, documents, affected)
    }

    @Test func anIntactStoreVerifies() throws {
        let directory = try StoreDirectory()
        let (store, _, _) = try Self.store(directory)
        let report = try StoreVerifier(store: store).verify()
        #expect(report.holds && report.events == 4 && report.blobs == 2)
        #expect(report.databases.map(\.name) == ["projection/documents", "projection/fact-sum"])
        #expect(report.databases.map(\.entries) == [2, 2])
    }

    @Test func aDamagedProjectionIsFoundNamedAndLeftForRebuild() throws {
        let directory = try StoreDirectory()
        let (store, documents, hash) = try Self.store(directory)
        let sums = try #require(store.projection(FactSumProjection.self)).database
        let key = try #require(ContentHash(hex: hash)).bytes
        try store.write { txn in
            try txn.put(Array("{}".utf8), forKey: key, in: documents)
            try txn.put(Array("1".utf8), forKey: Array("stray".utf8), in: sums)
            try txn.delete(Array(hash.utf8), in: sums)
        }
        let report = try StoreVerifier(store: store).verify()
        #expect(!report.holds)
        let byName = Dictionary(uniqueKeysWithValues: report.databases.map { ($0.name, $0) })
        #expect(byName["projection/documents"]?.differing == 1 && byName["projection/documents"]?.missing == 0)
        #expect(byName["projection/fact-sum"]?.missing == 1 && byName["projection/fact-sum"]?.unexpected == 1)
        #expect(byName["projection/fact-sum"]?.examples == ["\(hash): missing", "stray: not derived from the log"])
        // Verifying wrote nothing: the damage is still there until a rebuild.
        #expect(try store.read { try txn(in: $0, documents, key) } == Array("{}".utf8))
        try store.rebuildProjections(named: nil)
        #expect(try StoreVerifier(store: store).verify().holds)
    }

    @Test func damagedAndMissingBlobsAreFound() throws {
        let directory = try StoreDirectory()
        let (store, _, hash) = try Self.store(directory)
        let other = ContentHash(of: Array(ToyDocuments.unaffected.utf8))
        try store.write { txn in
            try txn.put(Array("tampered".utf8), forKey: try #require(ContentHash(hex: hash)).bytes, in: store.log.blobs)
            try txn.delete(other.bytes, in: store.log.blobs)
        }
        let report = try StoreVerifier(store: store).verify()
        #expect(!report.holds && report.corruptBlobs == [hash] && report.missingBlobs == [other.hex])
    }

    @Test func anUnreadableEventIsFound() throws {
        let directory = try StoreDirectory()
        let (store, _, _) = try Self.store(directory)
        try store.log.append([NewEvent(type: "DocumentImported", schemaVersion: 1, payload: Array("not json".utf8))])
        let report = try StoreVerifier(store: store).verify()
        #expect(!report.holds && report.eventProblems.map(\.sequence) == [5] && !report.projectionsCompared)
        #expect(report.eventProblems.first?.message.contains("not valid JSON") == true)
    }

    private func txn(in txn: ReadTransaction, _ database: Database, _ key: [UInt8]) throws -> [UInt8]? {
        try txn.get(key, in: database)
    }
}
