import ArgumentParser
import EventLog
import Foundation
import LMDB

/// What `history import` wrote, reduced to sizes: per document its blob's size and its events'
/// envelope sizes, grouped into the batches the importer commits (so many documents or so many
/// bytes of documents, whichever fills first). The append benchmarks write filler bytes of
/// exactly these sizes, so they measure the store engine, not parsing or JSON.
struct AppendPlan {
    struct Document {
        var blobSize: Int
        var eventSizes: [Int]
    }

    var batches: [[Document]]

    var documentCount: Int { batches.reduce(0) { $0 + $1.count } }
    var eventCount: Int { batches.reduce(0) { $0 + $1.reduce(0) { $0 + $1.eventSizes.count } } }
    var byteCount: Int { batches.reduce(0) { $0 + $1.reduce(0) { $0 + $1.blobSize + $1.eventSizes.reduce(0, +) } } }
    var largestValue: Int { batches.joined().map { max($0.blobSize, $0.eventSizes.max() ?? 0) }.max() ?? 0 }

    /// Reads the sizes from a store that `history import` filled (nothing is written to it).
    init(store path: String, batchDocuments: Int, batchBytes: Int) throws {
        let environment = try Environment(path: path, configuration: .init(maxDatabases: 64))
        let log = try EventLog(environment: environment, create: false)
        var documents: [Document] = []
        try environment.read { txn in
            try txn.scan(log.events) { _, envelope in
                // Envelope: format(1) schema(2) time(8) N(1) type(N) payload (README, "On-disk format").
                let typeLength = Int(envelope[11])
                let type = String(decoding: UnsafeRawBufferPointer(rebasing: envelope[12..<(12 + typeLength)]), as: UTF8.self)
                if type == "DocumentImported" {
                    let payload = Data(UnsafeRawBufferPointer(rebasing: envelope[(12 + typeLength)...]))
                    let size = (try JSONSerialization.jsonObject(with: payload) as? [String: Any])?["size"] as? Int ?? 0
                    documents.append(Document(blobSize: size, eventSizes: [envelope.count]))
                } else if !documents.isEmpty {
                    documents[documents.count - 1].eventSizes.append(envelope.count)
                }
                return true
            }
        }
        guard !documents.isEmpty else { throw ValidationError("\(path): the store holds no imported document.") }
        var batches: [[Document]] = [], batch: [Document] = [], bytes = 0
        for document in documents {
            batch.append(document)
            bytes += document.blobSize
            if batch.count >= batchDocuments || bytes >= batchBytes {
                batches.append(batch)
                batch = []
                bytes = 0
            }
        }
        if !batch.isEmpty { batches.append(batch) }
        self.batches = batches
    }
}

/// Options shared by the append benchmarks.
struct AppendOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A store written by `history import`, whose sizes are replayed.", valueName: "DIR"))
    var from: String

    @Option(help: ArgumentHelp("Where to write (removed first).", valueName: "PATH"))
    var out: String

    @Option(help: "Documents per commit, as `history import --batch-documents`.")
    var batchDocuments = 64

    @Option(help: "Megabytes of documents per commit, as `history import --batch-megabytes`.")
    var batchMegabytes = 16

    @Option(help: "How many times to write the whole plan to a fresh file; figures are the median run.")
    var runs = 3

    func plan() throws -> AppendPlan {
        try AppendPlan(store: from, batchDocuments: batchDocuments, batchBytes: batchMegabytes << 20)
    }
}

/// Deterministic pseudo-random bytes (SplitMix64): filler values and blob keys that spread
/// over the key space as SHA-256 keys do.
struct FillerBytes {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func bytes(_ count: Int) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(count + 8)
        while result.count < count { withUnsafeBytes(of: next()) { result += $0 } }
        return Array(result.prefix(count))
    }
}

/// Size on disk of the files at `paths` that exist, in bytes (allocated blocks, like `du`).
func diskUsage(_ paths: [String]) -> Int {
    paths.reduce(0) { total, path in
        var info = stat()
        return stat(path, &info) == 0 ? total + Int(info.st_blocks) * 512 : total
    }
}
