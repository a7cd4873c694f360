import Disclosure
import Foundation
import Testing
@testable import History

/// A tables-only file that prints no year: refused a guess, then identified by the user, at
/// import or afterwards, by appending events; a replay keeps what the user said.
@Suite struct StatedIdentityStoreTests {
    /// The tables half of a disclosure, its one dated table title removed (hand-made, as in
    /// IdentityVariationTests): unit in the heads, no year anywhere.
    static let tables = """
        收支预算总表
        公开表一
        部门：  中共某某县委办公室                        单位：万元
        一、财政拨款     1,234.56  一、一般公共服务支出   1,000.00
        一般公共预算支出预算表
        部门：中共某某县委办公室                          单位：万元
        2010201  行政运行   800.00
        2013101  行政运行   200.00
        政府采购预算表
        部门：中共某某县委办公室                          单位：万元
        """

    static func events(_ store: Store) throws -> [HistoryEvent] {
        try store.read { try store.events(in: $0) }.map(\.event)
    }

    @Test func aFileWithoutAYearIsNotGivenOne() throws {
        let directory = try StoreDirectory()
        let store = try Store(path: directory.path + "/s", create: true)
        let outcome = try #require(Importer(store: store).importFiles([try directory.file("tables.txt", Array(Self.tables.utf8))]).first)
        guard case .imported(_, _, .parsed(let unit, let year, _, _)) = outcome else { Issue.record("not imported: \(outcome)"); return }
        #expect(unit == "中共某某县委办公室" && year == 0)
        #expect(try HistoryQueries(store: store).units().units.isEmpty == false)
        #expect(try HistoryQueries(store: store).timeline(unit: "中共某某县委办公室", kind: .budget).years.map(\.year) == [0])
    }

    @Test func identifyAppendsWhatTheUserSaidAndTheDocumentJoinsItsYear() throws {
        let directory = try StoreDirectory()
        let store = try Store(path: directory.path + "/s", create: true)
        let outcome = try #require(Importer(store: store).importFiles([try directory.file("tables.txt", Array(Self.tables.utf8))]).first)
        guard case .imported(_, let hash, _) = outcome else { Issue.record("not imported"); return }
        let before = try Self.events(store).count
        let (sequences, identity) = try store.identify(hash.hex, stated: StatedIdentity(year: 2019), said: "history identify --year 2019")
        #expect(sequences.count == 2 && identity.year == 2019 && identity.unit == "中共某某县委办公室")
        let events = try Self.events(store)
        #expect(events.count == before + 2)
        guard case .documentIdentified(let identified) = events[before], case .documentParsed(let parsed) = events[before + 1] else {
            Issue.record("expected DocumentIdentified then DocumentParsed"); return
        }
        #expect(identified.stated == StatedIdentity(year: 2019) && identified.said == "history identify --year 2019")
        #expect(!parsed.parsed.facts.isEmpty && parsed.parsed.facts.allSatisfy { $0.year == 2019 })
        let timeline = try HistoryQueries(store: store).timeline(unit: "中国共产党某某县委员会办公室", kind: .budget)
        #expect(timeline.years.map(\.year) == [2019])
        #expect(try HistoryQueries(store: store).facts(unit: "中共某某县委办公室", year: 2019).count == parsed.parsed.facts.count)

        // A new parser keeps what the user said.
        let report = try ParserReplay(store: store, parser: VersionedParser(version: 9) { DisclosureParser.parse($0) })
            .run(ParserReplay.Options(force: true))
        #expect(report.changed.count == 1)
        guard case .documentParsed(let replayed)? = try Self.events(store).last else { Issue.record("no replayed parse"); return }
        #expect(replayed.parserVersion == 9 && replayed.parsed.identity.year == 2019)
        #expect(replayed.parsed.identity.evidence.contains { $0.source == .user && $0.text == "history identify --year 2019" })
        // The projections, rebuilt from the log alone, agree.
        _ = try store.rebuildProjections()
        #expect(try HistoryQueries(store: store).timeline(unit: "中共某某县委办公室", kind: .budget).years.map(\.year) == [2019])
    }

    @Test func importCanSayItForTheFilesItImports() throws {
        let directory = try StoreDirectory()
        let store = try Store(path: directory.path + "/s", create: true)
        var importer = Importer(store: store)
        importer.stated = (StatedIdentity(year: 2019, kind: .budget, scope: .department), "history import --year 2019 --kind 部门预算")
        let outcome = try #require(importer.importFiles([try directory.file("tables.txt", Array(Self.tables.utf8))]).first)
        guard case .imported(_, _, .parsed(_, let year, _, let warnings)) = outcome else { Issue.record("not imported"); return }
        #expect(year == 2019)
        let events = try Self.events(store)
        #expect(events.map(\.type) == [.documentImported, .documentIdentified, .documentParsed])
        guard case .documentParsed(let parsed) = events[2] else { Issue.record("event 2 is not DocumentParsed"); return }
        #expect(!parsed.parsed.warnings.contains { $0.rule == .identityMissing } && warnings == parsed.parsed.warnings.count)
    }

    @Test func aRetractedDocumentCannotBeIdentified() throws {
        let directory = try StoreDirectory()
        let store = try Store(path: directory.path + "/s", create: true)
        guard case .imported(_, let hash, _)? = Importer(store: store).importFiles([try directory.file("t.txt", Array(Self.tables.utf8))]).first
        else { Issue.record("not imported"); return }
        _ = try store.retract(hash.hex, reason: "test")
        #expect(throws: IdentifyError.self) { try store.identify(hash.hex, stated: StatedIdentity(year: 2019), said: "x") }
    }
}
