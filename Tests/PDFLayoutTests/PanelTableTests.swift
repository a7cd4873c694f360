import Testing
@testable import PDFLayout

/// Rows and columns of tables read as printed: side-by-side panels whose rows may be text alone,
/// wrapped cells, labels centred over merged cells, and where one table ends and the next begins.
/// Expected cells are written from the hand-made pages (and, for the real page, from the PDF).
@Suite struct PanelTableTests {
    /// All the cells of a table's rows, column by column.
    private func cells(_ table: LocatedTable) -> [[String]] {
        table.sections.flatMap(\.rows).map { row in table.columns.indices.map { row.text($0) } }
    }

    /// A 收支总表 drawn by hand: 收入 | 功能分类 | 支出用途, headers over three lines with group
    /// labels (收入, 功能分类) over two columns, rows without figures, a name wrapped in a tall cell
    /// with its neighbours centred, a total's label printed across a name and a figure column.
    @Test func threePanelsWithTextRowsAndWrappedCells() throws {
        var page = WordSketch()
        page.line(60, (250, "收支预算总表"))
        page.line(100, (150, "收入"), (378, "支出"))
        page.line(110, (277, "功能分类"), (445, "支出用途"))
        page.line(120, (60, "项目名称"), (200, "金额"), (260, "功能科目名称"), (380, "金额"), (430, "项目名称"), (505, "金额"))
        page.line(140, (50, "一、财政拨款"), (193, "100.00"), (250, "一、一般公共服务支出"), (377.5, "60.00"), (420, "一、基本支出"), (502.5, "70.00"))
        page.line(158, (60, "1.一般公共预算"), (193, "100.00"), (250, "二、外交支出"), (420, "二、项目支出"), (502.5, "30.00"))
        page.line(174, (60, "2.政府性基金预"))
        page.line(182, (250, "三、国防支出"), (377.5, "40.00"))
        page.line(190, (50, "算"))
        page.line(208, (50, "二、财政专户管理资"))
        page.line(216, (250, "四、公共安全支出"))
        page.line(224, (50, "金"))
        page.line(242, (50, "三、其他资金"), (250, "五、教育支出"))
        page.line(260, (250, "六、科学技术支出"))
        page.line(278, (70, "当年收入小计"), (193, "100.00"), (335, "当年支出小计"), (502.5, "100.00"))
        page.line(296, (80, "收入合计"), (193, "100.00"), (340, "支出合计"), (502.5, "100.00"))
        let table = try #require(try page.document().tables.first)
        #expect(table.kind == .summary)
        #expect(table.columns.count == 6)
        #expect(cells(table) == [
            ["一、财政拨款", "100.00", "一、一般公共服务支出", "60.00", "一、基本支出", "70.00"],
            ["1.一般公共预算", "100.00", "二、外交支出", "", "二、项目支出", "30.00"],
            ["2.政府性基金预算", "", "三、国防支出", "40.00", "", ""],
            ["二、财政专户管理资金", "", "四、公共安全支出", "", "", ""],
            ["三、其他资金", "", "五、教育支出", "", "", ""],
            ["", "", "六、科学技术支出", "", "", ""],
            ["当年收入小计", "100.00", "当年支出小计", "", "", "100.00"],
            ["收入合计", "100.00", "支出合计", "", "", "100.00"],
        ])
    }

    /// The A3 variant (中共江苏省委办公厅 2019): 支出 on the top header line stands over the 功能分类
    /// figures, 功能分类 over the gap between name and 金额, and the totals' labels sit in that gap
    /// touching neither column. Group labels make no column and name no run; 金额 names the figures;
    /// the stray labels go to the name column on their left.
    @Test func groupLabelsAndLabelsInAGap() throws {
        var page = WordSketch()
        page.line(40, (250, "收支预算总表"))
        page.line(80, (100, "收入"), (395, "支出"))
        page.line(95, (300, "功能分类"), (470, "支出用途"))
        page.line(110, (40, "项目名称"), (150, "金额"), (210, "功能科目名称"), (370, "金额"), (450, "项目名称"), (540, "金额"))
        page.line(130, (30, "一、财政拨款"), (147.5, "50.00"), (200, "一、一般公共服务支出"), (397.5, "30.00"), (440, "一、基本支出"), (537.5, "50.00"))
        page.line(148, (40, "1.一般公共预算"), (147.5, "50.00"), (200, "二、外交支出"), (440, "二、项目支出"))
        page.line(166, (200, "三、国防支出"), (397.5, "20.00"))
        page.line(184, (200, "四、公共安全支出"))
        page.line(202, (200, "五、教育支出"))
        page.line(220, (200, "六、科学技术支出"))
        page.line(238, (50, "当年收入小计"), (147.5, "50.00"), (320, "当年支出小计"), (537.5, "50.00"))
        page.line(256, (60, "收入合计"), (147.5, "50.00"), (329, "支出合计"), (537.5, "50.00"))
        let table = try #require(try page.document().tables.first)
        #expect(table.columns.map(\.role) == [.text, .figures, .text, .figures, .text, .figures])
        #expect(cells(table) == [
            ["一、财政拨款", "50.00", "一、一般公共服务支出", "30.00", "一、基本支出", "50.00"],
            ["1.一般公共预算", "50.00", "二、外交支出", "", "二、项目支出", ""],
            ["", "", "三、国防支出", "20.00", "", ""],
            ["", "", "四、公共安全支出", "", "", ""],
            ["", "", "五、教育支出", "", "", ""],
            ["", "", "六、科学技术支出", "", "", ""],
            ["当年收入小计", "50.00", "当年支出小计", "", "", "50.00"],
            ["收入合计", "50.00", "支出合计", "", "", "50.00"],
        ])
        #expect(table.headerRows.last?.cells.map { $0?.text ?? "" } == ["项目名称", "金额", "功能科目名称", "金额", "项目名称", "金额"])
    }

    /// 江苏省人大常委会办公厅 2017 (p7): names wrapped on double-spaced lines with a first-line
    /// indent, justified letter by letter (1. 一 般 公 / 共预算), the first row's name starting
    /// above the first figures, which are centred between its lines.
    @Test func doubleSpacedWrapsAndTheFirstRowAboveItsFigures() throws {
        var page = WordSketch()
        page.line(60, (100, "收支预算总表"))
        page.line(100, (60, "项目名称"), (140, "金额"), (210, "功能科目名称"), (300, "金额"))
        page.line(130, (76.4, "一、财政"), (210, "一、一般公共服务"))
        page.line(145, (140, "100.00"), (300, "60.00"))
        page.line(160, (58.4, "拨款"), (210, "支出"))
        page.line(190, (67.4, "1."), (79.2, "一"), (91, "般"), (102.8, "公"))
        page.line(205, (140, "100.00"), (210, "二、外交支出"))
        page.line(220, (58.4, "共预算"))
        page.line(250, (58.4, "二、财政专户"))
        page.line(265, (210, "三、国防支出"), (300, "40.00"))
        page.line(280, (58.4, "管理资金"))
        let table = try #require(try page.document().tables.first)
        #expect(table.headerRows.count == 1)
        #expect(cells(table) == [
            ["一、财政拨款", "100.00", "一、一般公共服务支出", "60.00"],
            ["1. 一般公共预算", "100.00", "二、外交支出", ""],
            ["二、财政专户管理资金", "", "三、国防支出", "40.00"],
        ])
    }

    /// The same rules on the real page they came from: 江苏省人民检察院 2019 部门预算, page 14,
    /// 收支预算总表 (figures as printed on the page).
    @Test func jiangsuSummaryPage() throws {
        let table = try #require(try Fixtures.document("jiangsu-procuratorate-2019-p14").tables.first)
        #expect(table.kind == .summary)
        let rows = cells(table)
        #expect(rows.count == 24)
        #expect(rows.first == ["一、财政拨款", "24,169.74", "一、一般公共服务支出", "", "一、基本支出", "15,844.04"])
        #expect(rows.contains(["2.政府性基金预算", "", "三、国防支出", "", "三、单位预留机动经费", "3,990.40"]))
        #expect(rows.contains(["二、财政专户管理资金", "", "四、公共安全支出", "16,593.12", "", ""]))
        #expect(rows.contains(["三、其他资金", "", "五、教育支出", "", "", ""]))
        #expect(rows.contains(["", "", "十八、住房保障支出", "5,686.35", "", ""]))
        #expect(rows.contains(["", "", "二十一、其他支出", "", "", ""]))
        #expect(rows.last == ["收入合计", "24,169.74", "支出合计", "", "", "24,169.74"])
    }

    /// A 公开NN表 printed above the next title ends the table before it; a title of the same kind
    /// but other words on the next page starts a new table, while the same title with （续）
    /// continues it and its repeated header is no row.
    @Test func whereTablesEndAndContinue() throws {
        var pages = WordSketch()
        pages.line(100, (200, "财政拨款支出预算表"))
        pages.line(130, (50, "科目编码"), (120, "科目名称"), (300, "金额"))
        pages.line(150, (50, "201"), (120, "一般公共服务支出"), (300, "10.00"))
        pages.line(168, (50, "20101"), (120, "人大事务"), (300, "10.00"))
        pages.line(190, (50, "公开06表"))
        pages.newPage()
        pages.line(100, (200, "财政拨款基本支出预算表"))
        pages.line(130, (50, "科目编码"), (120, "科目名称"), (300, "金额"))
        pages.line(150, (50, "301"), (120, "工资福利支出"), (300, "8.00"))
        pages.line(168, (50, "30101"), (120, "基本工资"), (300, "8.00"))
        pages.newPage()
        pages.line(100, (200, "财政拨款基本支出预算表（续）"))
        pages.line(130, (50, "科目编码"), (120, "科目名称"), (300, "金额"))
        pages.line(150, (50, "30102"), (120, "津贴补贴"), (300, "0.50"))
        let document = try pages.document()
        #expect(document.tables.map(\.title.text) == ["财政拨款支出预算表", "财政拨款基本支出预算表"])
        #expect(document.tables.map { $0.sections.flatMap(\.rows).compactMap(\.code) } == [["201", "20101"], ["301", "30101", "30102"]])
        #expect(document.narrative.map(\.text).contains("公开06表"))
    }

    /// An economic table with its code printed as 类 | 款 ("302 01") under a label over the code
    /// columns alone (经济分类科目编码, the 普陀 budgets): codes joined, and in the interchange
    /// text the label joins the code cell of the lowest header line, where no text reader can take
    /// it for a heading of the figures.
    @Test func splitCodesAndTheirLabel() throws {
        var page = WordSketch()
        page.line(60, (100, "2025年部门一般公共预算基本支出部门预算经济分类预算表"))
        page.line(100, (150, "项目"), (280, "一般公共预算基本支出"))
        page.line(115, (40, "经济分类科目编码"))
        page.line(130, (120, "部门经济分类科目名称"), (270, "合计"), (360, "人员经费"), (450, "公用经费"))
        page.line(145, (45, "类"), (80, "款"))
        page.line(165, (42, "301"), (120, "工资福利支出"), (264, "1,000.00"), (364, "1,000.00"))
        page.line(183, (42, "301"), (80, "01"), (120, "基本工资"), (273, "600.00"), (373, "600.00"))
        page.line(201, (42, "301"), (80, "02"), (120, "津贴补贴"), (273, "400.00"), (373, "400.00"))
        page.line(219, (42, "302"), (120, "商品和服务支出"), (277.5, "50.00"), (467.5, "50.00"))
        page.line(237, (42, "302"), (80, "01"), (120, "办公费"), (277.5, "50.00"), (467.5, "50.00"))
        page.line(255, (150, "合计"), (264, "1,050.00"), (364, "1,000.00"), (467.5, "50.00"))
        let document = try page.document()
        let table = try #require(document.tables.first)
        #expect(table.kind == .basicEconomic)
        #expect(table.sections.flatMap(\.rows).map { $0.code ?? "" } == ["301", "30101", "30102", "302", "30201", ""])
        let interchange = InterchangeText(document)
        #expect(interchange.lines.filter { $0.kind == .tableHeader }.map(\.text) == [
            "\t项目\t一般公共预算基本支出\t\t",
            "\t部门经济分类科目名称\t合计\t人员经费\t公用经费",
            "经济分类科目编码类 款\t\t\t\t",
        ])
        #expect(interchange.lines.contains { $0.text == "30201\t办公费\t50.00\t\t50.00" })
    }

    /// The same on the real pages: 上海市普陀区商务委员会 2025 单位预算, pages 19–20 (committed as
    /// their bbox XHTML), the economic table in 元 continued on a page without title or header.
    @Test func putuoEconomicTableOverTwoPages() throws {
        let document = try Fixtures.document("putuo-commerce-2025-unit-p19-20")
        #expect(document.tables.count == 1)
        let table = try #require(document.tables.first)
        #expect(table.pages == [1, 2])
        #expect(table.sections.flatMap(\.rows).count == 31)
        let lines = InterchangeText(document).lines
        #expect(lines.filter { $0.kind == .tableHeader }.last?.text == "经济分类科目编码类 款\t\t\t\t")
        for row in ["30108\t机关事业单位基本养老保险缴费\t1,410,886.00\t1,410,886.00\t", "30201\t办公费\t273,900.00\t\t273,900.00",
                    "31002\t办公设备购置\t78,000.00\t\t78,000.00", "\t合计\t19,830,655.00\t18,120,593.00\t1,710,062.00"] {
            #expect(lines.contains { $0.text == row }, "\(row)")
        }
    }

    /// A landscape page prints its number higher than the bottom tenth (西南大学 2023 决算, 841.9 ×
    /// 595.3, the number at y 523): centred and alone at the foot it is furniture, not a row; a
    /// figure alone at the foot but not centred stays.
    @Test func pageNumberOfALandscapePage() throws {
        var pages = WordSketch(width: 842, height: 595)
        pages.line(60, (300, "2023年度支出决算表"))
        pages.line(100, (50, "科目编码"), (150, "科目名称"), (400, "合计"))
        pages.line(120, (50, "205"), (150, "教育支出"), (390, "12.00"))
        pages.line(523, (418.7, "8"))
        pages.newPage(width: 842, height: 595)
        pages.line(100, (50, "科目编码"), (150, "科目名称"), (400, "合计"))
        pages.line(120, (50, "20502"), (150, "普通教育"), (390, "12.00"))
        pages.line(500, (700, "7"))
        let document = try pages.document()
        #expect(document.furniture.map(\.text) == ["8"])
        let rows = document.tables.flatMap(\.sections).flatMap(\.rows)
        #expect(rows.map { $0.code ?? "" } == ["205", "20502", ""])
    }

    /// A title wrapped over two lines (江苏省人民检察院 2017, p16: …培训费支出预 / 算表) ends the
    /// table above it and heads its own.
    @Test func titleWrappedOverTwoLines() throws {
        var page = WordSketch()
        page.line(60, (200, "一般公共预算机关运行经费支出预算表"))
        page.line(90, (50, "科目编码"), (120, "科目名称"), (300, "金额"))
        page.line(110, (50, "302"), (120, "商品和服务支出"), (300, "10.00"))
        page.line(140, (50, "十一、一般公共预算“三公”经费、会议费、培训费支出预"))
        page.line(151, (50, "算表"))
        page.line(180, (50, "合计"), (150, "公务接待费"), (250, "会议费"))
        page.line(200, (50, "10.00"), (150, "4.00"), (250, "6.00"))
        let document = try page.document()
        // 机关运行经费支出预算表 is the operating-cost table Disclosure knows by that title.
        #expect(document.tables.map(\.kind) == [.operatingCost, .threePublic])
        #expect(document.tables.last?.title.text == "十一、一般公共预算“三公”经费、会议费、培训费支出预 算表")
        #expect(document.tables.first?.sections.flatMap(\.rows).count == 1)

        // The rest of a wrapped title may be a short title by itself (江苏省人民检察院 2018, p19:
        // 公开 09 表：一般公共预算“三公”经费、会议费、培训费 / 支出预算表).
        var other = WordSketch()
        other.line(140, (50, "公开09表：一般公共预算“三公”经费、会议费、培训费"))
        other.line(151, (150, "支出预算表"))
        other.line(180, (50, "合计"), (150, "公务接待费"), (250, "会议费"))
        other.line(200, (50, "10.00"), (150, "4.00"), (250, "6.00"))
        let three = try #require(try other.document().tables.first)
        #expect(three.kind == .threePublic)
        #expect(three.title.text == "公开09表：一般公共预算“三公”经费、会议费、培训费 支出预算表")
    }

    /// A total's label printed letter-spaced across its cell (合　　计, 江苏省人民检察院 2018 p20)
    /// is one word, not two cells; a header's 类 款 are left apart.
    @Test func letterSpacedLabel() throws {
        var page = WordSketch()
        page.line(60, (200, "一般公共预算机关运行经费支出预算表"))
        page.line(90, (50, "类"), (70, "款"), (150, "科目名称"), (300, "金额"))
        page.line(110, (90, "合"), (110, "计"), (300, "12.00"))
        page.line(130, (50, "302"), (70, "01"), (150, "办公费"), (300, "12.00"))
        let table = try #require(try page.document().tables.first)
        let rows = table.sections.flatMap(\.rows)
        #expect(rows.count == 2)
        #expect(rows[0].cells.compactMap { $0?.text } == ["合计", "12.00"])
        #expect(rows[1].code == "30201")
        #expect(table.headerRows[0].cells.compactMap { $0?.text }.prefix(2) == ["类", "款"])
    }

    /// A 公开NN表 marker over a title no recogniser knows (as 江苏省人民检察院 2019's 公开 05 表 above
    /// 财政拨款支出预算表（功能科目） was) opens the table by its number, the title among its
    /// captions, so its rows are read as a table and not as lines of narrative. A qualifier after
    /// a known title's 表 (（功能科目）) does not hide the title.
    @Test func tableOpenedByItsNumber() throws {
        var page = WordSketch()
        page.line(40, (50, "公开05表"))
        page.line(60, (200, "部门预算安排情况一览表"))
        page.line(80, (50, "部门名称：某单位"), (300, "单位：万元"))
        page.line(100, (50, "功能科目代码"), (150, "功能科目名称"), (300, "金额"))
        page.line(120, (150, "合计"), (300, "10.00"))
        page.line(140, (50, "204"), (150, "公共安全支出"), (300, "10.00"))
        page.line(160, (50, "20404"), (150, "检察"), (300, "10.00"))
        let document = try page.document()
        let table = try #require(document.tables.first)
        #expect(document.tables.count == 1)
        #expect(table.kind == .generalExpense)
        #expect(table.captions.map(\.text) == ["部门预算安排情况一览表", "部门名称：某单位 单位：万元"])
        #expect(table.sections.flatMap(\.rows).map { $0.code ?? "" } == ["", "204", "20404"])

        var qualified = WordSketch()
        qualified.line(60, (200, "财政拨款收支预算总表"))
        qualified.line(80, (50, "项目"), (150, "金额"))
        qualified.line(100, (50, "一、一般公共预算"), (150, "10.00"))
        qualified.line(130, (200, "财政拨款支出预算表（功能科目）"))
        qualified.line(150, (50, "功能科目编码"), (150, "功能科目名称"), (300, "金额"))
        qualified.line(170, (50, "204"), (150, "公共安全支出"), (300, "10.00"))
        #expect(try qualified.document().tables.map(\.kind) == [.appropriationSummary, .appropriationExpense])
    }

    /// 江苏省人大常委会办公厅 2019 numbers its tables 公开表一 … 公开表十二: under a title the marker
    /// is a caption, not a header row; on one line with a title no recogniser knows it opens the
    /// table by its number.
    @Test func tablesNumberedInChinese() throws {
        var page = WordSketch()
        page.line(40, (200, "支出预算总表"))
        page.line(60, (50, "公开表三"))
        page.line(80, (50, "合计"), (150, "基本支出"))
        page.line(100, (50, "10.00"), (150, "10.00"))
        page.newPage()
        page.line(40, (50, "公开表五"), (200, "财政拨款预算安排一览表"))
        page.line(80, (50, "功能科目编码"), (150, "功能科目名称"), (300, "金额"))
        page.line(100, (50, "204"), (150, "公共安全支出"), (300, "10.00"))
        let document = try page.document()
        #expect(document.tables.map(\.kind) == [.expense, .generalExpense])
        #expect(document.tables.first?.captions.map(\.text) == ["公开表三"])
        #expect(document.tables.first?.headerRows.count == 1)
        #expect(document.tables.last?.title.text == "公开表五 财政拨款预算安排一览表")
        #expect(["公开01表", "公开12表", "公开表一", "公开表十", "公开表十二", "公开表二十一"].map(TableTitle.publicNumber) == [1, 12, 1, 10, 12, 21])
        #expect(["公开表", "公开招标表", "公开"].map(TableTitle.publicNumber) == [nil, nil, nil])
    }

    /// 西南大学's tables centre each header cell over lines of its own: 科目 / 编码 and 财政拨款 /
    /// 收入 over two lines, 科目名称 and 收入合计 on one line between them, 其中：教 / 育收费 half a
    /// line lower. Each column's words become one cell on the lowest header line; 事业收入预算,
    /// over two columns, stays above.
    @Test func headerCellsCentredOverLinesOfTheirOwn() throws {
        var page = WordSketch()
        page.line(60, (200, "收入决算表"))
        page.line(100, (380, "事业收入预算"))
        page.line(108, (40, "科目"), (284, "财政拨款"), (503, "其他收"))
        page.line(114, (100, "科目名称"), (214, "收入合计"), (424, "其中：教"))
        page.line(120, (40, "编码"), (293, "收入"), (363, "金额"), (512, "入"))
        page.line(126, (424, "育收费"))
        for (y, code, name) in [(145.0, "", "合计"), (163, "205", "教育支出"), (181, "20502", "普通教育")] {
            if !code.isEmpty { page.word(code, x: 40, y: y) }
            page.line(y, (100, name), (214, "1,000.00"), (293, "600.00"), (363, "300.00"), (433, "200.00"), (503, "100.00"))
        }
        let table = try #require(try page.document().tables.first)
        #expect(table.columns.count == 7)
        #expect(table.headerRows.map { $0.cells.map { $0?.text ?? "" } } == [
            ["", "", "", "", "事业收入预算", "", ""],
            ["科目编码", "科目名称", "收入合计", "财政拨款收入", "金额", "其中：教育收费", "其他收入"],
        ])
        #expect(table.sections.flatMap(\.rows).map { $0.code ?? "" } == ["", "205", "20502"])
    }

    /// The same on the real page: 西南大学 2023 决算, 表 2 高等学校收入决算表 (page 10, committed as
    /// its bbox XHTML), figures as printed.
    @Test func universityIncomeTable() throws {
        let document = try Fixtures.document("swu-2023-final-p10")
        let table = try #require(document.tables.first)
        #expect(table.captions.map(\.text) == ["单位：万元", "单位名称："])
        #expect(table.headerRows.last?.cells.map { $0?.text ?? "" } == [
            "科目编码", "科目名称", "本年收入合计", "财政拨款收入", "上级补助收入", "金额", "其中：教育收费", "经营收入",
            "附属单位上缴收入", "其他收入",
        ])
        let rows = table.sections.flatMap(\.rows).map { row in table.columns.indices.map { row.text($0) } }
        #expect(rows.first == ["205", "教育支出", "399,693.48", "220,752.34", "", "136,385.24", "73,648.19", "", "", "42,555.90"])
        #expect(rows.contains(["2050204", "高中教育", "24,804.57", "16,600.08", "", "1,133.95", "977.85", "", "", "7,070.55"]))
        #expect(rows.last == ["206", "科学技术支出", "1,178.72", "1,178.72", "", "", "", "", "", ""])
        #expect(document.furniture.map(\.text) == ["8"])
    }

    @Test func itemMarkers() {
        #expect(["二、外交支出", "十八、住房保障支出", "1.一般公共预算", "2．其他", "（一）工资", "(1)奖金", "其中：动用"].allSatisfy(WrappedCells.startsAnItem))
        #expect(!["算", "金", "预算", "一般公共预算", "2024", "十八"].contains(where: WrappedCells.startsAnItem))
    }

    /// A 收支决算总表 whose header lines stand as close as wrapped pieces (西南大学 2023 决算, 表 1):
    /// 收入 and 支出 head their sides, 栏次 | 1 | 栏次 | 2 numbers the columns, and neither joins the
    /// column names under or above it, though 支出 overlaps the name column below it. (Variation:
    /// a column name wrapped in the same header, 决算 / 数, still joins.)
    @Test func headingsAndNumberingLinesStayRowsOfTheirOwn() throws {
        var page = WordSketch()
        page.line(50, (60, "表1：高等学校收支决算总表"))
        page.line(100, (120, "收入"), (330, "支出"))
        page.line(114, (50, "项目"), (180, "决算"), (300, "项目(按功能分类)"), (450, "决算数"))
        page.line(126, (180, "数"))
        page.line(140, (50, "栏次"), (185, "1"), (300, "栏次"), (455, "2"))
        page.line(156, (50, "一、财政拨款收入"), (170, "243,015.38"), (300, "一、教育支出"), (440, "425,287.27"))
        page.line(170, (50, "本年收入合计"), (170, "430,725.03"), (300, "本年支出合计"), (440, "457,676.75"))
        let table = try #require(try page.document().tables.first)
        let header = table.headerRows.map { $0.cells.compactMap { $0?.text } }
        #expect(header == [["收入", "支出"], ["项目", "决算数", "项目(按功能分类)", "决算数"], ["栏次", "1", "栏次", "2"]])
        #expect(table.sections.flatMap(\.rows).count == 2)
    }

    /// A heading of explanations on the page after a table (上海普陀 2025 部门预算, pages 20–21:
    /// 其他相关情况说明 / 一、2025年“三公”经费预算情况说明 under the 三公 table) ends the table; read
    /// as rows, its wide words fused the table's columns. (Variation: the table and its figures
    /// are hand-made, the heading is one of the family, …编制说明.)
    @Test func explanationHeadingEndsTheTable() throws {
        var pages = WordSketch(width: 842, height: 595)
        pages.line(84, (232, "2025年部门“三公”经费和机关运行经费预算表"))
        // The group label reaches over 小计, a label of an empty column.
        pages.line(152, (330, "“三公”经费预算数"))
        pages.line(185, (462, "公务用车购置及运行费"), (700, "机关运行经费"))
        pages.line(201, (104, "合计"), (176, "因公出国(境)费"), (289, "公务接待费"))
        pages.line(218, (408, "小计"), (504, "购置费"), (605, "运行费"))
        pages.line(269, (123, "120.50"), (224, "100.00"), (332, "20.50"), (737, "99.28"))
        pages.newPage(width: 842, height: 595)
        pages.line(60, (300, "其他相关情况说明"))
        pages.line(80, (60, "一、2025年部门预算编制说明"))
        pages.line(100, (60, "“三公”经费预算数为120.50万元。"))
        let document = try pages.document()
        let table = try #require(document.tables.first)
        #expect(cells(table) == [["120.50", "100.00", "20.50", "", "", "", "99.28"]])
        #expect(document.narrative.map(\.text).prefix(2) == ["其他相关情况说明", "一、2025年部门预算编制说明"])
    }

    /// A column of whole amounts that look like 类 codes (237, 江苏省人民检察院 2019's 三公 table)
    /// beside an empty column headed 公务用车购置费 stays figures: an empty column is no column of
    /// names for a code to stand before. (Variation: the figures are hand-made, 300 | 120.)
    @Test func figuresLikeCodesBeforeAnEmptyColumn() throws {
        var page = WordSketch()
        page.line(60, (150, "“三公”经费、会议费、培训费支出预算表"))
        page.line(100, (90, "合计"), (150, "小计"), (200, "公务用车购置费"), (300, "公务接待费"))
        page.line(130, (90, "420.50"), (150, "300"), (300, "120.50"))
        let table = try #require(try page.document().tables.first)
        #expect(table.columns.map(\.role) == [.figures, .figures, .text, .figures])
        #expect(cells(table) == [["420.50", "300", "", "120.50"]])
    }

    /// An item indented under its group (2.政府性基金预 30 points right of 一、财政拨款) wraps back
    /// to the cell's left edge (算), and the line between its pieces, in other panels' columns, is
    /// the wrapped row's centred rest: the figure beside 三、单位预留机 / 动经费 is that row's, not
    /// the 三、国防支出 printed at its height (江苏省人大常委会办公厅 2018, 收支预算总表).
    @Test func indentedItemWrapsToTheCellsLeftEdge() throws {
        var page = WordSketch()
        page.line(60, (250, "收支预算总表"))
        page.line(100, (110, "项目名称"), (204, "金额"), (274, "功能科目名称"), (384, "金额"), (441, "项目名称"), (518, "金额"))
        page.line(120, (80, "一、财政拨款"), (198, "100.00"), (247, "一、一般公共服务支出"), (372, "60.00"), (427, "一、基本支出"), (518, "60.00"))
        page.line(138, (110, "1.一般公共预算"), (198, "100.00"), (247, "二、外交支出"), (427, "二、项目支出"), (518, "30.00"))
        page.line(155, (110, "2.政府性基金预"), (427, "三、单位预留机"))
        page.line(163, (247, "三、国防支出"), (518, "10.00"))
        page.line(171, (80, "算"), (427, "动经费"))
        page.line(188, (80, "二、财政专户管理资金"), (247, "四、公共安全支出"), (372, "40.00"))
        page.line(206, (80, "收入合计"), (198, "100.00"), (247, "支出合计"), (518, "100.00"))
        let table = try #require(try page.document().tables.first)
        let rows = cells(table)
        #expect(rows.contains(["2.政府性基金预算", "", "三、国防支出", "", "三、单位预留机动经费", "10.00"]))
        #expect(!rows.contains { $0.contains("算") || $0.contains("动经费") })
    }

    /// The provincial 三公 header (中共江苏省委办公厅 2017, p.11, drawn again with other figures):
    /// the vehicles' 小计 stands just left of its right-aligned figures, 公务用车购置 / 费 heads an
    /// empty column a little space from 公务用车运行 / 维护费, and 公务用车购置及运行维护费 spans
    /// both figured columns. The nearest label names the unlabelled figures; a label that wraps on
    /// below itself is a cell of its own, not the rest of its neighbour's; a label over two runs
    /// names neither.
    @Test func stackedThreePublicHeaderOverAnEmptyColumn() throws {
        var page = WordSketch(width: 842, height: 595)
        page.line(60, (300, "“三公”经费、会议费、培训费支出预算表"))
        page.line(100, (515, "“三公”经费"))
        page.line(120, (530, "公务用车购置及运行维护费"))
        page.line(130, (200, "合计"), (740, "会议费"))
        page.line(140, (300, "因公出国"), (260, "小计"), (680, "公务接待费"))
        page.line(150, (545, "公务用车购置"), (602, "公务用车运行"))
        page.line(160, (491, "小计"))
        page.line(170, (565, "费"), (620, "维护费"))
        page.line(200, (200, "120.00"), (260, "100.00"), (309, "10.00"), (510, "60.00"), (632, "60.00"), (700, "30.00"), (745, "20.00"))
        let table = try #require(try page.document().tables.first)
        #expect(cells(table) == [["120.00", "100.00", "10.00", "60.00", "", "60.00", "30.00", "20.00"]])
    }

    /// A name that opens a bracket it does not close (便携式计算机（20万以 / 下）, its figure centred
    /// between its lines) starts a cell of its own: it is not the wrapped rest of the complete name
    /// above it, even double-spaced (江苏省人大常委会办公厅 2019, 政府采购预算表; other items here).
    @Test func aNameOpeningABracketStartsItsOwnCell() throws {
        var page = WordSketch(width: 842, height: 595)
        page.line(60, (300, "2019年政府采购预算表"))
        page.line(100, (100, "采购品目大类"), (200, "专项名称"), (300, "采购物品名称"), (420, "采购组织形式"), (560, "总计"))
        page.line(120, (100, "合计"), (560, "30.00"))
        page.line(140, (300, "打印设备（20万以下）"), (420, "分散自行组织"), (560, "10.00"))
        page.line(165, (300, "复印机（20万以"))
        page.line(172, (420, "分散自行组织"), (560, "20.00"))
        page.line(179, (300, "下）"))
        let table = try #require(try page.document().tables.first)
        let texts = table.sections.flatMap(\.rows).map { row in row.cells.compactMap { $0?.text } }
        #expect(texts.contains(["打印设备（20万以下）", "分散自行组织", "10.00"]))
        #expect(!texts.flatMap { $0 }.contains { $0.contains("以下）复印机") })
    }
}
