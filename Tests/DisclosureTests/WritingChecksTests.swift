import Testing
@testable import Disclosure

/// The writing rules on small texts made for each: what a document gets wrong besides its figures.
@Suite struct WritingChecksTests {
    static func warnings(_ text: String, year: Int = 2023, kind: DisclosureKind = .finalAccount) -> [ParseWarning] {
        var warnings: [ParseWarning] = []
        WritingChecks.check(NormalisedText(SourceText(text)), identity: DocumentIdentity(unit: "某局", year: year, kind: kind),
                            warnings: &warnings)
        return warnings
    }

    static func rules(_ text: String, year: Int = 2023, kind: DisclosureKind = .finalAccount) -> [WarningRule] {
        warnings(text, year: year, kind: kind).map(\.rule)
    }

    @Test func placeholdersLeftInAreFound() {
        let found = Self.warnings("一、部门主要职能\nXX单位主要职能是负责本区医疗保障工作。\n（二）某某科室负责统计。\n")
        #expect(found.map(\.rule) == [.templateText, .templateText])
        #expect(found.map(\.source?.firstLine) == [2, 3])
        #expect(found[0].message.hasPrefix("“XX”"))
        // Full-width and multiplication-sign forms too; a Latin word with X in it is not one.
        #expect(Self.rules("本年度ＸＸ部门预算为12万元。\n") == [.templateText])
        #expect(Self.rules("××年度支出决算为12万元。\n") == [.templateText])
        #expect(Self.rules("本单位采购XXL型号设备2台，Xbox 0台。\n").isEmpty)
    }

    /// The template's bracketed instruction to the person filling it in, wrapped over two lines.
    @Test func guidanceToTheFillerIsFoundAcrossAWrap() throws {
        let text = """
            （一）人员经费 6298.38万元。主要包括：基本工资、津贴补贴、奖金、住房公积金。（按“部门预算公开06表 财政拨款基本支出
            预算表”中实际发生经济分类支出事项填写）

            """
        let found = Self.warnings(text)
        #expect(found.map(\.rule) == [.templateText])
        let span = try #require(found.first?.source)
        #expect((span.firstLine, span.lastLine) == (1, 2))
        // A bracket that explains, not instructs, stays.
        #expect(Self.rules("采购品目名称根据《政府采购品目分类目录》（财库[2013]189号）规定品目名称填写。\n").isEmpty)
        #expect(Self.rules("基本支出266.03万元（按经济分类，人员经费193.71万元）。\n").isEmpty)
    }

    @Test func aMarkTypedTwiceIsFoundButAnEllipsisIsNot() {
        #expect(Self.rules("减少了该项支出。 。\n") == [.repeatedPunctuation])
        #expect(Self.rules("主要用于办公费，，差旅费。\n") == [.repeatedPunctuation])
        #expect(Self.rules("主要用于办公费、差旅费等……；其他——无。\n").isEmpty)
        #expect(Self.rules("合计\t2,345.22\t1,,2\n").isEmpty)   // a table row is not a sentence
    }

    @Test func anUnclosedBracketOrQuoteIsFound() {
        #expect(Self.rules("卫生健康支出（类427.92万元，占89.5%。\n") == [.unbalancedBrackets])
        #expect(Self.rules("坚持“立足重庆，面向西南。\n") == [.unbalancedBrackets])
        #expect(Self.rules("卫生健康支出（类）427.92万元，占89.5%。\n").isEmpty)
    }

    /// A quote that opens before a page break and closes after it is one sentence the reader split.
    @Test func aPairSplitByAPageBreakIsNotFound() {
        let text = "极开展校地合作。坚持“立足重庆、面向\n\u{0C}\n                  5\n西南，服务全国”，与重庆等省市建立了合作关系。\n"
        #expect(Self.rules(text).isEmpty)
        // Cells of a space-aligned table wrap their brackets: not sentences.
        #expect(Self.rules("台式计算机（20          分散采购   15.00\n万以下）\n").isEmpty)
    }

    @Test func anAsOfDateOfAnotherYear() {
        #expect(Self.rules("截至2022年12月31日，本部门共有车辆2辆。\n", year: 2023) == [.dateYearMismatch])
        #expect(Self.rules("截至 2023 年 12 月 31 日，本部门共有车辆2辆。\n", year: 2023).isEmpty)
        // A 预算 reports the state before its year: the year before, or its start.
        #expect(Self.rules("截止2022年12月31日，共有车辆2辆。\n", year: 2023, kind: .budget).isEmpty)
        #expect(Self.rules("截至2024年8月31日，共有车辆2辆。\n", year: 2025, kind: .budget).isEmpty)
        #expect(Self.rules("截至2021年8月31日，共有车辆2辆。\n", year: 2025, kind: .budget) == [.dateYearMismatch])
    }

    @Test func theWritingRulesAreAboutTheDocument() {
        for rule in [WarningRule.templateText, .repeatedPunctuation, .unbalancedBrackets, .dateYearMismatch] {
            #expect(rule.concern == .document)
        }
    }

    /// A comparison with another year than every other comparison of the same words: the 2026
    /// budget of a made-up 街道 compares each item with 2025's execution, one with 2024's.
    @Test func aComparisonWithAnOddYearIsFound() throws {
        let items = ["社区服务", "社区治理", "公共安全", "群众文化"].enumerated().map { index, name in
            "\(name)2025年当年预算执行数为\(index + 3)万元，2026年预算安排\(index + 4)万元，比2025年预算执行数增加10%。\n"
        }
        let odd = "科普活动2025年当年预算执行数为5万元，2026年预算安排6万元，比2024年预算执行数增加20%。\n"
        let found = Self.warnings((items + [odd]).joined(), year: 2026, kind: .budget)
        #expect(found.map(\.rule) == [.comparisonYearMismatch])
        #expect(found.first?.source?.firstLine == 5)
        #expect(found.first?.message.hasPrefix("“比2024年预算执行数” compares with 2024") == true)
        // Other words after the year are another habit: 与2024年度相比 is not held to 预算执行数's 2025.
        #expect(Self.rules((items + ["本年度收入与2024年度相比增加1万元。\n"]).joined(), year: 2026, kind: .budget).isEmpty)
        // Two comparisons are no habit; all four alike break none.
        #expect(Self.rules((items.prefix(2) + [odd]).joined(), year: 2026, kind: .budget).isEmpty)
        #expect(Self.rules(items.joined(), year: 2026, kind: .budget).isEmpty)
    }

    /// The switch that finds a scalar's pair is the list of pairs, written out: every mark of
    /// `pairs` and nothing else is found, as what it is.
    @Test func everyPairedMarkIsFoundByItsSwitch() {
        for (index, (open, close)) in WritingPhrases.pairs.enumerated() {
            #expect(WritingPhrases.pair(of: open)?.0 == index && WritingPhrases.pair(of: open)?.1 == true, "\(open)")
            #expect(WritingPhrases.pair(of: close)?.0 == index && WritingPhrases.pair(of: close)?.1 == false, "\(close)")
        }
        for other: Unicode.Scalar in ["[", "]", "「", "」", "<", ">", "a", "年"] { #expect(WritingPhrases.pair(of: other) == nil) }
    }
}
