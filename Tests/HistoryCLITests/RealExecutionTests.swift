import Foundation
import Testing

/// `history execution` on a real unit: 西南大学's 2023 部门预算 beside its 2023 部门决算, both as
/// published (Tests/Corpus/real), figures written from the pages: the 预算's 收支预算总表 (page 7:
/// 本年收入合计 403,484.64, 本年支出合计 468,779.07, 一、教育支出 434,334.99) and the 决算's 表 1
/// 高等学校收支决算总表 (pages 8–9: 本年收入合计 430,725.03, 本年支出合计 457,676.75, 五、教育支出
/// 425,287.27).
@Suite struct RealExecutionTests {
    static let real = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../Corpus/real").standardized.path

    @Test func southwestUniversity2023BudgetAgainstFinalAccount() throws {
        let store = try TemporaryStore()
        let imported = try run(["import", Self.real + "/chongqing-southwest-university-2023-dept-budget.pdf",
                                Self.real + "/chongqing-southwest-university-2023-final-account.pdf"], store: store)
        #expect(imported.status == 0, "\(imported.stderr)")
        let result = try run(["execution", "西南大学", "2023", "--format", "json"], store: store)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let totals = try #require(object["totals"] as? [[String: Any]])
        func total(_ key: String) -> (planned: Double?, actual: Double?, rate: Double?) {
            let row = totals.first { $0["key"] as? String == key }
            return ((row?["planned"] as? [String: Any])?["value"] as? Double, (row?["actual"] as? [String: Any])?["value"] as? Double,
                    row?["execution_rate"] as? Double)
        }
        #expect(total("income.total").planned == 403_484.64 && total("income.total").actual == 430_725.03)
        #expect(total("expense.total").planned == 468_779.07 && total("expense.total").actual == 457_676.75)
        // 457,676.75 of 468,779.07 is 97.63%.
        #expect(total("expense.total").rate == 97.63)
        let education = (object["items"] as? [[String: Any]])?.first { $0["code"] as? String == "205" }
        #expect((education?["planned"] as? [String: Any])?["value"] as? Double == 434_334.99)
        #expect((education?["actual"] as? [String: Any])?["value"] as? Double == 425_287.27)
    }
}
