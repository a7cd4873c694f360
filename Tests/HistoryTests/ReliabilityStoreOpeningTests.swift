import EventLog
import Foundation
import LMDB
import Testing

@testable import History

/// What a kill at any moment, a second writer, or a hostile file leaves for the next open.
@Suite struct ReliabilityStoreOpeningTests {
    @Test func aCreationKilledBeforeItsFirstCommitIsNoStoreUntilTheNextImport() throws {
        let directory = try StoreDirectory()
        // What a kill between mdb_env_open and the creating commit leaves: an LMDB file with nothing in it.
        _ = try Environment(path: directory.path)
        #expect(throws: StoreError.missing(path: directory.path)) { try Store(path: directory.path) }
        let store = try Store(path: directory.path, create: true)
        let outcomes = Importer(store: store).importFiles(Corpus.paths)
        #expect(outcomes.allSatisfy { if case .imported = $0 { true } else { false } })
        #expect(try store.read { try store.log.metaNumber(Store.formatKey, in: $0) } == Store.formatVersion)
    }

    @Test func anLMDBFileOfAnotherProgramIsNotAStoreAndStaysUnchanged() throws {
        let directory = try StoreDirectory()
        do {
            let environment = try Environment(path: directory.path, configuration: .init(maxDatabases: 4))
            try environment.write { txn in
                let other = try txn.openDatabase("settings")
                try txn.put(Array("1".utf8), forKey: Array("x".utf8), in: other)
            }
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: directory.path + "/data.mdb"))
        #expect(throws: StoreError.notAStore(path: directory.path, reason: "its LMDB file has no event log")) {
            try Store(path: directory.path, create: true)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: directory.path + "/data.mdb")) == before)
    }

    @Test func aWriterWaitingForAnotherTransactionIsToldSo() throws {
        let directory = try StoreDirectory()
        let notices = Counter()
        let store = try Store(path: directory.path + "/s", create: true,
                              writerWait: Environment.WriterWait(after: 0.1) { notices.increment() })
        let started = DispatchSemaphore(value: 0)
        let holder = Thread {
            try? store.write { _ in
                started.signal()
                Thread.sleep(forTimeInterval: 0.6)
            }
        }
        holder.start()
        started.wait()
        try store.write { _ in }
        #expect(notices.value == 1)
        // An uncontended write says nothing.
        try store.write { _ in }
        #expect(notices.value == 1)
    }

    @Test func aPipeIsRefusedWithoutBlockingAndALimitBeforeReading() throws {
        let directory = try StoreDirectory()
        let fifo = directory.path + "/pipe.txt"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: ImportRefusal.notRegular(kind: "a named pipe (FIFO)")) { try DocumentFile.read(fifo, limit: 1 << 20) }
        let path = try directory.file("big.txt", Array(repeating: 0x41, count: 5000))
        #expect(throws: ImportRefusal.tooLarge(size: 5000, limit: 4096)) { try DocumentFile.read(path, limit: 4096) }
        #expect(try DocumentFile.read(path, limit: 5000).count == 5000)
        #expect(throws: ImportRefusal.directory) { try DocumentFile.read(directory.path, limit: 4096) }
        #expect(throws: ImportRefusal.missing) { try DocumentFile.read(directory.path + "/absent", limit: 4096) }
    }
}

/// A count shared with a notice closure.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
