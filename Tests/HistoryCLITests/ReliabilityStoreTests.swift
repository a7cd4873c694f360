import EventLog
import Foundation
import History
import Testing

/// Stores that `history import` must refuse without changing them.
@Suite struct ReliabilityStoreTests {
    /// Every file under `directory` with the SHA-256 of its bytes, to prove nothing changed.
    func fingerprint(_ directory: String) throws -> [String: String] {
        var result: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
            result[name] = ContentHash(of: Array(bytes)).hex
        }
        return result
    }

    @Test func aDirectoryOfOtherFilesIsNotAStore() throws {
        let store = try TemporaryStore()
        try FileManager.default.createDirectory(atPath: store.path, withIntermediateDirectories: true)
        try Data("notes".utf8).write(to: URL(fileURLWithPath: store.path + "/notes.txt"))
        let before = try fingerprint(store.path)
        let result = try run(["import", HistoryCLITests.corpusFiles[0]], store: store)
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(store.path) is not a history store (it holds other files and no data.mdb); choose another directory with --store DIR"))
        #expect(try fingerprint(store.path) == before)
    }

    @Test func aDataFileThatIsNotLMDBIsNotAStoreAndGetsNoLockFile() throws {
        let store = try TemporaryStore()
        try FileManager.default.createDirectory(atPath: store.path, withIntermediateDirectories: true)
        try Data(repeating: 0x41, count: 16384).write(to: URL(fileURLWithPath: store.path + "/data.mdb"))
        let before = try fingerprint(store.path)
        let result = try run(["import", HistoryCLITests.corpusFiles[0]], store: store)
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(store.path) is not a history store (its data.mdb is not an LMDB file this build reads)"), "\(result.stderr)")
        #expect(try fingerprint(store.path) == before)
    }

    @Test func aFileIsNotAStore() throws {
        let store = try TemporaryStore()
        try Data("x".utf8).write(to: URL(fileURLWithPath: store.path))
        let result = try run(["import", HistoryCLITests.corpusFiles[0]], store: store)
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(store.path) is not a history store (it is a file, not a directory)"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: store.path)) == Data("x".utf8))
    }

    @Test func aStoreOfANewerFormatIsRefusedUnchanged() throws {
        let store = try TemporaryStore()
        #expect(try run(["import", HistoryCLITests.corpusFiles[0]], store: store).status == 0)
        do {
            let opened = try Store(path: store.path)
            try opened.write { txn in try opened.log.setMetaNumber(Store.formatVersion + 1, forKey: "store-format", in: txn) }
        }
        let before = try fingerprint(store.path).filter { $0.key == "data.mdb" }
        for arguments in [["import", HistoryCLITests.corpusFiles[1]], ["status"], ["log"]] {
            let result = try run(arguments, store: store)
            #expect(result.status != 0)
            #expect(result.stderr.contains("the store at \(store.path) has format \(Store.formatVersion + 1), newer than this build reads (\(Store.formatVersion)); upgrade history"))
        }
        #expect(try fingerprint(store.path).filter { $0.key == "data.mdb" } == before)
    }

    /// A newer build appended an event of a schema version this build cannot read (and folded
    /// it into its projections): reading it says to upgrade, and the store stays as it was.
    @Test func anEventOfANewerSchemaVersionSaysToUpgrade() throws {
        let store = try TemporaryStore()
        #expect(try run(["import", HistoryCLITests.corpusFiles[0]], store: store).status == 0)
        do {
            let opened = try Store(path: store.path)
            try opened.write { txn in
                let payload = Array(#"{"contentHash":"00","future":true}"#.utf8)
                let sequence = try opened.log.append(NewEvent(type: "DocumentImported", schemaVersion: 99, payload: payload), in: txn)
                for (name, checkpoint) in try opened.log.checkpoints(in: txn) {
                    try opened.log.setCheckpoint(Checkpoint(version: checkpoint.version, lastFoldedSequence: sequence), named: name, in: txn)
                }
            }
        }
        let before = try fingerprint(store.path).filter { $0.key == "data.mdb" }
        let result = try run(["log"], store: store)
        #expect(result.status != 0)
        #expect(result.stderr.contains("DocumentImported version 99 is newer than this build reads (1); upgrade history"), "\(result.stderr)")
        #expect(try fingerprint(store.path).filter { $0.key == "data.mdb" } == before)
    }

    /// A store the user may not write: as root (CI), permissions deny nothing, so the import
    /// runs as `nobody` through setpriv; skipped where neither applies.
    @Test(.enabled(if: getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
                   "as root, a store can only be made read-only to the import through /usr/bin/setpriv (util-linux)"))
    func aReadOnlyStoreIsRefusedWithWhatToDo() throws {
        let store = try TemporaryStore()
        #expect(try run(["import", HistoryCLITests.corpusFiles[0]], store: store).status == 0)
        let before = try fingerprint(store.path)
        let arguments = ["import", HistoryCLITests.corpusFiles[1], "--store", store.path]
        let result: Execution
        if getuid() == 0 {
            // The store stays root's (0755 directory, 0644 files); nobody may read but not write it.
            chmod(store.path, 0o755)
            for name in ["data.mdb", "lock.mdb"] { chmod(store.path + "/" + name, 0o644) }
            let corpusCopy = NSTemporaryDirectory() + "history-readonly-" + UUID().uuidString + ".txt"
            try FileManager.default.copyItem(atPath: HistoryCLITests.corpusFiles[1], toPath: corpusCopy)
            chmod(corpusCopy, 0o644)
            defer { try? FileManager.default.removeItem(atPath: corpusCopy) }
            result = try execute("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", try historyBinary(),
                                                      "import", corpusCopy, "--store", store.path])
        } else {
            for name in ["data.mdb", "lock.mdb"] { chmod(store.path + "/" + name, 0o444) }
            chmod(store.path, 0o555)
            defer { chmod(store.path, 0o755) }
            result = try execute(try historyBinary(), arguments)
        }
        #expect(result.status != 0)
        #expect(result.stderr.contains("cannot open the store at \(store.path) for writing (Permission denied); make the directory and its files writable for you"), "\(result.stderr)")
        #expect(try fingerprint(store.path) == before)
    }
}
