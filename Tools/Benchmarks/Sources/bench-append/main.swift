// Measures how fast the event log takes seed-sized documents: per document one blob (the
// document's bytes) and two envelopes (a small DocumentImported-like JSON and a larger
// DocumentParsed-like JSON), committed one document per transaction or in batches.
//
// usage: bench-append STORE_DIR DOCUMENTS BATCH [SEED_FILE] [PARSED_PAYLOAD_BYTES]
import EventLog
import Foundation
import LMDB

let arguments = CommandLine.arguments
guard arguments.count >= 4, let documents = Int(arguments[2]), let batch = Int(arguments[3]), batch > 0 else {
    FileHandle.standardError.write(Data("usage: bench-append STORE_DIR DOCUMENTS BATCH [SEED_FILE] [PARSED_PAYLOAD_BYTES]\n".utf8))
    exit(2)
}
let directory = arguments[1]
let seed: [UInt8] = arguments.count > 4
    ? Array(try Data(contentsOf: URL(fileURLWithPath: arguments[4])))
    : Array(String(repeating: "一、收入支出决算总体情况 483.99万元\n", count: 700).utf8)
let parsedSize = arguments.count > 5 ? Int(arguments[5]) ?? 20_000 : 20_000

try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
let log = try EventLog(environment: Environment(path: directory))

// Prepared before timing: the benchmark measures the log, not JSON encoding or hashing.
let parsedPayload = Array(("{\"facts\":[" + String(repeating: "{\"key\":\"expense.total\",\"value\":\"483.99\"},", count: parsedSize / 42) + "{}]}").utf8)
let prepared: [(bytes: [UInt8], hash: ContentHash, events: [NewEvent])] = (0..<documents).map { index in
    let bytes = seed + Array("\n\(index)\n".utf8)
    let hash = ContentHash(of: bytes)
    let imported = Array("{\"contentHash\":\"\(hash.hex)\",\"mediaType\":\"text/plain\",\"size\":\(bytes.count),\"sourceName\":\"doc\(index).txt\"}".utf8)
    return (bytes, hash, [
        NewEvent(type: "DocumentImported", schemaVersion: 1, payload: imported),
        NewEvent(type: "DocumentParsed", schemaVersion: 1, payload: parsedPayload),
    ])
}
let totalBytes = prepared.reduce(0) { $0 + $1.bytes.count + $1.events.reduce(0) { $0 + $1.payload.count } }

let clock = ContinuousClock()
let elapsed = try clock.measure {
    var start = 0
    while start < prepared.count {
        let slice = prepared[start..<min(start + batch, prepared.count)]
        try log.environment.write { txn in
            for document in slice {
                _ = try log.putBlob(document.bytes, hash: document.hash, in: txn)
                try log.append(document.events, in: txn)
            }
        }
        start += batch
    }
}
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
let events = documents * 2
print(String(format: "batch %4d: %6d documents, %7d events in %.3f s = %8.0f events/s, %7.0f documents/s, %6.1f MB/s (document %d B, parsed payload %d B)",
             batch, documents, events, seconds, Double(events) / seconds, Double(documents) / seconds,
             Double(totalBytes) / seconds / 1_048_576, seed.count, parsedPayload.count))
