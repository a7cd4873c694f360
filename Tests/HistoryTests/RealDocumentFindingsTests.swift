import Disclosure
import Foundation
import Testing
@testable import History

/// Errors real documents make, found by `check` and checked on the PDF page.
@Suite struct RealDocumentFindingsTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../Corpus/real").standardized

    static func findings(_ name: String) throws -> [CheckFinding] {
        let directory = try StoreDirectory()
        let store = try Store(path: directory.path + "/s", create: true)
        _ = Importer(store: store).importFiles([corpus.appendingPathComponent(name).path])
        return try HistoryQueries(store: store).check()
    }

    /// 西南大学收入预算表 (2023 部门预算, page 8): 普通教育 (20502) 收入合计 is printed 520,603.91, but its
    /// 项 add up to 520,603.41 (小学教育 9,645.51 + 高中教育 27,109.72 + 高等教育 483,848.18); 小学教育's
    /// own parts (14.33 + 8,201.15 + 0.50 + 1,430.03) make 9,646.01, so the 0.50 of 事业收入 is the gap.
    @Test func southwestUniversity2023BudgetIncomeTable() throws {
        let found = try Self.findings("chongqing-southwest-university-2023-dept-budget.pdf")
        let sum = try #require(found.first { $0.rule == .parser(.sumMismatch) && $0.message.contains("普通教育") })
        #expect(sum.severity == .error)
        #expect(sum.message.contains("520603.91") && sum.message.contains("520603.41"))
    }
}
