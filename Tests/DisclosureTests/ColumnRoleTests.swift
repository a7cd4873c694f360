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

    /// A header cell holding several sources without 其中 is headers whose gaps the text lost: the
    /// column is the first's (上海 普陀's "财政拨款收入 事业收入" over the 财政拨款 figures).
    @Test func gluedSourcesNameTheirFirst() {
        #expect(Self.meaning("财政拨款收入 事业收入") == .appropriation)
        #expect(Self.meaning("财政拨款收入事业收入事业单位") == .appropriation)
        #expect(Self.meaning("事业收入其他收入") == .business)
        // A part under its whole is not glued: 其中 says so.
        #expect(Self.meaning("事业收入/其中:教育收费") == .tuition)
        #expect(Self.meaning("事业单位经营收入") == .operating)
    }
}
