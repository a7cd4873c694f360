import Disclosure

/// Every word the HTML report shows its readers, in Chinese, in one place. Keys, codes and
/// `data-` attributes stay as they are in the markup for those who script against the pages.
enum ReportWords {
    /// The Chinese name of a fact key as the report prints it (the key itself goes beside it in
    /// a `<code>` or a `data-key`), as docs/FACTS.md names it, or the key when the report has no
    /// name for it.
    static func name(_ key: FactKey) -> String {
        switch key {
        case .grandTotal: "收支总计"
        case .incomeTotal: "收入合计"
        case .expenseTotal: "支出合计"
        case .incomeAppropriation: "财政拨款收入"
        case .incomeAppropriationGeneral: "一般公共预算财政拨款收入"
        case .incomeAppropriationFund: "政府性基金预算财政拨款收入"
        case .incomeAppropriationCapital: "国有资本经营预算财政拨款收入"
        case .incomeBusiness: "事业收入"
        case .incomeOperating: "经营收入"
        case .incomeOther: "其他收入"
        case .carryoverOpening: "年初结转和结余"
        case .carryoverClosing: "年末结转和结余"
        case .expenseBasic: "基本支出"
        case .expenseProject: "项目支出"
        case .expenseBasicPersonnel: "人员经费"
        case .expenseBasicPublic: "公用经费"
        case .appropriationGrandTotal: "财政拨款收支总计"
        case .expenseAppropriation: "财政拨款支出"
        case .expenseGeneralTotal: "一般公共预算财政拨款支出"
        case .expenseFundTotal: "政府性基金预算财政拨款支出"
        case .expenseCapitalTotal: "国有资本经营预算财政拨款支出"
        case .functionExpenseTotal: "功能分类支出"
        case .functionBudget: "年初预算"
        case .functionActual: "支出决算"
        case .threePublicBudgetTotal: "“三公”经费预算"
        case .threePublicActualTotal: "“三公”经费支出"
        case .operatingCostActual: "机关运行经费"
        case .operatingCostBudget: "机关运行经费预算"
        case .procurementTotal: "政府采购支出"
        case .changeStated: "所述增减"
        default: key.rawValue
        }
    }

    /// A key's name with the key beside it, for headings and table cells (HTML).
    static func keyed(_ key: FactKey) -> String {
        let name = name(key)
        return name == key.rawValue ? "<code class=\"key\">\(key.rawValue)</code>"
                                    : "\(HTMLText.escape(name)) <code class=\"key\">\(key.rawValue)</code>"
    }

    /// How a figure is known.
    static func basis(_ basis: FigureBasis) -> String {
        switch basis {
        case .document: "本年文件"
        case .implied: "推算"
        }
    }

    /// Where a fact was read.
    static func origin(_ origin: Origin) -> String {
        switch origin {
        case .table: "表格"
        case .narrative: "正文"
        case .implied: "推算"
        }
    }

    /// Who states a transfer.
    static func side(_ side: Transfer.Side) -> String {
        switch side {
        case .sender: "划出方"
        case .receiver: "划入方"
        }
    }

    /// `第189行` or `第189–193行`.
    static func lines(_ first: Int, _ last: Int) -> String {
        first == last ? "第\(first)行" : "第\(first)–\(last)行"
    }

    /// Two values implied for one year: `2023年决算对同一总额说明了不同的增减：…`.
    static func describe(_ disagreement: ImpliedDisagreement) -> String {
        let readings = disagreement.readings.map { reading in
            "\(Figures.delta(reading.delta))（\(reading.keys.map(\.rawValue).joined(separator: "、"))）推得 \(Figures.amount(reading.value))"
        }
        return "\(disagreement.statedIn.year)年\(disagreement.statedIn.kind.rawValue)对同一总额说明了不同的增减：" + readings.joined(separator: "；")
    }

    /// What to import, as the report says it: `导入武汉市武昌区医疗保障局2022年决算，即可逐项比较`.
    static func missing(_ evidence: MissingEvidence) -> String {
        let what = "导入\(evidence.unitName)\(evidence.year)年\(evidence.kind.rawValue)"
        switch evidence.need {
        case .itemComparison: return what + "，即可逐项比较"
        case .totals: return what + "，即可知其总额"
        case .counterpartySide: return what + "，即可看到划转的另一方"
        }
    }

    /// A finding's severity as the findings page heads it.
    static func severity(_ severity: FindingSeverity) -> String {
        switch severity {
        case .error: "错误"
        case .warning: "警告"
        case .notice: "提示"
        }
    }

    /// What each severity means, under its heading.
    static func severityNote(_ severity: FindingSeverity) -> String {
        switch severity {
        case .error: "文件自相矛盾或算术不成立：其中必有数字有误。"
        case .warning: "很可能有误，但也存在说得通的读法。"
        case .notice: "值得知道，并非错误（如 0.01 的舍入差）。"
        }
    }

    /// `第12页` when the page is known.
    static func page(_ page: Int?) -> String { page.map { "第\($0)页" } ?? "" }

    static let findingsHeading = "核查发现"
    static let findingsNone = "核查未发现问题。"
    static let findingsNote = "由 <code>history check</code> 的规则得出（规则见 README“Check rules”）；读取器未能读出的单元格、表格不在此列，见 <code>history coverage</code>。每条发现之下照文件原样引出其所依据的行。"
    static let backToUnit = "← 单位页"
    static let allUnits = "← 全部单位"
    static let yearOverYear = "同比"
    static let budgetVariance = "预决算差异"
    static let decline = "减少"
    static let increase = "增加"
    static let documentedLegend = "本单位当年文件所列"
    static let impliedLegend = "推算：据下一年文件所述增减推得，当年无文件"
    static let footer = "由 <code>history report</code> 根据库中的事实生成。金额单位均为万元（以元、千元、亿元列示的数字精确换算，不四舍五入）；点开数字的来源链接，可看到它所依据的原句或表格行。"
    static let sources = "来源："
    static let sourcesHeading = "原文出处"
    static let sourcesNote = "每个数字所依据的原句或表格行，照文件原样列出。"
    static let transfersHeading = "单位间划转"
}
