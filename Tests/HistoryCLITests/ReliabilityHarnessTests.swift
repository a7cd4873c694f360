import Foundation
import History
import Testing

/// The short forms of Tools/reliability/crash.sh and concurrent.sh, and what they rely on.
@Suite struct ReliabilityHarnessTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized.path

    /// Runs a harness script with the `history` built for these tests.
    func harness(_ script: String, _ arguments: [String]) throws -> Execution {
        try execute("/bin/bash", [Self.repository + "/Tools/reliability/" + script] + arguments,
                    environment: ["HISTORY": try historyBinary()])
    }

    @Test func killedImportsLeaveWholeDocumentsAndTheRestImportsLater() throws {
        let result = try harness("crash.sh", ["5", "20"])
        #expect(result.status == 0, "crash.sh failed: \(result.stderr)")
        #expect(result.stdout.contains("complete cycles:") && result.stdout.contains("every document stored exactly once"))
        let survived = try #require(result.stdout.firstMatch(of: /kills survived: (\d+) of 5/)).output.1
        let checked = try #require(result.stdout.firstMatch(of: /documents checked: (\d+)/)).output.1
        // The last check alone sees all 20; kills that land after a finished import still count as checks.
        #expect(Int(checked)! >= 20, "\(survived) kills survived")
    }

    @Test func twoImportsAtOnceStoreEveryDocumentOnceWhileReadersRead() throws {
        let result = try harness("concurrent.sh", ["40", "1"])
        #expect(result.status == 0, "concurrent.sh failed: \(result.stderr)")
        #expect(result.stdout.contains("concurrent imports: 2 in 1 rounds of 2 × 40 documents; documents stored exactly once: 60"))
    }

    @Test func anImportWaitingForAnotherWriterSaysSo() throws {
        let store = try TemporaryStore()
        _ = try run(["import", HistoryCLITests.corpusFiles[0]], store: store)
        let opened = try Store(path: store.path)
        var waited: Launched?
        // Hold the writer lock in this process while another process imports.
        try opened.write { _ in
            let other = try launch(historyBinary(), ["import", HistoryCLITests.corpusFiles[1], "--store", store.path])
            Thread.sleep(forTimeInterval: 1.5)
            waited = other
        }
        let result = try #require(waited).finish()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("waiting for another import to finish…"))
        #expect(result.stdout.hasPrefix("1 imported, 0 already imported, 0 failed"))
    }

    @Test func theStoreFollowsTheUmask() throws {
        let store = try TemporaryStore()
        let result = try execute("/bin/sh", ["-c", "umask 027 && exec \"$0\" \"$@\"", try historyBinary(),
                                             "import", "--store", store.path, HistoryCLITests.corpusFiles[0]])
        #expect(result.status == 0, "\(result.stderr)")
        let files = FileManager.default
        for (path, mode) in [(store.path, 0o750), (store.path + "/data.mdb", 0o640), (store.path + "/lock.mdb", 0o640)] {
            let permissions = try #require(files.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
            #expect(permissions == mode, "\(path) has mode \(String(permissions, radix: 8)), expected \(String(mode, radix: 8))")
        }
        // Nothing but the environment's two files: no temporary copies, no side files.
        #expect(try files.contentsOfDirectory(atPath: store.path).sorted() == ["data.mdb", "lock.mdb"])
    }
}

/// A `history` process started and not yet waited for; its output goes to files.
struct Launched {
    let process: Process
    let output: URL
    let errors: URL

    /// Waits for the process (killing it after `timeout` seconds) and collects its output.
    func finish(timeout: TimeInterval = 120) throws -> Execution {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        process.waitUntilExit()
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: errors)
        }
        return Execution(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: output), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errors), as: UTF8.self))
    }
}

func launch(_ executable: String, _ arguments: [String]) throws -> Launched {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var variables = ProcessInfo.processInfo.environment
    variables.removeValue(forKey: "HISTORY_STORE")
    process.environment = variables
    let output = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    let errors = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: output)
    process.standardError = try FileHandle(forWritingTo: errors)
    try process.run()
    return Launched(process: process, output: output, errors: errors)
}
