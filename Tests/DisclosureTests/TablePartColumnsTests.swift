import Testing
@testable import Disclosure

/// Columns that print a part of another column (事业收入 其中：教育收费, 项目支出 其中：基本建设
/// 资金支出) or a carry-over beside this year's income (上年结转): hand-made tables in the shape
/// of a university's 收入预算表 and 财政拨款支出决算表, with codes of another 类.
@Suite struct TablePartColumnsTests {
    static func read(_ text: String) -> (facts: Set<TableTestSupport.Row>, warnings: [ParseWarning]) {
        var warnings: [ParseWarning] = []
        let facts = TableReader.read(SourceText(text), year: 2022, catalogue: TableTestSupport.catalogue, warnings: &warnings)
        return (Set(TableTestSupport.rows(facts)), warnings)
    }

    static func row(_ key: String, _ code: String?, _ name: String?, _ value: String, _ line: Int) -> TableTestSupport.Row {
        .init(key: key, code: code, name: name, value: TableTestSupport.amount(value), measure: .wanYuan, line: line)
    }

    @Test func carryOverAndTuitionColumnsOfAnIncomeTable() {
        let text = """
        2022年收入预算表
        单位：万元
        科目编码\t科目名称\t收入合计\t上年结转\t财政拨款收入\t事业收入\t\t其他收入
        \t\t\t\t\t金额\t其中：教育收费\t
        \t合计\t60.00\t10.00\t30.00\t15.00\t12.00\t5.00
        210\t卫生健康支出\t60.00\t10.00\t30.00\t15.00\t12.00\t5.00
        21001\t卫生健康管理事务\t60.00\t10.00\t30.00\t15.00\t12.00\t5.00
        """
        let (facts, warnings) = Self.read(text)
        for expected in [
            Self.row("carryover.opening", nil, nil, "10", 5),
            Self.row("income.business.tuition", nil, nil, "12", 5),
            Self.row("income.business", nil, nil, "15", 5),
            Self.row("function.income.carryover", "210", "卫生健康支出", "10", 6),
            Self.row("function.income.business.tuition", "210", "卫生健康支出", "12", 6),
            Self.row("function.income.business", "210", "卫生健康支出", "15", 6),
            Self.row("function.income.carryover", "21001", "卫生健康管理事务", "10", 7),
            Self.row("function.income.business.tuition", "21001", "卫生健康管理事务", "12", 7),
        ] {
            #expect(facts.contains(expected), "\(expected)")
        }
        #expect(!warnings.contains { $0.rule == .unmappedCell })
    }

    @Test func constructionPartOfProjectExpense() {
        let text = """
        表 4：财政拨款支出决算表
        单位：万元
        项目\t\t本年支出\t\t\t
        \t\t\t\t项目支出\t
        科目编码\t科目名称\t合计\t基本支出\t小计\t其中：基本建设资金支出
        \t合计\t40.00\t25.00\t15.00\t9.00
        208\t社会保障和就业支出\t40.00\t25.00\t15.00\t9.00
        20805\t行政事业单位养老支出\t40.00\t25.00\t15.00\t9.00
        """
        let (facts, warnings) = Self.read(text)
        for expected in [
            Self.row("expense.appropriation.project.construction", nil, nil, "9", 6),
            Self.row("expense.appropriation.project", nil, nil, "15", 6),
            Self.row("function.appropriation.project.construction", "208", "社会保障和就业支出", "9", 7),
            Self.row("function.appropriation.project", "208", "社会保障和就业支出", "15", 7),
            Self.row("function.appropriation.project.construction", "20805", "行政事业单位养老支出", "9", 8),
        ] {
            #expect(facts.contains(expected), "\(expected)")
        }
        #expect(!warnings.contains { $0.rule == .unmappedCell })
    }
}
