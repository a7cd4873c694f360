import Testing
import Disclosure
@testable import History

@Suite struct ConsistencyCheckTests {
    static func check(_ documents: [FiledDocument], aliases: [DeclaredAlias] = []) -> [CheckFinding] {
        ConsistencyCheck.run(documents: documents, directory: UnitDirectory(documents: documents, aliases: aliases))
    }

    static func ids(_ findings: [CheckFinding]) -> Set<String> { Set(findings.map(\.rule.id)) }

    /// A one-document fixture around a single rule.
    static func single(_ facts: [Fact], warnings: [ParseWarning] = []) -> [FiledDocument] {
        [DocumentFixture(unit: "武汉市武昌区测试局", year: 2024, facts: facts, warnings: warnings)
            .filed(hash: fakeHash("f"), sequence: 1, source: "t.txt")]
    }

    @Test func sampleCorpusFindings() throws {
        let findings = Self.check(SampleCorpus.documents)
        #expect(Self.ids(findings) == ["suspicious-measure", "stated-changes-disagree", "items-vs-total"])
        let deltas = try #require(findings.first { $0.rule == .engine(.statedChangesDisagree) })
        #expect(deltas.values == [amount("-220.84"), amount("-220.83")])
        #expect(deltas.citations.map(\.firstLine) == [189, 198])
        #expect(deltas.documents == [SampleCorpus.bureauHash])
        #expect(deltas.year == 2023)
        #expect(deltas.unitName == "武汉市武昌区医疗保障局")
        let sum = try #require(findings.first { $0.rule == .engine(.itemsVsTotal) })
        #expect(sum.values == [amount("479.54"), amount("479.44")])
    }

    @Test func statedChangeAgainstTheEarlierDocument() throws {
        let findings = Self.check(ExtendedCorpus.documents, aliases: ExtendedCorpus.aliases)
            .filter { $0.rule == .engine(.statedChangeVsDocument) }
        #expect(findings.map(\.year) == [2022, 2022])
        #expect(findings.first?.values == [amount("700.27"), amount("700.28")])
        #expect(findings.first?.documents == [SampleCorpus.bureauHash, ExtendedCorpus.bureau2022Hash])
        // The office's 2024 document implies 2023, which has no document: nothing to compare.
        #expect(findings.allSatisfy { $0.unit == UnitID(key: "武昌区医疗保障局") })
    }

    @Test func statedChangesAgreeingKeepQuiet() {
        #expect(Self.check([SampleCorpus.documents[1]]).isEmpty)
    }

    @Test func percentVsDelta() {
        let wrong = Fact.change(of: .grandTotal, year: 2024, current: "100", delta: "-20", pct: "-25", reason: "x", span(3))
        let right = Fact.change(of: .grandTotal, year: 2024, current: "100", delta: "-20", pct: "-16.7", reason: "x", span(3))
        let total = Fact.total(.grandTotal, "100", year: 2024, .narrative, span(3))
        #expect(Self.ids(Self.check(Self.single(wrong + [total]))) == ["stated-percent-vs-delta"])
        #expect(Self.check(Self.single(right + [total])).isEmpty)
    }

    @Test func narrativeVsTable() {
        let table = Fact.total(.expenseTotal, "100", year: 2024, .table, span(10))
        #expect(Self.ids(Self.check(Self.single([table, .total(.expenseTotal, "101", year: 2024, .narrative, span(40))])))
                == ["narrative-vs-table"])
        #expect(Self.check(Self.single([table, .total(.expenseTotal, "100", year: 2024, .narrative, span(40))])).isEmpty)
        let item = Fact.item(.functionGeneralTotal, "2101501", "行政运行", "50", year: 2024, .table, span(11))
        let said = Fact.item(.functionActual, "2101501", "行政运行", "55", year: 2024, .narrative, span(41))
        #expect(Self.ids(Self.check(Self.single([item, said]))) == ["narrative-vs-table"])
    }

    @Test func parserWarningOnTheSameLinesIsNotRepeated() {
        let facts = [Fact.total(.expenseTotal, "100", year: 2024, .table, span(10)),
                     .total(.expenseTotal, "101", year: 2024, .narrative, span(40))]
        let warning = ParseWarning(rule: .narrativeTableMismatch, message: "100 vs 101", source: span(40))
        #expect(Self.check(Self.single(facts, warnings: [warning])).map(\.rule.id) == ["narrative-table-mismatch"])
    }

    @Test func tablesDisagree() {
        let first = Fact.total(.incomeAppropriationGeneral, "100", year: 2024, .table, span(75))
        #expect(Self.ids(Self.check(Self.single([first, .total(.incomeAppropriationGeneral, "90", year: 2024, .table, span(181))])))
                == ["tables-disagree"])
        #expect(Self.check(Self.single([first, .total(.incomeAppropriationGeneral, "100", year: 2024, .table, span(181))])).isEmpty)
    }

    @Test func appropriationExceedsIncome() {
        let income = Fact.total(.incomeTotal, "100", year: 2024, .table, span(101))
        #expect(Self.ids(Self.check(Self.single([income, .total(.incomeAppropriation, "120", year: 2024, .table, span(207))])))
                == ["appropriation-exceeds-income"])
        #expect(Self.check(Self.single([income, .total(.incomeAppropriation, "100", year: 2024, .table, span(207))])).isEmpty)
    }

    @Test func itemsVsTotal() {
        let total = Fact.total(.expenseTotal, "10", year: 2024, .table, span(1))
        let items = [Fact.item(.functionExpenseTotal, "2101501", "行政运行", "4", year: 2024, .table, span(2)),
                     .item(.functionExpenseTotal, "2101599", "其他医疗保障管理事务支出", "6", year: 2024, .table, span(3))]
        #expect(Self.check(Self.single([total] + items)).isEmpty)
        #expect(Self.ids(Self.check(Self.single([.total(.expenseTotal, "11", year: 2024, .table, span(1))] + items)))
                == ["items-vs-total"])
    }

    /// Two items and a total, each rounded to 0.01, can miss by 0.015: a notice, not an error.
    @Test func aRoundingGapIsANoticeOfItsOwn() throws {
        let items = [Fact.item(.functionExpenseTotal, "2101501", "行政运行", "4.01", year: 2024, .table, span(2)),
                     .item(.functionExpenseTotal, "2101599", "其他医疗保障管理事务支出", "6.00", year: 2024, .table, span(3))]
        let gap = Self.check(Self.single([.total(.expenseTotal, "10.00", year: 2024, .table, span(1))] + items))
        #expect(Self.ids(gap) == ["rounding-gap"])
        #expect(try #require(gap.first).severity == .notice)
        // 0.02 over three printed figures is more than rounding can make.
        let wrong = Self.check(Self.single([.total(.expenseTotal, "9.99", year: 2024, .table, span(1))] + items))
        #expect(Self.ids(wrong) == ["items-vs-total"])
        #expect(try #require(wrong.first).severity == .error)
    }

    /// Items in 元 beside a total in 万元 are not summed against it (上海's budgets print both).
    @Test func itemsInAnotherMeasureAreNotSummedAgainstTheTotal() {
        var items = [Fact.item(.functionExpenseTotal, "2010301", "行政运行", "12029501.84", year: 2024, .table, span(2)),
                     .item(.functionExpenseTotal, "2010302", "一般行政管理事务", "46140000.00", year: 2024, .table, span(3))]
        for index in items.indices { items[index].measure = .yuan }
        #expect(Self.check(Self.single([.total(.expenseTotal, "5816.95", year: 2024, .narrative, span(1))] + items)).isEmpty)
    }

    /// 上海's tables print 元 and its narrative 万元: one figure, rounded to 0.01万元, agrees.
    @Test func narrativeInWanYuanAgainstATableInYuan() {
        var table = Fact.total(.incomeTotal, "164978640.00", year: 2024, .table, span(120))
        table.measure = .yuan
        #expect(Self.check(Self.single([table, .total(.incomeTotal, "16497.86", year: 2024, .narrative, span(68))])).isEmpty)
        let wrong = Self.check(Self.single([table, .total(.incomeTotal, "16498.86", year: 2024, .narrative, span(68))]))
        #expect(Self.ids(wrong) == ["narrative-vs-table"])
        #expect(wrong.first?.message == "income.total: table says 164978640 元, the narrative 16498.86 万元")
    }

    /// The narrative stating one wrong value in several sentences is one disagreement, citing each.
    @Test func oneValueAgainstTheTableIsOneFindingWhateverTheSentences() throws {
        let table = Fact.total(.incomeBusiness, "100", year: 2024, .table, span(120))
        let sentences = [Fact.total(.incomeBusiness, "0", year: 2024, .narrative, span(60)),
                         .total(.incomeBusiness, "0", year: 2024, .narrative, span(64)),
                         .total(.incomeBusiness, "90", year: 2024, .narrative, span(70))]
        let findings = Self.check(Self.single([table] + sentences)).filter { $0.rule == .engine(.narrativeVsTable) }
        #expect(findings.count == 2)
        let zero = try #require(findings.first { $0.values.last == .zero })
        #expect(zero.citations.map(\.firstLine) == [120, 60, 64])
        #expect(zero.message.hasSuffix("(in 2 sentences)"))
    }

    /// Items of a classified key whose code was not found are not one figure: no finding between them.
    @Test func itemsWithoutACodeAreNotHeldAgainstEachOther() {
        var table = Fact.total(.functionGeneralTotal, "180000", year: 2024, .table, span(120))
        table.measure = .yuan
        let sentence = Fact.total(.functionGeneralTotal, "102.58", year: 2024, .narrative, span(70))
        #expect(Self.check(Self.single([table, sentence])).isEmpty)
    }

    /// Figures without a code are told apart by their names: two projects' budgets (the office's
    /// 2024 绩效自评表: 459.87 and 1,803.99) or two 政府采购 items are not one figure printed twice.
    @Test func namedFiguresWithoutACodeAreTwoFigures() {
        let first = Fact(key: .projectBudget, year: 2024, name: "易肇事肇祸精神病人专项救治经费", value: .amount(amount("459.87")),
                         origin: .table, source: span(614))
        let second = Fact(key: .projectBudget, year: 2024, name: "公费医疗专项经费", value: .amount(amount("1803.99")),
                          origin: .table, source: span(631))
        let said = Fact(key: .projectBudget, year: 2024, name: "医保宣传经费", value: .amount(amount("2.2")),
                        origin: .narrative, source: span(500))
        #expect(Self.check(Self.single([first, second, said])).isEmpty)
        var again = second
        again.value = .amount(amount("1800.99"))
        again.source = span(640)
        #expect(Self.ids(Self.check(Self.single([first, second, again]))) == ["tables-disagree"])
    }

    /// One 物品 bought under two 经济科目 of one 专项 (江苏省委办公厅 2019: 会议服务 under 会议费 50.00
    /// and under 培训费 25.00) is two lines of one 政府采购表, not one figure printed twice.
    @Test func purchaseLinesOfOneNameAreTwoLines() {
        func line(_ key: FactKey, _ name: String, _ value: String, _ at: Int) -> Fact {
            Fact(key: key, year: 2024, name: name, value: .amount(amount(value)), origin: .table, source: span(at), project: "商品和服务支出")
        }
        let lines = [line(.procurementProject, "会议费", "50.00", 227), line(.procurementItem, "会议服务", "50.00", 228),
                     line(.procurementProject, "会议费", "11.40", 231), line(.procurementItem, "会议服务", "25.00", 230)]
        #expect(Self.check(Self.single(lines)).isEmpty)
    }

    /// Items of the 一般公共预算 table are held against the 一般公共预算 total, not a total that
    /// also counts other funds (江苏省人民检察院 2017: 17,981.68 against 17,996.68 with 其他资金 15.00).
    @Test func generalItemsAgainstTheGeneralTotal() {
        let items = [Fact.item(.functionGeneralTotal, "2040401", "行政运行", "4", year: 2024, .table, span(20)),
                     .item(.functionGeneralTotal, "2040402", "一般行政管理事务", "6", year: 2024, .table, span(21))]
        let allFunds = Fact.total(.expenseTotal, "10.15", year: 2024, .table, span(5))
        let general = Fact.total(.expenseGeneralTotal, "10", year: 2024, .table, span(19))
        #expect(Self.check(Self.single([allFunds, general] + items)).isEmpty)
        // A wrong 一般公共预算 total is still found; without one, the whole total is the measure.
        let wrong = Self.check(Self.single([allFunds, .total(.expenseGeneralTotal, "11", year: 2024, .table, span(19))] + items))
        #expect(Self.ids(wrong) == ["items-vs-total"])
        #expect(Self.ids(Self.check(Self.single([allFunds] + items))) == ["items-vs-total"])
    }

    /// Equal totals changed by different amounts, one against last year's 预算执行数 (its own key
    /// as base), one against last year's 预算, are not two changes of one figure (上海普陀商务委 2025).
    @Test func changesAgainstExecutionAndBudgetDoNotDisagree() {
        let totals = [Fact.total(.incomeAppropriation, "300", year: 2024, .narrative, span(10)),
                      .total(.expenseAppropriation, "300", year: 2024, .narrative, span(12))]
        var income = Fact.change(of: .incomeAppropriation, year: 2024, current: "300", delta: "120", pct: "66.67", reason: "", span(10))
        let expense = Fact.change(of: .expenseAppropriation, year: 2024, current: "300", delta: "100", pct: "50", reason: "", span(12))
        #expect(Self.ids(Self.check(Self.single(totals + income + expense))) == ["stated-changes-disagree"])
        income[0].base = .incomeAppropriation
        #expect(!Self.ids(Self.check(Self.single(totals + income + expense))).contains("stated-changes-disagree"))
    }

    /// Two totals that are both 0 are two figures, not one printed twice: 万里街道 2023 预算 (line 71)
    /// states 政府性基金拨款支出预算0万元 增加1421.25 and 国有资本经营预算拨款支出预算0万元 持平.
    @Test func zeroTotalsAreNotOneFigure() {
        let totals = [Fact.total(.expenseFundTotal, "0", year: 2024, .narrative, span(71)),
                      .total(.expenseCapitalTotal, "0", year: 2024, .narrative, span(71))]
        let fund = Fact.change(of: .expenseFundTotal, year: 2024, current: "0", delta: "1421.25", pct: "0", reason: "", span(71))
        let capital = Fact.change(of: .expenseCapitalTotal, year: 2024, current: "0", delta: "0", pct: "0", reason: "", span(71))
        #expect(!Self.ids(Self.check(Self.single(totals + fund + capital))).contains("stated-changes-disagree"))
        // Equal totals that are not zero still are one figure whose changes must agree.
        let same = [Fact.total(.expenseFundTotal, "5", year: 2024, .narrative, span(71)),
                    .total(.expenseCapitalTotal, "5", year: 2024, .narrative, span(71))]
        let fund5 = Fact.change(of: .expenseFundTotal, year: 2024, current: "5", delta: "2", pct: "66.67", reason: "", span(71))
        let capital5 = Fact.change(of: .expenseCapitalTotal, year: 2024, current: "5", delta: "0", pct: "0", reason: "", span(71))
        #expect(Self.ids(Self.check(Self.single(same + fund5 + capital5))).contains("stated-changes-disagree"))
    }

    /// What the reader could not read is coverage: never a finding, whatever its rule.
    @Test func readerWarningsAreNotFindings() {
        let reader = WarningRule.allCases.filter { $0.concern == .reader }
        let document = WarningRule.allCases.filter { $0.concern == .document }
        #expect(reader.contains(.unmappedCell) && reader.contains(.tableMissing) && reader.contains(.pdfPathsDisagree))
        #expect(document.contains(.sumMismatch) && document.contains(.conflictingValues))
        let warnings = WarningRule.allCases.map { ParseWarning(rule: $0, message: $0.rawValue, source: span(7)) }
        let found = Self.check(Self.single([], warnings: warnings))
        #expect(Set(found.map(\.rule.id)) == Set(document.map(\.rawValue)))
    }

    @Test func varianceWording() {
        let says = Fact.variance("2101501", "行政运行", budget: "10", actual: "8", year: 2024, reason: "人员减少",
                                 span(5, 5, "支出决算数大于年初预算数的主要原因：人员减少"))
        #expect(Self.ids(Self.check(Self.single(says))) == ["variance-wording"])
        let fits = Fact.variance("2101501", "行政运行", budget: "10", actual: "8", year: 2024, reason: "人员减少",
                                 span(5, 5, "支出决算数小于年初预算数的主要原因：人员减少"))
        #expect(Self.check(Self.single(fits)).isEmpty)
    }

    @Test func transferSidesDisagree() {
        var civil = ExtendedCorpus.civilAffairs2023
        civil.facts = civil.facts.map { fact in
            var fact = fact
            if fact.key == .transferIn { fact.value = .amount(amount("280")) }
            return fact
        }
        let documents = [SampleCorpus.documents[0], civil.filed(hash: ExtendedCorpus.civilAffairsHash, sequence: 4, source: "c.txt")]
        let findings = Self.check(documents).filter { $0.rule == .engine(.transferSidesDisagree) }
        #expect(findings.first?.values == [amount("289"), amount("280")])
        let agreeing = [SampleCorpus.documents[0], ExtendedCorpus.civilAffairs2023.filed(hash: ExtendedCorpus.civilAffairsHash, sequence: 4, source: "c.txt")]
        #expect(!Self.ids(Self.check(agreeing)).contains("transfer-sides-disagree"))
    }

    /// Ids are distinct but for rounding-gap, one concept both the parser and the engine report.
    @Test func everyRuleHasAStableDistinctId() {
        let ids = ConsistencyRule.allCases.map(\.rawValue) + WarningRule.allCases.map(\.rawValue)
        #expect(Set(ids).count == ids.count - 1)
        #expect(ConsistencyRule.roundingGap.rawValue == WarningRule.roundingGap.rawValue)
    }
}

@Suite struct ConsistencyCheckQuietTests {
    @Test func statedChangeMatchingTheEarlierDocumentKeepsQuiet() {
        let documents = [SampleCorpus.documents[0],
                         ExtendedCorpus.bureau2024.filed(hash: ExtendedCorpus.bureau2024Hash, sequence: 5, source: "b.txt")]
        let findings = ConsistencyCheckTests.check(documents).filter { $0.rule == .engine(.statedChangeVsDocument) }
        #expect(findings.isEmpty)
    }
}
