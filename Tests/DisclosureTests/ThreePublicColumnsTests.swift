import Testing
@testable import Disclosure

/// The columns of a 三公 table settled by order and by its own sums (`ThreePublicColumns`), on
/// hand-made tables of the provincial 三公经费、会议费、培训费 form (江苏 2017–2019 print it) with
/// figures of their own: 合计 90 = 三公 60 + 会议费 20 + 培训费 10; 三公 60 = 因公出国 10 +
/// vehicles 30 + 公务接待 20; vehicles 30 = 购置 5 + 运行 25.
@Suite struct ThreePublicColumnsTests {
    static func values(_ text: String) -> [String: [Amount]] {
        var warnings: [ParseWarning] = []
        let facts = TableReader.read(SourceText(text), year: 2019, catalogue: TableTestSupport.catalogue, warnings: &warnings)
        return Dictionary(grouping: facts.filter { $0.key.rawValue.hasPrefix("three_public.") }, by: \.key.rawValue)
            .mapValues { $0.compactMap(\.amount) }
    }

    static func amounts(_ values: String...) -> [Amount] { values.map(TableTestSupport.amount) }

    /// 小计 left of 因公出国 is the 三公's own; 小计 right of it the vehicles'; the 合计 beside
    /// 会议费 and 培训费 is no 三公 figure.
    @Test func twoSubtotalsAndATotalOfMore() {
        let text = """
            “三公”经费、会议费、培训费支出预算表
            单位：万元
            \t\t“三公”经费
            \t\t\t公务用车购置及运行维护费
            合计\t小计\t因公出国（境）费\t小计\t公务用车购置费\t公务用车运行维护费\t公务接待费\t会议费\t培训费
            90.00\t60.00\t10.00\t30.00\t5.00\t25.00\t20.00\t20.00\t10.00

            """
        #expect(Self.values(text) == [
            "three_public.budget.total": Self.amounts("60.00"),
            "three_public.budget.outbound": Self.amounts("10.00"),
            "three_public.budget.vehicle": Self.amounts("30.00"),
            "three_public.budget.vehicle_purchase": Self.amounts("5.00"),
            "three_public.budget.vehicle_operation": Self.amounts("25.00"),
            "three_public.budget.reception": Self.amounts("20.00"),
        ])
    }

    /// The empty 购置费 column was lost: the vehicles' 30 stands under 购置费, and 购置费 + 运行费
    /// (30 + 30) is not the vehicles' 60 − 10 − 20. The column is the vehicles' 小计.
    @Test func theVehiclesSubtotalUnderALostColumnsLabel() {
        let text = """
            “三公”经费、会议费、培训费支出预算表
            单位：万元
            合计\t小计\t因公出国（境）费\t公务用车购置费\t公务用车运行维护费\t公务接待费\t会议费\t培训费
            90.00\t60.00\t10.00\t30.00\t30.00\t20.00\t20.00\t10.00

            """
        let values = Self.values(text)
        #expect(values["three_public.budget.vehicle"] == Self.amounts("30.00"))
        #expect(values["three_public.budget.vehicle_operation"] == Self.amounts("30.00"))
        #expect(values["three_public.budget.vehicle_purchase"] == nil)
        #expect(values["three_public.budget.total"] == Self.amounts("60.00"))

        // Where 购置费 + 运行费 make the vehicles' figure, 购置费 stays what it says.
        let whole = text.replacingOccurrences(of: "30.00\t30.00", with: "5.00\t25.00")
        #expect(Self.values(whole)["three_public.budget.vehicle_purchase"] == Self.amounts("5.00"))
        #expect(Self.values(whole)["three_public.budget.vehicle"] == nil)
    }

    /// The 上海 form (合计 first, no 会议费): 合计 is the 三公's total, as before.
    @Test func aTotalWithoutASubtotalIsTheThreePublics() {
        let text = """
            2025年部门“三公”经费和机关运行经费预算表
            单位：万元
            合计\t因公出国(境)费\t公务接待费\t小计\t购置费\t运行费\t机关运行经费预算数
            30.00\t10.00\t20.00\t\t\t\t99.00

            """
        let values = Self.values(text)
        #expect(values["three_public.budget.total"] == Self.amounts("30.00"))
        #expect(values["three_public.budget.reception"] == Self.amounts("20.00"))
        #expect(values["three_public.budget.vehicle"] == nil)
    }
}
