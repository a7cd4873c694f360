import Foundation
import Testing

/// Every finding `check` reports on the 万里街道 预算 of 2023 and 2024 (Tests/Fixtures/budget), each
/// an error of the documents, written from their text; and none of the reader's making.
@Suite struct BudgetFixtureFindingsTests {
    struct Found: Hashable, CustomStringConvertible {
        var rule: String
        var year: Int
        var line: Int
        var description: String { "\(rule) \(year) line \(line)" }
    }

    static func findings() throws -> [(found: Found, message: String)] {
        let result = try run(["check", "--format", "json"], store: KindChoiceTests.budgetStore)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        return try findings.map { finding in
            let citations = try #require(finding["citations"] as? [[String: Any]])
            // The line of the narrative's statement: the last citation (a table row comes first).
            let lines = try #require(citations.last?["lines"] as? [Int])
            return (Found(rule: try #require(finding["rule"] as? String), year: try #require(finding["year"] as? Int), line: lines[0]),
                    try #require(finding["message"] as? String))
        }
    }

    @Test func everyFindingIsTheDocumentsOwn() throws {
        let findings = try Self.findings()
        let expected: Set<Found> = [
            // 2023 line 71: 政府性基金拨款支出预算0万元，比2022年预算增加1421.25万元 — a zero that rose.
            Found(rule: "direction-mismatch", year: 2023, line: 71),
            // 2023 item 3 (lines 83–84): 执行数11.67万元 → 预算安排45.41万元 is +289.12%, printed 增加314.82%.
            Found(rule: "percent-mismatch", year: 2023, line: 84),
            // 2023 item 16 (lines 128–129): 职业年金 220.63万元 (the table's 2,206,272元), then 预算安排441.25万元
            // 增加60.54% — item 15's sentence copied: two values, the table against one, and a wrong percent.
            Found(rule: "conflicting-values", year: 2023, line: 129),
            Found(rule: "narrative-vs-table", year: 2023, line: 129),
            Found(rule: "percent-mismatch", year: 2023, line: 129),
            // 2023: the items add up to 16,497.85 against 一般公共预算拨款支出预算16497.86万元 (lines 70–71).
            Found(rule: "rounding-gap", year: 2023, line: 70),
            // 2024 item 31 (lines 175–176): 住房公积金 350.35万元 (the table's 3,503,499元), then 预算安排352.67万元.
            Found(rule: "conflicting-values", year: 2024, line: 176),
            Found(rule: "narrative-vs-table", year: 2024, line: 176),
            // 2024: the items add up to 15,621.10 against 15621.11万元 (lines 74–75).
            Found(rule: "rounding-gap", year: 2024, line: 74),
        ]
        #expect(Set(findings.map(\.found)) == expected, "\(findings.map(\.found))")
        #expect(findings.count == expected.count)
        let messages = Dictionary(findings.map { ("\($0.found)", $0.message) }, uniquingKeysWith: { $0 + " | " + $1 })
        #expect(messages["percent-mismatch 2023 line 84"]?.contains("314.82%") == true)
        #expect(messages["conflicting-values 2023 line 129"]?.contains("220.63") == true)
        #expect(messages["conflicting-values 2023 line 129"]?.contains("441.25") == true)
        #expect(messages["narrative-vs-table 2024 line 176"]?.contains("3503499") == true)
        #expect(messages["conflicting-values 2024 line 176"]?.contains("350.35") == true)
    }
}
