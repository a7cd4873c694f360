import ArgumentParser
import EventLog
import Foundation
import LMDB

/// The raw LMDB limit: the import's blobs and envelopes, same sizes, same batches, same
/// durability (a synced commit per batch), with nothing parsed, encoded or folded.
struct LMDBAppendBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append-lmdb",
        abstract: "Append the sizes a store holds to a fresh LMDB environment: the engine's limit.")

    @OptionGroup var options: AppendOptions

    func run() throws {
        let plan = try options.plan()
        var filler = FillerBytes(seed: 1)
        let payload = filler.bytes(plan.largestValue)
        let clock = ContinuousClock()
        var seconds: [Double] = []
        var size = 0
        for run in 1...max(1, options.runs) {
            try? FileManager.default.removeItem(atPath: options.out)
            try FileManager.default.createDirectory(atPath: options.out, withIntermediateDirectories: true)
            var keys = FillerBytes(seed: UInt64(run))
            let elapsed = try clock.measure {
                // As Store opens it: 64 MiB map that doubles when full, synced commits.
                let environment = try Environment(path: options.out, configuration: .init(maxDatabases: 64))
                let log = try EventLog(environment: environment)
                var sequence: UInt64 = 0
                for batch in plan.batches {
                    let blobKeys = batch.map { _ in keys.bytes(32) }
                    let first = sequence
                    // Re-runnable body (the map may grow): sequences restart from `first`.
                    try environment.write { txn in
                        var next = first
                        for (document, key) in zip(batch, blobKeys) {
                            try txn.put(count: document.blobSize, forKey: key, in: log.blobs, flags: .noOverwrite) {
                                fill($0, from: payload)
                            }
                            for eventSize in document.eventSizes {
                                next += 1
                                try txn.put(count: eventSize, forKey: bigEndian(next), in: log.events, flags: .append) {
                                    fill($0, from: payload)
                                }
                            }
                        }
                    }
                    sequence += UInt64(batch.reduce(0) { $0 + $1.eventSizes.count })
                }
            }
            seconds.append(elapsed.seconds)
            size = diskUsage([options.out + "/data.mdb"])
            note(String(format: "append-lmdb run %d: %d documents, %d events, %.1f MB in %.3f s = %.0f documents/s",
                        run, plan.documentCount, plan.eventCount, Double(plan.byteCount) / 1e6, elapsed.seconds,
                        Double(plan.documentCount) / elapsed.seconds))
        }
        let median = median(seconds)
        emit([
            "measure": "append-lmdb", "documents": plan.documentCount, "events": plan.eventCount, "bytes": plan.byteCount,
            "batches": plan.batches.count, "runs": seconds.count, "seconds": median,
            "documents_per_second": Double(plan.documentCount) / median, "mb_per_second": Double(plan.byteCount) / 1e6 / median,
            "file_bytes": size,
        ])
    }
}

func bigEndian(_ value: UInt64) -> [UInt8] {
    withUnsafeBytes(of: value.bigEndian) { Array($0) }
}

/// Fills `target` with the first bytes of `payload`.
func fill(_ target: UnsafeMutableRawBufferPointer, from payload: [UInt8]) {
    payload.withUnsafeBytes { source in
        target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[0..<target.count]))
    }
}
