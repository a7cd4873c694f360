import Foundation
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

    @Test func failedCommitIsReportedAndNeverAbortedAgain() throws {
        let directory = try TemporaryDirectory()
        let environment = try Environment(path: directory.path)
        let names = try environment.write { try $0.openDatabase("names") }
        let realCommit = environment.commitTransaction
        // Stand in for a commit that fails: like mdb_txn_commit it frees the transaction.
        // A wrapper that aborted after this would double-free and crash the test process.
        environment.commitTransaction = { handle in
            Environment.freeTransaction(handle)
            return EIO
        }
        let error = #expect(throws: LMDBError.self) {
            try environment.write { txn in try txn.put(bytes("v"), forKey: bytes("k"), in: names) }
        }
        #expect(error?.resultCode == EIO)
        #expect(error?.message.isEmpty == false)
        environment.commitTransaction = realCommit
        #expect(try environment.read { try $0.get(bytes("k"), in: names) } == nil)
        try environment.write { txn in try txn.put(bytes("v"), forKey: bytes("k"), in: names) }
        #expect(try environment.read { try $0.get(bytes("k"), in: names) } == bytes("v"))
    }

    @Test func commitFailingWithMapFullGrowsAndRetries() throws {
        let directory = try TemporaryDirectory()
        let environment = try Environment(path: directory.path, configuration: .init(mapSize: 1 << 20))
        let names = try environment.write { try $0.openDatabase("names") }
        let realCommit = environment.commitTransaction
        var failuresLeft = 1
        environment.commitTransaction = { handle in
            guard failuresLeft == 0 else {
                failuresLeft -= 1
                Environment.freeTransaction(handle)
                return LMDBError.mapFull
            }
            return realCommit(handle)
        }
        var runs = 0
        try environment.write { txn in
            runs += 1
            try txn.put(bytes("v"), forKey: bytes("k"), in: names)
        }
        #expect(runs == 2)
        #expect(environment.info.mapSize == 2 << 20)
        #expect(try environment.read { try $0.get(bytes("k"), in: names) } == bytes("v"))
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
        #expect(error?.resultCode == LMDBError.keyExists)
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
