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
        #expect(identity == DocumentIdentity(unit: "武汉市武昌区医疗保障管理委员会办公室", year: 2024, kind: .finalAccount,
                                             published: "2025-12-03"))
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
