import Testing
@testable import Disclosure

/// The tables' own arithmetic: rows against their halves, figures printed in two tables, and
/// rounding of 0.01 per addend (tables written for these tests).
@Suite struct TableIdentityTests {
    static func read(_ text: String) -> (facts: [TableTestSupport.Row], warnings: [ParseWarning]) {
        TableVariationTests.read(text, year: 2020)
    }

    static func identities(_ warnings: [ParseWarning]) -> [Int] {
        warnings.filter { $0.rule == .identityMismatch }.compactMap { $0.source?.firstLine }
    }

    @Test func aRowWhoseHalvesAreNotItsTotalIsNamedWithBothValues() {
        let text = """
        2020年支出预算总表
        单位：万元
        科目编码\t科目名称\t合计\t基本支出\t项目支出
        \t合计\t10.00\t6.00\t4.00
        201\t一般公共服务支出\t10.00\t6.00\t3.00
        """
        let (_, warnings) = Self.read(text)
        #expect(Self.identities(warnings) == [5])
        let message = warnings.first { $0.rule == .identityMismatch }?.message ?? ""
        #expect(message.contains("9") && message.contains("10"))
    }

    @Test func roundingOfACentPerAddendIsNoMismatch() {
        // 3.33 + 3.33 + 3.33 = 9.99 printed as 10.00: each figure rounded, not the total.
        let text = """
        2020年支出预算总表
        单位：万元
        科目编码\t科目名称\t合计\t基本支出\t项目支出
        \t合计\t10.00\t6.67\t3.33
        201\t一般公共服务支出\t10.00\t6.67\t3.33
        20101\t人大事务\t3.33\t3.33\t
        20102\t政协事务\t3.33\t3.33\t
        20103\t政府办公厅(室)及相关机构事务\t3.33\t\t3.33
        """
        let (_, warnings) = Self.read(text)
        #expect(!warnings.contains { $0.rule == .sumMismatch || $0.rule == .identityMismatch })
    }

    @Test func theSameFigureInTwoTablesMustAgree() {
        let text = """
        2020年一般公共预算支出预算表
        单位：万元
        科目编码\t科目名称\t合计\t基本支出\t项目支出
        \t合计\t10.00\t6.00\t4.00
        201\t一般公共服务支出\t10.00\t6.00\t4.00
        2020年财政拨款收支预算总表
        单位：万元
        收入\t\t支出\t\t\t
        项目\t预算数\t项目\t合计\t一般公共预算\t政府性基金预算
        一、一般公共预算\t12.00\t一、一般公共服务支出\t12.00\t12.00\t
        收入合计\t12.00\t支出合计\t12.00\t12.00\t
        """
        let (_, warnings) = Self.read(text)
        let lines = Self.identities(warnings)
        #expect(lines.contains(11))   // expense.general.total: 10.00 in the first table, 12.00 here
        #expect(warnings.contains { $0.rule == .identityMismatch && $0.message.contains("expense.general.total") })
    }

    @Test func aLabelWrappedOverHeaderLinesNamesItsColumn() {
        // A provincial 支出预算总表: one unlabelled line of totals, a 4th use of funds whose label
        // wraps over three header lines.
        let text = """
        三、支出预算总表
        部门： 某某厅 单位：万元
        \t\t\t单位预留机动经\t结转下年资
        合计\t基本支出\t项目支出\t\t
        \t\t\t费\t金
        100.00\t70.00\t20.00\t10.00\t
        """
        let (facts, warnings) = Self.read(text)
        #expect(Set(facts) == [
            TableVariationTests.row("expense.total", nil, nil, "100.00", 6), TableVariationTests.row("expense.basic", nil, nil, "70.00", 6),
            TableVariationTests.row("expense.project", nil, nil, "20.00", 6), TableVariationTests.row("expense.reserve", nil, nil, "10.00", 6),
        ])
        #expect(Self.identities(warnings).isEmpty)
    }
}
