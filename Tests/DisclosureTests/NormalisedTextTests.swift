import Testing
@testable import Disclosure

@Suite struct NormalisedTextTests {
    static func paragraphs(_ text: String) -> [String] {
        let normalised = NormalisedText(SourceText(text))
        return normalised.paragraphs.map(normalised.folded)
    }

    @Test func joinsWrapsInsideNumbersAndUnits() {
        let text = """
            共涉及项目2个，资金 213.41
             万元， 占一般公共预算项目支出总额的100%。

            项目支出主要用于疫情防控经费146.6

            1万元，住房保障支出（类）住房改革支出（款）购房补贴（项

            ）。年初预算为5.75万元，

            支出决算为5.64万元。
            """
        #expect(Self.paragraphs(text) == ["共涉及项目2个,资金213.41万元,占一般公共预算项目支出总额的100%。",
                                          "项目支出主要用于疫情防控经费146.61万元,住房保障支出(类)住房改革支出(款)购房补贴(项)。年初预算为5.75万元,支出决算为5.64万元。"])
    }

    @Test func foldsPunctuationAndDigitsButKeepsThePrintedText() {
        let source = SourceText("收入合计１，２３４．５６万元，完成年初预算的４０ ％：（项）")
        let normalised = NormalisedText(source)
        #expect(normalised.folded(0..<normalised.count) == "收入合计1,234.56万元,完成年初预算的40%:(项)")
        #expect(normalised.printedText(0..<normalised.count) == "收入合计１，２３４．５６万元，完成年初预算的４０％：（项）")
    }

    @Test func dropsPageNumbersAndRunningHeadersBetweenWrappedLines() {
        var lines: [String] = []
        for page in 1...3 {
            lines += ["\u{0C}上海市普陀区万里街道2024年部门预算", "第\(page)段说明：本年收入合计为", "\(page)00.5", "- \(page) -", "万元，与上年持平。"]
        }
        let paragraphs = Self.paragraphs(lines.joined(separator: "\n"))
        #expect(paragraphs == ["第1段说明:本年收入合计为100.5万元,与上年持平。", "第2段说明:本年收入合计为200.5万元,与上年持平。",
                               "第3段说明:本年收入合计为300.5万元,与上年持平。"])
    }

    @Test func keepsSpacesOnlyBetweenNumbers() {
        #expect(Self.paragraphs("2024 年 12 月 预算数 545.45 479.44 87.9 %") == ["2024年12月预算数545.45 479.44 87.9%"])
    }

    @Test func mapsEveryScalarToItsSourceLine() {
        let normalised = NormalisedText(SourceText("一、收入决算情况说明\n\n2023年度收入合计479.44\n\n万元，与2022年度相比"))
        let amount = normalised.folded(0..<normalised.count).unicodeScalars.firstIndex(of: "万")!
        let offset = normalised.folded(0..<normalised.count).unicodeScalars.distance(
            from: normalised.folded(0..<normalised.count).unicodeScalars.startIndex, to: amount)
        #expect(normalised.line(at: 0) == 1)
        #expect(normalised.line(at: offset) == 5)
        #expect(normalised.line(at: offset - 1) == 3)
        #expect(normalised.span(offset - 6..<offset + 2).text == "479.44万元")
    }

    @Test func keepsTableRowsApart() {
        #expect(Self.paragraphs("合计\t2,345.22\t79.16\n208\t社会保障和就业支出\t\t5.86") == ["合计\t2,345.22\t79.16", "208\t社会保障和就业支出\t5.86"])
    }
}
