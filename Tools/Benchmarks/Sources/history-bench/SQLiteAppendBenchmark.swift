import ArgumentParser
import Foundation

/// The store most people would reach for: the same blobs and envelopes appended to SQLite in
/// WAL mode, one transaction per batch, with `synchronous=FULL` by default so every commit is
/// as durable as an LMDB commit (NORMAL in WAL mode may lose the last commits on power loss).
struct SQLiteAppendBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append-sqlite",
        abstract: "Append the sizes a store holds to a fresh SQLite database in WAL mode.")

    @OptionGroup var options: AppendOptions

    @Option(help: "PRAGMA synchronous: FULL (durable like LMDB) or NORMAL.")
    var synchronous = "FULL"

    func validate() throws {
        guard ["FULL", "NORMAL"].contains(synchronous.uppercased()) else {
            throw ValidationError("--synchronous is FULL or NORMAL.")
        }
    }

    func run() throws {
        let plan = try options.plan()
        var filler = FillerBytes(seed: 1)
        let payload = filler.bytes(plan.largestValue)
        let clock = ContinuousClock()
        var seconds: [Double] = []
        var size = 0
        for run in 1...max(1, options.runs) {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: options.out + suffix) }
            var keys = FillerBytes(seed: UInt64(run))
            let elapsed = try clock.measure {
                let database = try SQLiteDatabase(path: options.out)
                try database.execute("""
                    PRAGMA journal_mode=WAL; PRAGMA synchronous=\(synchronous.uppercased());
                    CREATE TABLE events(sequence INTEGER PRIMARY KEY, envelope BLOB NOT NULL);
                    CREATE TABLE blobs(hash BLOB PRIMARY KEY, bytes BLOB NOT NULL);
                    """)
                let insertBlob = try database.prepare("INSERT OR IGNORE INTO blobs(hash, bytes) VALUES (?, ?)")
                let insertEvent = try database.prepare("INSERT INTO events(sequence, envelope) VALUES (?, ?)")
                var sequence: Int64 = 0
                try payload.withUnsafeBytes { payload in
                    for batch in plan.batches {
                        let blobKeys = batch.map { _ in keys.bytes(32) }
                        try database.inTransaction {
                            for (document, key) in zip(batch, blobKeys) {
                                try key.withUnsafeBytes { key in
                                    try insertBlob.run(nil, key, UnsafeRawBufferPointer(rebasing: payload[0..<document.blobSize]))
                                }
                                for eventSize in document.eventSizes {
                                    sequence += 1
                                    try insertEvent.run(sequence, UnsafeRawBufferPointer(rebasing: payload[0..<eventSize]))
                                }
                            }
                        }
                    }
                }
            }
            seconds.append(elapsed.seconds)
            size = diskUsage([options.out, options.out + "-wal"])
            note(String(format: "append-sqlite (%@) run %d: %d documents, %d events, %.1f MB in %.3f s = %.0f documents/s",
                        synchronous.uppercased(), run, plan.documentCount, plan.eventCount, Double(plan.byteCount) / 1e6,
                        elapsed.seconds, Double(plan.documentCount) / elapsed.seconds))
        }
        let median = median(seconds)
        emit([
            "measure": "append-sqlite", "synchronous": synchronous.uppercased(), "documents": plan.documentCount,
            "events": plan.eventCount, "bytes": plan.byteCount, "batches": plan.batches.count, "runs": seconds.count,
            "seconds": median, "documents_per_second": Double(plan.documentCount) / median,
            "mb_per_second": Double(plan.byteCount) / 1e6 / median, "file_bytes": size,
        ])
    }
}
