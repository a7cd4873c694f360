import Testing
import Disclosure
@testable import History

@Suite struct UnitTimelineTests {
    static func timeline(_ key: String, _ documents: [FiledDocument] = SampleCorpus.documents,
                         aliases: [DeclaredAlias] = []) -> UnitTimeline {
        let directory = UnitDirectory(documents: documents, aliases: aliases)
        let unit = UnitID(key: key)
        let concerning = Set(directory.documentsConcerning(unit))
        return UnitTimeline(unit: unit, directory: directory, documents: documents.filter { concerning.contains($0.contentHash) })
    }

    @Test func bureau2022IsImpliedTwiceAndSaysSo() throws {
        let timeline = Self.timeline("武昌区医疗保障局")
        #expect(timeline.years.map(\.year) == [2022, 2023])
        let y2022 = try #require(timeline.year(2022))
        #expect(y2022.document == nil)
        let grand = try #require(y2022.total(.grandTotal))
        #expect(grand.basis == .implied)
        #expect(grand.value == wan("700.28"))
        #expect(grand.evidence.first?.document == SampleCorpus.bureauHash)
        #expect(grand.evidence.first?.statedDelta == wan("-220.84"))
        #expect(grand.evidence.first?.firstLine == 189)
        #expect(y2022.total(.incomeTotal)?.value == wan("700.27"))
        #expect(y2022.total(.expenseTotal)?.value == wan("700.27"))
        let disagreement = try #require(y2022.impliedDisagreements.first)
        #expect(disagreement.readings.map(\.value) == [wan("700.28"), wan("700.27")])
        #expect(disagreement.readings[1].keys == [.incomeTotal, .expenseTotal])
        #expect(disagreement.statedIn.year == 2023)
    }

    @Test func bureau2023FromItsOwnDocumentWithTheTransferOut() throws {
        let timeline = Self.timeline("武昌区医疗保障局")
        let y2023 = try #require(timeline.year(2023))
        #expect(y2023.document?.contentHash == SampleCorpus.bureauHash)
        #expect(y2023.total(.grandTotal)?.basis == .document)
        #expect(y2023.total(.grandTotal)?.value == wan("479.44"))
        #expect(y2023.impliedDisagreements.isEmpty)
        let transfer = try #require(y2023.transfersOut.first)
        #expect(y2023.transfersOut.count == 1)
        #expect(transfer.name == "医疗救助专项项目")
        #expect(transfer.value == wan("289"))
        #expect(transfer.to == UnitID(key: "武昌区民政局"))
        #expect(transfer.evidence.map(\.firstLine) == [191, 337])
        #expect(transfer.statedBy == [.sender])
    }

    @Test func reasonsAreLabelledByWhatTheyExplain() throws {
        let y2023 = try #require(Self.timeline("武昌区医疗保障局").year(2023))
        let yearOverYear = y2023.reasons.filter { $0.label == "year-over-year" }
        #expect(yearOverYear.count == 2)   // "年初因上级…" and "因上级…": stated in two wordings
        #expect(yearOverYear[1].subject == .yearOverYear(keys: [.incomeTotal, .expenseTotal], baseYear: 2022))
        #expect(yearOverYear[1].evidence.map(\.firstLine) == [198, 209])
        let variance = y2023.reasons.filter { $0.label == "budget-variance" }
        #expect(variance.count == 6)
        let admin = try #require(y2023.item("2101501"))
        #expect(admin.varianceReason?.subject == .budgetVariance(code: "2101501", name: "行政运行"))
        #expect(admin.budget?.value == wan("483.99"))
        #expect(admin.figure.value == wan("194.1"))
    }

    @Test func officeShowsImplied2023AndThePublicMedicalLine() throws {
        let timeline = Self.timeline("武昌区医疗保障管理委员会办公室")
        #expect(timeline.years.map(\.year) == [2023, 2024])
        let y2023 = try #require(timeline.year(2023))
        #expect(y2023.total(.grandTotal)?.value == wan("2882.33"))
        #expect(y2023.total(.grandTotal)?.basis == .implied)
        #expect(y2023.impliedDisagreements.isEmpty)
        let y2024 = try #require(timeline.year(2024))
        let grand = try #require(y2024.total(.grandTotal))
        #expect(grand.value == wan("2345.22"))
        #expect(grand.evidence.map(\.origin) == [.table, .narrative])
        #expect(!grand.isDisputed)
        let line = try #require(y2024.largestItems.first)
        #expect(line.code == "2101199")
        #expect(line.name == "其他行政事业单位医疗支出")
        #expect(line.figure.value == wan("2263.86"))
        #expect(line.figure.key == .functionExpenseTotal)
        #expect(line.figure.evidence.first?.firstLine == 161)
        #expect(line.figure.evidence.map(\.origin) == [.table, .narrative])
        #expect(line.budget?.value == wan("2878.8"))
        #expect(line.varianceReason?.text.contains("离休人员去世、新增高干较为年轻，就诊需求减少") == true)
        let yoy = try #require(y2024.reasons.first)
        #expect(yoy.subject == .yearOverYear(keys: [.grandTotal, .incomeTotal, .expenseTotal], baseYear: 2023))
        #expect(yoy.text == SampleCorpus.officeReason)
    }

    @Test func transferToAUnitWithoutDocumentsIsItsIncomingTransfer() throws {
        let timeline = Self.timeline("武昌区民政局")
        #expect(timeline.name == "武昌区民政局")
        let y2023 = try #require(timeline.year(2023))
        #expect(y2023.document == nil)
        #expect(y2023.totals.isEmpty)
        #expect(y2023.transfersIn.map(\.name) == ["医疗救助专项项目"])
        #expect(y2023.transfersIn.first?.fromName == "武汉市武昌区医疗保障局")
    }

    @Test func moreYearsAndUnits() throws {
        let bureau = Self.timeline("武昌区医疗保障局", ExtendedCorpus.documents, aliases: ExtendedCorpus.aliases)
        #expect(bureau.years.map(\.year) == [2022, 2023, 2024])
        #expect(bureau.years.allSatisfy { $0.document != nil })
        let y2022 = try #require(bureau.year(2022))
        // Own document first; the 2023 document's implied values stay as evidence.
        #expect(y2022.total(.grandTotal)?.basis == .document)
        #expect(y2022.total(.incomeTotal)?.values == [wan("700.28"), wan("700.27")])
        #expect(y2022.item("2210202")?.name == "提租补贴")
        #expect(y2022.item("2210202")?.printedNames == ["租房补贴"])

        let civil = Self.timeline("武昌区民政局", ExtendedCorpus.documents, aliases: ExtendedCorpus.aliases)
        #expect(civil.name == "武汉市武昌区民政局")
        let transfer = try #require(civil.year(2023)?.transfersIn.first)
        #expect(transfer.statedBy == [.sender, .receiver])
        #expect(transfer.evidence.map(\.document).contains(ExtendedCorpus.civilAffairsHash))
        #expect(bureau.year(2023)?.transfersOut.first?.statedBy == [.sender, .receiver])
        #expect(civil.year(2022)?.total(.grandTotal)?.value == wan("7650"))

        let office = Self.timeline("武昌区医疗保障管理委员会办公室", ExtendedCorpus.documents, aliases: ExtendedCorpus.aliases)
        #expect(office.years.map(\.year) == [2022, 2023, 2024])
        #expect(office.year(2022)?.document?.printedUnit == ExtendedCorpus.formerOfficeName)
        #expect(office.year(2022)?.item("210")?.name == "卫生健康支出")
        #expect(office.year(2022)?.item("210")?.printedNames == ["医疗卫生与计划生育支出"])
    }

    @Test func aLaterFilingOfTheSameYearSupersedesTheEarlier() throws {
        var corrected = SampleCorpus.office2024
        corrected.facts = corrected.facts.map { fact in
            var fact = fact
            if fact.key == .grandTotal && fact.origin == .table { fact.value = .amount(amount("2345.20")) }
            return fact
        }
        let documents = SampleCorpus.documents + [corrected.filed(hash: fakeHash("c2024b"), sequence: 9, source: "again.txt")]
        let y2024 = try #require(Self.timeline("武昌区医疗保障管理委员会办公室", documents).year(2024))
        #expect(y2024.document?.contentHash == fakeHash("c2024b"))
        #expect(y2024.supersededDocuments.map(\.contentHash) == [SampleCorpus.officeHash])
        #expect(y2024.total(.grandTotal)?.values == [wan("2345.2"), wan("2345.22")])
    }
}

@Suite struct UnitTimelineKindTests {
    @Test func budgetsAndFinalAccountsMakeSeparateTimelines() throws {
        var budget = SampleCorpus.office2024
        budget.kind = .budget
        budget.year = 2025
        budget.facts = [.total(.grandTotal, "2500", year: 2025, .table, span(1, 1, "收支总计 2500"))]
        let documents = SampleCorpus.documents + [budget.filed(hash: fakeHash("p2025"), sequence: 3, source: "budget.txt")]
        let finals = UnitTimelineTests.timeline("武昌区医疗保障管理委员会办公室", documents)
        #expect(finals.years.map(\.year) == [2023, 2024])
        let directory = UnitDirectory(documents: documents)
        let budgets = UnitTimeline(unit: UnitID(key: "武昌区医疗保障管理委员会办公室"), directory: directory, documents: documents, kind: .budget)
        #expect(budgets.years.map(\.year) == [2025])
        #expect(budgets.year(2025)?.total(.grandTotal)?.value == wan("2500"))
    }

    @Test func markdownCarriesTotalsAndReasons() {
        let markdown = TimelineRenderer().markdown(UnitTimelineTests.timeline("武昌区医疗保障管理委员会办公室"))
        #expect(markdown.contains("| grand.total | 2,882.33 | implied |"))
        #expect(markdown.contains("[budget variance: 2101199 其他行政事业单位医疗支出]"))
    }
}

/// A change measured against the year's budget ("比年初预算数减少0.11万元", `base` a budget key)
/// explains a budget variance, not a change from last year, and implies no earlier figure.
@Suite struct BudgetMeasuredChangeTests {
    static let unit = "武昌区测试局"

    static func document() -> FiledDocument {
        let line = "机关运行经费支出7.34万元，比年初预算数减少0.11万元，降低1.5%。主要原因是：落实过紧日子要求压减办公及培训支出等。"
        let total = "收支总计100万元，比上年减少10万元，下降9.1%。主要原因是人员减少。"
        let budgetTotal = "收支总计100万元，比年初预算数减少5万元。主要原因是项目推迟。"
        var facts: [Fact] = [.total(.grandTotal, "100", year: 2024, .table, span(3, 3, "收支总计 100"))]
        facts += Fact.change(of: .grandTotal, year: 2024, current: "100", delta: "-10", pct: "-9.09", reason: "人员减少", span(10, 10, total))
        facts.append(Fact(key: .operatingCostActual, year: 2024, value: .amount(amount("7.34")), origin: .narrative, source: span(20, 20, line)))
        facts.append(Fact(key: .changeStated, year: 2024, value: .none, measure: .text, origin: .narrative, source: span(20, 20, line),
                          of: .operatingCostActual, baseYear: 2024, delta: amount("-0.11"), pct: amount("-1.5"),
                          reason: "落实过紧日子要求压减办公及培训支出等", base: .operatingCostBudget))
        facts.append(Fact(key: .changeStated, year: 2024, value: .none, measure: .text, origin: .narrative, source: span(30, 30, budgetTotal),
                          of: .grandTotal, baseYear: 2024, delta: amount("-5"), reason: "项目推迟", base: .budgetInitial))
        return DocumentFixture(unit: unit, year: 2024, facts: facts).filed(hash: fakeHash("t2024"), sequence: 1, source: "t.txt")
    }

    @Test func itsReasonIsABudgetVarianceReason() throws {
        let timeline = UnitTimelineTests.timeline(Self.unit, [Self.document()])
        let y2024 = try #require(timeline.year(2024))
        #expect(y2024.reasons.map(\.subject) == [
            .yearOverYear(keys: [.grandTotal], baseYear: 2023),
            .budgetVariance(code: "", name: "operating_cost.actual"),
            .budgetVariance(code: "", name: "grand.total"),
        ])
        #expect(y2024.reasons.map(\.text) == ["人员减少", "落实过紧日子要求压减办公及培训支出等", "项目推迟"])
        #expect(y2024.statedChanges.map(\.isBudgetVariance) == [false, true, true])
        let text = TimelineRenderer().text(timeline, style: .plain)
        #expect(text.contains("[budget variance: operating_cost.actual] 落实过紧日子要求压减办公及培训支出等 (line 20)"))
        #expect(!text.contains("year-over-year vs 2024"))
    }

    @Test func itImpliesNoEarlierTotalAndIsNoStatedChangeOfTheDiff() throws {
        let timeline = UnitTimelineTests.timeline(Self.unit, [Self.document()])
        // Only the change against 2023 implies 2023 (100 − (−10)); the budget gap implies nothing.
        #expect(timeline.year(2023)?.total(.grandTotal)?.values == [wan("110")])
        #expect(timeline.year(2024)?.total(.grandTotal)?.values == [wan("100")])
        let diff = YearDiff(from: 2023, to: 2024, timelines: [timeline])
        let unit = try #require(diff.units.first)
        #expect(unit.totals.first { $0.key == .grandTotal }?.stated.map(\.delta) == [wan("-10")])
        #expect(unit.reasons.map(\.label) == ["year-over-year", "budget-variance", "budget-variance"])
    }
}
