import Testing
@testable import Disclosure

/// A tab-separated row that starts with a figure (a 三公 table has no label column: 合计 is its
/// first column) keeps each figure under its own heading. The word boxes of 江苏省人民检察院 2017,
/// p16, give such a table: 合计 1,452.35 | … | 因公出国（境）费 110.00 | … | 公务接待费 156.55.
@Suite struct TabRowWithoutLabelTests {
    @Test func figuresStayUnderTheirHeadings() {
        let text = """
            2017年一般公共预算“三公”经费支出预算表
            单位：万元
            合计\t因公出国（境）费\t公务用车购置费\t公务用车运行维护费\t公务接待费
            45.00\t10.00\t20.00\t10.00\t5.00

            """
        var warnings: [ParseWarning] = []
        let facts = TableReader.read(SourceText(text), year: 2017, catalogue: TableTestSupport.catalogue, warnings: &warnings)
        let values = Dictionary(facts.map { ($0.key.rawValue, $0.value) }, uniquingKeysWith: { first, _ in first })
        #expect(values["three_public.budget.total"] == .amount(TableTestSupport.amount("45.00")))
        #expect(values["three_public.budget.outbound"] == .amount(TableTestSupport.amount("10.00")))
        #expect(values["three_public.budget.vehicle_purchase"] == .amount(TableTestSupport.amount("20.00")))
        #expect(values["three_public.budget.vehicle_operation"] == .amount(TableTestSupport.amount("10.00")))
        #expect(values["three_public.budget.reception"] == .amount(TableTestSupport.amount("5.00")))
    }
}
