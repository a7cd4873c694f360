import Disclosure
@testable import History

/// The two sample 决算 (Tests/Corpus) as facts, written by hand from the text as FACTS.md says the
/// parser reads them. Line numbers are the corpus files'; snippets are read from them.
enum SampleCorpus {
    static let bureauFile = "wuchang-medical-security-bureau-2023-final-account.txt"
    static let officeFile = "wuchang-medical-security-committee-office-2024-final-account.txt"
    static let bureauHash = fakeHash("b2023")
    static let officeHash = fakeHash("c2024")

    static let transferReason = "因上级要求将医疗救助专项项目划转到区民政局，该项目调减289万元"
    static let officeReason = "离休人员去世、新增高干较为年轻，就诊需求减少，故公费医疗整体所需医疗费减少"

    /// 武汉市武昌区医疗保障局 2023 决算: tables lost, narrative only.
    static var bureau2023: DocumentFixture {
        let y = 2023
        var facts: [Fact] = [
            .total(.grandTotal, "479.44", year: y, .narrative, span(189)),
            .total(.incomeTotal, "479.44", year: y, .narrative, span(198)),
            .total(.expenseTotal, "479.44", year: y, .narrative, span(209)),
        ]
        facts += Fact.change(of: .grandTotal, year: y, current: "479.44", delta: "-220.84", pct: "-31.5",
                             reason: "年初" + transferReason, span(189, 193))
        facts += Fact.change(of: .incomeTotal, year: y, current: "479.44", delta: "-220.83", pct: "-31.5",
                             reason: transferReason, span(198, 202))
        facts += Fact.change(of: .expenseTotal, year: y, current: "479.44", delta: "-220.83", pct: "-31.5",
                             reason: transferReason, span(209, 213))
        facts.append(.transfer(.transferOut, "医疗救助专项项目", counterparty: "区民政局", value: "289", year: y, span(191, 193)))
        facts.append(.transfer(.transferOut, "医疗救助专项项目", counterparty: "区民政局", value: "289", year: y, span(337, 341)))
        facts += Fact.variance("2010501", "行政运行", budget: "5.62", actual: "5.62", year: y, span(296, 300))
        facts += Fact.variance("2080505", "机关事业单位养老保险缴费支出", budget: "10.3", actual: "18.44", year: y,
                               reason: "补缴1至12月机关事业单位基本养老保险差额调整费用", span(302, 310))
        facts += Fact.variance("2100410", "突发公共卫生事件应急处理", budget: "0", actual: "146.62", year: y,
                               reason: "追加了疫情防控经费", span(312, 316))
        facts += Fact.variance("2101101", "行政单位医疗", budget: "5.15", actual: "5.4", year: y,
                               reason: "行政单位医疗职工基本医疗保险缴费基数调整", span(318, 323))
        facts += Fact.variance("2101103", "公务员医疗补助", budget: "12.37", actual: "15.1", year: y,
                               reason: "公务员医疗补助基数调整", span(325, 331))
        facts += Fact.variance("2101501", "行政运行", budget: "483.99", actual: "194.1", year: y,
                               reason: "上级要求将医疗救助专项项目划转到区民政局，该项目调减289万元", span(333, 341))
        facts += Fact.variance("2101599", "其他医疗保障管理事务支出", budget: "0", actual: "66.79", year: y,
                               reason: "追加职工医保共济改革宣传经费", span(343, 349))
        facts += Fact.variance("2210201", "住房公积金", budget: "18.55", actual: "18.1", year: y, span(351, 355))
        facts += Fact.variance("2210202", "提租补贴", budget: "3.73", actual: "3.73", year: y, span(357, 360))
        facts += Fact.variance("2210203", "购房补贴", budget: "5.75", actual: "5.64", year: y, span(362, 366))
        return DocumentFixture(
            unit: "武汉市武昌区医疗保障局", year: y, otherNames: ["武汉市武昌区医保障局", "武昌区医疗保障局"], facts: facts,
            warnings: [ParseWarning(rule: .suspiciousMeasure, message: "5.62元 where the sentence is in 万元", source: span(298, 298, "年初预算为 5.62元"))],
            corpusFile: bureauFile)
    }

    /// 武汉市武昌区医疗保障管理委员会办公室 2024 决算: tables and narrative.
    static var office2024: DocumentFixture {
        let y = 2024
        var facts: [Fact] = [
            .total(.grandTotal, "2345.22", year: y, .table, span(104)),
            .total(.grandTotal, "2345.22", year: y, .narrative, span(349)),
            .total(.incomeTotal, "2345.22", year: y, .table, span(101)),
            .total(.incomeTotal, "2345.22", year: y, .narrative, span(358)),
            .total(.expenseTotal, "2345.22", year: y, .table, span(101)),
            .total(.expenseTotal, "2345.22", year: y, .narrative, span(367)),
        ]
        facts += Fact.change(of: .grandTotal, year: y, current: "2345.22", delta: "-537.11", pct: "-18.6", reason: officeReason, span(349))
        facts += Fact.change(of: .incomeTotal, year: y, current: "2345.22", delta: "-537.11", pct: "-18.6", reason: officeReason, span(358))
        facts += Fact.change(of: .expenseTotal, year: y, current: "2345.22", delta: "-537.11", pct: "-18.6", reason: officeReason, span(367))
        let rows: [(String, String, String, Int)] = [
            ("208", "社会保障和就业支出", "5.86", 151), ("20805", "行政事业单位养老支出", "5.86", 152),
            ("2080505", "机关事业单位基本养老保险缴费支出", "5.86", 153), ("210", "卫生健康支出", "2331.15", 154),
            ("21001", "卫生健康管理事务", "60.58", 155), ("2100101", "行政运行", "58.38", 156),
            ("2100102", "一般行政管理事务", "2.2", 157), ("21011", "行政事业单位医疗", "2270.57", 158),
            ("2101101", "行政单位医疗", "2.43", 159), ("2101103", "公务员医疗补助", "4.28", 160),
            ("2101199", "其他行政事业单位医疗支出", "2263.86", 161), ("221", "住房保障支出", "8.21", 162),
            ("22102", "住房改革支出", "8.21", 163), ("2210201", "住房公积金", "7.02", 164), ("2210202", "提租补贴", "1.19", 165),
        ]
        facts += rows.map { Fact.item(.functionExpenseTotal, $0.0, $0.1, $0.2, year: y, .table, span($0.3)) }
        facts += Fact.variance("2080505", "机关事业单位基本养老保险缴费支出", budget: "5.85", actual: "5.86", year: y, span(406))
        facts += Fact.variance("2100101", "行政运行", budget: "60.31", actual: "58.38", year: y, span(410))
        facts += Fact.variance("2100102", "一般行政管理事务", budget: "2.5", actual: "2.2", year: y,
                               reason: "一是积极贯彻落实过紧日子要求，经与第三方沟通，数据审核服务费降低；二是根据实际工作情况，未进行资料印制", span(412, 414))
        facts += Fact.variance("2101101", "行政单位医疗", budget: "2.92", actual: "2.43", year: y,
                               reason: "医疗保险基数调整为每年7月，而测算预算数时默认基数调整在每年1月", span(416))
        facts += Fact.variance("2101103", "公务员医疗补助", budget: "8.99", actual: "4.28", year: y,
                               reason: "本年无漏报公务员医疗补助的情况，故项目经费未使用", span(418))
        facts += Fact.variance("2101199", "其他行政事业单位医疗支出", budget: "2878.8", actual: "2263.86", year: y,
                               reason: "一是积极贯彻落实过紧日子要求；二是" + officeReason, span(420))
        facts += Fact.variance("2210201", "住房公积金", budget: "7.5", actual: "7.02", year: y, reason: "公积金基数调整", span(424))
        facts += Fact.variance("2210202", "提租补贴", budget: "1.19", actual: "1.19", year: y, span(426))
        return DocumentFixture(unit: "武汉市武昌区医疗保障管理委员会办公室", year: y, facts: facts, corpusFile: officeFile)
    }

    static var documents: [FiledDocument] {
        [bureau2023.filed(hash: bureauHash, sequence: 1, source: bureauFile),
         office2024.filed(hash: officeHash, sequence: 2, source: officeFile)]
    }
}
