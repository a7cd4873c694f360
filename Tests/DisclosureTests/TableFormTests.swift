import Testing
@testable import Disclosure

/// Tables recognised by what they are: provincial 预算 templates, titles with and without numbers,
/// a title wrapped before its ending, and the scheme of the codes (written for these tests, on
/// made-up units and figures in the shapes of the 江苏 and 高等学校 templates).
@Suite struct TableFormTests {
    static func read(_ text: String) -> (facts: [TableTestSupport.Row], warnings: [ParseWarning]) {
        TableVariationTests.read(text, year: 2020)
    }

    static func row(_ key: String, _ code: String?, _ name: String?, _ value: String, _ line: Int) -> TableTestSupport.Row {
        TableVariationTests.row(key, code, name, value, line)
    }

    @Test(arguments: [
        ("公开 05 表：财政拨款支出预算表", TableKind.appropriationExpense),
        ("五、财政拨款支出预算表", .appropriationExpense),
        ("财政拨款支出决算表", .appropriationExpense),
        ("表6 财政拨款基本支出预算表", .appropriationBasicEconomic),
        ("公开08表 一般公共预算基本支出预算表", .basicEconomic),
        ("一般公共预算财政拨款基本支出决算明细表", .basicEconomic),
        ("2019年一般公共预算支出预算表", .generalExpense),
        ("公开 11 表：一般公共预算机关运行经费支出预算表", .operatingCost),
        ("公开 12 表：政府采购支出预算表", .procurement),
        ("收支预算总表", .summary),
        ("收支决算总表", .summary),
        ("财政拨款收支预算总表", .appropriationSummary),
        ("收入预算总表", .income),
        ("支出预算总表", .expense),
        ("政府性基金支出预算表", .fundExpense),
        ("部门“三公”经费和机关运行经费预算表", .threePublic),
        ("财政拨款支出预算表（功能科目）", .appropriationExpense),
        ("财政拨款基本支出预算表（经济科目）", .appropriationBasicEconomic),
        ("部门：某某厅\t财政拨款支出预算表\t\t单位：万元", .appropriationExpense),
    ])
    func titleNamesItsKind(title: String, kind: TableKind) {
        #expect(TableTitle.kind(of: Array(title.utf8)[...]) == kind)
    }

    @Test func aTitleWrappedBeforeItsEndingIsNamedByTheWordsAfterTheMarker() {
        let line = Array("公开 10 表：一般公共预算“三公”经费、会议费、培训费".utf8)[...]
        #expect(TableTitle.kind(of: line) == nil)
        #expect(TableTitle.kind(afterMarkerIn: line) == .threePublic)
        #expect(TableTitle.kind(afterMarkerIn: Array("公开 01 表".utf8)[...]) == nil)
        #expect(TableTitle.kind(of: Array("收入决算表（续）".utf8)[...]) == nil)
    }

    @Test func aTitleUnderAMarkerNamesTheTableNotTheMarkersNumber() {
        // 公开 05 表 is the 决算's 一般公共预算 table by number; the title below it, run into the
        // unit's name on its caption line, says this one is 财政拨款支出.
        let text = """
        公开 05 表\t\t
        部门名称：\t财政拨款支出预算表（功能科目）某某厅\t单位：万元
        功能科目代码\t功能科目名称\t金额
        \t合 计\t5.00
        201\t一般公共服务支出\t5.00
        """
        let (facts, warnings) = Self.read(text)
        #expect(Set(facts) == [
            Self.row("expense.appropriation", nil, nil, "5.00", 4),
            Self.row("function.appropriation.total", "201", "一般公共服务支出", "5.00", 5),
        ])
        #expect(!warnings.contains { $0.rule == .tableMissing })
    }

    @Test func aCodedTableWhoseHeaderWentIntoItsTitleLineReadsOneFigurePerRow() {
        let text = """
        部门：\t十、一般公共预算机关运行经费支出预算表某某厅科目编码 科目名称\t\t机关运行经费支出\t单位：万元
        \t合计\t3.00
        302\t商品和服务支出\t3.00
        30201\t办公费\t3.00
        """
        let (facts, warnings) = Self.read(text)
        #expect(Set(facts) == [
            Self.row("operating_cost.budget", nil, nil, "3.00", 2),
            Self.row("economic.operating_cost", "302", "商品和服务支出", "3.00", 3),
            Self.row("economic.operating_cost", "30201", "办公费", "3.00", 4),
        ])
        #expect(!warnings.contains { $0.rule == .unreadableRow })
    }

    @Test func aCodeUnderAShiftedHeaderIsStillACode() {
        // The header's first cells moved one column right ("⇥科目编码 科目名称合计⇥金额").
        let text = """
        一般公共预算基本支出预算表（经济科目）
        \t科目编码 科目名称合计\t金额\t9.00
        301\t工资福利支出\t\t9.00
        30101\t基本工资\t\t9.00
        """
        let (facts, _) = Self.read(text)
        #expect(Set(facts.filter { $0.code != nil }) == [
            Self.row("economic.basic", "301", "工资福利支出", "9.00", 3),
            Self.row("economic.basic", "30101", "基本工资", "9.00", 4),
        ])
    }

    @Test func codeColumnHeadedDaimaAndAppropriationExpenseByFunction() {
        let text = """
        公开 05 表：财政拨款支出预算表
        部门：某某厅\t单位：万元
        功能科目代码\t功能科目名称\t金额
        \t合计\t310.50
        213\t农林水支出\t300.00
        21301\t农业农村\t300.00
        2130101\t行政运行\t300.00
        221\t住房保障支出\t10.50
        22102\t住房改革支出\t10.50
        2210201\t住房公积金\t10.50
        """
        let (facts, warnings) = Self.read(text)
        #expect(Set(facts) == [
            Self.row("expense.appropriation", nil, nil, "310.50", 4),
            Self.row("function.appropriation.total", "213", "农林水支出", "300.00", 5),
            Self.row("function.appropriation.total", "21301", "农业农村", "300.00", 6),
            Self.row("function.appropriation.total", "2130101", "行政运行", "300.00", 7),
            Self.row("function.appropriation.total", "221", "住房保障支出", "10.50", 8),
            Self.row("function.appropriation.total", "22102", "住房改革支出", "10.50", 9),
            Self.row("function.appropriation.total", "2210201", "住房公积金", "10.50", 10),
        ])
        #expect(!warnings.contains { $0.rule == .unmappedCell })
    }

    @Test func economicTablesOfAProvincialBudget() {
        // 财政拨款基本支出 (all appropriations) and 一般公共预算基本支出 are both economic, and an
        // 机关运行经费 table too; none of their codes may become a function fact.
        let text = """
        公开 06 表：财政拨款基本支出预算表
        单位：万元
        科目编码\t科目名称\t金额
        \t合 计\t120.00
        301\t工资福利支出\t100.00
        30101\t基本工资\t100.00
        302\t商品和服务支出\t20.00
        30201\t办公费\t20.00
        公开 08 表：一般公共预算基本支出预算表
        单位：万元
        科目编码\t科目名称\t金额
        \t合 计\t110.00
        301\t工资福利支出\t90.00
        30101\t基本工资\t90.00
        302\t商品和服务支出\t20.00
        30201\t办公费\t20.00
        公开 11 表：一般公共预算机关运行经费支出预算表
        单位：万元
        科目编码\t科目名称\t机关运行经费支出
        合\t计\t20.00
        302\t商品和服务支出\t20.00
        30201\t办公费\t20.00
        """
        let (facts, _) = Self.read(text)
        #expect(Set(facts) == [
            Self.row("expense.appropriation.basic", nil, nil, "120.00", 4),
            Self.row("economic.appropriation.basic", "301", "工资福利支出", "100.00", 5),
            Self.row("economic.appropriation.basic", "30101", "基本工资", "100.00", 6),
            Self.row("economic.appropriation.basic", "302", "商品和服务支出", "20.00", 7),
            Self.row("economic.appropriation.basic", "30201", "办公费", "20.00", 8),
            Self.row("expense.general.basic", nil, nil, "110.00", 12),
            Self.row("economic.basic", "301", "工资福利支出", "90.00", 13),
            Self.row("economic.basic", "30101", "基本工资", "90.00", 14),
            Self.row("economic.basic", "302", "商品和服务支出", "20.00", 15),
            Self.row("economic.basic", "30201", "办公费", "20.00", 16),
            Self.row("operating_cost.budget", nil, nil, "20.00", 20),
            Self.row("economic.operating_cost", "302", "商品和服务支出", "20.00", 21),
            Self.row("economic.operating_cost", "30201", "办公费", "20.00", 22),
        ])
    }

    @Test func economicCodesUnderAFunctionTitleAreReadAsEconomic() {
        // A 基本支出 table whose title does not say so: its codes are economic, so it is one.
        let text = """
        表3 支出预算表
        单位：万元
        科目编码\t科目名称\t金额
        301\t工资福利支出\t8.00
        30101\t基本工资\t8.00
        """
        let (facts, _) = Self.read(text)
        #expect(Set(facts) == [
            Self.row("economic.basic", "301", "工资福利支出", "8.00", 4),
            Self.row("economic.basic", "30101", "基本工资", "8.00", 5),
        ])
    }

    @Test func anEconomicCodeInAFunctionTableGetsNoFunctionKey() {
        let text = """
        2020年一般公共预算支出预算表
        单位：万元
        功能科目代码\t功能科目名称\t金额
        221\t住房保障支出\t6.00
        22102\t住房改革支出\t6.00
        302\t商品和服务支出\t2.00
        """
        let (facts, warnings) = Self.read(text)
        #expect(!facts.contains { $0.code == "302" })
        #expect(facts.filter { $0.key == "function.general.total" }.count == 2)
        #expect(warnings.contains { $0.rule == .unmappedCell && $0.source?.firstLine == 6 })
        #expect(warnings.filter { $0.rule == .unknownCode }.map { $0.source?.firstLine } == [6])
    }

    @Test func codesTheCatalogueLacksAreLearntAndMalformedOnesWarned() {
        // 2130199 and 21399 are not in the test catalogue: well-formed, so no warning; 1010101
        // is no code at all; 2210202 printed under another code's name is a mismatch.
        let text = """
        支出预算总表
        单位：万元
        科目编码\t科目名称\t合计
        213\t农林水支出\t5.00
        21399\t其他农林水支出\t5.00
        2139999\t其他农林水支出\t5.00
        1010101\t某某\t1.00
        2210202\t住房公积金\t1.00
        """
        let (facts, warnings) = Self.read(text)
        #expect(facts.filter { $0.key == "function.expense.total" }.map(\.code) == ["213", "21399", "2139999", "2210202"])
        #expect(warnings.filter { $0.rule == .unknownCode }.map { $0.source?.firstLine } == [7])
        #expect(warnings.filter { $0.rule == .nameMismatch }.map { $0.source?.firstLine } == [8])
    }

    @Test func procurementTotalAndItsThreeKinds() {
        // Items under 一、货物 (会议服务 among them) are not the 服务 line.
        let text = """
        公开 12 表：政府采购支出预算表
        单位：万元
        采购品目大类\t采购物品名称\t采购组织\t总计
        \t\t形式\t
        合计\t\t\t50.00
        一、货物 A\t\t\t20.00
        会议服务\t\t\t20.00
        二、工程 B\t\t\t10.00
        三、服务 C\t\t\t20.00
        """
        let (facts, _) = Self.read(text)
        #expect(Set(facts) == [
            Self.row("procurement.total", nil, nil, "50.00", 5), Self.row("procurement.goods", nil, nil, "20.00", 6),
            Self.row("procurement.works", nil, nil, "10.00", 8), Self.row("procurement.services", nil, nil, "20.00", 9),
        ])
    }

    @Test func codesGluedToNamesOrSplitBySpacesJoin() {
        // Text that lost its column gaps: "2100101行政运行", "301 01基本工资".
        let text = """
        2020年部门支出预算总表
        单位：万元
        功能分类科目编码 功能分类科目名称    合计    基本支出    项目支出
        210 卫生健康支出    9.00    4.00    5.00
        21001 卫生健康管理事务    9.00    4.00    5.00
        2100101行政运行    4.00    4.00
        2100102一般行政管理事务    5.00        5.00
        2020年一般公共预算基本支出部门预算经济分类预算表
        单位：万元
        经济分类科目编码 科目名称    合计    人员经费    公用经费
        301 工资福利支出    3.00    3.00
        301 01基本工资    3.00    3.00
        302 商品和服务支出    1.00        1.00
        302 01办公费    1.00        1.00
        """
        let (facts, _) = Self.read(text)
        let coded = Set(facts.filter { $0.code != nil }.map { "\($0.key) \($0.code!) \($0.name!)" })
        #expect(coded.isSuperset(of: [
            "function.expense.basic 2100101 行政运行", "function.expense.project 2100102 一般行政管理事务",
            "economic.basic.personnel 30101 基本工资", "economic.basic.public 30201 办公费",
        ]))
        #expect(!coded.contains { $0.hasPrefix("function") && $0.contains(" 3") })
    }

    @Test func figuresWhoseColumnTheTextLostArePlacedBySums() {
        // Single spaces: a row with 合计 and one other figure does not show which column it is in.
        // The 类 line has all three, so its 项 lines must split 7 | 5: 行政运行 basic, the other project.
        let text = """
        2020年部门支出预算总表
        单位：元
        科目编码 科目名称 合计 基本支出 项目支出
        212 城乡社区支出 12 7 5
        21201 城乡社区管理事务 12 7 5
        2120101行政运行 7 7
        2120102一般行政管理事务 5 5
        合计 12 7 5
        """
        let (facts, warnings) = Self.read(text)
        let split = Set(facts.filter { $0.code?.count == 7 }.map { "\($0.key) \($0.code!) \($0.value)" })
        #expect(split == [
            "function.expense.total 2120101 7", "function.expense.basic 2120101 7",
            "function.expense.total 2120102 5", "function.expense.project 2120102 5",
        ])
        #expect(!warnings.contains { $0.rule == .sumMismatch })
    }

    @Test func universitySummaryWithDroppedCellsAndAGrandTotalCalledHeji() {
        // The 高等学校 收支决算总表 as word boxes render it: empty cells of the 收入 side dropped,
        // 项目(按功能分类) heading the 支出 side, a page number between rows, and 合计 for 总计.
        let text = """
        表 1：高等学校收支决算总表
        单位名称：\t单位：万元
        收入\t支出
        项目\t决算数\t项目(按功能分类)\t决算数
        栏次\t1\t栏次\t2
        一、财政拨款收入\t80.00\t一、一般公共服务支出
        二、事业收入\t20.00\t二、教育支出\t90.00
        三、其他收入\t三、科学技术支出\t5.00
        7
        四、住房保障支出\t5.00
        本年收入合计\t100.00\t本年支出合计\t100.00
        上年结转和结余\t10.00\t年末结转和结余\t10.00
        合计\t110.00\t合计\t110.00
        """
        let (facts, warnings) = Self.read(text)
        #expect(Set(facts.map { "\($0.key) \($0.code ?? "-") \($0.value)" }).isSuperset(of: [
            "income.appropriation - 80", "income.business - 20", "income.total - 100", "expense.total - 100",
            "carryover.opening - 10", "carryover.closing - 10", "grand.total - 110",
        ]))
        #expect(facts.filter { $0.key == "function.expense.total" }.map(\.name) == ["教育支出", "科学技术支出", "住房保障支出"])
        #expect(!facts.contains { $0.key == "income.total" && $0.value == TableTestSupport.amount("110") })
        #expect(!warnings.contains { $0.rule == .sumMismatch || $0.rule == .identityMismatch || $0.rule == .unmappedCell })
    }

    @Test func amountUnderASourceIsThatSource() {
        // 事业收入 spans 金额 and 其中：教育收费; 本年收入合计 wraps over two header lines.
        let text = """
        表 2：高等学校收入决算表
        单位：万元
        \t\t\t\t事业收入\t
        \t\t本年收入合\t财政拨款收\t\t
        科目编码\t科目名称\t计\t入\t金额\t其中：教育收费
        205\t教育支出\t30.00\t10.00\t20.00\t15.00
        \t合计\t30.00\t10.00\t20.00\t15.00
        """
        let (facts, _) = Self.read(text)
        #expect(Set(facts.map { "\($0.key) \($0.code ?? "-") \($0.value)" }) == [
            "function.income.total 205 30", "function.income.appropriation 205 10", "function.income.business 205 20",
            "income.total - 30", "income.appropriation - 10", "income.business - 20",
            // 其中：教育收费 is the part of 事业收入 a school takes in fees.
            "function.income.business.tuition 205 15", "income.business.tuition - 15",
        ])
    }

    @Test func theMeasurePrintedWithTheTableIsTheFactsMeasure() {
        let text = """
        支出预算总表
        单位：千元
        科目编码\t科目名称\t合计
        201\t一般公共服务支出\t1,234.5
        收入预算总表
        单位：元
        科目编码\t科目名称\t合计
        201\t一般公共服务支出\t1,234,500
        """
        let (facts, _) = Self.read(text)
        // 千元 stays 千元 as printed; the two are one sum of money (1,234,500元).
        #expect(Set(facts) == [
            TableVariationTests.row("function.expense.total", "201", "一般公共服务支出", "1234.5", 4, .qianYuan),
            TableVariationTests.row("function.income.total", "201", "一般公共服务支出", "1234500", 8, .yuan),
        ])
        #expect(Money(TableTestSupport.amount("1234.5"), in: .qianYuan) == Money(TableTestSupport.amount("1234500"), in: .yuan))
    }

    @Test func aLineOfFiguresWithoutALabelStandsUnderItsHeader() {
        // A 三公 table's one line of figures: no label to push them right, so 合计 is the first.
        let text = """
        2015 年度财政拨款“三公”经费支出决算表
        单位：万元
        预算数\t\t\t\t\t\t决算数\t\t\t\t\t
        合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\t合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费
        10.50\t2.00\t8.00\t0.00\t8.00\t0.50\t9.50\t1.50\t7.50\t0.00\t7.50\t0.50
        """
        let (facts, _) = Self.read(text)
        let read = Dictionary(facts.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        #expect(read["three_public.budget.total"] == TableTestSupport.amount("10.50"))
        #expect(read["three_public.budget.outbound"] == TableTestSupport.amount("2.00"))
        #expect(read["three_public.budget.reception"] == TableTestSupport.amount("0.50"))
        #expect(read["three_public.actual.total"] == TableTestSupport.amount("9.50"))
        #expect(read["three_public.actual.outbound"] == TableTestSupport.amount("1.50"))
    }

    @Test func schemeOfACodeFollowsFromItsShape() {
        #expect(ClassificationCatalogue.scheme(ofCode: "2080505") == .function)
        #expect(ClassificationCatalogue.scheme(ofCode: "30101") == .economic)
        #expect(ClassificationCatalogue.scheme(ofCode: "50101") == .economic)
        #expect(ClassificationCatalogue.scheme(ofCode: "3010101") == nil)
        #expect(ClassificationCatalogue.scheme(ofCode: "101") == nil)
        #expect(ClassificationCatalogue.scheme(ofCode: "20A") == nil)
    }
}
