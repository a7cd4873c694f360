import CLMDB
import Foundation
import Synchronization
import Testing
@testable import LMDB

@Suite struct TransactionTests {
    struct Boom: Error {}

    @Test func committedWriteIsReadBack() throws {
        let directory = try TemporaryDirectory()
        let environment = try Environment(path: directory.path)
        let names = try environment.write { try $0.openDatabase("names") }
        try environment.write { txn in try txn.put(bytes("v1"), forKey: bytes("k"), in: names) }
        #expect(try environment.read { try $0.get(bytes("k"), in: names) } == bytes("v1"))
        #expect(try environment.read { try $0.get(bytes("missing"), in: names) } == nil)
    }

    @Test func throwInsideWriteLeavesNothing() throws {
        let directory = try TemporaryDirectory()
        let environment = try Environment(path: directory.path)
        let names = try environment.write { try $0.openDatabase("names") }
        #expect(throws: Boom.self) {
            try environment.write { txn in
                try txn.put(bytes("v"), forKey: bytes("k"), in: names)
                _ = try txn.openDatabase("created-then-abandoned")
                throw Boom()
            }
        }
        #expect(try environment.read { try $0.count(of: names) } == 0)
        // The database created inside the aborted transaction does not exist either.
        #expect(throws: LMDBError.self) {
            try environment.write { try $0.openDatabase("created-then-abandoned", flags: []) }
        }
    }

    @Test func reopeningSeesCommittedData() throws {
        let directory = try TemporaryDirectory()
        do {
            let environment = try Environment(path: directory.path)
            try environment.write { txn in
                let names = try txn.openDatabase("names")
                for index in 0..<100 { try txn.put(bigEndian(UInt64(index)), forKey: bigEndian(UInt64(index)), in: names) }
            }
        }
        let reopened = try Environment(path: directory.path)
        let names = try reopened.write { try $0.openDatabase("names", flags: []) }
        #expect(try reopened.read { try $0.count(of: names) } == 100)
        #expect(try reopened.read { try $0.get(bigEndian(42), in: names) } == bigEndian(42))
    }

    @Test func copiedValueOutlivesTransactionAndLaterWrites() throws {
        let directory = try TemporaryDirectory()
        let environment = try Environment(path: directory.path, configuration: .init(mapSize: 1 << 20))
        let names = try environment.write { try $0.openDatabase("names") }
        let original = [UInt8](repeating: 0xAB, count: 10_000)
        try environment.write { try $0.put(original, forKey: bytes("k"), in: names) }
        let copy = try #require(try environment.read { try $0.get(bytes("k"), in: names) })
        // Overwrite, delete and refill the pages the value lived on, growing the map too.
        for round in 0..<20 {
            try environment.write { txn in
                try txn.put([UInt8](repeating: UInt8(round), count: 50_000), forKey: bytes("k"), in: names)
                try txn.delete(bytes("k"), in: names)
                try txn.put([UInt8](repeating: UInt8(round), count: 10_000), forKey: bytes("k\(round)"), in: names)
            }
        }
        #expect(copy == original)
    }

    @Test func withValueLendsBytesInsideTheTransaction() throws {
        let directory = try TemporaryDirectory()
        let environment = try Environment(path: directory.path)
        let names = try environment.write { try $0.openDatabase("names") }
        try environment.write { try $0.put(bytes("hello"), forKey: bytes("k"), in: names) }
        let length = try environment.read { txn in try txn.withValue(forKey: bytes("k"), in: names) { $0?.count } }
        #expect(length == 5)
        let absent = try environment.read { txn in try txn.withValue(forKey: bytes("x"), in: names) { $0 == nil } }
        #expect(absent)
    }

    /// Commits that fail where `failing` says so, in order, and go through after it: like
    /// mdb_txn_commit, a failed one frees the transaction (a wrapper that aborted after it would
    /// double-free and crash the test process).
    final class FailingCommit: Sendable {
        private let outcomes: Mutex<[Bool]>
        let code: Int32

        init(failing: [Bool], code: Int32) {
            outcomes = Mutex(failing)
            self.code = code
        }

        func commit(_ handle: OpaquePointer) -> Int32 {
            let fail = outcomes.withLock { $0.isEmpty ? false : $0.removeFirst() }
            guard fail else { return mdb_txn_commit(handle) }
            Environment.freeTransaction(handle)
            return code
        }
    }

    @Test func failedCommitIsReportedAndNeverAbortedAgain() throws {
        let directory = try TemporaryDirectory()
        // The first commit (opening the database) goes through, the second fails.
        let environment = try Environment(path: directory.path, commit: FailingCommit(failing: [false, true], code: EIO).commit)
        let names = try environment.write { try $0.openDatabase("names") }
        let error = #expect(throws: LMDBError.self) {
            try environment.write { txn in try txn.put(bytes("v"), forKey: bytes("k"), in: names) }
        }
        #expect(error?.resultCode == .inputOutput)
        #expect(error?.message.isEmpty == false)
        #expect(try environment.read { try $0.get(bytes("k"), in: names) } == nil)
        try environment.write { txn in try txn.put(bytes("v"), forKey: bytes("k"), in: names) }
        #expect(try environment.read { try $0.get(bytes("k"), in: names) } == bytes("v"))
    }

    @Test func commitFailingWithMapFullGrowsAndRetries() throws {
        let directory = try TemporaryDirectory()
        let failing = FailingCommit(failing: [false, true], code: MDB_MAP_FULL)
        let environment = try Environment(path: directory.path, configuration: .init(mapSize: 1 << 20), commit: failing.commit)
        let names = try environment.write { try $0.openDatabase("names") }
        var runs = 0
        try environment.write { txn in
            runs += 1
            try txn.put(bytes("v"), forKey: bytes("k"), in: names)
        }
        #expect(runs == 2)
        #expect(environment.info.mapSize == 2 << 20)
        #expect(try environment.read { try $0.get(bytes("k"), in: names) } == bytes("v"))
    }

    /// Callers tell codes apart where they catch, as with GRDB's ResultCode.
    @Test func aResultCodeMatchesWhereItIsCaught() throws {
        let directory = try TemporaryDirectory()
        let environment = try Environment(path: directory.path)
        var caught = ""
        do {
            _ = try environment.read { try $0.openExistingDatabase("absent") }
        } catch LMDBResultCode.mapFull {
            caught = "map full"
        } catch LMDBResultCode.notFound {
            caught = "not found"
        }
        #expect(caught == "not found")
        #expect(LMDBResultCode.notFound.description == "MDB_NOTFOUND: No matching key/data pair found")
    }

    @Test func appendRefusesKeysOutOfOrder() throws {
        let directory = try TemporaryDirectory()
        let environment = try Environment(path: directory.path)
        let log = try environment.write { try $0.openDatabase("log") }
        try environment.write { txn in
            try txn.append(bytes("a"), forKey: bigEndian(1), in: log)
            try txn.append(bytes("b"), forKey: bigEndian(2), in: log)
        }
        let error = #expect(throws: LMDBError.self) {
            try environment.write { txn in try txn.append(bytes("c"), forKey: bigEndian(1), in: log) }
        }
        #expect(error?.resultCode == .keyExists)
        #expect(try environment.read { try $0.count(of: log) } == 2)
    }

    @Test func noOverwriteReportsAnExistingKey() throws {
        let directory = try TemporaryDirectory()
        let environment = try Environment(path: directory.path)
        let names = try environment.write { try $0.openDatabase("names") }
        let (first, second) = try environment.write { txn in
            (try txn.put(bytes("1"), forKey: bytes("k"), in: names, flags: .noOverwrite),
             try txn.put(bytes("2"), forKey: bytes("k"), in: names, flags: .noOverwrite))
        }
        #expect(first && !second)
        #expect(try environment.read { try $0.get(bytes("k"), in: names) } == bytes("1"))
    }

    @Test func deleteEmptyAndDrop() throws {
        let directory = try TemporaryDirectory()
        let environment = try Environment(path: directory.path)
        let names = try environment.write { try $0.openDatabase("names") }
        try environment.write { txn in
            for key in ["a", "b", "c"] { try txn.put(bytes(key), forKey: bytes(key), in: names) }
        }
        #expect(try environment.write { try $0.delete(bytes("a"), in: names) })
        #expect(try environment.write { try $0.delete(bytes("a"), in: names) } == false)
        try environment.write { try $0.empty(names) }
        #expect(try environment.read { try $0.count(of: names) } == 0)
        try environment.write { try $0.drop(names) }
        #expect(throws: LMDBError.self) { try environment.write { try $0.openDatabase("names", flags: []) } }
    }

    /// `empty` deletes entry by entry: every duplicate and every large (overflow) value goes,
    /// the database stays open for writing, and the freed pages are used again.
    @Test func emptyRemovesDuplicatesAndLargeValues() throws {
        let directory = try TemporaryDirectory()
        let environment = try Environment(path: directory.path)
        let (plain, sorted) = try environment.write { txn in
            (try txn.openDatabase("plain"), try txn.openDatabase("sorted", flags: [.create, .duplicateSort]))
        }
        func fill() throws {
            try environment.write { txn in
                for index in 0..<200 {
                    try txn.put([UInt8](repeating: UInt8(index % 251), count: 20_000), forKey: bigEndian(UInt64(index)), in: plain)
                    for value in 0..<3 { try txn.put(bytes("v\(value)"), forKey: bigEndian(UInt64(index % 7)), in: sorted) }
                }
            }
        }
        try fill()
        #expect(try environment.read { try ($0.count(of: plain), $0.count(of: sorted)) } == (200, 21))
        let pagesFull = environment.info.lastPageNumber
        try environment.write { txn in
            try txn.empty(plain)
            try txn.empty(sorted)
        }
        #expect(try environment.read { try ($0.count(of: plain), $0.count(of: sorted)) } == (0, 0))
        // Two rounds later (LMDB reuses a page once no reader can see it), the file has not doubled.
        try environment.write { txn in try txn.put(bytes("x"), forKey: bytes("x"), in: plain) }
        try environment.write { txn in try txn.delete(bytes("x"), in: plain) }
        try fill()
        #expect(environment.info.lastPageNumber < pagesFull * 3 / 2)
    }
}
