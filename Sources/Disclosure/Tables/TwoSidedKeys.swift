/// Keys of the lines of the two-sided tables (01表 收入支出总表, 04表 财政拨款收支总表), by label.
///
/// Labels differ between 决算 and 预算 and between regions (一般公共预算财政拨款收入, 一般公共预算
/// 财政拨款, 一般公共预算资金), so they are matched by the words they contain, after the ordinal.
/// In 04表 the lines under 年初财政拨款结转和结余 repeat the three fund kinds; they come after
/// 本年收入合计 and are not income, so they have no key.
enum TwoSidedKeys {
    static func key(kind: TableKind, panel: Int, core: [UInt8], meaning: ColumnMeaning, isClass: Bool,
                    afterIncomeTotal: Bool) -> FactKey? {
        func has(_ word: String) -> Bool { TableBytes.contains(core, word) }
        let appropriation = kind == .appropriationSummary
        // A 合计 below 本年收入合计 and the carry-overs is the 总计 of its side (高等学校 决算).
        if afterIncomeTotal && TableBytes.equals(core, "合计") {
            return meaning == .total ? (appropriation ? .appropriationGrandTotal : .grandTotal) : nil
        }
        if panel == 0 {
            guard meaning == .total else { return nil }
            if has("总计") { return appropriation ? .appropriationGrandTotal : .grandTotal }
            // 当年收入小计 (a provincial 收支预算总表) is this year's income, as 本年收入合计 is.
            if has("合计") || has("收入小计") { return appropriation ? .incomeAppropriation : .incomeTotal }
            if (has("年初") || has("上年")) && has("结转") { return appropriation ? .appropriationCarryoverOpening : .carryoverOpening }
            if afterIncomeTotal { return nil }
            if has("一般公共预算") { return .incomeAppropriationGeneral }
            if has("政府性基金") { return .incomeAppropriationFund }
            if has("国有资本经营") { return .incomeAppropriationCapital }
            if appropriation { return nil }
            if has("财政拨款") { return .incomeAppropriation }
            if has("上级补助") { return .incomeSuperiorSubsidy }
            if has("经营收入") { return .incomeOperating }
            if has("附属单位") { return .incomeAffiliated }
            if has("事业收入") { return .incomeBusiness }
            if has("其他收入") { return .incomeOther }
            return nil
        }
        let sideTotal = has("合计") || has("支出小计")
        if has("总计") || sideTotal {
            // The split of the side's whole (支出总计 | 人员经费 | 公用经费 | 项目支出): this year's
            // uses, since carry-overs are not split.
            switch meaning {
            case .basic where !appropriation: return .expenseBasic
            case .project where !appropriation: return .expenseProject
            case .personnel: return .expenseBasicPersonnel
            case .publicFunds: return .expenseBasicPublic
            default: break
            }
        }
        if has("总计") { return meaning == .total ? (appropriation ? .appropriationGrandTotal : .grandTotal) : nil }
        // 年末结转和结余 in a 决算, 结转下年 in a 预算: what is left for next year.
        if has("年末") && has("结转") || has("结转下年") {
            return meaning == .total ? (appropriation ? .appropriationCarryoverClosing : .carryoverClosing) : nil
        }
        if sideTotal {
            guard appropriation else { return meaning == .total ? .expenseTotal : nil }
            switch meaning {
            case .total: return .expenseAppropriation
            case .general: return .expenseGeneralTotal
            case .fund: return .expenseFundTotal
            case .capital: return .expenseCapitalTotal
            default: return nil
            }
        }
        // An 04表's uses of funds are those of 财政拨款 alone.
        if TableBytes.equals(core, "基本支出") { return meaning == .total ? (appropriation ? .expenseAppropriationBasic : .expenseBasic) : nil }
        if TableBytes.equals(core, "项目支出") { return meaning == .total ? (appropriation ? .expenseAppropriationProject : .expenseProject) : nil }
        if has("预留机动经费") { return meaning == .total ? (appropriation ? .expenseAppropriationReserve : .expenseReserve) : nil }
        guard isClass else { return nil }
        switch meaning {
        case .total: return appropriation ? .functionAppropriationTotal : .functionExpenseTotal
        case .basic where !appropriation: return .functionExpenseBasic
        case .project where !appropriation: return .functionExpenseProject
        case .personnel where !appropriation: return .functionExpenseBasicPersonnel
        case .publicFunds where !appropriation: return .functionExpenseBasicPublic
        case .general: return .functionGeneralTotal
        case .fund: return .functionFundTotal
        case .capital: return .functionCapitalTotal
        default: return nil
        }
    }
}
