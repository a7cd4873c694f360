import Foundation
import Synchronization
import Testing
import LMDB

@Suite struct ConcurrencyTests {
    /// Shared between the writer and the readers of one test.
    final class Shared: Sendable {
        let writerDone = Atomic<Bool>(false)
        let problems = Mutex<[String]>([])
        let snapshotsRead = Atomic<Int>(0)
    }

    static let batches = 150, perBatch = 10

    @Test func readersSeeConsistentSnapshotsWhileAWriterAppendsAndGrowsTheMap() throws {
        let directory = try TemporaryDirectory()
        // A small map, so the writer grows it while readers are running.
        let environment = try Environment(path: directory.path, configuration: .init(mapSize: 256 << 10))
        let (log, counter) = try environment.write { txn in
            (try txn.openDatabase("log"), try txn.openDatabase("counter"))
        }
        let shared = Shared()
        // Real threads, not a dispatch pool: on a two-core machine a pool may run the readers
        // only after the writer, which would test nothing.
        let finished = DispatchGroup()
        for worker in 0..<4 {
            finished.enter()
            Thread.detachNewThread {
                defer { finished.leave() }
                if worker == 0 {
                    Self.append(to: log, counter: counter, in: environment, shared: shared)
                } else {
                    repeat {
                        Self.checkSnapshot(of: log, counter: counter, in: environment, shared: shared)
                    } while !shared.writerDone.load(ordering: .acquiring)
                }
            }
        }
        finished.wait()
        #expect(shared.problems.withLock { $0 } == [])
        #expect(shared.snapshotsRead.load(ordering: .relaxed) >= 3)
        #expect(try environment.read { try $0.count(of: log) } == Self.batches * Self.perBatch)
        #expect(environment.info.mapSize > 256 << 10)
    }

    /// Appends batches of entries, each batch also storing the count a reader must find.
    private static func append(to log: Database, counter: Database, in environment: Environment, shared: Shared) {
        defer { shared.writerDone.store(true, ordering: .releasing) }
        do {
            for batch in 0..<batches {
                try environment.write { txn in
                    for item in 0..<perBatch {
                        let sequence = UInt64(batch * perBatch + item)
                        try txn.append([UInt8](repeating: UInt8(truncatingIfNeeded: sequence), count: 2_000),
                                       forKey: bigEndian(sequence), in: log)
                    }
                    try txn.put(bigEndian(UInt64((batch + 1) * perBatch)), forKey: bytes("count"), in: counter)
                }
            }
        } catch {
            shared.problems.withLock { $0.append("writer: \(error)") }
        }
    }

    /// Reads one snapshot: the stored count, the entry count and a walk must all agree.
    private static func checkSnapshot(of log: Database, counter: Database, in environment: Environment, shared: Shared) {
        do {
            try environment.read { txn in
                let stated = try txn.get(bytes("count"), in: counter).map { bytes in
                    bytes.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                } ?? 0
                let entries = try txn.count(of: log)
                var walked = 0
                try txn.scan(log) { key, value in
                    let sequence = key.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                    if sequence != UInt64(walked) || value.first != UInt8(truncatingIfNeeded: sequence) {
                        shared.problems.withLock { $0.append("entry \(walked) holds \(sequence)") }
                    }
                    walked += 1
                    return true
                }
                if entries != Int(stated) || walked != Int(stated) {
                    shared.problems.withLock { $0.append("counter \(stated), count \(entries), walked \(walked)") }
                }
            }
            shared.snapshotsRead.add(1, ordering: .relaxed)
        } catch {
            shared.problems.withLock { $0.append("reader: \(error)") }
        }
    }
}
