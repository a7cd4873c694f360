import Testing
@testable import Disclosure

/// What a value column's header says it holds.
@Suite struct ColumnRoleTests {
    static func meaning(_ label: String) -> ColumnMeaning { ColumnRole.meaning(of: Array(label.utf8)) }

    /// 西南大学's 收入预算表 ends with 使用非财政拨款结余: money that is not 财政拨款, though the words
    /// are inside it (filed as 财政拨款, its 59,972.79 disagreed with the 230,876.38 of the summary).
    @Test func moneyThatIsNot财政拨款IsNot财政拨款() {
        #expect(Self.meaning("使用非财政拨款结余") == .unknown)
        #expect(Self.meaning("非财政拨款资金") == .unknown)
        #expect(Self.meaning("财政拨款收入") == .appropriation)
        #expect(Self.meaning("一般公共预算财政拨款") == .appropriation)
    }
}
