import Testing
@testable import Disclosure

@Suite struct IdentityReaderTests {
    static func identity(_ text: String) -> (DocumentIdentity, [ParseWarning]) {
        var warnings: [ParseWarning] = []
        return (IdentityReader.read(SourceText(text), warnings: &warnings), warnings)
    }

    @Test func readsTheBureauWithItsTypoAsAnotherName() throws {
        let (identity, warnings) = Self.identity(try Corpus.text(Corpus.bureau2023))
        #expect(identity.unit == "武汉市武昌区医疗保障局")
        #expect(identity.year == 2023 && identity.kind == .finalAccount && identity.published == nil)
        #expect(identity.otherNames.contains("武汉市武昌区医保障局"))
        #expect(warnings.isEmpty)
    }

    @Test func readsTheCleanNameDespiteAStraySpaceInTheTitle() throws {
        let (identity, _) = Self.identity(try Corpus.text(Corpus.office2024))
        var named = identity
        named.evidence = []
        #expect(named == DocumentIdentity(unit: "武汉市武昌区医疗保障管理委员会办公室", year: 2024, kind: .finalAccount,
                                          published: "2025-12-03"))
        #expect(identity.evidence.map(\.line) == [3, 3, 3] && identity.evidence[0].text == "2024 年度武汉市武昌区医疗保障管理委员会 办公室部门决算公开")
    }

    @Test func fillingInDatesAreNotPublicationDates() {
        let (identity, _) = Self.identity("2023年度武汉市武昌区民政局部门决算\n单位：武汉市武昌区民政局\n填报日期：2024.4.30\n2024年4月30日，完成填报")
        #expect(identity.published == nil)
        #expect(identity.unit == "武汉市武昌区民政局")
    }

    @Test func warnsWhenNoUnitOrYearIsPrinted() {
        let (identity, warnings) = Self.identity("一、收入支出决算总体情况说明\n收、支总计479.44万元。")
        #expect(identity.unit.isEmpty && identity.year == 0)
        #expect(warnings.map(\.rule) == [.identityMissing])
    }
}

/// Identity as other regions print it, each on a small text made for the test: names before the
/// year, on the line above, with brackets; 单位 against 部门; tables-only files.
@Suite struct IdentityVariationTests {
    static func identity(_ text: String) -> (DocumentIdentity, [ParseWarning]) { IdentityReaderTests.identity(text) }

    @Test func aNameBeforeTheYearWithSpacesInside() {
        let (identity, warnings) = Self.identity("某某职业技术学院 2022 年 度部门决算\n目 录\n一、学校概况")
        #expect(identity.unit == "某某职业技术学院" && identity.year == 2022 && identity.kind == .finalAccount && identity.scope == .department)
        #expect(identity.evidence.first { $0.field == .unit } == IdentityEvidence(field: .unit, source: .title, line: 1,
                                                                                   text: "某某职业技术学院 2022 年 度部门决算"))
        #expect(warnings.isEmpty)
    }

    @Test func aNameAloneOnTheLineAboveTheTitle() {
        let (identity, _) = Self.identity("    某某师范大学\n\n2021 年度部门预算\n  2021 年 4 月\n第一部分 学校概况")
        #expect(identity.unit == "某某师范大学" && identity.year == 2021 && identity.kind == .budget)
        #expect(identity.evidence.first { $0.field == .year }?.text == "某某师范大学 2021 年度部门预算")
        #expect(identity.evidence.first { $0.field == .year }?.line == 1)
    }

    @Test func aTitleBrokenAfterItsScope() {
        let (identity, _) = Self.identity("某省农业农村厅2020年度部门\n预算公开\n目录")
        #expect(identity.unit == "某省农业农村厅" && identity.year == 2020 && identity.kind == .budget && identity.scope == .department)
    }

    @Test func aSentenceBrokenOverTwoLinesIsNoTitle() {
        let text = "部门：某某县某某局\n一、收支预算总体情况说明\n按照综合预算的原则，某某县某某局所有收入和支出均纳入部门预算管理。2019年\n部门预算收入1,234.56万元"
        #expect(Self.identity(text).0.year == 0)
    }

    @Test func aUnitDisclosureIsNotADepartmentDisclosure() {
        let unit = Self.identity("某市某区2025年区级单位预算\n预算单位：某市某区某某局\n目 录").0
        let department = Self.identity("某市某区2025年区级部门预算\n预算主管部门：某市某区某某局\n目 录").0
        #expect(unit.unit == department.unit && unit.year == department.year && unit.kind == department.kind)
        #expect(unit.scope == .unit && department.scope == .department)
        #expect(unit.title == "单位预算" && department.title == "部门预算")
        #expect(Self.identity("2023年度某县某某局单位决算\n单位：某县某某局").0.title == "单位决算")
    }

    @Test func bracketsNameAnotherUnitButOwnLevelDoesNot() {
        let hosted = Self.identity("某区2026年区级单位预算\n预算单位：某区人民政府某某街道办事处（社区事务受理服务中心）\n编制单位：某区人民政府某某街道办事处（社区事务受理服务中心） 单位：元").0
        #expect(hosted.unit == "某区人民政府某某街道办事处(社区事务受理服务中心)")
        let own = Self.identity("某区2026年区级单位预算\n预算单位：某区人民政府某某街道办事处（本级）\n编制单位：某区人民政府某某街道办事处（本级） 单位：元").0
        #expect(own.unit == "某区人民政府某某街道办事处" && own.scope == .unit)
        #expect(own.otherNames == ["某区人民政府某某街道办事处(本级)"])
    }

    @Test func theTitlesNameWinsOverItsShortForms() {
        let text = "江苏省某某检察院\n2017 年部门预算\n第一部分 省某某检察院概况\n第二部分 省某某检察院预算表\n第三部分 省某某检察院说明"
        let (identity, _) = Self.identity(text)
        #expect(identity.unit == "江苏省某某检察院")
        #expect(identity.otherNames == ["省某某检察院"])
    }

    @Test func withoutATitleAShortFormYieldsToTheNameItAbbreviates() {
        let text = "第一部分 省某某检察院概况\n第二部分 省某某检察院情况\n第三部分 省某某检察院说明\n收支预算总表\n部门：江苏省某某检察院\t单位：万元"
        let (identity, _) = Self.identity(text)
        #expect(identity.unit == "江苏省某某检察院")
        #expect(identity.otherNames == ["省某某检察院"])
    }

    @Test func aTableTitleGluedBeforeTheLabelsNameIsNotPartOfIt() {
        let (identity, _) = Self.identity("某县某某局2019年度部门预算\n部门：\t十二、政府采购支出预算表某县某某局\t单位：万元\n部门：财政拨款支出预算表某县某某局")
        #expect(identity.unit == "某县某某局" && identity.otherNames.isEmpty)
    }

    /// The tables half of a disclosure published in two files: no title, the year only in the
    /// title of one table, the unit in the tables' heads.
    static let tablesOnly = """
        收支预算总表
        公开表一
        部门：  中共某某县委办公室                        单位：万元
        一、财政拨款     1,234.56  一、一般公共服务支出   1,000.00
        一般公共预算支出预算表
        部门：中共某某县委办公室                          单位：万元
        2010201  行政运行   800.00
        2013101  行政运行   200.00
        2019年政府采购预算表
        部门：中共某某县委办公室                          单位：万元
        """

    @Test func aTablesOnlyFileTakesItsYearFromADatedTableTitle() {
        let (identity, warnings) = Self.identity(Self.tablesOnly)
        #expect(identity.unit == "中共某某县委办公室" && identity.year == 2019 && identity.kind == .budget && identity.scope == .department)
        #expect(identity.evidence.first { $0.field == .year } == IdentityEvidence(field: .year, source: .tableTitle, line: 9, text: "2019年政府采购预算表"))
        #expect(identity.evidence.first { $0.field == .unit }?.source == .label)
        #expect(warnings.isEmpty)
    }

    /// Without its dated title the same file prints no year: codes like 2010201 are not one.
    @Test func aTablesOnlyFileWithoutADatedTitleHasNoYear() {
        let (identity, warnings) = Self.identity(Self.tablesOnly.replacingOccurrences(of: "2019年政府采购预算表", with: "政府采购预算表"))
        #expect(identity.unit == "中共某某县委办公室" && identity.year == 0 && identity.kind == .budget)
        #expect(warnings.map(\.rule) == [.identityMissing])
        #expect(identity.evidence.allSatisfy { $0.field != .year })
    }

    @Test func aYearIsFourDigitsBefore年NeverPartOfACode() {
        let (identity, _) = Self.identity("部门：某某县某某局\n12019年项目预算表\n2010201年\t行政运行预算表\n支出预算表")
        #expect(identity.year == 0)
    }
}
