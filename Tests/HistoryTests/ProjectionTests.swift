import Disclosure
import EventLog
import Foundation
import LMDB
import Testing
@testable import History

@Suite struct ProjectionTests {
    static func parsed(_ document: FiledDocument) -> HistoryEvent {
        .documentParsed(DocumentParsed(contentHash: document.contentHash, parserVersion: 2, parsed: document.disclosure))
    }

    @Test func aDocumentsValueReadsBackEqualAndSmallerThanItsJSON() throws {
        var office = SampleCorpus.documents[1]
        office.disclosure.facts[0].source.page = 7
        office.disclosure.facts[1].share = Amount(hundredths: 5550)
        office.disclosure.facts[1].base = .operatingCostBudget
        office.disclosure.facts[1].project = "部门整体"
        office.disclosure.warnings.append(ParseWarning(rule: .tableMissing, message: "公开03表 lost", source: nil))
        office.disclosure.facts.append(Fact(key: .indicatorTarget, year: 2024, name: "满意度", value: .text("≥90%"), measure: .text,
                                            origin: .table, source: span(500, 501, "满意度\t≥90%")))
        for document in [SampleCorpus.documents[0], office] {
            let bytes = FiledDocumentCoding.encode(document)
            #expect(try FiledDocumentCoding.decode(bytes) == document)
            #expect(bytes.count * 2 < (try JSONEncoder().encode(document.disclosure)).count)
        }
        var truncated = FiledDocumentCoding.encode(office)
        truncated.removeLast(5)
        #expect(throws: ProjectionDecodingError.self) { try FiledDocumentCoding.decode(truncated) }
    }

    @Test func documentsAreFiledByCanonicalUnitAndYearWithTheirFactKeys() throws {
        let filed = try FiledStore(ExtendedCorpus.documents)
        let facts = try #require(filed.store.projection(FactIndexProjection.self))
        let registry = try #require(filed.store.projection(UnitRegistryProjection.self))
        try filed.store.read { txn throws in
            let bureau = try facts.documents(ofUnit: "武昌区医疗保障局", in: txn)
            #expect(bureau.map(\.year) == [2022, 2023, 2024])
            #expect(bureau[1] == filed.documents[0])
            #expect(try facts.documents(ofUnit: "武昌区医疗保障局", years: 2023...2023, in: txn).map(\.contentHash) == [SampleCorpus.bureauHash])
            let transferring = try facts.units(stating: .transferOut, in: txn)
            #expect(transferring.map(\.unit) == ["武昌区医疗保障局"] && transferring.map(\.year) == [2023])
            #expect(try registry.members(of: "武昌区民政局", in: txn).map(\.year) == [2023])
            #expect(try registry.documentedUnits(startingWith: "武昌区", in: txn)
                    == ["武昌区公费医疗管理办公室", "武昌区医疗保障局", "武昌区医疗保障管理委员会办公室", "武昌区民政局"])
            // The bureau's typo is indexed as a name its documents print; 区民政局 as a mention, qualified.
            #expect(try registry.units(printing: "武昌区医保障局", in: txn) == ["武昌区医疗保障局"])
            #expect(try registry.documents(mentioning: "武昌区民政局", in: txn) == [SampleCorpus.bureauHash])
        }
    }

    @Test func aLaterParseReplacesTheDocumentsFacts() throws {
        let filed = try FiledStore(SampleCorpus.documents)
        var reparsed = filed.documents[0]
        reparsed.disclosure.facts.removeAll { $0.key == .transferOut }
        reparsed.disclosure.identity.otherNames = []
        try filed.store.write { txn in try filed.store.append([Self.parsed(reparsed)], in: txn) }
        let facts = try #require(filed.store.projection(FactIndexProjection.self))
        let registry = try #require(filed.store.projection(UnitRegistryProjection.self))
        try filed.store.read { txn throws in
            #expect(try facts.documents(ofUnit: "武昌区医疗保障局", in: txn) == [reparsed])
            #expect(try facts.units(stating: .transferOut, in: txn).isEmpty)
            #expect(try facts.units(stating: .grandTotal, in: txn).map(\.unit) == ["武昌区医疗保障局", "武昌区医疗保障管理委员会办公室"])
            #expect(try registry.documents(mentioning: "武昌区民政局", in: txn).isEmpty)
            #expect(try registry.units(printing: "武昌区医保障局", in: txn).isEmpty)
        }
    }

    /// Folding skips an identical parse's unfiling and refiling; what it leaves must be what
    /// folding it in full leaves, and a different parse after it must still replace the facts.
    @Test func theSameParseAgainLeavesTheFactIndexAsItWas() throws {
        let filed = try FiledStore(SampleCorpus.documents)
        func factIndex() throws -> [String: [[UInt8]]] { try filed.projectionContents().filter { $0.key.hasPrefix("projection/facts/") } }
        let before = try factIndex()
        #expect(before.count == 4)
        try filed.store.write { txn in try filed.store.append(filed.documents.map(Self.parsed), in: txn) }
        #expect(try factIndex() == before)
        var reparsed = filed.documents[0]
        reparsed.disclosure.facts.removeAll { $0.key == .transferOut }
        try filed.store.write { txn in try filed.store.append([Self.parsed(reparsed)], in: txn) }
        let facts = try #require(filed.store.projection(FactIndexProjection.self))
        #expect(try filed.store.read { try facts.units(stating: .transferOut, in: $0) }.isEmpty)
        let folded = try filed.projectionContents()
        try filed.store.rebuildProjections()
        #expect(try filed.projectionContents() == folded)
    }

    @Test func aRetractedDocumentLeavesEveryProjection() throws {
        let filed = try FiledStore(SampleCorpus.documents)
        try filed.store.write { txn in
            try filed.store.append([.documentRetracted(DocumentRetracted(contentHash: SampleCorpus.bureauHash, reason: "wrong file"))], in: txn)
        }
        // A parse arriving after the retraction does not bring it back.
        try filed.store.write { txn in try filed.store.append([Self.parsed(filed.documents[0])], in: txn) }
        let queries = try filed.queries
        #expect(try queries.units().units.map(\.id.key) == ["武昌区医疗保障管理委员会办公室"])
        #expect(try queries.facts(key: .grandTotal).allSatisfy { $0.document == SampleCorpus.officeHash })
        #expect(throws: UnknownUnitError.self) { try queries.timeline(unit: "武昌区医疗保障局") }
    }

    @Test func theSameBytesImportedAfterARetractionComeBack() throws {
        let filed = try FiledStore(SampleCorpus.documents)
        let bureau = filed.documents[0]
        try filed.store.write { txn in
            try filed.store.append([.documentRetracted(DocumentRetracted(contentHash: bureau.contentHash, reason: "wrong file"))], in: txn)
        }
        try filed.store.write { txn in
            try filed.store.append([
                .documentImported(DocumentImported(contentHash: bureau.contentHash, sourceName: bureau.sourceName,
                                                   mediaType: "text/plain", size: 1)),
                Self.parsed(bureau),
            ], in: txn)
        }
        let queries = try filed.queries
        #expect(try queries.units().units.map(\.id.key).contains("武昌区医疗保障局"))
        #expect(try queries.timeline(unit: "武昌区医疗保障局").years.map(\.year).contains(2023))
    }

    @Test func anAliasMovesTheDocumentsOfTheUnitItNames() throws {
        let filed = try FiledStore(ExtendedCorpus.documents, aliases: ExtendedCorpus.aliases)
        let facts = try #require(filed.store.projection(FactIndexProjection.self))
        try filed.store.read { txn throws in
            #expect(try facts.documents(ofUnit: "武昌区医疗保障管理委员会办公室", in: txn).map(\.year) == [2022, 2024])
            #expect(try facts.documents(ofUnit: "武昌区公费医疗管理办公室", in: txn).isEmpty)
            #expect(try facts.units(stating: .functionExpenseTotal, in: txn).contains { $0.unit == "武昌区医疗保障管理委员会办公室" && $0.year == 2022 })
        }
        let timeline = try filed.queries.timeline(unit: ExtendedCorpus.formerOfficeName)
        #expect(timeline == filed.expectedTimeline("武昌区医疗保障管理委员会办公室"))
    }

    @Test func rebuildingFromTheLogReachesWhatFoldingReached() throws {
        let filed = try FiledStore(ExtendedCorpus.documents, aliases: ExtendedCorpus.aliases)
        try filed.store.write { txn in
            try filed.store.append([.documentRetracted(DocumentRetracted(contentHash: ExtendedCorpus.bureau2024Hash, reason: "test"))], in: txn)
        }
        let folded = try filed.projectionContents()
        #expect(folded["projection/facts/documents"]?.count == 5)
        try filed.store.rebuildProjections()
        #expect(try filed.projectionContents() == folded)
        // One commit for everything folds to the same state as one commit per event.
        let batched = try FiledStore(ExtendedCorpus.documents, aliases: ExtendedCorpus.aliases, batch: true)
        try batched.store.write { txn in
            try batched.store.append([.documentRetracted(DocumentRetracted(contentHash: ExtendedCorpus.bureau2024Hash, reason: "test"))], in: txn)
        }
        #expect(try batched.projectionContents() == folded)
    }
}
