import Disclosure
import Testing
@testable import History

/// One serialiser per format: a fact's JSON and CSV come from FactRecord wherever they are written.
@Suite struct FactRecordTests {
    /// "基本支出266.03万元，占本年支出55.5%" and a 绩效指标 of a project, with a stated base.
    static let share = Fact(key: .expenseBasic, year: 2023, value: .amount(Amount(hundredths: 26_603)), origin: .narrative,
                            source: SourceSpan(line: 12, text: "基本支出266.03万元，占本年支出55.5%"), share: Amount(hundredths: 5_550))
    static let indicator = Fact(key: .indicatorActual, year: 2023, name: "资金拨付率", value: .text("据实"), measure: .text, origin: .table,
                                source: SourceSpan(line: 80, text: "资金拨付率\t据实"), project: "医疗救助")
    static let change = Fact(key: .changeStated, year: 2023, value: .none, measure: .text, origin: .narrative,
                             source: SourceSpan(line: 30, text: "比年初预算数减少0.11万元"), of: .operatingCostActual,
                             delta: Amount(hundredths: -11), base: .operatingCostBudget)

    static func members(_ value: JSONValue) -> [String] {
        guard case .object(let members) = value else { return [] }
        return members.map(\.0)
    }

    @Test func theReplayReportWritesEveryMemberAFactHas() {
        // A replay that changes only a share, a project or a base must show it (issue 19).
        #expect(Self.members(DocumentReplay.json(Self.share)).contains("share"))
        #expect(Self.members(DocumentReplay.json(Self.indicator)).contains("project"))
        #expect(Self.members(DocumentReplay.json(Self.change)).contains("base"))
        #expect(DocumentReplay.json(Self.share).serialized(compact: true).contains("\"share\":55.5"))
        // The same members, in the same order, as `history facts` writes, less the filing's.
        let filed = FiledFact(unit: UnitID(key: "武昌区医疗保障局"), unitName: "武汉市武昌区医疗保障局", document: String(repeating: "a", count: 64),
                              documentYear: 2023, kind: .finalAccount, fact: Self.change)
        let filing: Set = ["schema", "unit", "unit_key", "kind", "doc", "doc_year", "ordinal"]
        #expect(Self.members(FactRecord(filed, ordinal: 1).json).filter { !filing.contains($0) } == Self.members(DocumentReplay.json(Self.change)))
    }

    @Test func typedMembersHaveOneTypeEach() {
        let share = FactRecord(Self.share).json.serialized(compact: true)
        #expect(share.contains("\"amount\":266.03,\"yuan\":2660300.00,\"value_text\":null"))
        let indicator = FactRecord(Self.indicator).json.serialized(compact: true)
        #expect(indicator.contains("\"value\":\"据实\",\"measure\":null") && indicator.contains("\"amount\":null,\"yuan\":null,\"value_text\":\"据实\""))
        #expect(FactRecord.fixed(Amount(hundredths: -5)) == "-0.05" && FactRecord.fixed(Amount(hundredths: 500)) == "5.00")
    }

    @Test func csvFieldsLoseControlCharactersAndKeepTabs() {
        #expect(CSV.field("a\u{0C}b\u{0B}c\nd\re\u{7F}f") == "a b c d e f")
        #expect(CSV.field("2101199\t其他") == "2101199\t其他")
        #expect(CSV.field("1,234 \"x\"\u{0C}") == "\"1,234 \"\"x\"\" \"")
        #expect(CSV.field("plain") == "plain")
    }

    @Test func coverageAndReplayWriteAWarningAlike() {
        let warning = ParseWarning(rule: .suspiciousMeasure, message: "5.62元 where the sentence is in 万元", source: SourceSpan(line: 298, text: "x"))
        #expect(DocumentReplay.json(warning) == WarningRecord(warning).json)
        #expect(WarningRecord(warning).json.serialized(compact: true)
                == "{\"rule\":\"suspicious-measure\",\"message\":\"5.62元 where the sentence is in 万元\",\"lines\":[298,298]}")
    }
}
