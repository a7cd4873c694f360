import Testing
@testable import Disclosure

/// The same content printed differently must yield the same facts: other wrap widths, blank lines
/// or none, page numbers and running headers in the middle of sentences, other punctuation.
@Suite struct NarrativeVariationTests {
    /// What a fact says, without where it was read.
    struct Statement: Hashable, CustomStringConvertible {
        var key: FactKey, year: Int, code: String?, name: String?, value: FactValue, origin: Origin
        var of: FactKey?, baseYear: Int?, delta: Amount?, pct: Amount?, share: Amount?, counterparty: String?

        init(_ fact: Fact) {
            key = fact.key; year = fact.year; code = fact.code; name = fact.name; value = fact.value; origin = fact.origin
            of = fact.of; baseYear = fact.baseYear; delta = fact.delta; pct = fact.pct; share = fact.share
            counterparty = fact.counterparty
        }

        var description: String { "\(key.rawValue) \(code ?? "-") \(year) \(value) \(origin.rawValue) \(name ?? "")" }
    }

    static func statements(_ text: String) -> Set<Statement> {
        Set(DisclosureParser.parse(text).facts.filter { $0.origin != .table }.map(Statement.init))
    }

    /// The document's paragraphs as printed, re-wrapped at `width` cells as a PDF would (a CJK
    /// character takes two cells, a digit one), cutting numbers and words wherever the line ends.
    static func rewrapped(_ text: String, width: Int, blankLines: Bool, interruptions: Bool) -> String {
        let normalised = NormalisedText(SourceText(text))
        var lines: [String] = []
        for paragraph in normalised.paragraphs {
            let scalars = Array(normalised.printedText(paragraph).unicodeScalars)
            var line = String.UnicodeScalarView()
            var cells = 0
            for scalar in scalars {
                let cellWidth = scalar.value < 0x1100 ? 1 : 2
                if cells + cellWidth > width {
                    lines.append(String(line))
                    line = String.UnicodeScalarView()
                    cells = 0
                }
                line.append(scalar)
                cells += cellWidth
            }
            if !line.isEmpty { lines.append(String(line)) }
        }
        var output: [String] = []
        for (index, line) in lines.enumerated() {
            if interruptions && index > 0 && index % 37 == 0 {
                output += ["", "- \(index / 37) -", "武昌区医疗保障局部门决算公开文件", ""]
            }
            output.append(line)
            if blankLines { output.append("") }
        }
        return output.joined(separator: "\n")
    }

    @Test(arguments: [(30, true, true), (38, false, false), (52, true, false), (58, false, false), (66, false, true), (44, true, true), (90, true, false), (800, false, false)])
    func sameFactsAtOtherWrapWidths(width: Int, blankLines: Bool, interruptions: Bool) throws {
        let original = try Corpus.text(Corpus.bureau2023)
        let expected = Self.statements(original)
        let variant = Self.statements(Self.rewrapped(original, width: width, blankLines: blankLines, interruptions: interruptions))
        for missing in expected.subtracting(variant) { Issue.record(Comment(rawValue: "lost at width \(width): \(missing)")) }
        for extra in variant.subtracting(expected) { Issue.record(Comment(rawValue: "new at width \(width): \(extra)")) }
    }

    @Test func sameFactsForTheUnwrappedSampleWrappedNarrowly() throws {
        let original = try Corpus.text(Corpus.office2024)
        let expected = Self.statements(original)
        let variant = Self.statements(Self.rewrapped(original, width: 60, blankLines: true, interruptions: true))
        #expect(expected.subtracting(variant).isEmpty, "lost: \(expected.subtracting(variant))")
        #expect(variant.subtracting(expected).isEmpty, "new: \(variant.subtracting(expected))")
    }

    /// An invented 区民政局 that received the 医疗救助 the 医疗保障局 gave up, printed with mixed
    /// punctuation, full-width digits and thousands separators.
    static let civilAffairs2023 = """
        第三部分 武汉市武昌区民政局2023年度部门决算情况说明
        一、收入支出决算总体情况说明
        2023年度收、支总计１,２３４.５６万元。与2022年度相比，收、支总计各增加389.56万元，增长46.1%，主要原因是承接区医疗保障局划转的医疗救助专项项目，该项目调增289万元。
        三、支出决算情况说明
        2023年度支出合计1,234.56万元，其中：基本支出434.56万元，占本年支出35.2%;项目支出800万元，占本年支出64.8%。
        五、一般公共预算财政拨款支出决算情况说明
        (三)一般公共预算财政拨款支出决算具体情况
        1. 卫生健康支出(类)医疗救助(款)城乡医疗救助(项)。年初预算为289万元，支出决算为301.5万元，完成年初预算的104.3%。支出决算数大于年初预算数的主要原因:追加困难群众医疗救助资金。
        2. 社会保障和就业支出（类）民政管理事务（款）行政运行（项）：年初预算为 120.00 万元，支出决算为 118.2万元，完成年初预算的98.5％。
        3. 医疗卫生与计划生育支出(类)医疗卫生与计划生育管理事务(款)行政运行(项)。年初预算为10万元，支出决算为10万元，完成年初预算的100
        4. 社会保障和就业支出(类)社会福利(款)敬老院建设(项)。年初预算为50万元，支出决算为50万元。
        """

    @Test func readsAnotherUnitAndYear() {
        let parsed = DisclosureParser.parse(Self.civilAffairs2023)
        #expect(parsed.identity.unit == "武汉市武昌区民政局")
        #expect(parsed.identity.year == 2023)
        ExpectedFact.expect(ExpectedFact.list("""
            grand.total - 2023 1234.56 narrative
            change.stated - 2023 389.56 narrative of=grand.total baseYear=2022 delta=389.56 pct=46.1 reason=承接区医疗保障局划转的医疗救助专项项目
            grand.total - 2022 845 implied
            transfer.in - 2023 289 narrative name=医疗救助专项项目 counterparty=区医疗保障局
            expense.total - 2023 1234.56 narrative
            expense.basic - 2023 434.56 narrative share=35.2
            expense.project - 2023 800 narrative share=64.8
            function.budget 2101301 2023 289 narrative name=城乡医疗救助
            function.actual 2101301 2023 301.5 narrative
            function.execution_rate 2101301 2023 104.3 narrative
            reason.variance 2101301 2023 text narrative reason=追加困难群众医疗救助资金
            function.budget 2080201 2023 120 narrative
            function.actual 2080201 2023 118.2 narrative
            function.execution_rate 2080201 2023 98.5 narrative
            function.budget 2100101 2023 10 narrative
            function.actual 2100101 2023 10 narrative
            function.execution_rate 2100101 2023 100 narrative
            function.budget - 2023 50 narrative name=社会保障和就业支出(类)社会福利(款)敬老院建设(项)
            function.actual - 2023 50 narrative name=社会保障和就业支出(类)社会福利(款)敬老院建设(项)
            """), in: parsed.facts)
        let rules = parsed.warnings.map(\.rule)
        #expect(rules.contains(.missingPercentSign))
        #expect(rules.contains(.unresolvedName))
        #expect(!rules.contains(.percentMismatch))
        #expect(!rules.contains(.shareMismatch))
    }

    /// Shares of one whole whose amount the narrative does not state: only their sum can be checked.
    @Test func sharesOfOneWholeOverAHundred() {
        func shareWarnings(_ project: String) -> [ParseWarning] {
            DisclosureParser.parse("""
                2023年度武汉市武昌区民政局部门决算
                三、支出决算情况说明
                基本支出434.56万元，占本年支出35.2%;项目支出800万元，占本年支出\(project)%。
                """).warnings.filter { $0.rule == .shareMismatch }
        }
        #expect(shareWarnings("64.8").isEmpty)
        // 100.1% is within rounding two shares printed to one decimal can make (0.05 each)…
        #expect(shareWarnings("64.9").isEmpty)
        // …100.2% is not.
        let over = shareWarnings("65.0")
        #expect(over.count == 1)
        #expect(over.first?.message == "the shares of expense.total add up to 100.2% (expense.basic 35.2% + expense.project 65%)")
        #expect(over.first?.source?.firstLine == 3)
    }

    @Test func warnsWhenWordsContradictNumbers() {
        let text = """
            2023年度武汉市武昌区民政局部门决算
            十、机关运行经费支出说明
            2023年度机关运行经费支出80万元，比年初预算数70万元减少10万元，减少12.5%。
            五、一般公共预算财政拨款支出决算情况说明
            1. 卫生健康支出(类)医疗救助(款)城乡医疗救助(项)。年初预算为289万元，支出决算为200万元，完成年初预算的69.2%。支出决算数大于年初预算数的主要原因：追加资金。
            """
        let parsed = DisclosureParser.parse(text)
        #expect(parsed.warnings.filter { $0.rule == .directionMismatch }.count == 2)
    }
}
