import Testing
@testable import Disclosure

/// The completeness rules on texts made for them: a 目录 against the tables printed after it, the
/// tables a template requires, and the note an empty table owes its reader.
@Suite struct TableCompletenessTests {
    static func warnings(_ text: String) -> [ParseWarning] {
        var warnings: [ParseWarning] = []
        let tableText = TableText(SourceText(text))
        TableCompleteness.check(TableLocator.locate(tableText), text: tableText, warnings: &warnings)
        return warnings
    }

    /// A table with one figure (or none) under its title.
    static func table(_ title: String, figure: String? = "1.00", note: String? = nil) -> String {
        "\(title)\n单位：万元\n项目\t\t合计\n" + (figure.map { "合计\t\t\($0)\n本年合计\t\t\($0)\n" } ?? "") + (note.map { "\($0)\n" } ?? "") + "\n"
    }

    static let contents = """
        某区某局2022年度部门决算
        目  录
        第一部分 部门概况
        一、部门职责
        第二部分 2022年度部门决算表
        一、收入支出决算总表 ……………… 5
        二、收入决算表 ……………… 6
        三、支出决算表 ……………… 7
        四、财政拨款“三公”经费支出决算
        表
        第三部分 2022年度部门决算情况说明

        第一部分 部门概况
        一、部门职责
        某局负责全区某项工作的统筹协调，组织实施有关规划和政策，承担有关事务。

        """

    @Test func aTableTheContentsListsButTheBodyLacksIsFound() throws {
        let text = Self.contents + Self.table("2022年度收入支出决算总表") + Self.table("2022年度收入决算表")
            + Self.table("2022年度支出决算表") + Self.table("2022年度财政拨款收入支出决算总表")
        let found = Self.warnings(text)
        #expect(found.map(\.rule) == [.tableAbsent, .tableUnlisted])
        // The wrapped entry (决算 / 表) is one entry, cited at its first line.
        #expect(found[0].source?.firstLine == 9)
        #expect(found[0].message.contains("“三公”经费支出表"))
        let unlisted = try #require(found.last?.source)
        #expect(unlisted.text == "2022年度财政拨款收入支出决算总表")
    }

    @Test func contentsAndBodyThatAgreeAreQuiet() {
        let text = Self.contents + Self.table("2022年度收入支出决算总表") + Self.table("2022年度收入决算表")
            + Self.table("2022年度支出决算表") + Self.table("2022年度财政拨款“三公”经费支出决算表")
        #expect(Self.warnings(text).isEmpty)
    }

    /// A narrative published without its tables (they are in another file) lists them all: it is
    /// not held to its 目录.
    @Test func aFileWithoutTablesIsNotHeldToItsContents() {
        #expect(Self.warnings(Self.contents + "二、本年度收入支出情况说明。本年收入合计12.00万元。\n").isEmpty)
    }

    /// Without a 目录, the tables a document prints choose its template: eight of the nine 公开表
    /// (one of them only the nine have) lack the ninth.
    @Test func aTableTheTemplateRequiresIsFound() {
        let eight = ["收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表",
                     "一般公共预算财政拨款基本支出决算明细表", "国有资本经营预算财政拨款支出决算表", "财政拨款“三公”经费支出决算表"]
        let found = Self.warnings(eight.map { Self.table("2023年度" + $0) }.joined())
        #expect(found.map(\.rule) == [.tableAbsent])
        #expect(found.first?.message.contains("政府性基金预算财政拨款支出表") == true)
        #expect(found.first?.source == nil)
        // 收支总表, 支出表 and 财政拨款支出表 fit the 高等学校 four and the twelve 江苏 tables: both require 收入表.
        let three = ["高等学校收支决算总表", "高等学校支出决算表", "高等学校财政拨款支出决算表"]
        let university = Self.warnings(three.map { Self.table("2023年度" + $0) }.joined())
        #expect(university.map(\.rule) == [.tableAbsent])
        #expect(university.first?.message.contains("收入表") == true)
        // Two tables are an extract, not a document to hold to a template.
        #expect(Self.warnings(three.prefix(2).map { Self.table("2023年度" + $0) }.joined()).isEmpty)
    }

    /// Ten sentences of narrative: the file is a whole disclosure, not its tables alone.
    static let narrative = (1...10).map { "（\($0)）某局第\($0)项工作按计划完成，有关支出均在预算内安排。\n" }.joined() + "\n"

    /// The empty-table warnings alone (these four or five tables are no template's whole set).
    static func empties(_ text: String) -> [ParseWarning] { warnings(text).filter { $0.rule == .emptyTableUnexplained } }

    @Test func anEmptyTableWithoutAReasonIsFound() {
        let tables = [Self.table("2023年度收入支出决算总表"), Self.table("2023年度收入决算表"), Self.table("2023年度支出决算表")]
        let blank = Self.table("2023年度政府性基金预算财政拨款收入支出决算表", figure: nil)
        let found = Self.empties(Self.narrative + (tables + [blank]).joined())
        #expect(found.map(\.rule) == [.emptyTableUnexplained])
        #expect(found.first?.source?.text == "2023年度政府性基金预算财政拨款收入支出决算表")
        // A note under it saying why, in any of the wordings, is enough.
        for note in ["注：本部门2023年无政府性基金预算财政拨款安排的预算，故本表为空表。", "说明：本部门没有政府性基金收入，故本表无数据。",
                     "注：本部门无相关收支项目", "（无政府性基金支出）", "此表为空"] {
            let explained = Self.table("2023年度政府性基金预算财政拨款收入支出决算表", figure: nil, note: note)
            #expect(Self.empties(Self.narrative + (tables + [explained]).joined()).isEmpty, "\(note)")
        }
        // So is the narrative's account of the table, wrapped or not.
        for account in ["七、政府性基金预算财政拨款收入支出决算表情况说明\n本部门无政府性基金预算。\n",
                        "某局2023年政府性基金支出决算支出\n0万元。\n"] {
            #expect(Self.empties(Self.narrative + account + (tables + [blank]).joined()).isEmpty, "\(account)")
        }
        // A file of tables alone may have its reason in the narrative published apart.
        #expect(Self.empties((tables + [blank]).joined()).isEmpty)
        // A 收入表 has no subject a unit goes without: the narrative cannot explain it away.
        let blankIncome = Self.table("2023年度收入决算表", figure: nil)
        let incomeFound = Self.empties(Self.narrative + "本部门无政府性基金预算。\n" + [tables[0], tables[2], blankIncome, Self.table("2023年度政府性基金预算财政拨款收入支出决算表")].joined())
        #expect(incomeFound.map(\.rule) == [.emptyTableUnexplained])
    }

    /// A sentence that cites a table by its number (（按“部门预算公开08表 一般公共预算基本…）) is no table.
    @Test func aSentenceCitingATableIsNoTable() {
        let text = Self.contents + Self.table("2022年度收入支出决算总表") + Self.table("2022年度收入决算表")
            + Self.table("2022年度支出决算表") + Self.table("2022年度财政拨款“三公”经费支出决算表")
            + "金、住房公积金。（按“部门决算公开08表 一般公共预算基本支出\n决算表”中实际发生事项填写）\n"
        #expect(Self.warnings(text).isEmpty)
    }

    /// One table of a made-up 2023 决算 keeps the template's 2022 in its title.
    @Test func aTitleOfAnotherYearIsFound() throws {
        let text = Self.table("2023年度收入支出决算总表") + Self.table("2022年度收入决算表") + Self.table("2023年度支出决算表")
        var warnings: [ParseWarning] = []
        let tableText = TableText(SourceText(text))
        TableCompleteness.check(TableLocator.locate(tableText), text: tableText, year: 2023, warnings: &warnings)
        let found = warnings.filter { $0.rule == .titleYearMismatch }
        #expect(found.map(\.source?.text) == ["2022年度收入决算表"])
        #expect(found.first?.message.contains("is titled 2022, the document reports on 2023") == true)
        // A title without a year, or a document whose year is not known, is not held to one.
        #expect(Self.warnings(text).filter { $0.rule == .titleYearMismatch }.isEmpty)
    }

    @Test func onlyAZeroAmountSaysNone() {
        for (text, zero) in [("支出0万元", true), ("支出0.00万元", true), ("支出10万元", false), ("支出0.50万元", false),
                             ("支出100.0万元", false), ("为0万元，增长10%", true)] {
            #expect(TableCompleteness.statesZero(Array(text.utf8)) == zero, "\(text)")
        }
    }

    @Test func entriesLoseTheirLeadersPageNumbersAndOrdinals() {
        #expect(TableContents.stripped(TableBytes.squeezed(Array("1.2025年部门收入预算总表……………5".utf8))) == Array("1.2025年部门收入预算总表".utf8))
        #expect(TableContents.stripped(Array("(一)收支预算情况说明.........9".utf8)) == Array("(一)收支预算情况说明".utf8))
        #expect(TableContents.withoutOrdinal(Array("十二、政府采购支出预算表".utf8)) == Array("政府采购支出预算表".utf8))
        #expect(TableContents.withoutOrdinal(Array("(四)高等学校财政拨款支出决算表".utf8)) == Array("高等学校财政拨款支出决算表".utf8))
        #expect(TableContents.withoutOrdinal(Array("4.2025年部门财政拨款收支预算总表".utf8)) == Array("2025年部门财政拨款收支预算总表".utf8))
    }
}
