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
