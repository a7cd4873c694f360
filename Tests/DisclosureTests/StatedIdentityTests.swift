import Testing
@testable import Disclosure

/// What a user says a document is, laid over what the reader found.
@Suite struct StatedIdentityTests {
    static let noYear = DisclosureParser.parse(IdentityVariationTests.tablesOnly.replacingOccurrences(of: "2019年政府采购预算表", with: "政府采购预算表"))

    @Test func aYearDatesTheFactsAndSaysWhoSaidIt() throws {
        #expect(Self.noYear.identity.year == 0 && Self.noYear.warnings.contains { $0.rule == .identityMissing })
        #expect(!Self.noYear.facts.isEmpty && Self.noYear.facts.allSatisfy { $0.year == 0 })
        let said = StatedIdentity(year: 2019).apply(to: Self.noYear, said: "history identify --year 2019")
        #expect(said.identity.year == 2019 && said.identity.unit == "中共某某县委办公室" && said.identity.title == "部门预算")
        #expect(said.facts.allSatisfy { $0.year == 2019 } && said.facts.count == Self.noYear.facts.count)
        #expect(!said.warnings.contains { $0.rule == .identityMissing })
        #expect(said.identity.evidence.filter { $0.source == .user }
            == [IdentityEvidence(field: .year, source: .user, line: 0, text: "history identify --year 2019")])
        // The unit's evidence stays the table head that printed it.
        #expect(said.identity.evidence.first { $0.field == .unit }?.source == .label)
    }

    @Test func aPreviousYearColumnStaysAYearEarlierAndAStatedChangeItsBase() {
        var parsed = Self.noYear
        parsed.facts[0].year = -1
        parsed.facts[1].baseYear = -1
        let said = StatedIdentity(year: 2019).apply(to: parsed, said: "x")
        #expect(said.facts[0].year == 2018 && said.facts[1].baseYear == 2018)
        // Said again, differently: moved from the year now filed.
        let again = StatedIdentity(year: 2020).apply(to: said, said: "y")
        #expect(again.facts[0].year == 2019 && again.identity.evidence.filter { $0.source == .user }.map(\.text) == ["y"])
    }

    @Test func aUnitAndKindReplaceWhatWasRead() {
        let said = StatedIdentity(unit: "江苏省某某厅", kind: .finalAccount, scope: .unit).apply(to: Self.noYear, said: "z")
        #expect(said.identity.unit == "江苏省某某厅" && said.identity.otherNames.contains("中共某某县委办公室"))
        #expect(said.identity.title == "单位决算")
        // Read back from the identity, what the user said can be laid over a new parse.
        let back = StatedIdentity.said(in: said.identity)
        #expect(back?.identity == StatedIdentity(unit: "江苏省某某厅", kind: .finalAccount, scope: .unit) && back?.said == "z")
        #expect(StatedIdentity.said(in: Self.noYear.identity) == nil)
    }

    @Test func kindsAsUsersTypeThem() {
        #expect(StatedIdentity.kind("部门预算")! == (.budget, .department))
        #expect(StatedIdentity.kind("单位决算")! == (.finalAccount, .unit))
        #expect(StatedIdentity.kind("预算")! == (.budget, nil))
        #expect(StatedIdentity.kind("budget") == nil)
    }
}
