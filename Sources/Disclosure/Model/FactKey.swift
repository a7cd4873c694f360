/// What a fact is about: the public vocabulary of FACTS.md, a contract with users' scripts.
///
/// The raw value is the key scripts see. Add cases freely (and document them in the README);
/// never rename one or change its meaning without bumping `Fact.schema`.
public enum FactKey: String, CaseIterable, Hashable, Sendable, Codable, Comparable {
    // Totals (公开01表, 04表, narrative 一 to 四)
    case incomeTotal = "income.total"
    case expenseTotal = "expense.total"
    case grandTotal = "grand.total"
    case incomeAppropriation = "income.appropriation"
    case incomeAppropriationGeneral = "income.appropriation.general"
    case incomeAppropriationFund = "income.appropriation.fund"
    case incomeAppropriationCapital = "income.appropriation.capital"
    case incomeSuperiorSubsidy = "income.superior_subsidy"
    case incomeBusiness = "income.business"
    case incomeOperating = "income.operating"
    case incomeAffiliated = "income.affiliated"
    case incomeOther = "income.other"
    case carryoverOpening = "carryover.opening"
    case carryoverClosing = "carryover.closing"
    case expenseBasic = "expense.basic"
    case expenseProject = "expense.project"
    case expenseBasicPersonnel = "expense.basic.personnel"
    case expenseBasicPublic = "expense.basic.public"
    /// 财政拨款收、支总计 (narrative 四, 公开04表 总计).
    case appropriationGrandTotal = "appropriation.grand.total"
    /// 财政拨款 本年支出合计 (公开04表; a 预算's 财政拨款支出预算).
    case expenseAppropriation = "expense.appropriation"
    /// 一般公共预算财政拨款支出 and its 基本/项目 split (narrative 五、六, 公开05表 合计).
    case expenseGeneralTotal = "expense.general.total"
    case expenseGeneralBasic = "expense.general.basic"
    case expenseGeneralProject = "expense.general.project"
    /// 政府性基金预算 / 国有资本经营预算 财政拨款支出.
    case expenseFundTotal = "expense.fund.total"
    case expenseFundBasic = "expense.fund.basic"
    case expenseFundProject = "expense.fund.project"
    case expenseCapitalTotal = "expense.capital.total"
    case expenseCapitalBasic = "expense.capital.basic"
    case expenseCapitalProject = "expense.capital.project"
    case budgetInitial = "budget.initial"
    case budgetExecutionRate = "budget.execution_rate"

    // By function classification (公开02, 03, 05表; narrative 五(三)), always with code and name
    case functionIncomeTotal = "function.income.total"
    case functionExpenseTotal = "function.expense.total"
    case functionExpenseBasic = "function.expense.basic"
    case functionExpenseProject = "function.expense.project"
    case functionGeneralTotal = "function.general.total"
    case functionGeneralBasic = "function.general.basic"
    case functionGeneralProject = "function.general.project"
    case functionBudget = "function.budget"
    case functionActual = "function.actual"
    case functionExecutionRate = "function.execution_rate"

    // By economic classification (公开06表)
    case economicBasic = "economic.basic"

    // 三公经费, 机关运行经费, 政府采购, assets
    case threePublicBudgetTotal = "three_public.budget.total"
    case threePublicBudgetOutbound = "three_public.budget.outbound"
    case threePublicBudgetVehicle = "three_public.budget.vehicle"
    case threePublicBudgetVehiclePurchase = "three_public.budget.vehicle_purchase"
    case threePublicBudgetVehicleOperation = "three_public.budget.vehicle_operation"
    case threePublicBudgetReception = "three_public.budget.reception"
    case threePublicActualTotal = "three_public.actual.total"
    case threePublicActualOutbound = "three_public.actual.outbound"
    case threePublicActualVehicle = "three_public.actual.vehicle"
    case threePublicActualVehiclePurchase = "three_public.actual.vehicle_purchase"
    case threePublicActualVehicleOperation = "three_public.actual.vehicle_operation"
    case threePublicActualReception = "three_public.actual.reception"
    /// Counts stated with the 三公经费: cars bought and held, delegations and visitors.
    case threePublicVehiclePurchased = "three_public.vehicle.purchased"
    case threePublicVehicleHeld = "three_public.vehicle.held"
    case threePublicOutboundGroups = "three_public.outbound.groups"
    case threePublicOutboundPersons = "three_public.outbound.persons"
    case threePublicReceptionGroups = "three_public.reception.groups"
    case threePublicReceptionPersons = "three_public.reception.persons"
    case operatingCostActual = "operating_cost.actual"
    case operatingCostBudget = "operating_cost.budget"
    case procurementTotal = "procurement.total"
    case procurementGoods = "procurement.goods"
    case procurementWorks = "procurement.works"
    case procurementServices = "procurement.services"
    case procurementSME = "procurement.sme"
    case procurementSmallMicro = "procurement.small_micro"
    /// One item of a 政府采购预算表 (采购物品名称 as printed in `name`, its 专项 in `project`).
    case procurementItem = "procurement.item"
    /// A 专项's procurement under one 经济科目 (`name`: the 经济科目, `project`: the 专项名称).
    case procurementProject = "procurement.project"
    /// How many of an item a 政府采购预算表 buys, where it prints 数量 (measure 个; `name`, `project` as the item's).
    case procurementItemQuantity = "procurement.item.quantity"
    case assetsVehicles = "assets.vehicles"
    case assetsEquipmentOver1M = "assets.equipment_over_1m"
    /// Vehicles of one use (执法执勤用车, 其他用车 …), with `name`.
    case assetsVehiclesByUse = "assets.vehicles.use"

    // Projects and performance
    case projectAmount = "project.amount"
    case projectBudget = "project.budget"
    case projectExecuted = "project.executed"
    case projectExecutionRate = "project.execution_rate"
    case indicatorTarget = "indicator.target"
    case indicatorActual = "indicator.actual"

    // Statements about change
    case changeStated = "change.stated"
    case reasonVariance = "reason.variance"
    case transferOut = "transfer.out"
    case transferIn = "transfer.in"

    // Columns of the 公开表 that the keys above do not name (added with the table reader).
    // A 预算 states planned figures under the same keys; the document's kind says which.
    /// 收入决算表 by function code: 财政拨款收入 · 上级补助收入 · 事业收入 · 经营收入 · 附属单位上缴收入 · 其他收入.
    case functionIncomeAppropriation = "function.income.appropriation"
    case functionIncomeSuperiorSubsidy = "function.income.superior_subsidy"
    case functionIncomeBusiness = "function.income.business"
    case functionIncomeOperating = "function.income.operating"
    case functionIncomeAffiliated = "function.income.affiliated"
    case functionIncomeOther = "function.income.other"
    /// 财政拨款收入支出决算总表 (04表), one 类 line: 财政拨款支出 小计.
    case functionAppropriationTotal = "function.appropriation.total"
    /// 政府性基金预算财政拨款支出 (07表) by function code: 合计 · 基本支出 · 项目支出.
    case functionFundTotal = "function.fund.total"
    case functionFundBasic = "function.fund.basic"
    case functionFundProject = "function.fund.project"
    /// 国有资本经营预算财政拨款支出 (08表) by function code: 合计 · 基本支出 · 项目支出.
    case functionCapitalTotal = "function.capital.total"
    case functionCapitalBasic = "function.capital.basic"
    case functionCapitalProject = "function.capital.project"
    /// 年初 · 年末 财政拨款结转和结余 (04表).
    case appropriationCarryoverOpening = "appropriation.carryover.opening"
    case appropriationCarryoverClosing = "appropriation.carryover.closing"
    /// 基本支出 by economic code split into 人员经费 · 公用经费 (预算's 经济分类预算表), with `code` and `name`.
    case economicBasicPersonnel = "economic.basic.personnel"
    case economicBasicPublic = "economic.basic.public"
    /// 财政拨款支出 by function code with its 基本 · 项目 split (财政拨款支出预算表, 高等学校 财政拨款支出决算表).
    case functionAppropriationBasic = "function.appropriation.basic"
    case functionAppropriationProject = "function.appropriation.project"
    /// The 合计 of those tables' 基本 · 项目 columns.
    case expenseAppropriationBasic = "expense.appropriation.basic"
    case expenseAppropriationProject = "expense.appropriation.project"
    /// 财政拨款基本支出 by economic code (a provincial 预算's 财政拨款基本支出预算表), with `code` and `name`.
    case economicAppropriationBasic = "economic.appropriation.basic"
    /// 机关运行经费 by economic code (一般公共预算机关运行经费支出预算表), with `code` and `name`.
    case economicOperatingCost = "economic.operating_cost"
    /// 单位预留机动经费: a provincial 预算's third use of funds beside 基本支出 and 项目支出.
    case expenseReserve = "expense.reserve"
    /// The 单位预留机动经费 of 财政拨款 (a provincial 财政拨款收支预算总表).
    case expenseAppropriationReserve = "expense.appropriation.reserve"
    /// A 类's 基本支出 split into 人员经费 · 公用经费 (a 单位预算's 财务收支预算总表), with `code` and `name`.
    case functionExpenseBasicPersonnel = "function.expense.basic.personnel"
    case functionExpenseBasicPublic = "function.expense.basic.public"
    /// 事业收入 其中：教育收费 (高等学校 收入预算表 / 收入决算表): by function code, and its 合计.
    case functionIncomeBusinessTuition = "function.income.business.tuition"
    case incomeBusinessTuition = "income.business.tuition"
    /// 上年结转 as a column of a 收入预算表, by function code (its 合计 is `carryover.opening`).
    case functionIncomeCarryover = "function.income.carryover"
    /// 项目支出 其中：基本建设资金支出 of 财政拨款 (高等学校 财政拨款支出决算表): by function code, and its 合计.
    case functionAppropriationProjectConstruction = "function.appropriation.project.construction"
    case expenseAppropriationProjectConstruction = "expense.appropriation.project.construction"

    public static func < (lhs: FactKey, rhs: FactKey) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Keys whose facts always carry a classification `code` and `name`.
    public var isClassified: Bool {
        rawValue.hasPrefix("function.") || rawValue.hasPrefix("economic.") || self == .reasonVariance
    }
}
