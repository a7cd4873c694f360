import EventLog
import Foundation
import LMDB
import Testing
@testable import History

@Suite struct StoreTests {
    static func imported(_ name: String) -> HistoryEvent {
        .documentImported(DocumentImported(contentHash: ContentHash(of: Array(name.utf8)).hex, sourceName: name, mediaType: "text/plain", size: 1))
    }

    @Test func aMissingStoreIsCreatedOnlyWhenAsked() throws {
        let directory = try StoreDirectory()
        let path = directory.path + "/store"
        #expect(throws: StoreError.missing(path: path)) { _ = try Store(path: path) }
        _ = try Store(path: path, create: true)
        #expect(FileManager.default.fileExists(atPath: path + "/data.mdb"))
        _ = try Store(path: path)
    }

    @Test func somethingElseIsNotTakenForAStore() throws {
        let directory = try StoreDirectory()
        let file = try directory.file("notes.txt", Array("hello".utf8))
        #expect(throws: StoreError.self) { _ = try Store(path: file, create: true) }
        // A directory of other files is refused rather than filled with a store.
        #expect(throws: StoreError.notAStore(path: directory.path, reason: "it holds other files and no data.mdb")) {
            _ = try Store(path: directory.path, create: true)
        }
        // An LMDB environment that is not ours.
        let foreign = directory.path + "/foreign"
        try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: true)
        try Environment(path: foreign).write { txn in try txn.put([1], forKey: [1], in: txn.openDatabase(nil)) }
        let error = #expect(throws: StoreError.self) { _ = try Store(path: foreign) }
        #expect(error?.description.contains("not a history store") == true)
    }

    @Test func aStoreFromANewerBuildIsRefused() throws {
        let directory = try StoreDirectory()
        let store = try Store(path: directory.path + "/s", create: true)
        try store.write { txn in try store.log.setMetaNumber(Store.formatVersion + 1, forKey: Store.formatKey, in: txn) }
        #expect(throws: StoreError.newerFormat(path: directory.path + "/s", found: Store.formatVersion + 1, supported: Store.formatVersion)) {
            _ = try Store(path: directory.path + "/s")
        }
    }

    @Test func reopeningSeesEveryCommittedEventAndTheProjection() throws {
        let directory = try StoreDirectory()
        do {
            let store = try Store(path: directory.path + "/s", create: true)
            for index in 0..<5 { try store.write { txn in try store.append([Self.imported("doc\(index)")], in: txn) } }
        }
        let store = try Store(path: directory.path + "/s")
        try store.read { txn throws in
            #expect(try store.events(in: txn).map(\.event) == (0..<5).map { Self.imported("doc\($0)") })
            #expect(try store.projection(DocumentsProjection.self)?.count(in: txn) == 5)
            #expect(try store.log.checkpoint(named: "documents", in: txn) == Checkpoint(version: DocumentsProjection.version, lastFoldedSequence: 5))
        }
    }

    @Test func documentsProjectionFollowsParsesAndRetractions() throws {
        let directory = try StoreDirectory()
        let store = try Store(path: directory.path + "/s", create: true)
        let hash = ContentHash(of: Array("doc".utf8)).hex
        try store.write { txn in
            try store.append([
                Self.imported("doc"),
                .documentParseFailed(DocumentParseFailed(contentHash: hash, parserVersion: 1, error: "x")),
                .documentRetracted(DocumentRetracted(contentHash: hash, reason: "duplicate")),
            ], in: txn)
        }
        let record = try #require(try store.read { try store.projection(DocumentsProjection.self)?.record(hash, in: $0) })
        #expect(record.sourceNames == ["doc"] && record.importedSequence == 1)
        #expect(record.latestParseSequence == 2 && record.parseFailed && record.retracted)
    }

    @Test func aChangedProjectionVersionIsRebuiltAndAMissedOneCatchesUp() throws {
        let directory = try StoreDirectory()
        let path = directory.path + "/s"
        do {
            // Written by a build without the counting projection.
            let store = try Store(path: path, create: true, projections: [DocumentsProjection.self])
            try store.write { txn in try store.append([Self.imported("a"), Self.imported("b")], in: txn) }
        }
        do {
            let store = try Store(path: path, projections: [DocumentsProjection.self, CountingV1.self])
            #expect(try store.read { try CountingV1.total(in: $0, of: store) } == 2)
            try store.write { txn in try store.append([Self.imported("c")], in: txn) }
            #expect(try store.read { try CountingV1.total(in: $0, of: store) } == 3)
        }
        let store = try Store(path: path, projections: [DocumentsProjection.self, CountingV2.self])
        // Version 2 counts every event twice; a rebuild, not an increment on top of version 1.
        #expect(try store.read { try CountingV2.total(in: $0, of: store) } == 6)
        #expect(try store.read { try store.log.checkpoint(named: "counting", in: $0) } == Checkpoint(version: 2, lastFoldedSequence: 3))
    }

    /// An up-to-date store opens in a read-only transaction: it opens (and reads) while another
    /// process holds the write lock. An open that wrote would wait for that process, which gives
    /// up after a minute and says so.
    @Test func anUpToDateStoreOpensWithoutWaitingForAWriter() throws {
        let directory = try StoreDirectory()
        let path = directory.path + "/s"
        do {
            let store = try Store(path: path, create: true)
            try store.write { txn in try store.append([Self.imported("a")], in: txn) }
        }
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        holder.arguments = ["-c", """
            import lmdb, select, sys
            env = lmdb.open(sys.argv[1], max_dbs=64)
            txn = env.begin(write=True)
            print("locked", flush=True)
            released, _, _ = select.select([sys.stdin], [], [], 60)
            print("released" if released else "gave up after 60 s", flush=True)
            txn.abort()
            """, path]
        let toHolder = Pipe(), fromHolder = Pipe()
        holder.standardInput = toHolder
        holder.standardOutput = fromHolder
        try holder.run()
        let said = fromHolder.fileHandleForReading
        #expect(String(decoding: said.readData(ofLength: 7), as: UTF8.self) == "locked\n")

        let store = try Store(path: path)
        #expect(try store.read { try store.log.lastSequence(in: $0) } == 1)
        try toHolder.fileHandleForWriting.close()
        holder.waitUntilExit()
        #expect(String(decoding: said.readDataToEndOfFile(), as: UTF8.self) == "released\n")
    }
}

/// A projection that counts events, to watch rebuilds and catch-ups.
struct CountingV1: Projection {
    static let name = "counting"
    static var version: UInt32 { 1 }
    static var weight: UInt64 { 1 }
    let database: Database

    init(opening txn: WriteTransaction) throws { database = try txn.openDatabase("projection/counting") }
    init(existingIn txn: ReadTransaction) throws { database = try txn.openExistingDatabase("projection/counting") }

    func reset(in txn: WriteTransaction) throws { try txn.empty(database) }

    func fold(_ event: RecordedHistoryEvent, in txn: WriteTransaction) throws {
        let current = try txn.get([0], in: database).map { $0.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } } ?? 0
        try txn.put(withUnsafeBytes(of: (current + Self.weight).bigEndian) { Array($0) }, forKey: [0], in: database)
    }

    static func total(in txn: ReadTransaction, of store: Store) throws -> UInt64 {
        let database = store.projections.compactMap { ($0 as? CountingV1)?.database ?? ($0 as? CountingV2)?.database }.first!
        return try txn.get([0], in: database).map { $0.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } } ?? 0
    }
}

struct CountingV2: Projection {
    static let name = "counting"
    static let version: UInt32 = 2
    let database: Database

    init(opening txn: WriteTransaction) throws { database = try txn.openDatabase("projection/counting") }
    init(existingIn txn: ReadTransaction) throws { database = try txn.openExistingDatabase("projection/counting") }

    func reset(in txn: WriteTransaction) throws { try txn.empty(database) }

    func fold(_ event: RecordedHistoryEvent, in txn: WriteTransaction) throws {
        let current = try txn.get([0], in: database).map { $0.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } } ?? 0
        try txn.put(withUnsafeBytes(of: (current + 2).bigEndian) { Array($0) }, forKey: [0], in: database)
    }

    static func total(in txn: ReadTransaction, of store: Store) throws -> UInt64 { try CountingV1.total(in: txn, of: store) }
}
