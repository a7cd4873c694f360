import Testing
@testable import Disclosure

/// Every narrative fact of both sample 决算, written by hand from the documents.
@Suite struct NarrativeReaderTests {
    /// 武汉市武昌区医疗保障局 2023: tables lost, hard-wrapped, a blank line after every line.
    static let bureau2023 = ExpectedFact.list("""
        # 一、收入支出决算总体情况 (lines 189–193)
        grand.total - 2023 479.44 narrative
        change.stated - 2023 -220.84 narrative of=grand.total baseYear=2022 delta=-220.84 pct=-31.5 reason=划转到区民政局
        grand.total - 2022 700.28 implied
        transfer.out - 2023 289 narrative name=医疗救助专项项目 counterparty=区民政局
        # 二、收入 (198–204)
        income.total - 2023 479.44 narrative
        change.stated - 2023 -220.83 narrative of=income.total baseYear=2022 delta=-220.83 pct=-31.5 reason=该项目调减289万元
        income.total - 2022 700.27 implied
        income.appropriation - 2023 479.44 narrative share=100
        # 三、支出 (209–217)
        expense.total - 2023 479.44 narrative
        change.stated - 2023 -220.83 narrative of=expense.total baseYear=2022 delta=-220.83 pct=-31.5
        expense.total - 2022 700.27 implied
        expense.basic - 2023 266.03 narrative share=55.5
        expense.project - 2023 213.41 narrative share=44.5
        # 四、财政拨款 (222–238)
        appropriation.grand.total - 2023 479.44 narrative
        change.stated - 2023 -220.83 narrative of=appropriation.grand.total baseYear=2022 delta=-220.83 pct=-31.5 reason=医疗救助专项项目
        appropriation.grand.total - 2022 700.27 implied
        income.appropriation.general - 2023 479.44 narrative
        change.stated - 2023 -220.83 narrative of=income.appropriation.general baseYear=2022 delta=-220.83 reason=区民政局
        income.appropriation.general - 2022 700.27 implied
        income.appropriation.fund - 2023 0 narrative
        income.appropriation.capital - 2023 0 narrative
        # 五(一) (245–251)
        expense.general.total - 2023 479.44 narrative share=100
        change.stated - 2023 -220.83 narrative of=expense.general.total baseYear=2022 delta=-220.83 pct=-31.5
        expense.general.total - 2022 700.27 implied
        # 五(二) (259–277)
        function.general.total 201 2023 5.62 narrative share=1.1
        function.general.total 208 2023 18.44 narrative share=3.8
        function.general.total 210 2023 427.92 narrative share=89.5
        function.general.total 221 2023 27.46 narrative share=5.7
        # 五(三) (280–366)
        budget.initial - 2023 545.45 narrative
        budget.execution_rate - 2023 87.9 narrative measure=%
        expense.general.basic - 2023 266.03 narrative
        expense.general.project - 2023 213.41 narrative
        project.amount - 2023 146.61 narrative name=疫情防控经费
        project.amount - 2023 66.8 narrative name=医保门诊共济改革宣传经费
        function.budget 2010501 2023 5.62 narrative
        function.actual 2010501 2023 5.62 narrative
        function.execution_rate 2010501 2023 100 narrative
        function.budget 2080505 2023 10.3 narrative name=机关事业单位养老保险缴费支出
        function.actual 2080505 2023 18.44 narrative
        function.execution_rate 2080505 2023 178.6 narrative
        reason.variance 2080505 2023 text narrative reason=补缴1至12月机关事业单位基本养老保险差额调整费用
        function.budget 2100410 2023 0 narrative
        function.actual 2100410 2023 146.62 narrative
        reason.variance 2100410 2023 text narrative reason=追加了疫情防控经费
        function.budget 2101101 2023 5.15 narrative
        function.actual 2101101 2023 5.4 narrative
        function.execution_rate 2101101 2023 104.85 narrative
        reason.variance 2101101 2023 text narrative reason=行政单位医疗职工基本医疗保险缴费基数调整
        function.budget 2101103 2023 12.37 narrative
        function.actual 2101103 2023 15.1 narrative
        function.execution_rate 2101103 2023 122.07 narrative
        reason.variance 2101103 2023 text narrative reason=公务员医疗补助基数调整
        function.budget 2101501 2023 483.99 narrative name=行政运行
        function.actual 2101501 2023 194.1 narrative
        function.execution_rate 2101501 2023 40 narrative
        reason.variance 2101501 2023 text narrative reason=上级要求将医疗救助专项项目划转到区民政局，该项目调减289万元
        function.budget 2101599 2023 0 narrative
        function.actual 2101599 2023 66.79 narrative
        reason.variance 2101599 2023 text narrative reason=追加职工医保共济改革宣传经费
        function.budget 2210201 2023 18.55 narrative
        function.actual 2210201 2023 18.1 narrative
        function.execution_rate 2210201 2023 97.57 narrative
        function.budget 2210202 2023 3.73 narrative
        function.actual 2210202 2023 3.73 narrative
        function.execution_rate 2210202 2023 100 narrative
        function.budget 2210203 2023 5.75 narrative
        function.actual 2210203 2023 5.64 narrative
        function.execution_rate 2210203 2023 98 narrative
        # 六 (370–384)
        expense.basic.personnel - 2023 193.71 narrative
        expense.basic.public - 2023 72.33 narrative
        # 九 (397–423)
        three_public.budget.total - 2023 0 narrative
        three_public.actual.total - 2023 0 narrative
        three_public.budget.outbound - 2023 0 narrative
        three_public.actual.outbound - 2023 0 narrative
        three_public.outbound.groups - 2023 0 narrative measure=个
        three_public.outbound.persons - 2023 0 narrative measure=人次
        three_public.actual.vehicle - 2023 0 narrative
        three_public.actual.vehicle_purchase - 2023 0 narrative
        three_public.vehicle.purchased - 2023 0 narrative measure=辆
        three_public.actual.vehicle_operation - 2023 0 narrative
        three_public.vehicle.held - 2023 0 narrative measure=辆
        three_public.actual.reception - 2023 0 narrative
        # 十 (427–431)
        operating_cost.actual - 2023 72.33 narrative
        operating_cost.budget - 2023 73 narrative
        change.stated - 2023 -0.67 narrative of=operating_cost.actual base=operating_cost.budget baseYear=2023 delta=-0.67 pct=-8 reason=落实过紧日子要求压减支出
        # 十一 (434–448)
        procurement.total - 2023 108.87 narrative
        procurement.goods - 2023 0.26 narrative
        procurement.works - 2023 0 narrative
        procurement.services - 2023 108.61 narrative
        procurement.sme - 2023 108.87 narrative share=100
        procurement.small_micro - 2023 108.87 narrative share=100
        # 十二 (452–460)
        assets.vehicles - 2023 0 narrative measure=辆
        assets.vehicles.use - 2023 0 narrative name=副部(省)级及以上领导用车
        assets.vehicles.use - 2023 0 narrative name=主要负责人用车
        assets.vehicles.use - 2023 0 narrative name=机要通信用车
        assets.vehicles.use - 2023 0 narrative name=应急保障用车
        assets.vehicles.use - 2023 0 narrative name=执法执勤用车
        assets.vehicles.use - 2023 0 narrative name=特种专业技术用车
        assets.vehicles.use - 2023 0 narrative name=离退休干部服务用车
        assets.vehicles.use - 2023 0 narrative name=其他用车
        assets.equipment_over_1m - 2023 0 narrative measure=台(套)
        # 十三 (485–487)
        project.budget - 2023 66.79 narrative name=医保门诊共济改革宣传经费
        project.executed - 2023 66.79 narrative name=医保门诊共济改革宣传经费
        project.execution_rate - 2023 100 narrative name=医保门诊共济改革宣传经费
        """)

    /// 武汉市武昌区医疗保障管理委员会办公室 2024: unwrapped paragraphs, tables as tabs.
    static let office2024 = ExpectedFact.list("""
        grand.total - 2024 2345.22 narrative
        change.stated - 2024 -537.11 narrative of=grand.total baseYear=2023 delta=-537.11 pct=-18.6 reason=离休人员去世
        grand.total - 2023 2882.33 implied
        income.total - 2024 2345.22 narrative
        change.stated - 2024 -537.11 narrative of=income.total baseYear=2023 delta=-537.11 pct=-18.6
        income.total - 2023 2882.33 implied
        income.appropriation - 2024 2345.22 narrative share=100
        expense.total - 2024 2345.22 narrative
        change.stated - 2024 -537.11 narrative of=expense.total baseYear=2023 delta=-537.11 pct=-18.6
        expense.total - 2023 2882.33 implied
        expense.basic - 2024 79.16 narrative share=3.4
        expense.project - 2024 2266.06 narrative share=96.6
        appropriation.grand.total - 2024 2345.22 narrative
        change.stated - 2024 -537.11 narrative of=appropriation.grand.total baseYear=2023 delta=-537.11 pct=-18.6 reason=公费医疗整体所需医疗费减少
        appropriation.grand.total - 2023 2882.33 implied
        income.appropriation.general - 2024 2345.22 narrative
        change.stated - 2024 -537.11 narrative of=income.appropriation.general baseYear=2023 delta=-537.11 reason=就诊需求减少
        income.appropriation.general - 2023 2882.33 implied
        expense.general.total - 2024 2345.22 narrative share=100
        change.stated - 2024 -537.11 narrative of=expense.general.total baseYear=2023 delta=-537.11 pct=-18.6
        expense.general.total - 2023 2882.33 implied
        function.general.total 208 2024 5.86 narrative share=0.2
        function.general.total 210 2024 2331.15 narrative share=99.4
        function.general.total 221 2024 8.21 narrative share=0.4
        budget.initial - 2024 2968.07 narrative
        budget.execution_rate - 2024 79 narrative
        expense.general.basic - 2024 79.16 narrative
        expense.general.project - 2024 2266.06 narrative
        project.amount - 2024 1803.99 narrative name=公费医疗专项经费
        project.amount - 2024 459.87 narrative name=易肇事肇祸精神病人专项救治经费
        project.amount - 2024 2.2 narrative name=医疗报销工作经费
        function.budget 2080505 2024 5.85 narrative
        function.actual 2080505 2024 5.86 narrative
        function.execution_rate 2080505 2024 100 narrative
        function.budget 2100101 2024 60.31 narrative
        function.actual 2100101 2024 58.38 narrative
        function.execution_rate 2100101 2024 96.8 narrative
        function.budget 2100102 2024 2.5 narrative
        function.actual 2100102 2024 2.2 narrative
        function.execution_rate 2100102 2024 88 narrative
        reason.variance 2100102 2024 text narrative reason=二是根据实际工作情况，未进行资料印制
        function.budget 2101101 2024 2.92 narrative
        function.actual 2101101 2024 2.43 narrative
        function.execution_rate 2101101 2024 83.2 narrative
        reason.variance 2101101 2024 text narrative reason=医疗保险基数调整为每年7月
        function.budget 2101103 2024 8.99 narrative
        function.actual 2101103 2024 4.28 narrative
        function.execution_rate 2101103 2024 47.6 narrative
        reason.variance 2101103 2024 text narrative reason=本年无漏报公务员医疗补助的情况
        function.budget 2101199 2024 2878.8 narrative
        function.actual 2101199 2024 2263.86 narrative
        function.execution_rate 2101199 2024 78.6 narrative
        reason.variance 2101199 2024 text narrative reason=一是积极贯彻落实过紧日子要求；二是离休人员去世
        function.budget 2210201 2024 7.5 narrative
        function.actual 2210201 2024 7.02 narrative
        function.execution_rate 2210201 2024 93.6 narrative
        reason.variance 2210201 2024 text narrative reason=公积金基数调整
        function.budget 2210202 2024 1.19 narrative
        function.actual 2210202 2024 1.19 narrative
        function.execution_rate 2210202 2024 100 narrative
        expense.basic.personnel - 2024 71.82 narrative
        expense.basic.public - 2024 7.34 narrative
        three_public.budget.total - 2024 0 narrative
        three_public.actual.total - 2024 0 narrative
        three_public.budget.outbound - 2024 0 narrative
        three_public.actual.outbound - 2024 0 narrative
        three_public.outbound.groups - 2024 0 narrative
        three_public.outbound.persons - 2024 0 narrative
        three_public.budget.vehicle - 2024 0 narrative
        three_public.actual.vehicle - 2024 0 narrative
        three_public.actual.vehicle_purchase - 2024 0 narrative
        three_public.vehicle.purchased - 2024 0 narrative
        three_public.actual.vehicle_operation - 2024 0 narrative
        three_public.vehicle.held - 2024 0 narrative
        three_public.budget.reception - 2024 0 narrative
        three_public.actual.reception - 2024 0 narrative
        three_public.reception.groups - 2024 0 narrative name=外宾接待
        three_public.reception.persons - 2024 0 narrative name=外宾接待
        three_public.reception.groups - 2024 0 narrative name=国内公务接待
        three_public.reception.persons - 2024 0 narrative name=国内公务接待
        operating_cost.actual - 2024 7.34 narrative
        change.stated - 2024 -0.11 narrative of=operating_cost.actual base=operating_cost.budget baseYear=2024 delta=-0.11 pct=-1.5 reason=压减办公及培训支出等
        operating_cost.budget - 2024 7.45 implied
        procurement.total - 2024 2.2 narrative
        procurement.services - 2024 2.2 narrative
        procurement.sme - 2024 2.2 narrative share=100
        procurement.small_micro - 2024 2.2 narrative share=100
        assets.vehicles - 2024 0 narrative
        assets.vehicles.use - 2024 0 narrative name=副省级及以上领导干部用车
        assets.vehicles.use - 2024 0 narrative name=主要负责人用车
        assets.vehicles.use - 2024 0 narrative name=机要通信用车
        assets.vehicles.use - 2024 0 narrative name=应急保障用车
        assets.vehicles.use - 2024 0 narrative name=执法执勤用车
        assets.vehicles.use - 2024 0 narrative name=特种专业技术用车
        assets.vehicles.use - 2024 0 narrative name=离退休干部服务用车
        assets.vehicles.use - 2024 0 narrative name=其他用车
        assets.equipment_over_1m - 2024 0 narrative
        project.budget - 2024 459.87 narrative name=易肇事肇祸精神病人专项救治经费
        project.executed - 2024 459.87 narrative name=易肇事肇祸精神病人专项救治经费
        project.execution_rate - 2024 100 narrative name=易肇事肇祸精神病人专项救治经费
        project.budget - 2024 2.2 narrative name=医疗报销工作经费
        project.executed - 2024 2.2 narrative name=医疗报销工作经费
        project.execution_rate - 2024 100 narrative name=医疗报销工作经费
        """)

    @Test func readsEveryNarrativeFactOfTheBureau2023() throws {
        let parsed = DisclosureParser.parse(try Corpus.text(Corpus.bureau2023))
        ExpectedFact.expect(Self.bureau2023, in: parsed.facts)
    }

    @Test func readsEveryNarrativeFactOfTheOffice2024() throws {
        let parsed = DisclosureParser.parse(try Corpus.text(Corpus.office2024))
        ExpectedFact.expect(Self.office2024, in: parsed.facts)
    }

    @Test func warnsAboutWhatTheBureau2023GetsWrong() throws {
        let parsed = DisclosureParser.parse(try Corpus.text(Corpus.bureau2023))
        let rules = parsed.warnings.map(\.rule)
        // −220.84 for 收、支总计 against −220.83 for 收入 and 支出: both kept.
        #expect(parsed.warnings.contains { $0.rule == .conflictingValues && $0.message.contains("-220.84") && $0.message.contains("-220.83") })
        #expect(parsed.warnings.contains { $0.rule == .suspiciousMeasure && $0.source?.firstLine == 298 })
        #expect(parsed.warnings.contains { $0.rule == .sumMismatch && $0.message.contains("479.54") })
        // 人员经费 193.71 + 公用经费 72.33 = 266.04 against 基本支出 266.03: three figures rounded
        // to 0.01 can miss by 0.015, so this is a rounding gap, not an error; 479.54 is one.
        #expect(parsed.warnings.contains { $0.rule == .roundingGap && $0.message.contains("266.04") })
        #expect(!parsed.warnings.contains { $0.rule == .sumMismatch && $0.message.contains("266.04") })
        #expect(parsed.warnings.contains { $0.rule == .percentMismatch && $0.message.contains("-8%") })
        #expect(parsed.warnings.contains { $0.rule == .percentMismatch && $0.message.contains("178.6") })
        #expect(parsed.warnings.contains { $0.rule == .shareMismatch && $0.message.contains("89.5") })
        #expect(!rules.contains(.unresolvedName))
        #expect(!rules.contains(.directionMismatch))
    }

    @Test func keepsEverySourceLineOfAWrappedStatement() throws {
        let parsed = DisclosureParser.parse(try Corpus.text(Corpus.bureau2023))
        let change = try #require(parsed.facts.first { $0.key == .changeStated && $0.of == .grandTotal })
        #expect(change.source.firstLine == 189 && change.source.lastLine == 191)
        #expect(change.source.text.contains("收、支总计各减少220.84万元，下降31.5%"))
        let item = try #require(parsed.facts.first { $0.key == .functionBudget && $0.code == "2210201" })
        #expect(item.source.firstLine == 353)
    }
}

/// The 绩效自评表 of the 2024 annex, read where their rows survived as tab-separated columns.
@Suite struct SelfEvaluationTableTests {
    /// A performance table lists indicators: one name under two headings with two values (a
    /// variation of the office's table, 经费保障率 added again as a 效益指标 of 90%) is two rows,
    /// not two values of one figure.
    @Test func anIndicatorNamedTwiceIsNoConflict() throws {
        var lines = try Corpus.text(Corpus.office2024).components(separatedBy: "\n")
        let row = try #require(lines.firstIndex { $0.contains("\t质量指标\t经费保障率\t100%\t100%") })
        lines.insert("\t\t效益指标\t经费保障率\t100%\t90%", at: row + 1)
        let parsed = DisclosureParser.parse(lines.joined(separator: "\n"))
        #expect(parsed.facts.contains { $0.key == .indicatorActual && $0.name == "经费保障率" && $0.amount == Amount(units: 90) })
        #expect(!parsed.warnings.contains { $0.rule == .conflictingValues && $0.message.hasPrefix("indicator.") })
    }

    @Test func readsProjectsAndIndicatorsOfTheOffice2024() throws {
        let facts = DisclosureParser.parse(try Corpus.text(Corpus.office2024)).facts
            .filter { $0.origin == .table && ($0.key.rawValue.hasPrefix("indicator.") || $0.key.rawValue.hasPrefix("project.")) }
        func row(_ key: FactKey, _ project: String?, _ name: String, _ value: FactValue, _ measure: Measure) -> String {
            "\(key.rawValue) \(project ?? "-") \(name) \(value) \(measure.rawValue)"
        }
        var expected: [String] = []
        let severe = [("严重精神障碍患者人数", FactValue.text("据实"), Measure.text, FactValue.amount(Amount(units: 911)), Measure.personTimes),
                      ("累计病例数", .text("据实"), .text, .amount(Amount(units: 1213)), .personTimes),
                      ("经费保障率", .amount(Amount(units: 100)), .percent, .amount(Amount(units: 100)), .percent),
                      ("监护管理奖励经费标准", .amount(Amount(units: 350)), .yuanPerMonth, .amount(Amount(units: 350)), .yuanPerMonth)]
        let reimbursement = [("按报销标准应报尽报", FactValue.amount(Amount(units: 100)), Measure.percent, FactValue.amount(Amount(units: 100)), Measure.percent),
                             ("及时保障率", .amount(Amount(units: 100)), .percent, .amount(Amount(units: 100)), .percent)]
        for (project, indicators) in [("部门整体", severe + reimbursement), ("易肇事肇祸精神病人专项救治经费", severe), ("公费医疗专项经费", reimbursement)] {
            for (name, target, targetMeasure, actual, actualMeasure) in indicators {
                expected.append(row(.indicatorTarget, project, name, target, targetMeasure))
                expected.append(row(.indicatorActual, project, name, actual, actualMeasure))
            }
        }
        for (name, amount) in [("易肇事肇祸精神病人专项救治经费", Amount(hundredths: 45987)), ("公费医疗专项经费", Amount(hundredths: 180399))] {
            expected.append(row(.projectBudget, nil, name, .amount(amount), .wanYuan))
            expected.append(row(.projectExecuted, nil, name, .amount(amount), .wanYuan))
            expected.append(row(.projectExecutionRate, nil, name, .amount(Amount(units: 100)), .percent))
        }
        let actual = facts.map { row($0.key, $0.project, $0.name ?? "-", $0.value, $0.measure) }
        #expect(actual.sorted() == expected.sorted())
        #expect(facts.allSatisfy { $0.year == 2024 })
    }
}
