/// A 公开表 found in a document, read into columns and rows but not yet into facts.
///
/// This is the seam between reading a table and understanding it. The text path builds it from
/// tab-separated or `pdftotext -layout` lines (`TabTableReader`, `LayoutTableReader`); a PDF path
/// that works from word boxes builds the same value, and `TableFacts` turns either into facts. A
/// reader never decides what a cell means beyond its column; `TableFacts` never looks at text.
///
/// Tables that print two or three sub-tables side by side (公开01表's 收入 | 支出, 06表's
/// 人员经费 | 公用经费 | 资本性支出) are one table with several panels: every column and every row
/// belongs to one panel, numbered from 0 left to right.
struct LocatedTable: Sendable, Hashable {
    var kind: TableKind
    /// The title as printed, spaces kept ("2024 年度收入决算表").
    var title: String
    var titleLine: Int
    /// The number of the "公开 NN 表" marker, when printed.
    var formNumber: Int?
    /// The year printed in the title (2024 年度…), when there is one.
    var titleYear: Int?
    /// What the amounts are counted in, from "单位：万元" / "单位：元" (万元 when not printed).
    var measure: Measure
    var layout: TableLayout
    /// What each panel is headed ("收入", "支出"; "人员经费", "公用经费"); one empty heading for
    /// a table without side-by-side parts.
    var panelHeadings: [String]
    /// Every value column, left to right across panels. Label, code and 行次 columns are not here.
    var columns: [TableColumn]
    var rows: [TableRow]
    /// First and last line of the table (title to last row or note).
    var lines: ClosedRange<Int>
    /// The note saying the table has no data ("本表无数据", "故本表为空表", "…年度无…支出"), if any.
    var statedEmpty: SourceSpan?
    /// Lines inside the table that could not be placed in a row (numbers with no row to take them).
    var unplaced: [SourceSpan]

    /// Indices into `columns` of one panel's columns, in order.
    func columnIndices(panel: Int) -> [Int] {
        columns.indices.filter { columns[$0].panel == panel }
    }
}

/// How the text of a table was laid out.
enum TableLayout: String, Sendable, Hashable {
    /// Cells separated by tabs (text exported from a word processor, the 2024 sample).
    case tabs
    /// Columns aligned with spaces (`pdftotext -layout`).
    case spaces
    /// Built from PDF word positions.
    case wordBoxes
}

/// One value column of a table.
struct TableColumn: Sendable, Hashable {
    /// The header as printed, outer to inner label joined by "/" ("决算数/一般公共预算").
    var label: String
    var meaning: ColumnMeaning
    var panel: Int
}

/// One row of a table: a classification item or a labelled line, with a value per column.
struct TableRow: Sendable, Hashable {
    var panel: Int
    /// The classification code with 类/款/项 parts joined ("2010507"), when the row has one.
    var code: String?
    /// The item's name or label as printed, wrapped pieces joined ("一、一般公共预算财政拨款收入").
    var label: String
    /// One cell per column of the table (`LocatedTable.columns`); nil where the cell is empty or
    /// belongs to another panel. An explicit 0 is `.zero`, never nil.
    var cells: [Amount?]
    /// The lines the row was read from, and their text.
    var source: SourceSpan
    /// A 政府采购预算表's line: its texts by column (品目大类, 专项, 经济科目, 物品, 组织形式).
    var purchase: PurchaseLine? = nil
}

/// What the values of a column are, decided from its header label alone.
enum ColumnMeaning: Sendable, Hashable {
    /// 合计, 小计, 本年收入合计, 决算数, 预算数, 金额: the row's whole amount.
    case total
    case appropriation          // 财政拨款收入
    case superiorSubsidy        // 上级补助收入
    case business               // 事业收入
    /// 其中：教育收费, the 事业收入 a school or university takes in fees (高等学校 收入表).
    case tuition
    case operating              // 经营收入 / 事业单位经营收入
    case affiliated             // 附属单位上缴收入
    case otherIncome            // 其他收入
    case basic                  // 基本支出
    case project                // 项目支出
    /// 其中：基本建设资金支出, the capital construction part of 项目支出 (高等学校 财政拨款支出决算表).
    case construction
    case reserve                // 单位预留机动经费
    case remittedToSuperior     // 上缴上级支出
    case operatingExpense       // 经营支出
    case subsidyToAffiliated    // 对附属单位补助支出
    case general                // 一般公共预算
    case fund                   // 政府性基金预算
    case capital                // 国有资本经营预算
    case personnel              // 人员经费
    case publicFunds            // 公用经费
    case openingCarryover       // 年初结转和结余
    case income                 // 本年收入
    case closingCarryover       // 年末结转和结余
    /// A 三公经费 column, of the budget (预算数) or the final account (决算数).
    case threePublic(ThreePublicItem, actual: Bool)
    /// 数量: how many of a 政府采购预算表's item are bought (a count, not money).
    case quantity
    /// 机关运行经费 (printed beside the 三公 budget in 预算).
    case operatingCost
    /// A value column whose header the parser does not know; its cells are warned about.
    case unknown
}
