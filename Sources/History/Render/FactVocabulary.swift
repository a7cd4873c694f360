import Disclosure

/// The public fact vocabulary as data: every key with its 中文 label and the measure its values
/// carry. `history keys` prints it, docs/FACTS.md's "Every key" table is its markdown (a test
/// compares them), and an unknown key typed by a person is matched against it.
public struct FactVocabulary: Sendable {
    /// What a key's values are measured in.
    public enum Quantity: String, Sendable, CaseIterable {
        /// A sum of money, in the 元, 千元, 万元 or 亿元 the document printed (`yuan` has it in 元).
        case money
        /// A percentage (%).
        case percent = "%"
        /// A count of things (个).
        case count = "个"
        /// Vehicles (辆).
        case vehicles = "辆"
        /// Person-times (人次).
        case personTimes = "人次"
        /// Pieces of equipment (台(套)).
        case sets = "台(套)"
        /// An indicator's value: a number in its own measure, or text (据实, 达标).
        case any
        /// A statement about change or its reason: its figures are in `delta`, `pct`, `reason`.
        case statement
    }

    /// One key of the vocabulary.
    public struct Entry: Hashable, Sendable {
        public var key: FactKey
        public var label: String
        public var quantity: Quantity
    }

    public init() {}

    /// Every key, in FactKey's order.
    public var entries: [Entry] { FactKey.allCases.map { Entry(key: $0, label: Self.describe($0).label, quantity: Self.describe($0).quantity) } }

    /// Up to `limit` keys closest to `text`: those containing it (or contained in it) first, then
    /// by edit distance to the key or to its beginning, so `expense.totl`, `expenses.total` and
    /// `threepublic.actual` find `expense.total` and `three_public.actual.*`.
    public func closest(to text: String, limit: Int = 5) -> [FactKey] {
        let typed = text.lowercased()
        let length = typed.unicodeScalars.count
        let ranked = FactKey.allCases.map { key -> (FactKey, Int) in
            let raw = key.rawValue
            if !typed.isEmpty && (raw.contains(typed) || typed.contains(raw)) { return (key, raw.hasPrefix(typed) ? 0 : 1) }
            let whole = UnitName.editDistance(typed, raw)
            let beginning = UnitName.editDistance(typed, String(raw.unicodeScalars.prefix(length).map(Character.init)))
            return (key, 1 + min(whole, beginning + 1))
        }
        // Nearest first, then the shorter (more general) key.
        let near = ranked.filter { $0.1 <= 1 + max(3, length / 4) }
            .sorted { ($0.1, $0.0.rawValue.count, $0.0.rawValue) < ($1.1, $1.0.rawValue.count, $1.0.rawValue) }
        return near.prefix(limit).map(\.0)
    }

    // The one place a key's label and measure are written down.
    static func describe(_ key: FactKey) -> (label: String, quantity: Quantity) {
        switch key {
        case .incomeTotal: ("本年收入合计", .money)
        case .expenseTotal: ("本年支出合计", .money)
        case .grandTotal: ("收入/支出总计", .money)
        case .incomeAppropriation: ("财政拨款收入", .money)
        case .incomeAppropriationGeneral: ("一般公共预算财政拨款收入", .money)
        case .incomeAppropriationFund: ("政府性基金预算财政拨款收入", .money)
        case .incomeAppropriationCapital: ("国有资本经营预算财政拨款收入", .money)
        case .incomeSuperiorSubsidy: ("上级补助收入", .money)
        case .incomeBusiness: ("事业收入", .money)
        case .incomeOperating: ("经营收入", .money)
        case .incomeAffiliated: ("附属单位上缴收入", .money)
        case .incomeOther: ("其他收入", .money)
        case .carryoverOpening: ("年初结转和结余", .money)
        case .carryoverClosing: ("年末结转和结余", .money)
        case .expenseBasic: ("基本支出", .money)
        case .expenseProject: ("项目支出", .money)
        case .expenseBasicPersonnel: ("人员经费", .money)
        case .expenseBasicPublic: ("公用经费", .money)
        case .appropriationGrandTotal: ("财政拨款收、支总计", .money)
        case .expenseAppropriation: ("财政拨款本年支出合计", .money)
        case .expenseGeneralTotal: ("一般公共预算财政拨款支出", .money)
        case .expenseGeneralBasic: ("一般公共预算财政拨款基本支出", .money)
        case .expenseGeneralProject: ("一般公共预算财政拨款项目支出", .money)
        case .expenseFundTotal: ("政府性基金预算财政拨款支出", .money)
        case .expenseFundBasic: ("政府性基金预算财政拨款基本支出", .money)
        case .expenseFundProject: ("政府性基金预算财政拨款项目支出", .money)
        case .expenseCapitalTotal: ("国有资本经营预算财政拨款支出", .money)
        case .expenseCapitalBasic: ("国有资本经营预算财政拨款基本支出", .money)
        case .expenseCapitalProject: ("国有资本经营预算财政拨款项目支出", .money)
        case .budgetInitial: ("一般公共预算财政拨款支出年初预算", .money)
        case .budgetExecutionRate: ("完成年初预算的百分比", .percent)
        case .functionIncomeTotal: ("收入决算表 本年收入合计（按功能分类）", .money)
        case .functionExpenseTotal: ("支出决算表 本年支出合计（按功能分类）", .money)
        case .functionExpenseBasic: ("支出决算表 基本支出（按功能分类）", .money)
        case .functionExpenseProject: ("支出决算表 项目支出（按功能分类）", .money)
        case .functionGeneralTotal: ("一般公共预算财政拨款支出（按功能分类）", .money)
        case .functionGeneralBasic: ("一般公共预算财政拨款基本支出（按功能分类）", .money)
        case .functionGeneralProject: ("一般公共预算财政拨款项目支出（按功能分类）", .money)
        case .functionBudget: ("年初预算（按功能分类，叙述）", .money)
        case .functionActual: ("支出决算（按功能分类，叙述）", .money)
        case .functionExecutionRate: ("完成年初预算的百分比（按功能分类）", .percent)
        case .economicBasic: ("基本支出（按经济分类）", .money)
        case .threePublicBudgetTotal: ("“三公”经费预算数", .money)
        case .threePublicBudgetOutbound: ("因公出国（境）费预算数", .money)
        case .threePublicBudgetVehicle: ("公务用车购置及运行费预算数", .money)
        case .threePublicBudgetVehiclePurchase: ("公务用车购置费预算数", .money)
        case .threePublicBudgetVehicleOperation: ("公务用车运行维护费预算数", .money)
        case .threePublicBudgetReception: ("公务接待费预算数", .money)
        case .threePublicActualTotal: ("“三公”经费决算数", .money)
        case .threePublicActualOutbound: ("因公出国（境）费决算数", .money)
        case .threePublicActualVehicle: ("公务用车购置及运行费决算数", .money)
        case .threePublicActualVehiclePurchase: ("公务用车购置费决算数", .money)
        case .threePublicActualVehicleOperation: ("公务用车运行维护费决算数", .money)
        case .threePublicActualReception: ("公务接待费决算数", .money)
        case .threePublicVehiclePurchased: ("购置公务用车", .vehicles)
        case .threePublicVehicleHeld: ("公务用车保有量", .vehicles)
        case .threePublicOutboundGroups: ("因公出国（境）团组", .count)
        case .threePublicOutboundPersons: ("因公出国（境）人次", .personTimes)
        case .threePublicReceptionGroups: ("公务接待批次", .count)
        case .threePublicReceptionPersons: ("公务接待人次", .personTimes)
        case .operatingCostActual: ("机关运行经费支出", .money)
        case .operatingCostBudget: ("机关运行经费预算", .money)
        case .procurementTotal: ("政府采购支出总额", .money)
        case .procurementGoods: ("政府采购货物支出", .money)
        case .procurementWorks: ("政府采购工程支出", .money)
        case .procurementServices: ("政府采购服务支出", .money)
        case .procurementSME: ("授予中小企业合同金额", .money)
        case .procurementSmallMicro: ("授予小微企业合同金额", .money)
        case .procurementItem: ("政府采购预算表 采购物品", .money)
        case .procurementProject: ("政府采购预算 专项（按经济科目）", .money)
        case .procurementItemQuantity: ("政府采购预算表 采购数量", .count)
        case .assetsVehicles: ("车辆", .vehicles)
        case .assetsEquipmentOver1M: ("单价100万元以上设备", .sets)
        case .assetsVehiclesByUse: ("车辆（按用途）", .vehicles)
        case .projectAmount: ("项目支出主要用于", .money)
        case .projectBudget: ("项目年初预算数", .money)
        case .projectExecuted: ("项目执行数", .money)
        case .projectExecutionRate: ("项目执行率", .percent)
        case .indicatorTarget: ("绩效指标 年度指标值", .any)
        case .indicatorActual: ("绩效指标 实际完成值", .any)
        case .changeStated: ("所述增减（与上年相比）", .statement)
        case .reasonVariance: ("决算与预算差异的原因", .statement)
        case .transferOut: ("划出", .money)
        case .transferIn: ("划入", .money)
        case .functionIncomeAppropriation: ("财政拨款收入（按功能分类）", .money)
        case .functionIncomeSuperiorSubsidy: ("上级补助收入（按功能分类）", .money)
        case .functionIncomeBusiness: ("事业收入（按功能分类）", .money)
        case .functionIncomeOperating: ("经营收入（按功能分类）", .money)
        case .functionIncomeAffiliated: ("附属单位上缴收入（按功能分类）", .money)
        case .functionIncomeOther: ("其他收入（按功能分类）", .money)
        case .functionAppropriationTotal: ("财政拨款支出小计（按功能分类）", .money)
        case .functionFundTotal: ("政府性基金预算财政拨款支出（按功能分类）", .money)
        case .functionFundBasic: ("政府性基金预算财政拨款基本支出（按功能分类）", .money)
        case .functionFundProject: ("政府性基金预算财政拨款项目支出（按功能分类）", .money)
        case .functionCapitalTotal: ("国有资本经营预算财政拨款支出（按功能分类）", .money)
        case .functionCapitalBasic: ("国有资本经营预算财政拨款基本支出（按功能分类）", .money)
        case .functionCapitalProject: ("国有资本经营预算财政拨款项目支出（按功能分类）", .money)
        case .appropriationCarryoverOpening: ("年初财政拨款结转和结余", .money)
        case .appropriationCarryoverClosing: ("年末财政拨款结转和结余", .money)
        case .economicBasicPersonnel: ("基本支出 人员经费（按经济分类）", .money)
        case .economicBasicPublic: ("基本支出 公用经费（按经济分类）", .money)
        case .functionAppropriationBasic: ("财政拨款基本支出（按功能分类）", .money)
        case .functionAppropriationProject: ("财政拨款项目支出（按功能分类）", .money)
        case .expenseAppropriationBasic: ("财政拨款基本支出", .money)
        case .expenseAppropriationProject: ("财政拨款项目支出", .money)
        case .economicAppropriationBasic: ("财政拨款基本支出（按经济分类）", .money)
        case .economicOperatingCost: ("机关运行经费（按经济分类）", .money)
        case .expenseReserve: ("单位预留机动经费", .money)
        case .expenseAppropriationReserve: ("财政拨款单位预留机动经费", .money)
        case .functionExpenseBasicPersonnel: ("基本支出 人员经费（按功能分类）", .money)
        case .functionExpenseBasicPublic: ("基本支出 公用经费（按功能分类）", .money)
        case .functionIncomeBusinessTuition: ("事业收入 其中：教育收费（按功能分类）", .money)
        case .incomeBusinessTuition: ("事业收入 其中：教育收费", .money)
        case .functionIncomeCarryover: ("上年结转（按功能分类）", .money)
        case .functionAppropriationProjectConstruction: ("财政拨款项目支出 其中：基本建设资金支出（按功能分类）", .money)
        case .expenseAppropriationProjectConstruction: ("财政拨款项目支出 其中：基本建设资金支出", .money)
        }
    }
}
