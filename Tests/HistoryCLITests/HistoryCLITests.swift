import Foundation
import Testing

/// Runs the built `history` executable end to end against a temporary store.
@Suite struct HistoryCLITests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../Corpus").standardized.path
    static var corpusFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []).filter { $0.hasSuffix(".txt") }.sorted().map { corpus + "/" + $0 }
    }

    @Test func importTwiceThenStatusAndLog() throws {
        let store = try TemporaryStore()
        let first = try run(["import"] + Self.corpusFiles, store: store)
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("2 imported, 0 already imported, 0 failed"))
        #expect(first.stderr.contains("[2/2] imported"))
        let again = try run(["import"] + Self.corpusFiles, store: store)
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("0 imported, 2 already imported"))
        #expect(again.stderr.components(separatedBy: "already imported").count == 3)

        let status = try run(["status"], store: store)
        #expect(status.stdout.contains("Store        \(store.path)"))
        #expect(status.stdout.contains("Events       4 (last sequence 4)"))
        #expect(status.stdout.contains("Documents    2 "))
        #expect(status.stdout.contains("documents    v3  folded to 4  (up to date)"))

        let log = try run(["log"], store: store)
        let lines = log.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[0].contains("DocumentImported") && lines[1].contains("DocumentParsed"))
    }

    @Test func ndjsonLogMatchesWhatPython3LmdbReadsFromTheStore() throws {
        let store = try TemporaryStore()
        _ = try run(["import"] + Self.corpusFiles, store: store)
        let ndjson = try run(["log", "--format", "ndjson"], store: store).stdout
        let ours = try ndjson.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        // The README's reader: envelopes decoded by hand, payloads parsed as JSON.
        let script = #"""
        import json, struct, sys, lmdb
        env = lmdb.open(sys.argv[1], max_dbs=64, readonly=True)
        events = env.open_db(b"events", create=False)
        with env.begin() as txn:
            for key, value in txn.cursor(db=events):
                (sequence,) = struct.unpack(">Q", key)
                envelope, version, millis, n = struct.unpack(">BHqB", value[:12])
                print(json.dumps({"sequence": sequence, "type": value[12:12 + n].decode(), "schemaVersion": version,
                                  "payload": json.loads(value[12 + n:])}, sort_keys=True))
        """#
        let python = try execute("/usr/bin/python3", ["-c", script, store.path])
        #expect(python.status == 0, "python3-lmdb could not read the store: \(python.stderr)")
        let theirs = try python.stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(theirs.count == 4 && ours.count == 4)
        for (mine, other) in zip(ours, theirs) {
            for key in ["sequence", "type", "schemaVersion", "payload"] {
                let expected = try #require(mine[key] as? NSObject, "ndjson lacks \(key)")
                #expect(other[key] as? NSObject == expected, "python3-lmdb reads \(key) differently")
            }
        }
    }

    @Test func logFiltersByDocumentAndRange() throws {
        let store = try TemporaryStore()
        _ = try run(["import"] + Self.corpusFiles, store: store)
        let hash = try #require(run(["log", "--format", "ndjson", "--limit", "1"], store: store).stdout
            .components(separatedBy: "\"contentHash\":\"").dropFirst().first?.prefix(8))
        let forDocument = try run(["log", "--doc", String(hash), "--format", "ndjson"], store: store).stdout.split(separator: "\n")
        #expect(forDocument.count == 2 && forDocument.allSatisfy { $0.contains(hash) })
        let range = try run(["log", "--from", "2", "--limit", "2"], store: store).stdout.split(separator: "\n")
        #expect(range.map { $0.split(separator: " ").first } == ["2", "3"])
        #expect(try run(["log", "--doc", "zz"], store: store).status != 0)
    }

    @Test func failuresNameTheFileAndSetTheExitStatus() throws {
        let store = try TemporaryStore()
        let result = try run(["import", store.path + "-absent.txt"] + Self.corpusFiles, store: store)
        #expect(result.status == 1)
        #expect(result.stderr.contains("failed \(store.path)-absent.txt: no such file"))
        #expect(result.stdout.hasPrefix("2 imported, 0 already imported, 1 failed"))
    }

    @Test func readingAMissingStoreSaysHowToCreateOne() throws {
        let store = try TemporaryStore()
        let result = try run(["status", "--store", store.path + "/nothing-here"], store: store)
        #expect(result.status != 0)
        #expect(result.stderr.contains("no store at \(store.path)/nothing-here"))
    }

    @Test func storeComesFromTheEnvironmentWhenNoOptionIsGiven() throws {
        let store = try TemporaryStore()
        _ = try run(["import", Self.corpusFiles[0]], store: store)
        let status = try execute(historyBinary(), ["status"], environment: ["HISTORY_STORE": store.path])
        #expect(status.stdout.contains("Events       2"))
        let help = try execute(historyBinary(), ["status", "--help"])
        #expect(help.stdout.contains("HISTORY_STORE") && help.stdout.contains(".history-store"))
    }
}

/// A store directory path that does not exist yet, removed afterwards.
final class TemporaryStore {
    let path = NSTemporaryDirectory() + "history-cli-tests-" + UUID().uuidString
    init() throws {}
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

struct Execution {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// The `history` executable built next to this test bundle.
func historyBinary() throws -> String {
    let candidates = [
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("history").path,
        Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("history").path,
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/debug/history").standardized.path,
    ]
    return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0) }, "build `history` first: swift build")
}

func run(_ arguments: [String], store: TemporaryStore) throws -> Execution {
    try execute(historyBinary(), arguments.contains("--store") ? arguments : arguments + ["--store", store.path])
}

func execute(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Execution {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var variables = ProcessInfo.processInfo.environment
    variables.removeValue(forKey: "HISTORY_STORE")
    variables.merge(environment) { $1 }
    process.environment = variables
    let output = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    let errors = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
    defer {
        try? FileManager.default.removeItem(at: output)
        try? FileManager.default.removeItem(at: errors)
    }
    process.standardOutput = try FileHandle(forWritingTo: output)
    process.standardError = try FileHandle(forWritingTo: errors)
    try process.run()
    process.waitUntilExit()
    return Execution(
        status: process.terminationStatus,
        stdout: String(decoding: try Data(contentsOf: output), as: UTF8.self),
        stderr: String(decoding: try Data(contentsOf: errors), as: UTF8.self))
}
