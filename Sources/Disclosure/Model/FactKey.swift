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
    /// 财政拨款支出 (a 预算's 财政拨款支出预算).
    case expenseAppropriation = "expense.appropriation"
    /// 一般公共预算财政拨款支出 and its 基本/项目 split (narrative 五、六, 公开05表 合计).
    case expenseGeneralTotal = "expense.general.total"
    case expenseGeneralBasic = "expense.general.basic"
    case expenseGeneralProject = "expense.general.project"
    /// 政府性基金预算 / 国有资本经营预算 财政拨款支出.
    case expenseFundTotal = "expense.fund.total"
    case expenseCapitalTotal = "expense.capital.total"
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

    public static func < (lhs: FactKey, rhs: FactKey) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Keys whose facts always carry a classification `code` and `name`.
    public var isClassified: Bool {
        rawValue.hasPrefix("function.") || self == .economicBasic || self == .reasonVariance
    }
}
