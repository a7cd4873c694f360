import Foundation
import Testing

/// `history replay`, `rebuild`, `retract`, `verify` and `log --doc` through the built binary.
@Suite struct CorrectionCommandsTests {
    @Test func replayOfAnUnchangedParserAppendsNothingAndForceReappends() throws {
        let store = try TemporaryStore()
        _ = try run(["import"] + HistoryCLITests.corpusFiles, store: store)
        let count = HistoryCLITests.corpusFiles.count
        let replay = try run(["replay"], store: store)
        #expect(replay.status == 0)
        #expect(replay.stdout.hasPrefix("Replayed \(count) documents with parser v"))
        #expect(replay.stdout.contains(": 0 changed (appended 0 events)"))
        #expect(replay.stderr.contains("replay: \(count)/\(count) documents"))

        let dry = try run(["replay", "--force", "--dry-run", "--format", "json", "--quiet"], store: store)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(dry.stdout.utf8)) as? [String: Any])
        #expect((json["totals"] as? [String: Int])?["changed"] == count && json["appended"] as? Int == 0)
        #expect(dry.stderr.isEmpty)
        #expect(try run(["log"], store: store).stdout.split(separator: "\n").count == 2 * count)

        let forced = try run(["replay", "--force", "--doc", HistoryCLITests.corpusFiles[0]], store: store)
        #expect(forced.stdout.contains("(forced), event \(2 * count + 1)"))
        #expect(forced.stdout.contains("1 changed (appended 1 event)"))
    }

    @Test func retractThenLogTheStoryThenReimport() throws {
        let store = try TemporaryStore()
        let file = HistoryCLITests.corpusFiles[0]
        let name = URL(fileURLWithPath: file).lastPathComponent
        _ = try run(["import"] + HistoryCLITests.corpusFiles, store: store)
        #expect(try run(["retract", name], store: store).status != 0)  // --reason is required
        let retract = try run(["retract", name, "--reason", "a draft"], store: store)
        #expect(retract.status == 0 && retract.stdout.hasPrefix("retracted "))
        let hash = String(retract.stdout.dropFirst("retracted ".count).prefix(12))
        #expect(try run(["retract", hash, "--reason", "again"], store: store).stdout.contains("already retracted"))
        #expect(try run(["status"], store: store).stdout.contains("(1 retracted"))

        let reimport = try run(["import", file], store: store)
        #expect(reimport.stdout.hasPrefix("1 imported, 0 already imported"))
        let story = try run(["log", "--doc", hash], store: store).stdout
        #expect(story.contains("Document \(hash)") && story.contains("imported as \(name)"))
        let events = story.split(separator: "\n").filter { $0.first == " " && $0.contains("Document") }
        #expect(events.map { $0.split(separator: " ", omittingEmptySubsequences: true)[2] }
                == ["DocumentImported", "DocumentParsed", "DocumentRetracted", "DocumentImported", "DocumentParsed"])
        #expect(story.contains("retracted: a draft"))
        #expect(try run(["log", "--doc", "nothing-such.txt"], store: store).status != 0)
    }

    @Test func verifyFindsWhatPythonDamagedAndRebuildRepairsIt() throws {
        let store = try TemporaryStore()
        _ = try run(["import"] + HistoryCLITests.corpusFiles, store: store)
        let intact = try run(["verify"], store: store)
        #expect(intact.status == 0 && intact.stdout.contains("verified: the store is consistent"))
        #expect(intact.stdout.contains("projection/documents  \(HistoryCLITests.corpusFiles.count) entries, matches the log"))

        let damage = #"""
        import sys, lmdb
        env = lmdb.open(sys.argv[1], max_dbs=64)
        db = env.open_db(b"projection/documents", create=False)
        with env.begin(write=True) as txn:
            key = next(iter(txn.cursor(db=db)))[0]
            txn.put(key, b"{}", db=db)
        """#
        #expect(try execute("/usr/bin/python3", ["-c", damage, store.path]).status == 0)
        let damaged = try run(["verify"], store: store)
        #expect(damaged.status == 1)
        #expect(damaged.stdout.contains("projection/documents") && damaged.stdout.contains("1 changed entries"))

        let rebuild = try run(["rebuild"], store: store)
        #expect(rebuild.status == 0 && rebuild.stdout.hasPrefix("Rebuilt documents"))
        #expect(try run(["verify"], store: store).status == 0)
        let unknown = try run(["rebuild", "nosuch"], store: store)
        #expect(unknown.status != 0 && unknown.stderr.contains("no projection named nosuch"))
    }
}
