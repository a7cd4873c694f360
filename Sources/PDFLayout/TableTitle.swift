/// The 公开表 a title names: the nine tables of a 部门决算 and the nine of a 部门预算.
public enum PublicTableForm: String, Hashable, Sendable, Codable, CaseIterable {
    // 部门决算, 公开01–09表.
    case incomeExpenditureSummary = "收入支出决算总表"
    case income = "收入决算表"
    case expenditure = "支出决算表"
    case appropriationSummary = "财政拨款收入支出决算总表"
    case generalBudgetExpenditure = "一般公共预算财政拨款支出决算表"
    case generalBudgetBasicExpenditure = "一般公共预算财政拨款基本支出决算明细表"
    case governmentFund = "政府性基金预算财政拨款收入支出决算表"
    case stateCapital = "国有资本经营预算财政拨款支出决算表"
    case threePublicExpenses = "财政拨款三公经费支出决算表"
    // 部门预算.
    case budgetFinancialSummary = "部门财务收支预算总表"
    case budgetIncome = "部门收入预算总表"
    case budgetExpenditure = "部门支出预算总表"
    case budgetAppropriationSummary = "部门财政拨款收支预算总表"
    case budgetGeneralFunction = "部门一般公共预算支出功能分类预算表"
    case budgetGovernmentFundFunction = "部门政府性基金预算支出功能分类预算表"
    case budgetStateCapitalFunction = "部门国有资本经营预算支出功能分类预算表"
    case budgetGeneralBasicEconomic = "部门一般公共预算基本支出部门预算经济分类预算表"
    case budgetThreePublicAndOperating = "部门三公经费和机关运行经费预算表"

    /// Other wordings seen in published documents, compared after the same folding.
    var variants: [String] {
        switch self {
        case .generalBudgetBasicExpenditure: return [rawValue, "一般公共预算财政拨款基本支出决算表"]
        case .budgetFinancialSummary: return [rawValue, "财务收支预算总表", "部门收支预算总表", "收支预算总表"]
        case .budgetIncome: return [rawValue, "收入预算总表"]
        case .budgetExpenditure: return [rawValue, "支出预算总表"]
        case .budgetAppropriationSummary: return [rawValue, "财政拨款收支预算总表"]
        case .budgetGeneralFunction: return [rawValue, "一般公共预算支出功能分类预算表", "一般公共预算支出预算表"]
        case .budgetGovernmentFundFunction: return [rawValue, "政府性基金预算支出功能分类预算表", "政府性基金预算支出预算表"]
        case .budgetStateCapitalFunction: return [rawValue, "国有资本经营预算支出功能分类预算表", "国有资本经营预算支出预算表"]
        case .budgetGeneralBasicEconomic: return [rawValue, "一般公共预算基本支出部门预算经济分类预算表", "一般公共预算基本支出预算表"]
        case .budgetThreePublicAndOperating: return [rawValue, "三公经费和机关运行经费预算表", "三公经费支出预算表"]
        default: return [rawValue]
        }
    }
}

/// Recognises the title line of a 公开表.
enum TableTitle {
    /// Every wording of every form, longest first, so 财政拨款收入支出决算总表 wins over 收入支出决算总表.
    private static let wordings: [(String, PublicTableForm)] = PublicTableForm.allCases
        .flatMap { form in form.variants.map { ($0, form) } }
        .sorted { $0.0.count > $1.0.count }

    /// The form a line titles, or nil. A title ends with the form's name (after an optional year,
    /// unit name or numbering), has no dot leaders (table of contents) and is not a sentence.
    static func form(of line: VisualLine) -> PublicTableForm? {
        let compact = line.compactText
        // Most lines have no 表 at all; skip them before any string search.
        guard compact.unicodeScalars.contains("表") else { return nil }
        let folded = fold(compact)
        if folded.unicodeScalars.contains(where: { $0 == "…" || $0 == "。" || $0 == "，" }) || folded.contains("..") { return nil }
        for (wording, form) in wordings where folded.hasSuffix(wording) {
            return folded.count <= wording.count + 40 ? form : nil
        }
        return nil
    }

    /// Drops quotation marks and a trailing （续）, so “三公” and "三公" and 三公 compare equal.
    static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !"“”\"'‘’「」".unicodeScalars.contains(scalar) { scalars.append(scalar) }
        var result = String(scalars)
        for suffix in ["（续）", "(续)", "续表", "续"] where result.hasSuffix(suffix) {
            result.removeLast(suffix.count)
            break
        }
        return result
    }

    /// "公开 01 表" and the like, read as the table's number.
    static func publicNumber(in compact: String) -> Int? {
        guard let start = compact.range(of: "公开"), let end = compact.range(of: "表", range: start.upperBound..<compact.endIndex) else { return nil }
        return Int(compact[start.upperBound..<end.lowerBound])
    }

    /// A caption under a title: 公开NN表, 单位：…, 编制部门：…, 金额单位….
    static func isCaption(_ line: VisualLine) -> Bool {
        let compact = line.compactText
        if compact.hasPrefix("公开"), publicNumber(in: compact) != nil { return true }
        return compact.contains("单位：") || compact.contains("单位:") || compact.hasPrefix("编制部门") || compact.hasPrefix("编制单位")
    }
}
