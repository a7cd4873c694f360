import Foundation
import LMDB
import HistoryTestSupport
import Testing
import EventLog

/// Reads the log with python3-lmdb and nothing of ours, following README "On-disk format".
@Suite struct PythonReaderTests {
    /// The README's reader, trimmed to print one JSON array per event.
    static let reader = #"""
    import json, struct, sys, lmdb
    env = lmdb.open(sys.argv[1], max_dbs=16, readonly=True)
    events = env.open_db(b"events", create=False)
    blobs = env.open_db(b"blobs", create=False)
    with env.begin() as txn:
        for key, value in txn.cursor(db=events):
            (sequence,) = struct.unpack(">Q", key)
            envelope, version, millis, n = struct.unpack(">BHqB", value[:12])
            kind = value[12:12 + n].decode("utf-8")
            payload = value[12 + n:]
            print(json.dumps([sequence, envelope, kind, version, millis, payload.hex()]))
        print(json.dumps(["blobs", txn.stat(blobs)["entries"]]))
    """#

    @Test func python3LmdbReadsTheLogAsDocumented() throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog(environment: Environment(path: directory.path))
        let written = (0..<5).map { index in
            NewEvent(type: "Type\(index % 2)", schemaVersion: UInt16(index + 1), payload: Array("{\"n\":\(index),\"名\":\"武昌\"}".utf8))
        }
        let time = Date(timeIntervalSince1970: 1_700_000_000.25)
        try log.environment.write { txn in
            try log.append(written, in: txn, at: time)
            try log.putBlob(bytes("a document"), in: txn)
        }
        let output = try runSystemPython(Self.reader, arguments: [directory.path])
        let expected = written.enumerated().map { index, event in
            "[\(index + 1), 1, \"\(event.type)\", \(event.schemaVersion), 1700000000250, \"\(event.payload.map { String(format: "%02x", $0) }.joined())\"]"
        } + ["[\"blobs\", 1]"]
        #expect(output.split(separator: "\n").map(String.init) == expected)
    }
}
