import Testing
@testable import Disclosure

/// Every table fact of the bundled 2024 部门决算 (Tests/Corpus), written by hand from the document.
@Suite struct TableSampleTests {
    typealias Row = TableTestSupport.Row
    static let file = "wuchang-medical-security-committee-office-2024-final-account.txt"

    /// One function-code line of 02/03/05表: line, code, name, then the printed cells ("" = empty).
    static func coded(_ keys: [String], _ lines: [(Int, String, String, [String])]) -> [Row] {
        lines.flatMap { line, code, name, cells in
            zip(keys, cells).compactMap { key, cell in
                cell.isEmpty ? nil : Row(key: key, code: code, name: name, value: TableTestSupport.amount(cell), measure: .wanYuan, line: line)
            }
        }
    }

    static func total(_ key: String, _ value: String, _ line: Int, code: String? = nil, name: String? = nil) -> Row {
        Row(key: key, code: code, name: name, value: TableTestSupport.amount(value), measure: .wanYuan, line: line)
    }

    static let functionLines02: [(Int, String, String, [String])] = [
        (121, "208", "社会保障和就业支出", ["5.86", "5.86"]),
        (122, "20805", "行政事业单位养老支出", ["5.86", "5.86"]),
        (123, "2080505", "机关事业单位基本养老保险缴费支出", ["5.86", "5.86"]),
        (124, "210", "卫生健康支出", ["2,331.15", "2,331.15"]),
        (125, "21001", "卫生健康管理事务", ["60.58", "60.58"]),
        (126, "2100101", "行政运行", ["58.38", "58.38"]),
        (127, "2100102", "一般行政管理事务", ["2.2", "2.2"]),
        (128, "21011", "行政事业单位医疗", ["2,270.57", "2,270.57"]),
        (129, "2101101", "行政单位医疗", ["2.43", "2.43"]),
        (130, "2101103", "公务员医疗补助", ["4.28", "4.28"]),
        (131, "2101199", "其他行政事业单位医疗支出", ["2,263.86", "2,263.86"]),
        (132, "221", "住房保障支出", ["8.21", "8.21"]),
        (133, "22102", "住房改革支出", ["8.21", "8.21"]),
        (134, "2210201", "住房公积金", ["7.02", "7.02"]),
        (135, "2210202", "租房补贴", ["1.19", "1.19"]),
    ]

    /// 03表 and 05表 print the same lines: 合计 (or 小计), 基本支出, 项目支出.
    static func expenseLines(first: Int) -> [(Int, String, String, [String])] {
        [
            (first, "208", "社会保障和就业支出", ["5.86", "5.86", ""]),
            (first + 1, "20805", "行政事业单位养老支出", ["5.86", "5.86", ""]),
            (first + 2, "2080505", "机关事业单位基本养老保险缴费支出", ["5.86", "5.86", ""]),
            (first + 3, "210", "卫生健康支出", ["2,331.15", "65.09", "2,266.06"]),
            (first + 4, "21001", "卫生健康管理事务", ["60.58", "58.38", "2.2"]),
            (first + 5, "2100101", "行政运行", ["58.38", "58.38", ""]),
            (first + 6, "2100102", "一般行政管理事务", ["2.2", "", "2.2"]),
            (first + 7, "21011", "行政事业单位医疗", ["2,270.57", "6.71", "2,263.86"]),
            (first + 8, "2101101", "行政单位医疗", ["2.43", "2.43", ""]),
            (first + 9, "2101103", "公务员医疗补助", ["4.28", "4.28", ""]),
            (first + 10, "2101199", "其他行政事业单位医疗支出", ["2,263.86", "", "2,263.86"]),
            (first + 11, "221", "住房保障支出", ["8.21", "8.21", ""]),
            (first + 12, "22102", "住房改革支出", ["8.21", "8.21", ""]),
            (first + 13, "2210201", "住房公积金", ["7.02", "7.02", ""]),
            (first + 14, "2210202", "提租补贴", ["1.19", "1.19", ""]),
        ]
    }

    static let economicLines: [(Int, String, String, String)] = [
        (257, "301", "工资福利支出", "71.82"), (257, "302", "商品和服务支出", "7.34"),
        (258, "30101", "基本工资", "11.93"), (258, "30201", "办公费", "4.15"),
        (259, "30102", "津贴补贴", "12.7"), (260, "30103", "奖金", "27.33"),
        (263, "30108", "机关事业单位基本养老保险缴费", "5.86"), (265, "30110", "职工基本医疗保险缴费", "2.43"),
        (266, "30111", "公务员医疗补助缴费", "4.28"), (267, "30112", "其他社会保障缴费", "0.27"),
        (268, "30113", "住房公积金", "7.02"), (279, "30228", "工会经费", "0.91"),
        (280, "30229", "福利费", "0.1"), (282, "30239", "其他交通费用", "2.18"),
    ]

    static var expected: [Row] {
        var rows: [Row] = [
            // 公开01表 收入支出决算总表
            total("income.appropriation.general", "2,345.22", 75),
            total("function.expense.total", "5.86", 82, code: "208", name: "社会保障和就业支出"),
            total("function.expense.total", "2,331.15", 83, code: "210", name: "卫生健康支出"),
            total("function.expense.total", "8.21", 93, code: "221", name: "住房保障支出"),
            total("income.total", "2,345.22", 101), total("expense.total", "2,345.22", 101),
            total("grand.total", "2,345.22", 104), total("grand.total", "2,345.22", 104),
            // 公开02表 收入决算表
            total("income.total", "2,345.22", 120), total("income.appropriation", "2,345.22", 120),
            // 公开03表 支出决算表
            total("expense.total", "2,345.22", 150), total("expense.basic", "79.16", 150), total("expense.project", "2,266.06", 150),
            // 公开04表 财政拨款收入支出决算总表
            total("income.appropriation.general", "2,345.22", 181),
            total("function.appropriation.total", "5.86", 188, code: "208", name: "社会保障和就业支出"),
            total("function.general.total", "5.86", 188, code: "208", name: "社会保障和就业支出"),
            total("function.appropriation.total", "2,331.15", 189, code: "210", name: "卫生健康支出"),
            total("function.general.total", "2,331.15", 189, code: "210", name: "卫生健康支出"),
            total("function.appropriation.total", "8.21", 199, code: "221", name: "住房保障支出"),
            total("function.general.total", "8.21", 199, code: "221", name: "住房保障支出"),
            total("income.appropriation", "2,345.22", 207),
            total("expense.appropriation", "2,345.22", 207), total("expense.general.total", "2,345.22", 207),
            total("appropriation.grand.total", "2,345.22", 212), total("appropriation.grand.total", "2,345.22", 212),
            // 公开05表 一般公共预算财政拨款支出决算表
            total("expense.general.total", "2,345.22", 228), total("expense.general.basic", "79.16", 228),
            total("expense.general.project", "2,266.06", 228),
            // 公开06表 基本支出决算明细表
            total("expense.basic.personnel", "71.82", 285), total("expense.basic.public", "7.34", 285),
        ]
        rows += coded(["function.income.total", "function.income.appropriation"], functionLines02)
        rows += coded(["function.expense.total", "function.expense.basic", "function.expense.project"], expenseLines(first: 151))
        rows += coded(["function.general.total", "function.general.basic", "function.general.project"], expenseLines(first: 229))
        rows += economicLines.map { total("economic.basic", $0.3, $0.0, code: $0.1, name: $0.2) }
        return rows
    }

    @Test func everyTableFactOfThe2024Sample() throws {
        let text = try TableTestSupport.corpus(Self.file)
        var warnings: [ParseWarning] = []
        let facts = TableReader.read(SourceText(text), year: 2024, catalogue: TableTestSupport.catalogue, warnings: &warnings)
        let actual = TableTestSupport.rows(facts).sorted { $0.description < $1.description }
        let expected = Self.expected.sorted { $0.description < $1.description }
        #expect(expected.count == 140)
        #expect(actual.count == expected.count)
        let missing = expected.filter { row in !actual.contains(row) }
        let extra = actual.filter { row in !expected.contains(row) }
        #expect(missing.isEmpty, "missing: \(missing)")
        #expect(extra.isEmpty, "unexpected: \(extra)")
    }

    @Test func factsCarryTheirRowAsProvenance() throws {
        let text = try TableTestSupport.corpus(Self.file)
        let source = SourceText(text)
        var warnings: [ParseWarning] = []
        let facts = TableReader.read(source, year: 2024, catalogue: TableTestSupport.catalogue, warnings: &warnings)
        for fact in facts {
            #expect(fact.origin == .table)
            #expect(fact.year == 2024)
            #expect(fact.source.text == String(source[fact.source.firstLine]))
        }
        let line = try #require(facts.first { $0.code == "2101199" && $0.key == .functionIncomeTotal })
        #expect(line.source.text == "2101199\t其他行政事业单位医疗支出\t\t2,263.86\t2,263.86\t\t\t\t\t\t")
    }

    @Test func locatesAllNineTablesAndNotesTheEmptyOnes() throws {
        let tables = TableReader.locate(SourceText(try TableTestSupport.corpus(Self.file)))
        #expect(tables.map(\.formNumber) == [1, 2, 3, 4, 5, 6, 7, 8, 9])
        #expect(tables.map(\.kind) == TableKind.allCases.filter { $0.standardFormNumber > 0 })
        #expect(tables.allSatisfy { $0.measure == .wanYuan && $0.layout == .tabs })
        #expect(tables.map { $0.statedEmpty?.firstLine } == [nil, nil, nil, nil, nil, nil, 306, 325, 343])
        let economic = tables[5]
        #expect(economic.panelHeadings == ["人员经费", "公用经费", ""])
        // 301 and its 13 items, 303 and its 12 | 302 and its 27 | 310 and its 6, counted on the page.
        #expect((0..<3).map { panel in economic.rows.filter { $0.panel == panel && $0.code != nil }.count } == [27, 28, 7])
    }

    @Test func warnsAboutCodesAndNamesTheCatalogueDoesNotKnow() throws {
        var warnings: [ParseWarning] = []
        _ = TableReader.read(SourceText(try TableTestSupport.corpus(Self.file)), year: 2024, catalogue: TableTestSupport.catalogue, warnings: &warnings)
        #expect(!warnings.contains { $0.rule == .tableMissing || $0.rule == .sumMismatch || $0.rule == .unreadableRow })
        // 02表 prints 2210202 as 租房补贴, an earlier name: not a mismatch.
        #expect(!warnings.contains { $0.rule == .nameMismatch })
        // 30201 办公费 is not in the test catalogue, but a well-formed code printed with its name
        // is learnt from the table.
        #expect(!warnings.contains { $0.rule == .unknownCode })
    }

    @Test func the2023SampleLostItsTables() throws {
        var warnings: [ParseWarning] = []
        let text = try TableTestSupport.corpus("wuchang-medical-security-bureau-2023-final-account.txt")
        let facts = TableReader.read(SourceText(text), year: 2023, catalogue: TableTestSupport.catalogue, warnings: &warnings)
        #expect(facts.isEmpty)
        let missing = warnings.filter { $0.rule == .tableMissing }.compactMap { $0.source?.firstLine }
        #expect(missing == [78, 84, 85, 86, 87, 88])
        // 07, 08 and 09 say they have no data: expected empty, not lost.
        let tables = TableReader.locate(SourceText(text))
        #expect(tables.filter { $0.statedEmpty != nil }.map(\.kind) == [.fundExpense, .capitalExpense, .threePublic])
    }
}
