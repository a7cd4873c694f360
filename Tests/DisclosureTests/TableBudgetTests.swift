import Testing
@testable import Disclosure

/// The Shanghai 部门预算 in `pdftotext -layout` form: 元 tables, split codes, repeated headers.
@Suite struct TableBudgetTests {
    typealias Row = TableTestSupport.Row
    static let file2024 = "shanghai-putuo-wanli-street-2024-budget.layout.txt"
    static let file2023 = "shanghai-putuo-wanli-street-2023-budget.layout.txt"

    static func facts(_ file: String, year: Int) throws -> (facts: [Fact], warnings: [ParseWarning]) {
        var warnings: [ParseWarning] = []
        let facts = TableReader.read(SourceText(try TableTestSupport.corpus(file)), year: year, catalogue: TableTestSupport.catalogue, warnings: &warnings)
        return (facts, warnings)
    }

    /// Lines read off the page by hand: line, code, name, then the cells in 元 as printed.
    static func rows(_ keys: [String], _ lines: [(Int, String, String, [String])]) -> [Row] {
        lines.flatMap { line, code, name, cells in
            zip(keys, cells).map { Row(key: $0, code: code, name: name, value: TableTestSupport.amount($1), measure: .yuan, line: line) }
        }
    }

    static let income: [(Int, String, String, [String])] = [
        (222, "201", "一般公共服务支出", ["2,932,700", "2,932,700", "0", "0", "0"]),
        (226, "2010507", "专项普查活动", ["257,700", "257,700", "0", "0", "0"]),
        (245, "2013802", "一般行政管理事务", ["135,200", "135,200", "0", "0", "0"]),
        (253, "20499", "其他公共安全支出", ["1,333,000", "1,333,000", "0", "0", "0"]),
        (280, "2080502", "事业单位离退休", ["76,620", "76,620", "0", "0", "0"]),
        (282, "2080505", "机关事业单位基本养老保险缴费支出", ["4,608,515", "4,608,515", "0", "0", "0"]),
        (286, "2080599", "其他行政事业单位养老支出", ["3,900", "3,900", "0", "0", "0"]),
        (315, "212", "城乡社区支出", ["119,385,303", "119,385,303", "0", "0", "0"]),
        (325, "2120199", "其他城乡社区管理事务支出", ["54,212,362", "54,212,362", "0", "0", "0"]),
        (349, "2210399", "其他城乡社区住宅支出", ["2,177,200", "2,177,200", "0", "0", "0"]),
    ]

    static let expense: [(Int, String, String, [String])] = [
        (360, "201", "一般公共服务支出", ["2,932,700", "0", "2,932,700"]),
        (383, "2013802", "一般行政管理事务", ["135,200", "0", "135,200"]),
        (413, "208", "社会保障和就业支出", ["19,604,064", "13,368,164", "6,235,900"]),
        (418, "2080502", "事业单位离退休", ["76,620", "76,620", "0"]),
        (438, "20899", "其他社会保障和就业支出", ["7,812,394", "6,133,194", "1,679,200"]),
        (442, "210", "卫生健康支出", ["3,223,657", "3,023,657", "200,000"]),
        (453, "212", "城乡社区支出", ["119,385,303", "76,609,000", "42,776,303"]),
        (457, "2120101", "行政运行", ["16,603,248", "16,353,248", "250,000"]),
        (459, "2120102", "一般行政管理事务", ["17,591,003", "0", "17,591,003"]),
        (477, "221", "住房保障支出", ["8,882,399", "6,705,199", "2,177,200"]),
        (483, "2210203", "购房补贴", ["3,201,700", "3,201,700", "0"]),
    ]

    /// 一般公共预算支出功能分类预算表, across its page breaks (headers repeat at 552, 589, 626, 663).
    static let general: [(Int, String, String, [String])] = [
        (551, "2013802", "一般行政管理事务", ["135,200", "0", "135,200"]),
        (558, "204", "公共安全支出", ["1,633,000", "0", "1,633,000"]),
        (588, "20805", "行政事业单位养老支出", ["7,234,970", "7,234,970", "0"]),
        (595, "2080501", "行政单位离退休", ["243,120", "243,120", "0"]),
        (625, "2100717", "计划生育服务", ["200,000", "0", "200,000"]),
        (632, "21011", "行政事业单位医疗", ["3,023,657", "3,023,657", "0"]),
        (662, "221", "住房保障支出", ["8,882,399", "6,705,199", "2,177,200"]),
        (669, "22102", "住房改革支出", ["6,705,199", "6,705,199", "0"]),
        (677, "2210399", "其他城乡社区住宅支出", ["2,177,200", "0", "2,177,200"]),
    ]

    /// 经济分类预算表: "301   2" is 30102 and "301   7" is 30107 as printed.
    static let economic: [(Int, String, String, [String])] = [
        (716, "301", "工资福利支出", ["88,282,511", "88,282,511", "0"]),
        (718, "30101", "基本工资", ["5,873,551", "5,873,551", "0"]),
        (720, "30102", "津贴补贴", ["16,623,810", "16,623,810", "0"]),
        (722, "30107", "绩效工资", ["11,447,100", "11,447,100", "0"]),
        (734, "30199", "其他工资福利支出", ["40,683,477", "40,683,477", "0"]),
        (736, "302", "商品和服务支出", ["11,168,569", "0", "11,168,569"]),
        (741, "30205", "水费", ["277,500", "0", "277,500"]),
        (751, "30213", "维修(护)费", ["430,000", "0", "430,000"]),
        (771, "30299", "其他商品和服务支出", ["690,682", "0", "690,682"]),
        (775, "30302", "退休费", ["254,940", "254,940", "0"]),
    ]

    static let totals: [Row] = [
        Row(key: "grand.total", code: nil, name: nil, value: TableTestSupport.amount("156,211,123"), measure: .yuan, line: 212),
        Row(key: "income.appropriation", code: nil, name: nil, value: TableTestSupport.amount("156,211,123"), measure: .yuan, line: 191),
        Row(key: "income.appropriation.general", code: nil, name: nil, value: TableTestSupport.amount("156,211,123"), measure: .yuan, line: 193),
        Row(key: "function.expense.total", code: "210", name: "卫生健康支出", value: TableTestSupport.amount("3,223,657"), measure: .yuan, line: 203),
        Row(key: "income.total", code: nil, name: nil, value: TableTestSupport.amount("156,211,123"), measure: .yuan, line: 350),
        Row(key: "expense.basic", code: nil, name: nil, value: TableTestSupport.amount("99,706,020"), measure: .yuan, line: 488),
        Row(key: "expense.project", code: nil, name: nil, value: TableTestSupport.amount("56,505,103"), measure: .yuan, line: 488),
        Row(key: "appropriation.grand.total", code: nil, name: nil, value: TableTestSupport.amount("156,211,123"), measure: .yuan, line: 517),
        Row(key: "function.general.total", code: "221", name: "住房保障支出", value: TableTestSupport.amount("8,882,399"), measure: .yuan, line: 512),
        Row(key: "expense.general.project", code: nil, name: nil, value: TableTestSupport.amount("56,505,103"), measure: .yuan, line: 679),
        Row(key: "expense.basic.personnel", code: nil, name: nil, value: TableTestSupport.amount("88,537,451"), measure: .yuan, line: 777),
        Row(key: "expense.basic.public", code: nil, name: nil, value: TableTestSupport.amount("11,168,569"), measure: .yuan, line: 777),
        Row(key: "three_public.budget.total", code: nil, name: nil, value: TableTestSupport.amount("47.91"), measure: .wanYuan, line: 791),
        Row(key: "three_public.budget.outbound", code: nil, name: nil, value: .zero, measure: .wanYuan, line: 791),
        Row(key: "three_public.budget.reception", code: nil, name: nil, value: TableTestSupport.amount("1.35"), measure: .wanYuan, line: 791),
        Row(key: "three_public.budget.vehicle", code: nil, name: nil, value: TableTestSupport.amount("46.56"), measure: .wanYuan, line: 791),
        Row(key: "three_public.budget.vehicle_purchase", code: nil, name: nil, value: TableTestSupport.amount("25"), measure: .wanYuan, line: 791),
        Row(key: "three_public.budget.vehicle_operation", code: nil, name: nil, value: TableTestSupport.amount("21.56"), measure: .wanYuan, line: 791),
        Row(key: "operating_cost.budget", code: nil, name: nil, value: TableTestSupport.amount("443.18"), measure: .wanYuan, line: 791),
    ]

    @Test func chosenRowsAndTotalsOfThe2024Budget() throws {
        let actual = Set(TableTestSupport.rows(try Self.facts(Self.file2024, year: 2024).facts))
        var expected = Self.rows(["function.income.total", "function.income.appropriation", "function.income.business",
                                  "function.income.operating", "function.income.other"], Self.income)
        expected += Self.rows(["function.expense.total", "function.expense.basic", "function.expense.project"], Self.expense)
        expected += Self.rows(["function.general.total", "function.general.basic", "function.general.project"], Self.general)
        expected += Self.rows(["economic.basic", "economic.basic.personnel", "economic.basic.public"], Self.economic)
        expected += Self.totals
        #expect(Self.income.count + Self.expense.count + Self.general.count + Self.economic.count >= 40)
        let missing = expected.filter { !actual.contains($0) }
        #expect(missing.isEmpty, "missing: \(missing)")
    }

    @Test func yuanTablesKeepYuan() throws {
        let (facts, _) = try Self.facts(Self.file2024, year: 2024)
        let tables = TableReader.locate(SourceText(try TableTestSupport.corpus(Self.file2024)))
        #expect(tables.map(\.measure) == [.yuan, .yuan, .yuan, .yuan, .yuan, .yuan, .yuan, .yuan, .wanYuan])
        let total = try #require(facts.first { $0.key == .grandTotal })
        #expect(total.amount == Amount(units: 156_211_123))
        #expect(total.measure == .yuan)
    }

    /// Row counts per table counted on the page (lines that start with a 类 code).
    @Test func bothYearsParseToTheRowsOnThePage() throws {
        for (file, expected) in [(Self.file2024, [66, 66, 66, 31]), (Self.file2023, [66, 66, 66, 30])] {
            let tables = TableReader.locate(SourceText(try TableTestSupport.corpus(file)))
            let coded = [TableKind.income, .expense, .generalExpense, .basicEconomic].map { kind in
                tables.first { $0.kind == kind }?.rows.filter { $0.code != nil }.count ?? 0
            }
            #expect(coded == expected, "\(file)")
            // 预算 number their tables differently: the economic table comes after 07 and 08.
            #expect(tables.map(\.kind) == [.summary, .income, .expense, .appropriationSummary, .generalExpense,
                                            .fundExpense, .capitalExpense, .basicEconomic, .threePublic], "\(file)")
            #expect(tables.allSatisfy { $0.unplaced.isEmpty }, "\(file)")
        }
        let (facts2023, warnings2023) = try Self.facts(Self.file2023, year: 2023)
        let (facts2024, warnings2024) = try Self.facts(Self.file2024, year: 2024)
        #expect(!warnings2023.contains { $0.rule == .sumMismatch || $0.rule == .tableMissing || $0.rule == .unreadableRow })
        #expect(!warnings2024.contains { $0.rule == .sumMismatch || $0.rule == .tableMissing || $0.rule == .unreadableRow })
        #expect(facts2024.count == 874)
        #expect(facts2023.count == 637)
    }

    /// 2023: empty columns leave no trace in the text; the gaps between numbers place them.
    @Test func sparseRowsOf2023FindTheirColumns() throws {
        let actual = Set(TableTestSupport.rows(try Self.facts(Self.file2023, year: 2023).facts))
        let expected = [
            Row(key: "function.income.appropriation", code: "2080505", name: "机关事业单位基本养老保险缴费支出", value: Amount(units: 4_412_547), measure: .yuan, line: 291),
            Row(key: "economic.basic.public", code: "302", name: "商品和服务支出", value: Amount(units: 15_381_432), measure: .yuan, line: 739),
            Row(key: "economic.basic.personnel", code: "301", name: "工资福利支出", value: Amount(units: 83_847_385), measure: .yuan, line: 719),
            Row(key: "economic.basic.public", code: "30206", name: "电费", value: Amount(units: 710_000), measure: .yuan, line: 746),
            Row(key: "economic.basic.personnel", code: "30302", name: "退休费", value: Amount(units: 177_480), measure: .yuan, line: 776),
            Row(key: "function.general.total", code: nil, name: "文化旅游体育与传媒支出", value: Amount(units: 200_000), measure: .yuan, line: 511),
        ]
        let missing = expected.filter { !actual.contains($0) }
        #expect(missing.isEmpty, "missing: \(missing)")
        #expect(!actual.contains { $0.code == "302" && $0.key == "economic.basic.personnel" })
    }
}
