import Foundation
import Testing

/// `diff --format csv` and `timeline --format csv`: every total and item in 元, one row each, on
/// the 万里街道 预算 of 2023 and 2024. Figures are those the documents' 收支总表 and 支出预算表 print.
@Suite struct ChangeTableCSVTests {
    static func rows(_ output: String) -> [[String: String]] {
        let lines = output.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test func diffListsTotalsAndItemsInYuan() throws {
        let result = try run(["diff", "2023", "2024", "--format", "csv"], store: KindChoiceTests.budgetStore)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("unit,unit_key,kind,from_year,to_year,row,key,code,name,status,from_yuan,to_yuan,delta_yuan,percent,"))
        let rows = Self.rows(result.stdout)
        // 收入总计 164,978,640 (2023, line 220) and 156,211,123 (2024, line 212), both 单位：元.
        let grand = try #require(rows.first { $0["row"] == "total" && $0["key"] == "grand.total" })
        #expect(grand["unit"] == KindChoiceTests.street && grand["kind"] == "预算")
        #expect(grand["from_yuan"] == "164978640.00" && grand["to_yuan"] == "156211123.00")
        #expect(grand["delta_yuan"] == "-8767517.00" && grand["percent"] == "-5.31")
        #expect(grand["from_line"] == "220" && grand["to_line"] == "212")
        // 2089999 其他社会保障和就业支出: 13,312,677 in 2023, 7,812,394 in 2024.
        let item = try #require(rows.first { $0["row"] == "item" && $0["code"] == "2089999" })
        #expect(item["name"] == "其他社会保障和就业支出" && item["status"] == "changed")
        #expect(item["from_yuan"] == "13312677.00" && item["to_yuan"] == "7812394.00" && item["delta_yuan"] == "-5500283.00")
        // Every item, not only the --items largest that text lists.
        #expect(rows.filter { $0["row"] == "item" }.count > 8)
    }

    @Test func timelineListsEachYearsFiguresInYuan() throws {
        let result = try run(["timeline", KindChoiceTests.street, "--format", "csv", "--bom"], store: KindChoiceTests.budgetStore)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("\u{FEFF}unit,unit_key,kind,year,row,key,code,name,basis,yuan,printed_amount,printed_measure,"))
        let rows = Self.rows(String(result.stdout.dropFirst()))
        let grand2024 = try #require(rows.first { $0["year"] == "2024" && $0["key"] == "grand.total" })
        #expect(grand2024["yuan"] == "156211123.00" && grand2024["printed_amount"] == "156211123.00")
        #expect(grand2024["printed_measure"] == "元" && grand2024["basis"] == "document" && grand2024["origin"] == "table")
        // The narrative's 15621.11万元 is the same figure within its rounding: no second value.
        #expect(grand2024["other_yuan"] == "")
        let item2023 = try #require(rows.first { $0["year"] == "2023" && $0["row"] == "item" && $0["code"] == "2089999" })
        #expect(item2023["yuan"] == "13312677.00")
    }

    @Test func bomIsRefusedWithoutCSV() throws {
        let result = try run(["diff", "2023", "2024", "--bom"], store: KindChoiceTests.budgetStore)
        #expect(result.status == 64 && result.stderr.contains("--bom applies to CSV output"))
    }
}
