import EventLog
import Foundation
import History
import Testing

/// One test per bad input to `history import`: each ends with a non-zero exit status (or a
/// warning for what imports), a message naming the file and what to do, and the store either
/// unchanged or holding the file's bytes with a recorded DocumentParseFailed.
@Suite struct ReliabilityBadInputTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../Fixtures/bad").standardized.path

    /// A store holding the sample corpus, a directory for bad files, and the log before the bad input.
    final class Scene {
        let store = try! TemporaryStore()
        let files = try! TemporaryStore()
        let logBefore: String

        init() throws {
            try FileManager.default.createDirectory(atPath: files.path, withIntermediateDirectories: true)
            #expect(try run(["import"] + HistoryCLITests.corpusFiles, store: store).status == 0)
            logBefore = try run(["log"], store: store).stdout
        }

        func file(_ name: String, _ bytes: [UInt8]) throws -> String {
            let path = files.path + "/" + name
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return path
        }

        func importing(_ paths: [String], _ options: [String] = []) throws -> Execution {
            let launched = try launch(historyBinary(), ["import"] + options + paths + ["--store", store.path])
            return try launched.finish(timeout: 60)
        }

        func expectUnchanged(sourceLocation: SourceLocation = #_sourceLocation) throws {
            #expect(try run(["log"], store: store).stdout == logBefore, "the store changed", sourceLocation: sourceLocation)
        }

        /// The store gained exactly the file's bytes, its DocumentImported and a DocumentParseFailed.
        func expectRecordedFailure(of path: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            let hash = ContentHash(of: bytes)
            let opened = try Store(path: store.path)
            let (stored, events) = try opened.read { txn in
                (try opened.log.blob(hash, in: txn), try opened.events(from: 5, in: txn))
            }
            #expect(stored == bytes, "the raw bytes are not stored", sourceLocation: sourceLocation)
            #expect(events.map(\.event.type.rawValue) == ["DocumentImported", "DocumentParseFailed"], sourceLocation: sourceLocation)
            guard case .documentParseFailed(let failed)? = events.last?.event else { return "" }
            #expect(failed.contentHash == hash.hex, sourceLocation: sourceLocation)
            return failed.error
        }
    }

    @Test func anEmptyFileIsRefused() throws {
        let scene = try Scene()
        let path = try scene.file("empty.txt", [])
        let result = try scene.importing([path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("failed \(path): is empty (0 bytes); download the disclosure again"))
        try scene.expectUnchanged()
    }

    @Test func binaryGarbageIsKeptWithTheReason() throws {
        let scene = try Scene()
        var generator = SystemRandomNumberGenerator()
        let path = try scene.file("garbage.txt", (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let result = try scene.importing([path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("stored \(path) ("))
        #expect(result.stderr.contains("without facts: it is not"))
        #expect(result.stdout.contains("1 imported without facts"))
        #expect(!(try scene.expectRecordedFailure(of: path)).isEmpty)
    }

    @Test func aPNGRenamedTxtIsKeptAsNotText() throws {
        let scene = try Scene()
        let path = Self.fixtures + "/picture-renamed.txt"
        let result = try scene.importing([path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("stored \(path) (") && result.stderr.contains("it is not text but a PNG image; give a .txt of the disclosure"))
        #expect(try scene.expectRecordedFailure(of: path).contains("a PNG image"))
    }

    @Test(arguments: [("GB18030", "GB18030"), ("UTF-16", "UTF-16LE")])
    func otherEncodingsImportWithTheirFacts(iconvName: String, recorded: String) throws {
        let scene = try Scene()
        let source = HistoryCLITests.corpusFiles[1]
        let path = scene.files.path + "/converted-\(iconvName).txt"
        let converted = try execute("/bin/sh", ["-c", "iconv -f UTF-8 -t \(iconvName) \"$0\" > \"$1\"", source, path])
        #expect(converted.status == 0, "\(converted.stderr)")
        let result = try scene.importing([path])
        #expect(result.status == 0, "\(result.stderr)")
        let original = try #require(try run(["log"], store: scene.store).stdout.split(separator: "\n").dropFirst(3).first)
        let log = try run(["log", "--format", "ndjson", "--from", "6"], store: scene.store).stdout
        #expect(log.contains("\"textEncoding\":\"\(recorded)\""))
        // The same facts as the UTF-8 original (its DocumentParsed line, sequence 4).
        let facts = /(\d+) facts/
        #expect(original.firstMatch(of: facts)?.output.1 == (try run(["log", "--from", "6"], store: scene.store).stdout.firstMatch(of: facts)?.output.1))
    }

    @Test(arguments: [("truncated.pdf", "the file is damaged, cut short or not a PDF: download it again"),
                      ("encrypted.pdf", "import a decrypted copy")])
    func aDamagedOrEncryptedPDFIsKeptWithWhatToDo(name: String, advice: String) throws {
        let scene = try Scene()
        let path = Self.fixtures + "/" + name
        let result = try scene.importing([path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("stored \(path) (") && result.stderr.contains(advice), "\(result.stderr)")
        #expect(try scene.expectRecordedFailure(of: path).contains(advice))
    }

    @Test func aFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws {
        let scene = try Scene()
        let path = scene.files.path + "/huge.txt"
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        let block = Data(String(repeating: try String(contentsOfFile: HistoryCLITests.corpusFiles[1], encoding: .utf8), count: 30).utf8)
        while try handle.offset() < 200 << 20 { try handle.write(contentsOf: block) }
        try handle.close()
        defer { try? FileManager.default.removeItem(atPath: path) }

        // Bounded memory: the import runs with its data segment capped at 150 MB (ulimit -d), so had
        // it read the 200 MB file into memory it would have failed otherwise than with the refusal.
        // (A peak measured after the fact is no good here: a child spawned from this large test
        // process inherits its high-water mark at exec.)
        let result = try execute("/bin/sh", ["-c", "ulimit -d 153600 && exec \"$0\" \"$@\"", historyBinary(), "import", path,
                                             "--store", scene.store.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("failed \(path): is 20"), "\(result.stderr)")
        #expect(result.stderr.contains("over the 64 MB limit for one document") && result.stderr.contains("--max-document-megabytes"))
        try scene.expectUnchanged()
    }

    @Test func aDisclosureWithoutUnitOrYearImportsWithAWarning() throws {
        let scene = try Scene()
        let path = try scene.file("untitled.txt", Array("一、收入支出决算总体情况说明\n本年收入合计100.00万元，本年支出合计100.00万元。\n".utf8))
        let result = try scene.importing([path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning: imported \(path) ("))
        #expect(result.stderr.contains("but it prints no unit and year the reader could find, so it stays off every timeline"))
        #expect(result.stderr.contains("say it: `history identify \(result.stderr.split(separator: "(")[1].prefix(12)) --unit 单位名称 --year YYYY`"))
        let log = try run(["log", "--format", "ndjson", "--from", "6"], store: scene.store).stdout
        #expect(log.contains("\"rule\":\"identity-missing\""), "\(log)")
    }

    /// "1,2345.6" (a separator in the wrong place) and "—" (a dash for nothing) import, and no
    /// fact takes a value from either: the cells are skipped, the rest of the document is read.
    @Test func malformedNumbersImportWithoutBecomingFacts() throws {
        let scene = try Scene()
        let original = try String(contentsOfFile: HistoryCLITests.corpusFiles[1], encoding: .utf8)
        var lines = original.components(separatedBy: "\n")
        let incomeLine = try #require(lines.firstIndex { $0.hasPrefix("本年收入合计\t") && $0.contains("2,345.22") })
        let totalLine = try #require(lines.firstIndex { $0.hasPrefix("总计\t") })
        lines[incomeLine] = lines[incomeLine].replacingOccurrences(of: "\t2,345.22\t本年支出", with: "\t1,2345.6\t本年支出")
        lines[totalLine] = lines[totalLine].replacingOccurrences(of: "2,345.22", with: "—")
        let path = try scene.file("odd-numbers.txt", Array(lines.joined(separator: "\n").utf8))
        let result = try scene.importing([path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("imported \(path) ("))

        let log = try run(["log", "--format", "ndjson", "--from", "6"], store: scene.store).stdout
        let event = try #require(try JSONSerialization.jsonObject(with: Data(log.utf8)) as? [String: Any])
        let parsed = try #require((event["payload"] as? [String: Any])?["parsed"] as? [String: Any])
        let facts = try #require(parsed["facts"] as? [[String: Any]])
        #expect(facts.count > 200)
        for fact in facts {
            let source = fact["source"] as? [String: Any]
            let line = source?["firstLine"] as? Int
            let text = source?["text"] as? String ?? ""
            if line == totalLine + 1 { Issue.record("a fact was read from the line of dashes: \(fact)") }
            if line == incomeLine + 1, let key = fact["key"] as? String {
                #expect(key == "expense.total", "a fact was read from the malformed 1,2345.6: \(fact)")
            }
            #expect(!"\(fact["value"] ?? "")".contains("12345") || !text.contains("1,2345.6"))
        }
    }

    @Test func aDirectoryArgumentSaysToGiveItsFiles() throws {
        let scene = try Scene()
        let result = try scene.importing([scene.files.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("failed \(scene.files.path): is a directory, not a file; give the files in it"))
        try scene.expectUnchanged()
    }

    @Test func aDirectoryWithAPipeAndADanglingLinkImportsWhatItCan() throws {
        let scene = try Scene()
        let fifo = scene.files.path + "/pipe.txt", link = scene.files.path + "/gone.txt"
        #expect(mkfifo(fifo, 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: scene.files.path + "/moved-away.txt")
        let readable = try scene.file("good.txt", Array(try Data(contentsOf: URL(fileURLWithPath: HistoryCLITests.corpusFiles[0]))) + Array("\n".utf8))
        // A pipe must be refused, not read: reading one would hang the import (timeout 60 s).
        let result = try scene.importing([fifo, link, readable])
        #expect(result.status == 1)
        #expect(result.stderr.contains("failed \(fifo): is a named pipe (FIFO), not a regular file"))
        #expect(result.stderr.contains("failed \(link): is a symbolic link to \(scene.files.path)/moved-away.txt, which does not exist"))
        #expect(result.stdout.hasPrefix("1 imported, 0 already imported, 2 failed"))
    }

    @Test(.enabled(if: getuid() != 0, "chmod 000 denies nothing to root, so an unreadable file cannot be made"))
    func anUnreadableFileIsRefusedWithItsReason() throws {
        let scene = try Scene()
        let locked = try scene.file("locked.txt", Array("text".utf8))
        chmod(locked, 0)
        let denied = try scene.importing([locked])
        #expect(denied.stderr.contains("failed \(locked): cannot be read (Permission denied)"))
    }
}
