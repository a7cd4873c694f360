import Disclosure
import Testing
@testable import History

/// The 西南大学 columns that print a part or a carry-over (上年结转, 其中：教育收费, 其中：基本建设
/// 资金支出), written by hand from the PDF pages (page numbers as printed at the foot of each page).
@Suite struct RealUniversityColumnsTests {
    typealias Figure = RealDocumentFactsTests.Figure

    // 西南大学 2023 部门预算, page 7 (西南大学收支预算总表: 结转下年) and page 8 (西南大学收入预算表).
    @Test func budget2023IncomeTable() throws {
        let parsed = try RealDocumentFactsTests.parse("chongqing-southwest-university-2023-dept-budget.pdf")
        let figures: [Figure] = [
            .init(.carryoverClosing, nil, "88480.06"),
            .init(.carryoverOpening, nil, "93801.70"),
            .init(.incomeBusinessTuition, nil, "74162.23"),
            .init(.functionIncomeCarryover, "205", "92178.70"),
            .init(.functionIncomeCarryover, "2050202", "14.33"),
            .init(.functionIncomeCarryover, "2050205", "90686.29"),
            .init(.functionIncomeCarryover, "2059999", "265.06"),
            .init(.functionIncomeCarryover, "2060204", "1623.00"),
            .init(.functionIncomeBusinessTuition, "205", "74162.23"),
            .init(.functionIncomeBusinessTuition, "2050204", "950.00"),
            .init(.functionIncomeBusinessTuition, "2050205", "73212.23"),
        ]
        #expect(RealDocumentFactsTests.missing(figures, in: parsed, measure: .wanYuan) == [])
    }

    // 西南大学 2023 决算, page 8 (表 2：高等学校收入决算表) and page 12 (表 4：高等学校财政拨款支出决算表).
    @Test func finalAccount2023() throws {
        let parsed = try RealDocumentFactsTests.parse("chongqing-southwest-university-2023-final-account.pdf")
        let figures: [Figure] = [
            .init(.functionIncomeBusinessTuition, "205", "73648.19"),
            .init(.functionIncomeBusinessTuition, "20502", "73648.19"),
            .init(.functionIncomeBusinessTuition, "2050204", "977.85"),
            .init(.functionIncomeBusinessTuition, "2050205", "72670.34"),
            .init(.expenseAppropriationProjectConstruction, nil, "6894.90"),
            .init(.functionAppropriationProjectConstruction, "205", "5536.97"),
            .init(.functionAppropriationProjectConstruction, "2050205", "5536.97"),
            .init(.functionAppropriationProjectConstruction, "206", "1357.93"),
            .init(.functionAppropriationProjectConstruction, "20602", "1357.93"),
            .init(.functionAppropriationProject, "20602", "1707.93"),
        ]
        #expect(RealDocumentFactsTests.missing(figures, in: parsed, measure: .wanYuan) == [])
    }
}
