import Disclosure
import Foundation
import Testing
@testable import History

/// The store's answers, read from projections for one unit's neighbourhood, against the
/// engine's answers over every document at once.
@Suite struct QueryTests {
    static let bureau = "武昌区医疗保障局"
    static let office = "武昌区医疗保障管理委员会办公室"
    static let civilAffairs = "武昌区民政局"

    @Test func everyTimelineEqualsTheOneBuiltFromTheWholeStore() throws {
        let filed = try FiledStore(ExtendedCorpus.documents, aliases: ExtendedCorpus.aliases)
        let queries = try filed.queries
        for unit in filed.directoryOfEverything.units {
            #expect(try queries.timeline(unit: unit.id.key) == filed.expectedTimeline(unit.id.key), "\(unit.id.key)")
        }
        // Any printed name finds the unit: a prefix, the typo inside its document, the short counterparty name.
        #expect(try queries.timeline(unit: "武汉市武昌区医保障局").unit.key == Self.bureau)
        let sample = try FiledStore(SampleCorpus.documents)
        let received = try sample.queries.timeline(unit: "武昌区民政局")
        #expect(received == sample.expectedTimeline(Self.civilAffairs))
        #expect(received.year(2023)?.transfersIn.first?.value == wan("289"))
    }

    @Test func diffsOfOneUnitAndOfTheWholeStoreEqualTheEnginesAnswers() throws {
        let filed = try FiledStore(ExtendedCorpus.documents, aliases: ExtendedCorpus.aliases)
        let queries = try filed.queries
        for (from, to) in [(2022, 2023), (2023, 2024), (2022, 2024)] {
            #expect(try queries.diff(from: from, to: to) == filed.expectedDiff(from, to), "\(from)→\(to)")
            for unit in [Self.bureau, Self.office, Self.civilAffairs] {
                let mine = try queries.diff(from: from, to: to, unit: unit)
                let whole = filed.expectedDiff(from, to, only: unit)
                #expect(mine.units == whole.units, "\(unit) \(from)→\(to)")
                #expect(mine.moves == whole.moves, "\(unit) \(from)→\(to)")
            }
        }
        let bureau = try #require(try queries.diff(from: 2022, to: 2023, unit: "武汉市武昌区医疗保障局").unit(UnitID(key: Self.bureau)))
        #expect(bureau.items.first?.code == "2101501" || bureau.items.first?.code == "2101301")
        #expect(bureau.transfers.map(\.statedBy) == [[.sender, .receiver]])
    }

    @Test func checkOfTheStoreAndOfOneUnit() throws {
        let filed = try FiledStore(ExtendedCorpus.documents, aliases: ExtendedCorpus.aliases)
        let queries = try filed.queries
        let all = try queries.check()
        #expect(all == ConsistencyCheck.run(documents: filed.documents, directory: filed.directoryOfEverything))
        let bureau = try queries.check(unit: Self.bureau)
        #expect(!bureau.isEmpty)
        #expect(bureau.allSatisfy { $0.unit.key == Self.bureau || $0.unit.key == Self.civilAffairs })
        #expect(Set(bureau).isSubset(of: Set(all)))
    }

    @Test func factsFilterByUnitYearKeyAndCode() throws {
        let filed = try FiledStore(SampleCorpus.documents)
        let queries = try filed.queries
        let line = try queries.facts(unit: "武汉市武昌区医疗保障管理委员会办公室", year: 2024, key: .functionExpenseTotal, code: "2101199")
        #expect(line.count == 1)
        #expect(line.first?.fact.amount == amount("2263.86"))
        #expect(line.first?.unitName == "武汉市武昌区医疗保障管理委员会办公室")
        #expect(line.first?.document == SampleCorpus.officeHash)
        // Year 2022 has no document: its facts are the ones implied by the 2023 document.
        let implied = try queries.facts(year: 2022)
        #expect(!implied.isEmpty && implied.allSatisfy { $0.fact.origin == .implied && $0.documentYear == 2023 })
        #expect(Set(implied.compactMap(\.fact.amount)) == [amount("700.28"), amount("700.27")])
        #expect(try queries.facts(key: .transferOut).count == 2)
        #expect(try queries.facts().count == SampleCorpus.documents.map(\.facts.count).reduce(0, +))
    }

    @Test func trendKeepsOneRowPerUnitAndYearAndEveryOtherValue() throws {
        let filed = try FiledStore(ExtendedCorpus.documents, aliases: ExtendedCorpus.aliases)
        let points = try filed.queries.trend(key: .incomeTotal, unit: Self.bureau)
        #expect(points.map(\.year) == [2022, 2023, 2024])
        // 2022: the bureau's own table wins over the 2023 document's implied 700.27, which is kept.
        #expect(points[0].chosen.fact.amount == amount("700.28") && points[0].origin == .table)
        #expect(points[0].otherValues.map(\.fact.amount) == [amount("700.27")])
        #expect(points[0].otherValues.first?.documentYear == 2023)
        #expect(points[1].origin == .narrative && points[1].chosen.fact.amount == amount("479.44"))
        let across = try filed.queries.trend(key: .grandTotal)
        #expect(Set(across.map(\.unit.key)) == [Self.bureau, Self.office, Self.civilAffairs])
        let office = across.filter { $0.unit.key == Self.office }
        #expect(office.map(\.year) == [2022, 2023, 2024])
        #expect(office[1].origin == .implied && office[1].chosen.fact.amount == amount("2882.33"))
        let code = try filed.queries.trend(key: .functionExpenseTotal, code: "2101301")
        #expect(code.map(\.unit.key) == [Self.bureau, Self.civilAffairs])
    }

    @Test func anUnknownUnitNamesTheCloseMatches() throws {
        let filed = try FiledStore(SampleCorpus.documents)
        let error = #expect(throws: UnknownUnitError.self) { try filed.queries.timeline(unit: "武昌区医疗保障") }
        #expect(error?.closeMatches.first == Self.bureau)
        #expect(error?.description.contains("history units") == true)
        #expect(throws: UnknownUnitError.self) { try filed.queries.facts(unit: "上海市普陀区万里街道办事处") }
    }

    @Test func declaringAnAliasJoinsTheRenamedUnit() throws {
        let filed = try FiledStore(ExtendedCorpus.documents)
        let queries = try filed.queries
        #expect(try queries.timeline(unit: Self.office).years.map(\.year) == [2023, 2024])
        let (sequence, unit) = try queries.declareAlias(ExtendedCorpus.formerOfficeName, canonical: "武汉市武昌区医疗保障管理委员会办公室")
        #expect(unit == Self.office)
        let timeline = try queries.timeline(unit: Self.office)
        #expect(timeline.years.map(\.year) == [2022, 2023, 2024])
        #expect(timeline.year(2022)?.document?.contentHash == ExtendedCorpus.office2022Hash)
        let names = try #require(try queries.units().record(UnitID(key: Self.office))?.names)
        #expect(names.contains { $0.rule == .declaredAlias && $0.explanation.contains("event \(sequence)") })
        #expect(throws: UnknownUnitError.self) { try queries.declareAlias("某某单位", canonical: "不存在的单位") }
    }
}
