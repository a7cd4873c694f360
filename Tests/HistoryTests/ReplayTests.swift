import Disclosure
import EventLog
import Foundation
import Testing
@testable import History

@Suite struct ReplayTests {
    static let broken = ToyParser(missing: [.expenseTotal], misread: [.incomeTotal])
    static let fixed = ToyParser(ignoresNotes: true)

    /// A store whose two documents were imported with the broken parser, version 1.
    static func importedWithBrokenParser(_ directory: StoreDirectory) throws -> (Store, affected: String, unaffected: String) {
        let store = try Store.forReplayTests(directory)
        let affected = try directory.file("affected.txt", Array(ToyDocuments.affected.utf8))
        let unaffected = try directory.file("unaffected.txt", Array(ToyDocuments.unaffected.utf8))
        let outcomes = Importer(store: store, parser: broken.versioned(1)).importFiles([affected, unaffected])
        #expect(outcomes.allSatisfy { if case .imported = $0 { true } else { false } })
        return (store, ContentHash(of: Array(ToyDocuments.affected.utf8)).hex, ContentHash(of: Array(ToyDocuments.unaffected.utf8)).hex)
    }

    @Test func aParserFixIsReportedAppendedAndFoldedIntoTheProjections() throws {
        let directory = try StoreDirectory()
        let (store, affected, unaffected) = try Self.importedWithBrokenParser(directory)
        #expect(try FactSumProjection.sums(in: store) == [affected: 19_500, unaffected: 5_000])

        let report = try ParserReplay(store: store, parser: Self.fixed.versioned(2)).run()
        #expect(report.examined == 2 && report.appended == 1 && report.skipped.isEmpty)
        let document = try #require(report.changed.first)
        #expect(report.changed.count == 1 && document.contentHash == affected && document.sourceName == "affected.txt")
        #expect(document.transition == .reparsed && document.previousParserVersion == 1)
        #expect(document.diff.added.map(\.key) == [.expenseTotal] && document.diff.added[0].amount == Amount(parsing: "80"))
        #expect(document.diff.removed.map(\.key) == [.expenseBasic])
        #expect(document.diff.changed.map { [$0.before.amount, $0.after.amount] } == [[Amount(parsing: "90"), Amount(parsing: "99")]])
        #expect(document.diff.warningsLost.map(\.rule) == [.sumMismatch] && document.diff.warningsGained.isEmpty)
        #expect(!document.diff.identityChanged)

        // The log: the old parse kept, the new one appended with the fixed parser's version and output.
        let events = try store.read { try store.events(in: $0) }
        #expect(events.map(\.event.type) == [.documentImported, .documentParsed, .documentImported, .documentParsed, .documentParsed])
        guard case .documentParsed(let appended) = events.last?.event else { Issue.record("no DocumentParsed appended"); return }
        #expect(document.appendedSequence == events.last?.sequence)
        #expect(appended.contentHash == affected && appended.parserVersion == 2 && appended.textEncoding == "UTF-8")
        #expect(appended.parsed == Self.fixed.parse(ToyDocuments.affected))
        guard case .documentParsed(let original) = events[1].event else { Issue.record("the first parse is gone"); return }
        #expect(original.parserVersion == 1 && original.parsed == Self.broken.parse(ToyDocuments.affected))

        // The projections: the documents record and the fact counter follow the new parse.
        let record = try #require(try store.read { try store.projection(DocumentsProjection.self)?.record(affected, in: $0) })
        #expect(record.parserVersion == 2 && record.latestParseSequence == events.last?.sequence)
        #expect(try FactSumProjection.sums(in: store) == [affected: 27_900, unaffected: 5_000])
        #expect(try StoreVerifier(store: store).verify().holds)
    }

    @Test func theReportSaysWhatChangedInTextAndJSON() throws {
        let directory = try StoreDirectory()
        let (store, affected, _) = try Self.importedWithBrokenParser(directory)
        let report = try ParserReplay(store: store, parser: Self.fixed.versioned(2)).run(.init(dryRun: true))
        let text = report.text()
        #expect(text.contains("\(affected.prefix(12))  affected.txt  测试局 2024 决算  parser v1 → v2 (reparsed)"))
        #expect(text.contains("  + expense.total 2024 = 80 万元 (table, line 3)"))
        #expect(text.contains("  - expense.basic 2024 = 5 万元 (table, line 5)"))
        #expect(text.contains("  ~ income.total 2024: 90 万元 → 99 万元 (table, line 4)"))
        #expect(text.contains("  warning lost: sum-mismatch: no expense.total to check the items against"))
        #expect(text.hasSuffix("Replayed 2 documents with parser v2: 1 changed (would append 1 event); facts +1 -1 ~1, warnings +0 -1; 0 skipped (dry run: nothing was written)\n"))

        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.json.serialized().utf8)) as? [String: Any])
        #expect(json["type"] as? String == "replay" && json["dry_run"] as? Bool == true && json["appended"] as? Int == 0)
        let totals = try #require(json["totals"] as? [String: Int])
        #expect(totals == ["changed": 1, "skipped": 0, "facts_added": 1, "facts_removed": 1, "facts_changed": 1, "warnings_gained": 0, "warnings_lost": 1])
        let document = try #require((json["documents"] as? [[String: Any]])?.first)
        let changed = try #require((document["facts_changed"] as? [[String: [String: Any]]])?.first)
        #expect(changed["before"]?["value"] as? Double == 90 && changed["after"]?["value"] as? Double == 99)
        #expect(changed["after"]?["lines"] as? [Int] == [4, 4])
    }

    @Test func aDryRunAppendsNothingAndASecondReplayAppendsNothing() throws {
        let directory = try StoreDirectory()
        let (store, _, _) = try Self.importedWithBrokenParser(directory)
        let before = try store.projectionContents()
        let dry = try ParserReplay(store: store, parser: Self.fixed.versioned(2)).run(.init(dryRun: true))
        #expect(dry.changed.count == 1 && dry.appended == 0 && dry.changed[0].appendedSequence == nil)
        #expect(try store.read { try store.log.count(in: $0) } == 4)
        #expect(try store.projectionContents() == before)

        let first = try ParserReplay(store: store, parser: Self.fixed.versioned(2)).run()
        #expect(first.appended == 1)
        let second = try ParserReplay(store: store, parser: Self.fixed.versioned(2)).run()
        #expect(second.examined == 2 && second.changed.isEmpty && second.appended == 0)
        #expect(try store.read { try store.log.count(in: $0) } == 5)
    }

    @Test func forceAppendsEvenIdenticalParses() throws {
        let directory = try StoreDirectory()
        let (store, _, unaffected) = try Self.importedWithBrokenParser(directory)
        let report = try ParserReplay(store: store, parser: Self.broken.versioned(1)).run(.init(force: true, documents: [unaffected]))
        #expect(report.changed.map(\.transition) == [.forced] && report.changed[0].diff.isEmpty && report.appended == 1)
    }

    @Test func forcingWithANewerParserAppendsItsVersionAndAnEmptyDiff() throws {
        let directory = try StoreDirectory()
        let (store, _, unaffected) = try Self.importedWithBrokenParser(directory)
        let report = try ParserReplay(store: store, parser: Self.fixed.versioned(2)).run(.init(force: true, documents: [unaffected]))
        let document = try #require(report.changed.first)
        #expect(document.transition == .forced && document.previousParserVersion == 1 && document.diff.isEmpty)
        #expect(document.diff.identityBefore?.unit == "另一局" && document.diff.identityAfter == document.diff.identityBefore)
        let last = try store.read { try store.events(in: $0) }.last
        guard case .documentParsed(let appended)? = last?.event else { Issue.record("no DocumentParsed appended"); return }
        #expect(appended.parserVersion == 2 && appended.parsed == Self.fixed.parse(ToyDocuments.unaffected))
    }

    /// Replay compares stored bytes first; a parse stored in another layout (as an older encoder
    /// might have written it) must still be found equal by value, not reparsed.
    @Test func aStoredParseInAnotherLayoutIsComparedByValue() throws {
        let directory = try StoreDirectory()
        let store = try Store.forReplayTests(directory)
        let text = Array(ToyDocuments.unaffected.utf8)
        let hash = ContentHash(of: text)
        let parse = DocumentParsed(contentHash: hash.hex, parserVersion: 1, textEncoding: "UTF-8", parsed: Self.fixed.parse(ToyDocuments.unaffected))
        let encoder = HistoryEvent.makeEncoder()
        encoder.outputFormatting = [.prettyPrinted]
        let imported = HistoryEvent.documentImported(DocumentImported(contentHash: hash.hex, sourceName: "a.txt", mediaType: "text/plain", size: text.count))
        try store.write { txn in
            _ = try store.log.putBlob(text, hash: hash, in: txn)
            try store.append([imported, .documentParsed(parse)], encoded: [
                try imported.encoded(),
                NewEvent(type: DocumentParsed.type.rawValue, schemaVersion: DocumentParsed.schemaVersion, payload: Array(try encoder.encode(parse))),
            ], in: txn)
        }
        let report = try ParserReplay(store: store, parser: Self.fixed.versioned(1)).run()
        #expect(report.examined == 1 && report.changed.isEmpty && report.skipped.isEmpty)
        let forced = try ParserReplay(store: store, parser: Self.fixed.versioned(1)).run(.init(force: true))
        #expect(forced.changed.map(\.transition) == [.forced] && forced.changed[0].diff.isEmpty)
    }

    @Test func scopesSelectByUnitAndDocument() throws {
        let directory = try StoreDirectory()
        let (store, affected, unaffected) = try Self.importedWithBrokenParser(directory)
        let replay = ParserReplay(store: store, parser: Self.fixed.versioned(2))
        #expect(try replay.run(.init(dryRun: true, unit: "另一局")).examined == 1)
        #expect(try replay.run(.init(dryRun: true, unit: "局")).examined == 2)
        #expect(try replay.run(.init(dryRun: true, unit: "教育局")).examined == 0)
        #expect(try replay.run(.init(dryRun: true, documents: [unaffected])).changed.isEmpty)
        #expect(try replay.run(.init(documents: [affected])).appended == 1)
    }

    @Test func aDocumentThatFailedBeforeIsRecoveredAndUnreadableBytesStayFailed() throws {
        let directory = try StoreDirectory()
        let store = try Store.forReplayTests(directory)
        let text = Array(ToyDocuments.unaffected.utf8)
        let hash = ContentHash(of: text)
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]
        // As an import without pdftotext's help, or with an older decoder, might have left it.
        try store.write { txn in
            _ = try store.log.putBlob(text, hash: hash, in: txn)
            try store.append([
                .documentImported(DocumentImported(contentHash: hash.hex, sourceName: "old.txt", mediaType: "text/plain", size: text.count)),
                .documentParseFailed(DocumentParseFailed(contentHash: hash.hex, parserVersion: 1, error: "could not decode")),
            ], in: txn)
        }
        Importer(store: store, parser: Self.fixed.versioned(1)).importFiles([try directory.file("image.png", png)])
        let report = try ParserReplay(store: store, parser: Self.fixed.versioned(2)).run()
        #expect(report.examined == 2 && report.changed.count == 1)
        #expect(report.changed.first?.transition == .recovered && report.changed.first?.diff.added.count == 1)
        #expect(try FactSumProjection.sums(in: store)[hash.hex] == 5_000)
        #expect(try store.read { try store.projection(DocumentsProjection.self)?.record(hash.hex, in: $0)?.parseFailed } == false)
    }

    @Test func parsingOnSeveralCoresAppendsInImportOrderWhateverTheBatch() throws {
        let directory = try StoreDirectory()
        let paths = try (0..<40).map { index in
            try directory.file("doc\(index).txt", Array("单位 局\(index) 2024\nincome.total 2024 = \(index).00\nexpense.total 2024 = 1.00\n".utf8))
        }
        var appendedOrders: [[String]] = []
        for batch in [1, 7, 64] {
            let store = try Store.forReplayTests(directory, name: "batch\(batch)")
            Importer(store: store, parser: Self.broken.versioned(1)).importFiles(paths)
            let report = try ParserReplay(store: store, parser: Self.fixed.versioned(2), batchDocuments: batch).run()
            #expect(report.appended == 40)
            let sequences = report.changed.compactMap(\.appendedSequence)
            #expect(sequences == sequences.sorted() && Set(sequences).count == 40)
            appendedOrders.append(report.changed.map(\.sourceName))
        }
        #expect(appendedOrders.allSatisfy { $0 == paths.map { URL(fileURLWithPath: $0).lastPathComponent } })
    }
}
