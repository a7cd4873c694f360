import Testing
@testable import Disclosure

/// The 预算 of a Shanghai street office: another region, another kind, another layout.
@Suite struct BudgetNarrativeTests {
    @Test func readsIdentityOfTheStreetOffice() throws {
        let identity = DisclosureParser.parse(try Corpus.text(Corpus.street2024)).identity
        #expect(identity.unit == "上海市普陀区人民政府万里街道办事处" && identity.year == 2024 && identity.kind == .budget)
        #expect(identity.scope == .department && identity.otherNames.isEmpty && identity.published == nil)
        // The title prints the year and kind but no unit; the cover's label names it.
        #expect(identity.evidence.map(\.source) == [.label, .title, .title])
        #expect(DisclosureParser.parse(try Corpus.text(Corpus.street2023)).identity.year == 2023)
    }

    @Test func readsTotalsChangesAndItemsOf2024() throws {
        let facts = DisclosureParser.parse(try Corpus.text(Corpus.street2024)).facts
        let expected = ExpectedFact.list("""
            income.total - 2024 15621.11 narrative
            income.appropriation - 2024 15621.11 narrative
            change.stated - 2024 -876.75 narrative of=income.appropriation baseYear=2023 delta=-876.75 reason=项目调整
            income.appropriation - 2023 16497.86 implied
            income.business - 2024 0 narrative
            income.operating - 2024 0 narrative
            income.other - 2024 0 narrative
            expense.total - 2024 15621.11 narrative
            expense.appropriation - 2024 15621.11 narrative
            expense.general.total - 2024 15621.11 narrative
            change.stated - 2024 -876.75 narrative of=expense.general.total baseYear=2023 delta=-876.75
            expense.general.total - 2023 16497.86 implied
            expense.fund.total - 2024 0 narrative
            change.stated - 2024 0 narrative of=expense.fund.total baseYear=2023 delta=0
            function.general.total 2010507 2024 25.77 narrative name=专项普查活动
            function.actual 2010507 2023 60.13 implied
            change.stated 2010507 2024 -57.14 narrative of=function.general.total base=function.actual baseYear=2023 pct=-57.14 reason=项目调整
            function.general.total 2120101 2024 1660.32 narrative name=行政运行
            function.actual 2120101 2023 1899.77 implied
            function.general.total 2210201 2024 350.35 narrative
            function.general.total 2210201 2024 352.67 narrative
            function.actual 2210201 2023 348.52 implied
            change.stated 2060702 2024 0 narrative of=function.general.total base=function.actual baseYear=2023 delta=0
            three_public.budget.total - 2024 47.91 narrative
            change.stated - 2024 25 narrative of=three_public.budget.total baseYear=2023 delta=25
            three_public.budget.total - 2023 22.91 implied
            three_public.budget.outbound - 2024 0 narrative
            three_public.budget.vehicle - 2024 46.56 narrative
            three_public.budget.vehicle_purchase - 2024 25 narrative
            change.stated - 2024 25 narrative of=three_public.budget.vehicle_purchase baseYear=2023 delta=25 reason=购置公务用车
            three_public.budget.vehicle_operation - 2024 21.56 narrative
            three_public.budget.reception - 2024 1.35 narrative
            change.stated - 2024 0 narrative of=three_public.budget.reception baseYear=2023 delta=0 reason=公务接待费保持不变
            operating_cost.budget - 2024 443.18 narrative
            procurement.total - 2024 1662.44 narrative
            procurement.goods - 2024 93.98 narrative
            procurement.works - 2024 815.87 narrative
            procurement.services - 2024 752.59 narrative
            procurement.sme - 2024 664.98 narrative
            procurement.small_micro - 2024 465.49 narrative
            assets.vehicles - 2023 7 narrative
            assets.vehicles.use - 2023 7 narrative name=其他用车
            assets.equipment_over_1m - 2023 0 narrative
            """)
        for fact in expected where !facts.contains(where: fact.matches) {
            Issue.record(Comment(rawValue: "missing: \(fact)"))
        }
        // 33 items, each with its amount, the 2023 执行数 and the stated change.
        #expect(facts.filter { $0.key == .functionGeneralTotal && $0.origin == .narrative && $0.code?.count == 7 }.count == 34)
        #expect(facts.filter { $0.key == .functionActual && $0.origin == .implied }.count == 33)
        #expect(facts.filter { $0.key == .changeStated && $0.base == .functionActual }.count == 33)
        #expect(!facts.contains { $0.key.isClassified && $0.code == nil })
    }

    /// 上海普陀商务委 2025 states its 财政拨款收入 against 2024's 预算执行数 and its 财政拨款支出
    /// against 2024's 预算: equal totals, different bases, so different changes are no conflict.
    /// The change against the executed figure names its own key as base. (Figures hand-made.)
    @Test func changesAgainstExecutionAndAgainstBudgetAreApart() {
        let text = """
            2025年，某某委员会收入预算300.00万元，其中：财政拨款收入300.00万元，比2024年预算执行数增加120.00万元；事业收入0万元。
            支出预算300.00万元，其中：财政拨款支出预算300.00万元，比2024年预算增加100.00万元。
            """
        let parsed = DisclosureParser.parse("2025年部门预算编制说明\n" + text)
        let changes = parsed.facts.filter { $0.key == .changeStated }
        #expect(changes.first { $0.of == .incomeAppropriation }?.base == .incomeAppropriation)
        #expect(changes.first { $0.of == .expenseAppropriation }?.base == nil)
        #expect(!parsed.warnings.contains { $0.rule == .conflictingValues })
    }

    /// 财政拨款支出主要内容 lists 政府性基金 items too (石泉路街道 2026: 城市建设支出 338万元): where
    /// the narrative states 政府性基金 spending, the items make the 财政拨款 total, not the
    /// 一般公共预算's. (Hand-made figures: 30 一般公共预算 + 20 政府性基金.)
    @Test func itemsOfAppropriationWithFundMoneyMakeTheAppropriationTotal() {
        func text(fund: String) -> String {
            """
            2025年部门预算编制说明
            支出预算\(30 + (Double(fund) ?? 0))万元，其中：财政拨款支出预算50万元。财政拨款支出预算中，一般公共预算拨款支出预算30万元；政府性基金拨款支出预算\(fund)万元。
            财政拨款支出主要内容如下：
            1. “一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”30万元，主要用于专项普查活动。
            2. “城乡社区支出（类）国有土地使用权出让收入安排的支出（款）城市建设支出（项）”20万元，主要用于城市建设。
            """
        }
        let withFund = DisclosureParser.parse(text(fund: "20"))
        #expect(!withFund.warnings.contains { $0.rule == .sumMismatch })
        // Without 政府性基金, 50 of items against the 一般公共预算's 30 is a mismatch, as before.
        let without = DisclosureParser.parse(text(fund: "0"))
        #expect(without.warnings.contains { $0.rule == .sumMismatch && $0.message.contains("expense.general.total") })
    }

    @Test func warnsAboutTheItemStatedTwice() throws {
        let warnings = DisclosureParser.parse(try Corpus.text(Corpus.street2024)).warnings
        #expect(warnings.contains { $0.rule == .conflictingValues && $0.message.contains("350.35") && $0.message.contains("352.67") })
        #expect(!warnings.contains { $0.rule == .percentMismatch })
        #expect(!warnings.contains { $0.rule == .unresolvedName })
    }

    @Test func impliesLastYearsFiguresThatLastYearsDocumentStates() throws {
        let facts2024 = DisclosureParser.parse(try Corpus.text(Corpus.street2024)).facts
        let facts2023 = DisclosureParser.parse(try Corpus.text(Corpus.street2023)).facts
        for key in [FactKey.incomeAppropriation, .expenseGeneralTotal, .threePublicBudgetTotal] {
            let implied = facts2024.first { $0.key == key && $0.year == 2023 && $0.origin == .implied }?.amount
            let stated = facts2023.first { $0.key == key && $0.year == 2023 && $0.origin == .narrative }?.amount
            #expect(implied != nil && implied == stated, "\(key.rawValue)")
        }
        // 2023 says 政府性基金拨款支出预算0万元 grew by 1421.25: a negative 2022 is warned about.
        let warnings2023 = DisclosureParser.parse(try Corpus.text(Corpus.street2023)).warnings
        #expect(warnings2023.contains { $0.rule == .directionMismatch && $0.message.contains("expense.fund.total") })
    }
}
