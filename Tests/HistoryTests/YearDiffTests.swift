import Testing
import Disclosure
@testable import History

@Suite struct YearDiffTests {
    static func diff(_ from: Int, _ to: Int, _ documents: [FiledDocument] = SampleCorpus.documents,
                     aliases: [DeclaredAlias] = [], only unit: String? = nil) -> YearDiff {
        let directory = UnitDirectory(documents: documents, aliases: aliases)
        let timelines = directory.units.map { record in
            let concerning = Set(directory.documentsConcerning(record.id))
            return UnitTimeline(unit: record.id, directory: directory, documents: documents.filter { concerning.contains($0.contentHash) })
        }
        return YearDiff(from: from, to: to, timelines: timelines, only: unit.map { UnitID(key: $0) })
    }

    @Test func sample2023To2024() throws {
        let diff = Self.diff(2023, 2024)
        // 区民政局's only evidence is a 2023 transfer, which is not a change after 2023.
        #expect(diff.units.map(\.unit.key) == ["武昌区医疗保障局", "武昌区医疗保障管理委员会办公室"])
        let office = try #require(diff.unit(UnitID(key: "武昌区医疗保障管理委员会办公室")))
        let grand = try #require(office.totals.first)
        #expect(grand.key == .grandTotal)
        #expect(grand.from?.value == wan("2882.33"))
        #expect(grand.from?.basis == .implied)
        #expect(grand.from?.evidence.first?.document == SampleCorpus.officeHash)
        #expect(grand.to?.value == wan("2345.22"))
        #expect(grand.delta == wan("-537.11"))
        #expect(grand.percent == amount("-18.63"))
        #expect(grand.stated.first?.reason == SampleCorpus.officeReason)
        #expect(office.items.isEmpty)
        #expect(office.missingEvidence.map(\.message) == ["import 武汉市武昌区医疗保障管理委员会办公室's 2023 决算 to compare item by item"])
        #expect(office.reasons.map(\.label) == ["year-over-year"])

        let bureau = try #require(diff.unit(UnitID(key: "武昌区医疗保障局")))
        #expect(bureau.totals.first?.to == nil)
        #expect(bureau.missingEvidence.map(\.need) == [.totals])
    }

    @Test func sample2022To2023ShowsTransferAndWhatToImport() throws {
        let diff = Self.diff(2022, 2023)
        let bureau = try #require(diff.unit(UnitID(key: "武昌区医疗保障局")))
        let grand = try #require(bureau.totals.first { $0.key == .grandTotal })
        #expect(grand.from?.value == wan("700.28"))
        #expect(grand.delta == wan("-220.84"))
        #expect(bureau.totals.first { $0.key == .incomeTotal }?.delta == wan("-220.83"))
        #expect(bureau.transfers.map(\.name) == ["医疗救助专项项目"])
        #expect(bureau.missingEvidence.map(\.message) == ["import 武汉市武昌区医疗保障局's 2022 决算 to compare item by item"])
        #expect(bureau.reasons.allSatisfy { $0.label == "year-over-year" })
        let civil = try #require(diff.unit(UnitID(key: "武昌区民政局")))
        #expect(civil.missingEvidence.map(\.message) == ["import 武昌区民政局's 2023 决算 to see its side of the transfer"])
        #expect(diff.moves.count == 1)
        #expect(diff.moves.first?.transfer?.value == wan("289"))
    }

    @Test func itemLevelChangesRankedWithReasonsAndAMove() throws {
        let diff = Self.diff(2022, 2023, ExtendedCorpus.documents, aliases: ExtendedCorpus.aliases)
        let bureau = try #require(diff.unit(UnitID(key: "武昌区医疗保障局")))
        #expect(bureau.missingEvidence.isEmpty)
        #expect(bureau.items.prefix(3).map(\.code) == ["2101301", "2101501", "2100410"])
        let relief = bureau.items[0]
        #expect(relief.status == .removed)
        #expect(relief.delta == wan("-289"))
        #expect(relief.name == "城乡医疗救助")
        let admin = bureau.items[1]
        #expect(admin.from?.figure.value == wan("343.18"))
        #expect(admin.to?.figure.value == wan("194.1"))
        #expect(admin.delta == wan("-149.08"))
        #expect(admin.percent == amount("-43.44"))
        #expect(admin.reasons.map(\.label) == ["budget-variance"])
        #expect(bureau.items[2].status == .added)
        // Compared by code, named as the catalogue names it now.
        #expect(bureau.items.first { $0.code == "2210202" }?.name == "提租补贴")
        #expect(bureau.items.first { $0.code == "2210202" }?.from?.printedNames == ["租房补贴"])

        let move = try #require(diff.moves.first)
        #expect(diff.moves.count == 1)
        #expect(move.transfer?.statedBy == [.sender, .receiver])
        #expect(move.code == "2101301")
        #expect(move.fromValue == wan("289"))
        #expect(move.toValue == wan("289"))
        #expect(move.toName == "武汉市武昌区民政局")
    }

    @Test func threeYearsAcrossAnAliasAndARenamedCode() throws {
        let diff = Self.diff(2022, 2024, ExtendedCorpus.documents, aliases: ExtendedCorpus.aliases,
                             only: "武昌区医疗保障管理委员会办公室")
        #expect(diff.units.count == 1)
        let office = try #require(diff.units.first)
        #expect(office.fromDocument?.printedUnit == ExtendedCorpus.formerOfficeName)
        #expect(office.totals.first?.delta == wan("-605.18"))
        let health = try #require(office.items.first)
        #expect(health.code == "210")
        #expect(health.name == "卫生健康支出")
        #expect(health.from?.printedNames == ["医疗卫生与计划生育支出"])
        #expect(health.delta == wan("-605.75"))
        // The 2024 document's change is stated against 2023, not 2022: kept, with its base year.
        #expect(office.totals.first?.stated.map(\.baseYear) == [2023])
        #expect(diff.moves.isEmpty)
    }

    @Test func oneUnitDiffNeedsOnlyItsLinkedUnits() throws {
        let documents = ExtendedCorpus.documents
        let directory = UnitDirectory(documents: documents, aliases: ExtendedCorpus.aliases)
        let bureau = UnitID(key: "武昌区医疗保障局")
        let units = [bureau] + directory.linkedUnits(of: bureau)
        #expect(units.map(\.key) == ["武昌区医疗保障局", "武昌区民政局"])
        let timelines = units.map { unit in
            let concerning = Set(directory.documentsConcerning(unit))
            return UnitTimeline(unit: unit, directory: directory, documents: documents.filter { concerning.contains($0.contentHash) })
        }
        let local = YearDiff(from: 2022, to: 2023, timelines: timelines, only: bureau)
        let full = Self.diff(2022, 2023, documents, aliases: ExtendedCorpus.aliases, only: "武昌区医疗保障局")
        #expect(local == full)
    }
}
