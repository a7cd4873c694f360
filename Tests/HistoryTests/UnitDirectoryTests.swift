import Testing
import Disclosure
@testable import History

@Suite struct UnitDirectoryTests {
    @Test func dropsCityPrefixBeforeADistrictName() {
        let name = UnitName("武汉市武昌区医疗保障局")
        #expect(name.key == "武昌区医疗保障局")
        #expect(name.droppedPrefix == "武汉市")
        #expect(name.district == "武昌区")
        #expect(UnitName("武昌区医疗保障局").key == "武昌区医疗保障局")
        #expect(UnitName("上海市普陀区人民政府万里街道办事处").key == "普陀区人民政府万里街道办事处")
    }

    @Test func keepsPrefixWhenNoDistrictFollows() {
        #expect(UnitName("武汉市医疗保障局").key == "武汉市医疗保障局")
        #expect(UnitName("武汉市城市管理执法委员会").key == "武汉市城市管理执法委员会")
        #expect(UnitName("社区服务中心").district == nil)
    }

    @Test func foldsWidthAndSpaces() {
        #expect(UnitName("武昌区 医疗保障局").key == "武昌区医疗保障局")
        #expect(UnitName("武昌区（医保）局").folded == "武昌区(医保)局")
        #expect(UnitName("武昌区医疗保障局").relativeRest == nil)
        #expect(UnitName("区民政局").relativeRest == "民政局")
    }

    /// 中国共产党X委员会, 中共X委 and X委 are one party organ; other 委员会 and bodies whose names
    /// merely start like one stay apart.
    @Test func aPartyOrganInItsThreeForms() {
        let short = UnitName("江苏省委办公厅")
        #expect(short.key == "江苏省委办公厅" && short.partyForm == nil)
        #expect(UnitName("中共江苏省委办公厅").key == "江苏省委办公厅")
        #expect(UnitName("中共江苏省委办公厅").partyForm == "中共")
        #expect(UnitName("中国共产党江苏省委员会办公厅").key == "江苏省委办公厅")
        #expect(UnitName("中国共产党 某某省委员会 宣传部").key == "某某省委宣传部")
        #expect(UnitName("中共武汉市武昌区委组织部").key == "武昌区委组织部")
        // Not party organs, or not written with the party: as printed.
        #expect(UnitName("政协江苏省委员会办公厅").key == "政协江苏省委员会办公厅")
        #expect(UnitName("江苏省委员会办公厅").key == "江苏省委员会办公厅")
        #expect(UnitName("上海市普陀区商务委员会").key == "普陀区商务委员会")
        #expect(UnitName("中共中央办公厅").key == "中共中央办公厅")
    }

    /// (本级) is the unit's own level; any other bracket names another unit (a centre it hosts).
    @Test func ownLevelIsTheUnitAndOtherBracketsAreNot() {
        let own = UnitName("上海市普陀区人民政府某某街道办事处（本级）")
        #expect(own.ownLevel && own.key == UnitName("上海市普陀区人民政府某某街道办事处").key)
        #expect(UnitName("某区人民政府某某街道办事处(社区事务受理服务中心)").key == "某区人民政府某某街道办事处(社区事务受理服务中心)")
        let card = DocumentCard(contentHash: fakeHash("s"), sequence: 1, sourceName: "", identity: DocumentIdentity(
            unit: "上海市普陀区人民政府某某街道办事处", year: 2026, kind: .budget, scope: .unit,
            otherNames: ["上海市普陀区人民政府某某街道办事处(本级)"]), counterparties: [])
        let names = UnitDirectory(cards: [card]).units.first?.names ?? []
        #expect(names.map(\.rule) == [.prefixDropped, .ownLevel])
    }

    @Test func aPartyOrgansDocumentsJoinOneUnitAndSayWhy() throws {
        let printed = ["江苏省委办公厅", "中国共产党江苏省委员会办公厅", "中共江苏省委办公厅"]
        let cards = printed.enumerated().map { index, unit in
            DocumentCard(contentHash: fakeHash("p\(index)"), sequence: UInt64(index), sourceName: "", identity:
                DocumentIdentity(unit: unit, year: 2017 + index, kind: .budget), counterparties: [])
        }
        let directory = UnitDirectory(cards: cards)
        #expect(directory.units.map(\.id.key) == ["江苏省委办公厅"])
        let unit = try #require(directory.units.first)
        #expect(unit.years(of: .budget) == [2017, 2018, 2019])
        #expect(unit.names.map(\.rule) == [.sameName, .partyOrgan, .partyOrgan])
        #expect(unit.names[1].explanation.contains("中国共产党"))
        #expect(directory.resolve("中国共产党江苏省委员会办公厅")?.unit.key == "江苏省委办公厅")
    }

    @Test func sampleCorpusHasThreeUnitsAndExplainsEachName() throws {
        let directory = UnitDirectory(documents: SampleCorpus.documents)
        #expect(directory.units.map(\.id.key) == ["武昌区民政局", "武昌区医疗保障局", "武昌区医疗保障管理委员会办公室"])
        let bureau = try #require(directory.record(UnitID(key: "武昌区医疗保障局")))
        #expect(bureau.name == "武汉市武昌区医疗保障局")
        #expect(bureau.documents.map(\.contentHash) == [SampleCorpus.bureauHash])
        let typo = try #require(bureau.names.first { $0.name == "武汉市武昌区医保障局" })
        #expect(typo.rule == .spelledInsideDocument)
        #expect(typo.explanation.contains("1 character different"))
        #expect(bureau.names.first { $0.name == "武汉市武昌区医疗保障局" }?.rule == .prefixDropped)

        let civil = try #require(directory.record(UnitID(key: "武昌区民政局")))
        #expect(!civil.hasDocuments)
        #expect(civil.names.first?.rule == .counterpartyOnly)
        #expect(civil.names.first?.explanation.contains("line 191") == true)
        #expect(civil.mentionedBy == [SampleCorpus.bureauHash])
    }

    @Test func resolvesWhatAUserTypes() throws {
        let directory = UnitDirectory(documents: SampleCorpus.documents)
        #expect(directory.resolve("武昌区医疗保障局")?.unit.key == "武昌区医疗保障局")
        #expect(directory.resolve("武汉市武昌区医保障局")?.unit.key == "武昌区医疗保障局")
        #expect(directory.resolve("武昌区 医疗保障管理委员会办公室")?.unit.key == "武昌区医疗保障管理委员会办公室")
        #expect(directory.resolve("洪山区医疗保障局") == nil)
    }

    @Test func shortCounterpartyJoinsTheDocumentedUnitOfTheSameDistrict() throws {
        let directory = UnitDirectory(documents: ExtendedCorpus.documents, aliases: ExtendedCorpus.aliases)
        let civil = UnitID(key: "武昌区民政局")
        #expect(directory.counterparty("区民政局", inDocument: SampleCorpus.bureauHash) == civil)
        #expect(directory.record(civil)?.names.first { $0.name == "区民政局" }?.rule == .counterpartyQualified)
        #expect(directory.counterparty("区医疗保障局", inDocument: ExtendedCorpus.civilAffairsHash) == UnitID(key: "武昌区医疗保障局"))
        #expect(directory.linkedUnits(of: civil) == [UnitID(key: "武昌区医疗保障局")])
        #expect(Set(directory.documentsConcerning(civil)) == [ExtendedCorpus.civilAffairsHash, SampleCorpus.bureauHash])
    }

    @Test func ambiguousShortNameStandsAlone() {
        let cards = ["武汉市武昌区卫生健康局", "武汉市武昌区爱国卫生健康局", "武汉市武昌区财政局"].enumerated().map { index, unit in
            DocumentCard(contentHash: fakeHash("e\(index)"), sequence: UInt64(index), sourceName: "", identity:
                DocumentIdentity(unit: unit, year: 2023, kind: .finalAccount),
                counterparties: unit.hasSuffix("财政局") ? [CounterpartyMention(name: "区健康局", line: 9)] : [])
        }
        let directory = UnitDirectory(cards: cards)
        let id = directory.counterparty("区健康局", inDocument: fakeHash("e2"))
        #expect(id == UnitID(key: "武昌区健康局"))
        #expect(directory.record(id!)?.names.first?.explanation.contains("ambiguous") == true)
    }

    @Test func declaredAliasJoinsARenamedUnit() throws {
        let directory = UnitDirectory(documents: ExtendedCorpus.documents, aliases: ExtendedCorpus.aliases)
        let office = try #require(directory.record(UnitID(key: "武昌区医疗保障管理委员会办公室")))
        #expect(office.documents.map(\.identity.year) == [2022, 2024])
        #expect(office.name == "武汉市武昌区医疗保障管理委员会办公室")
        #expect(office.names.first { $0.name == ExtendedCorpus.formerOfficeName }?.rule == .declaredAlias)
        #expect(directory.record(UnitID(key: "武昌区公费医疗管理办公室")) == nil)
        #expect(directory.units.count == 3)
    }

    @Test func withoutTheAliasARenamedUnitIsItsOwn() {
        let directory = UnitDirectory(documents: ExtendedCorpus.documents)
        #expect(directory.units.count == 4)
    }
}
