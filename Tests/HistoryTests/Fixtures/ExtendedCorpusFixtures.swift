import Disclosure
@testable import History

/// Disclosures written for tests, around the sample: the bureau in 2022 and 2024, the 民政局
/// that received 医疗救助 in 2023, and the committee office's 2022 决算 printed under its
/// former name. Their figures are invented to agree with what the sample documents state.
enum ExtendedCorpus {
    static let bureau2022Hash = fakeHash("b2022")
    static let bureau2024Hash = fakeHash("b2024")
    static let civilAffairsHash = fakeHash("d2023")
    static let office2022Hash = fakeHash("c2022")
    static let formerOfficeName = "武汉市武昌区公费医疗管理办公室"

    static func tables(_ year: Int, total: String, rows: [(String, String, String)]) -> [Fact] {
        var facts: [Fact] = [
            .total(.incomeTotal, total, year: year, .table, span(27, 27, "本年收入合计 27 \(total)")),
            .total(.expenseTotal, total, year: year, .table, span(27, 27, "本年支出合计 57 \(total)")),
            .total(.grandTotal, total, year: year, .table, span(30, 30, "总计 30 \(total)")),
        ]
        for (index, row) in rows.enumerated() {
            facts.append(.item(.functionExpenseTotal, row.0, row.1, row.2, year: year, .table,
                               span(60 + index, 60 + index, "\(row.0)\t\(row.1)\t\(row.2)")))
        }
        return facts
    }

    static var bureau2022: DocumentFixture {
        DocumentFixture(unit: "武汉市武昌区医疗保障局", year: 2022, facts: tables(2022, total: "700.28", rows: [
            ("2010501", "行政运行", "5.5"), ("2080505", "机关事业单位基本养老保险缴费支出", "17.1"),
            ("2101101", "行政单位医疗", "5.2"), ("2101103", "公务员医疗补助", "13"), ("2101301", "城乡医疗救助", "289"),
            ("2101501", "行政运行", "343.18"), ("2210201", "住房公积金", "17.8"), ("2210202", "租房补贴", "3.9"),
            ("2210203", "购房补贴", "5.6"),
        ]))
    }

    static var bureau2024: DocumentFixture {
        var facts = tables(2024, total: "520.1", rows: [
            ("2010501", "行政运行", "5.8"), ("2080505", "机关事业单位基本养老保险缴费支出", "19"),
            ("2101101", "行政单位医疗", "5.6"), ("2101103", "公务员医疗补助", "15.5"), ("2101501", "行政运行", "230"),
            ("2101599", "其他医疗保障管理事务支出", "216"), ("2210201", "住房公积金", "18.6"), ("2210202", "提租补贴", "4"),
            ("2210203", "购房补贴", "5.6"),
        ])
        facts += Fact.change(of: .grandTotal, year: 2024, current: "520.1", delta: "40.66", pct: "8.5",
                             reason: "新增医保基金监管经费", span(120, 121, "收、支总计各增加40.66万元，增长8.5%，主要原因是新增医保基金监管经费"))
        return DocumentFixture(unit: "武汉市武昌区医疗保障局", year: 2024, facts: facts)
    }

    static var civilAffairs2023: DocumentFixture {
        var facts = tables(2023, total: "8650", rows: [
            ("2080201", "行政运行", "1200"), ("2081002", "老年福利", "7161"), ("2101301", "城乡医疗救助", "289"),
        ])
        facts += Fact.change(of: .grandTotal, year: 2023, current: "8650", delta: "1000", pct: "13.1",
                             reason: "承接区医疗保障局划转的医疗救助职能", span(130, 131, "收、支总计各增加1000万元，增长13.1%"))
        facts.append(.transfer(.transferIn, "医疗救助专项项目", counterparty: "区医疗保障局", value: "289", year: 2023,
                               span(131, 131, "区医疗保障局将医疗救助专项项目划转我局，该项目调增289万元")))
        return DocumentFixture(unit: "武汉市武昌区民政局", year: 2023, facts: facts)
    }

    static var office2022: DocumentFixture {
        DocumentFixture(unit: formerOfficeName, year: 2022, facts: tables(2022, total: "2950.4", rows: [
            ("208", "社会保障和就业支出", "5.5"), ("210", "医疗卫生与计划生育支出", "2936.9"), ("221", "住房保障支出", "8"),
        ]))
    }

    static var documents: [FiledDocument] {
        SampleCorpus.documents + [
            bureau2022.filed(hash: bureau2022Hash, sequence: 3, source: "bureau-2022.txt"),
            civilAffairs2023.filed(hash: civilAffairsHash, sequence: 4, source: "civil-affairs-2023.txt"),
            bureau2024.filed(hash: bureau2024Hash, sequence: 5, source: "bureau-2024.txt"),
            office2022.filed(hash: office2022Hash, sequence: 6, source: "office-2022.txt"),
        ]
    }

    static let aliases = [DeclaredAlias(alias: formerOfficeName, canonical: "武汉市武昌区医疗保障管理委员会办公室", sequence: 7)]
}
