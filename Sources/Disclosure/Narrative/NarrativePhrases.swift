/// A phrase of the narrative that names a quantity, and the key its amount is filed under.
struct Phrase: Sendable {
    enum Kind: Sendable { case money, percent }

    let literal: Literal
    let key: FactKey
    let kind: Kind
    /// Whether the phrase names its quantity only at the start of a clause, or after the unit's
    /// own name or a year: "2023年，万里街道办事处收入预算…" and "（一）收入预算总计…" are the whole
    /// income, "一般公共预算收入预算…" and "其他资金收入预算总计…" are parts of it.
    let clauseInitial: Bool

    init(_ text: String, _ key: FactKey, _ kind: Kind = .money, clauseInitial: Bool = false) {
        literal = Literal(text)
        self.key = key
        self.kind = kind
        self.clauseInitial = clauseInitial
    }
}

/// The phrases each section of a 决算 or 预算 uses for its totals. Longer phrases win where two
/// start at the same place (财政拨款收、支总计 over 收、支总计), and a phrase that is not followed by
/// an amount still says what a following "减少220.83万元" is about.
enum NarrativePhrases {
    static func phrases(for section: NarrativeSection, kind: DisclosureKind) -> [Phrase] {
        switch (section, kind) {
        case (.totals, _):
            return [Phrase("收、支总计", .grandTotal), Phrase("收支总计", .grandTotal), Phrase("收入总计", .grandTotal),
                    Phrase("支出总计", .grandTotal)]
        case (.income, _):
            return [Phrase("收入合计", .incomeTotal), Phrase("财政拨款收入", .incomeAppropriation),
                    Phrase("上级补助收入", .incomeSuperiorSubsidy), Phrase("事业收入", .incomeBusiness),
                    Phrase("经营收入", .incomeOperating), Phrase("附属单位上缴收入", .incomeAffiliated),
                    Phrase("其他收入", .incomeOther), Phrase("年初结转和结余", .carryoverOpening)]
        case (.expense, _):
            return [Phrase("支出合计", .expenseTotal), Phrase("基本支出", .expenseBasic), Phrase("项目支出", .expenseProject),
                    Phrase("年末结转和结余", .carryoverClosing)]
        case (.appropriation, _):
            return [Phrase("财政拨款收、支总计", .appropriationGrandTotal), Phrase("财政拨款收支总计", .appropriationGrandTotal),
                    Phrase("一般公共预算财政拨款收入", .incomeAppropriationGeneral),
                    Phrase("政府性基金预算财政拨款收入", .incomeAppropriationFund),
                    Phrase("国有资本经营预算财政拨款收入", .incomeAppropriationCapital)]
        case (.general, _):
            return [Phrase("一般公共预算财政拨款支出", .expenseGeneralTotal), Phrase("年初预算", .budgetInitial),
                    Phrase("支出决算", .expenseGeneralTotal), Phrase("完成年初预算的", .budgetExecutionRate, .percent),
                    Phrase("基本支出", .expenseGeneralBasic), Phrase("项目支出", .expenseGeneralProject)]
        case (.generalBasic, _):
            return [Phrase("一般公共预算财政拨款基本支出", .expenseGeneralBasic), Phrase("基本支出", .expenseGeneralBasic),
                    Phrase("人员经费", .expenseBasicPersonnel), Phrase("公用经费", .expenseBasicPublic)]
        case (.operatingCost, .budget):
            // 江苏省's template: "2017年本部门一般公共预算机关运行经费预算支出5619.31万元".
            return [Phrase("机关运行经费预算支出", .operatingCostBudget), Phrase("机关运行经费预算", .operatingCostBudget),
                    Phrase("机关运行经费", .operatingCostBudget)]
        case (.operatingCost, .finalAccount):
            return [Phrase("机关运行经费支出", .operatingCostActual), Phrase("机关运行经费预算", .operatingCostBudget),
                    Phrase("机关运行经费", .operatingCostActual)]
        case (.procurement, _):
            return [Phrase("政府采购支出总额", .procurementTotal), Phrase("政府采购预算", .procurementTotal),
                    Phrase("政府采购货物支出", .procurementGoods), Phrase("政府采购货物预算", .procurementGoods),
                    Phrase("政府采购工程支出", .procurementWorks), Phrase("政府采购工程预算", .procurementWorks),
                    Phrase("政府采购服务支出", .procurementServices), Phrase("政府采购服务预算", .procurementServices),
                    Phrase("授予中小企业合同金额", .procurementSME), Phrase("面向中小企业预留政府采购项目预算金额", .procurementSME),
                    Phrase("授予小微企业合同金额", .procurementSmallMicro),
                    Phrase("预留给小型和微型企业的政府采购项目预算", .procurementSmallMicro)]
        case (.budgetStatement, _):
            // A provincial 预算 says 预算总计: "2017 年度收入、支出预算总计 20849.45 万元", "（一）收入预算总计 …".
            return [Phrase("收入、支出预算总计", .grandTotal, clauseInitial: true), Phrase("收支预算总计", .grandTotal, clauseInitial: true),
                    Phrase("收入预算总计", .incomeTotal, clauseInitial: true), Phrase("支出预算总计", .expenseTotal, clauseInitial: true),
                    Phrase("财政拨款收入预算总计", .incomeAppropriation), Phrase("收入预算", .incomeTotal, clauseInitial: true), Phrase("财政拨款收入", .incomeAppropriation),
                    Phrase("事业收入", .incomeBusiness), Phrase("事业单位经营收入", .incomeOperating),
                    Phrase("其他收入", .incomeOther), Phrase("支出预算", .expenseTotal, clauseInitial: true),
                    Phrase("财政拨款支出预算", .expenseAppropriation), Phrase("一般公共预算拨款支出预算", .expenseGeneralTotal),
                    Phrase("一般公共预算财政拨款支出预算", .expenseGeneralTotal),
                    Phrase("政府性基金拨款支出预算", .expenseFundTotal), Phrase("政府性基金预算拨款支出预算", .expenseFundTotal),
                    Phrase("国有资本经营预算拨款支出预算", .expenseCapitalTotal)]
        default:
            return []
        }
    }

    /// Phrases of one 五(三) item ("年初预算为483.99万元，支出决算为194.1万元，完成年初预算的40%") and of
    /// one 预算 item ("2023年当年预算执行数为60.13万元，2024年预算安排25.77万元").
    static let item: [Phrase] = [
        Phrase("年初预算", .functionBudget), Phrase("支出决算", .functionActual),
        Phrase("完成年初预算的", .functionExecutionRate, .percent), Phrase("当年预算执行数", .functionActual),
        Phrase("预算执行数", .functionActual), Phrase("预算安排", .functionGeneralTotal),
    ]

    /// Words that may stand between a phrase and its amount: 收、支总计均为 2,345.22 万元.
    static let fillers: [Literal] = ["均为", "为", "是", "共计", "共", "总额", ":", "约"]

    /// The budget a stated "比年初预算数减少" compares an actual with.
    static func budgetCounterpart(of key: FactKey) -> FactKey? {
        switch key {
        case .operatingCostActual: return .operatingCostBudget
        case .functionActual: return .functionBudget
        case .expenseGeneralTotal: return .budgetInitial
        case .threePublicActualTotal: return .threePublicBudgetTotal
        case .threePublicActualOutbound: return .threePublicBudgetOutbound
        case .threePublicActualVehicle: return .threePublicBudgetVehicle
        case .threePublicActualVehiclePurchase: return .threePublicBudgetVehiclePurchase
        case .threePublicActualVehicleOperation: return .threePublicBudgetVehicleOperation
        case .threePublicActualReception: return .threePublicBudgetReception
        default: return nil
        }
    }
}
