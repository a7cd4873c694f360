import Testing
@testable import Disclosure

/// 上海市普陀区石泉路街道 2026 单位预算 in 元 (Tests/Corpus/real, its text as exported, one page per
/// form feed), straight to the parser: figures written from the text's pages, and the one place
/// where the document's own tables disagree.
@Suite struct TableRealTextTests {
    static let file = "real/shanghai-putuo-shiquanlu-street-2026-unit-budget.pages.txt"

    @Test func shiquanluUnitBudgetInYuan() throws {
        let parsed = DisclosureParser.parse(try Corpus.text(Self.file))
        let facts = Set(parsed.facts.filter { $0.origin == .table && $0.measure == .yuan }
            .map { "\($0.key.rawValue) \($0.code ?? "-") \($0.amount.map(\.description) ?? "")" })
        let expected = [
            // page 12, 财务收支预算总表
            "income.appropriation - 76306134", "income.appropriation.general - 72626134",
            "income.appropriation.fund - 3680000", "grand.total - 76306134",
            // page 21, 支出预算总表 (single spaces: 基本 and 项目 placed by the table's sums)
            "function.expense.total 212 47543930", "function.expense.basic 212 16879230",
            "function.expense.project 212 30664700", "function.expense.basic 21201 16879230",
            "function.expense.project 21201 13121269", "function.expense.basic 2120101 16879230",
            "function.expense.project 2120102 13121269", "function.expense.basic 221 4225000",
            "function.expense.project 221 6960800", "expense.total - 76306134",
            "expense.basic - 26917990", "expense.project - 49388144",
            // page 31, 经济分类预算表 (codes glued to names: 301 01基本工资)
            "economic.basic.personnel 30101 2724912", "economic.basic.personnel 301 21123668",
            "economic.basic.public 302 3860162", "economic.basic.public 30201 300000",
            "expense.basic.personnel - 23057828", "expense.basic.public - 3860162",
        ]
        #expect(expected.filter { !facts.contains($0) } == [])
        #expect(!parsed.facts.contains { fact in
            guard fact.origin == .table, let code = fact.code else { return false }
            return fact.key.rawValue.hasPrefix("function.") != (ClassificationCatalogue.scheme(ofCode: code) == .function)
        })
        // The document's own disagreement: 财政拨款收支预算总表 (page 23) prints 住房保障支出's
        // 一般公共预算 as 11,185,800, the 一般公共预算支出功能分类预算表 (page 27) 221 as 10,885,800
        // (its 300,000 of 22198 is under 政府性基金 there).
        let identities = parsed.warnings.filter { $0.rule == .identityMismatch }.map(\.message)
        #expect(identities.count == 1)
        #expect(identities.first?.contains("function.general.total 221 is 11185800") == true)
        #expect(identities.first?.contains("but 10885800") == true)
    }
}
