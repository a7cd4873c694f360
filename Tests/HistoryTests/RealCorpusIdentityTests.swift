import Disclosure
import Foundation
import Testing
@testable import History

/// Unit, year and kind of every real disclosure in Tests/Corpus/real, read the way `history
/// import` reads it (PDFs through pdftotext). Expected values are written from the covers, the
/// title lines and, for the tables halves published as files of their own, the table heads
/// (部门：…) and the one dated table title (“2019年政府采购预算表”).
@Suite struct RealCorpusIdentityTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Corpus/real").standardized

    struct Expected: Sendable, CustomStringConvertible {
        var file: String
        var unit: String
        var year: Int
        var title: String
        /// Where the year is printed: a title line, or only a table title.
        var yearFrom: IdentitySource = .title
        var description: String { file }
    }

    static let expected: [Expected] = [
        // Cover: "西南大学" over "2021 年度部门预算".
        Expected(file: "chongqing-southwest-university-2021-dept-budget.pdf", unit: "西南大学", year: 2021, title: "部门预算"),
        Expected(file: "chongqing-southwest-university-2023-dept-budget.pdf", unit: "西南大学", year: 2023, title: "部门预算"),
        // Cover: "西南大学 2023 年度部门决算", dated 2024 年 8 月.
        Expected(file: "chongqing-southwest-university-2023-final-account.pdf", unit: "西南大学", year: 2023, title: "部门决算"),
        Expected(file: "jiangsu-npc-standing-committee-office-2017-dept-budget.pdf", unit: "江苏省人大常委会办公厅", year: 2017, title: "部门预算"),
        // Cover: "江苏省人大常委会办公厅2018年度部门" over "预算公开".
        Expected(file: "jiangsu-npc-standing-committee-office-2018-dept-budget.pdf", unit: "江苏省人大常委会办公厅", year: 2018, title: "部门预算"),
        Expected(file: "jiangsu-npc-standing-committee-office-2019-dept-budget-narrative.pdf", unit: "江苏省人大常委会办公厅", year: 2019, title: "部门预算"),
        // No cover; 公开表一's head "部门： 江苏省人大常委会办公厅", last table "2019年政府采购预算表".
        Expected(file: "jiangsu-npc-standing-committee-office-2019-dept-budget-tables.pdf", unit: "江苏省人大常委会办公厅", year: 2019,
                 title: "部门预算", yearFrom: .tableTitle),
        // Cover: "江苏省委办公厅 2017 年度部门预算"; inside, "省委办公厅" is its short form.
        Expected(file: "jiangsu-party-committee-general-office-2017-dept-budget-narrative.pdf", unit: "江苏省委办公厅", year: 2017, title: "部门预算"),
        // Heads "部门：中国共产党江苏省委员会办公厅", last table "2017年政府采购预算表".
        Expected(file: "jiangsu-party-committee-general-office-2017-dept-budget-tables.pdf", unit: "中国共产党江苏省委员会办公厅", year: 2017,
                 title: "部门预算", yearFrom: .tableTitle),
        Expected(file: "jiangsu-party-committee-general-office-2018-dept-budget-narrative.pdf", unit: "江苏省委办公厅", year: 2018, title: "部门预算"),
        // Cover: "江苏省2018年度" over "省级部门预算公开报表", "部 门:中共江苏省委办公厅".
        Expected(file: "jiangsu-party-committee-general-office-2018-dept-budget-tables.pdf", unit: "中共江苏省委办公厅", year: 2018, title: "部门预算"),
        Expected(file: "jiangsu-party-committee-general-office-2019-dept-budget-narrative.pdf", unit: "江苏省委办公厅", year: 2019, title: "部门预算"),
        Expected(file: "jiangsu-party-committee-general-office-2019-dept-budget-tables.pdf", unit: "中共江苏省委办公厅", year: 2019,
                 title: "部门预算", yearFrom: .tableTitle),
        // Cover: "江苏省人民检察院" over "2017 年部门预算"; inside, "省检察院".
        Expected(file: "jiangsu-procuratorate-2017-dept-budget.pdf", unit: "江苏省人民检察院", year: 2017, title: "部门预算"),
        Expected(file: "jiangsu-procuratorate-2018-dept-budget.pdf", unit: "江苏省人民检察院", year: 2018, title: "部门预算"),
        Expected(file: "jiangsu-procuratorate-2019-dept-budget.pdf", unit: "江苏省人民检察院", year: 2019, title: "部门预算"),
        // Cover: "上海市普陀区2025年区级部门预算", "预算主管部门：上海市普陀区商务委员会".
        Expected(file: "shanghai-putuo-commerce-commission-2025-dept-budget.pdf", unit: "上海市普陀区商务委员会", year: 2025, title: "部门预算"),
        // Cover: "上海市普陀区2025年区级单位预算", "预算单位：上海市普陀区商务委员会".
        Expected(file: "shanghai-putuo-commerce-commission-2025-unit-budget.pdf", unit: "上海市普陀区商务委员会", year: 2025, title: "单位预算"),
        Expected(file: "shanghai-putuo-district-government-office-2025-dept-budget.pdf", unit: "上海市普陀区人民政府办公室", year: 2025, title: "部门预算"),
        Expected(file: "shanghai-putuo-district-government-office-2025-unit-budget.pdf", unit: "上海市普陀区人民政府办公室", year: 2025, title: "单位预算"),
        // "预算单位：上海市普陀区人民政府石泉路街道办事处（本级）": the office itself, its own level.
        Expected(file: "shanghai-putuo-shiquanlu-street-2026-unit-budget.pages.txt", unit: "上海市普陀区人民政府石泉路街道办事处", year: 2026,
                 title: "单位预算"),
    ]

    @Test func everyRealFileIsListed() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path).filter { $0 != "README.md" }
        #expect(Set(files) == Set(Self.expected.map(\.file)))
    }

    @Test(arguments: expected) func identity(_ expected: Expected) throws {
        let bytes = Array(try Data(contentsOf: Self.directory.appendingPathComponent(expected.file)))
        let reading = try DocumentReading.read(bytes, isPDF: DocumentReading.isPDF(bytes, fileName: expected.file), name: expected.file,
                                               parser: .current, pdf: PDFTextExtractor())
        let identity = reading.parsed.identity
        #expect(identity.unit == expected.unit)
        #expect(identity.year == expected.year)
        #expect(identity.title == expected.title)
        #expect(identity.evidence.first { $0.field == .year }?.source == expected.yearFrom)
        #expect(!reading.parsed.warnings.contains { $0.rule == .identityMissing })
    }
}

/// The 2019 budget of 中共江苏省委办公厅, published as a narrative and a tables file, imported in
/// two separate commands: one disclosure in `units` and in the timeline, the tables' facts read
/// with the narrative's identity.
@Suite struct RealCorpusJoinTests {
    @Test func theNarrativeAndTablesFilesImportedApartAreOneDisclosure() throws {
        let directory = try StoreDirectory()
        let store = try Store(path: directory.path + "/s", create: true)
        for file in ["jiangsu-party-committee-general-office-2019-dept-budget-narrative.pdf",
                     "jiangsu-party-committee-general-office-2019-dept-budget-tables.pdf"] {
            let bytes = Array(try Data(contentsOf: RealCorpusIdentityTests.directory.appendingPathComponent(file)))
            _ = Importer(store: store).importFiles([try directory.file(file, bytes)])
        }
        let queries = try HistoryQueries(store: store)
        let units = try queries.units()
        #expect(units.units.map(\.id.key) == ["江苏省委办公厅"])
        let unit = try #require(units.units.first)
        let join = try #require(unit.joined.first)
        #expect(unit.joined.count == 1 && join.year == 2019 && join.title == "部门预算")
        #expect(join.reasons.contains { $0.contains("江苏省委办公厅") && $0.contains("中共江苏省委办公厅") })
        let timeline = try queries.timeline(unit: "中国共产党江苏省委员会办公厅", kind: .budget)
        let year = try #require(timeline.year(2019))
        #expect(year.document?.sourceName == "jiangsu-party-committee-general-office-2019-dept-budget-narrative.pdf")
        #expect(year.document?.joined.map(\.sourceName) == ["jiangsu-party-committee-general-office-2019-dept-budget-tables.pdf"])
        // 公开表一 收支预算总表: 收入总计 27,664.22 万元, from the tables file.
        let income = try #require(year.totals.first { $0.key == .incomeTotal })
        #expect(income.sources.first?.value == wan("27664.22"))
        #expect(income.sources.first?.evidence.document == join.parts.first)
        #expect(!year.reasons.isEmpty)
    }
}

/// `history diff 2017 2018 --unit 江苏省人民检察院`: two real documents of one unit compared.
@Suite struct RealCorpusSeriesTests {
    @Test func theProcuratoratesTwoBudgetsCompare() throws {
        let directory = try StoreDirectory()
        let store = try Store(path: directory.path + "/s", create: true)
        let files = try ["jiangsu-procuratorate-2017-dept-budget.pdf", "jiangsu-procuratorate-2018-dept-budget.pdf"].map { file in
            try directory.file(file, Array(try Data(contentsOf: RealCorpusIdentityTests.directory.appendingPathComponent(file))))
        }
        _ = Importer(store: store).importFiles(files)
        let diff = try HistoryQueries(store: store).diff(from: 2017, to: 2018, unit: "省检察院", kind: .budget)
        let unit = try #require(diff.units.first)
        #expect(diff.units.count == 1 && unit.name == "江苏省人民检察院")
        #expect(unit.fromDocument?.sourceName == "jiangsu-procuratorate-2017-dept-budget.pdf")
        #expect(unit.toDocument?.sourceName == "jiangsu-procuratorate-2018-dept-budget.pdf")
        // 收支预算总表: 收入合计 17,996.68 (2017) and 21,955.35 (2018) 万元.
        let income = try #require(unit.totals.first { $0.key == .incomeTotal })
        #expect(income.from?.value == wan("17996.68") && income.to?.value == wan("21955.35"))
    }

    /// 上海市普陀区商务委员会's 2025 部门预算 and 单位预算: two documents, neither the other's filing.
    @Test func aUnitsDepartmentAndUnitBudgetsAreTwoDocuments() throws {
        let directory = try StoreDirectory()
        let store = try Store(path: directory.path + "/s", create: true)
        let names = ["shanghai-putuo-commerce-commission-2025-dept-budget.pdf", "shanghai-putuo-commerce-commission-2025-unit-budget.pdf"]
        let files = try names.map { file in
            try directory.file(file, Array(try Data(contentsOf: RealCorpusIdentityTests.directory.appendingPathComponent(file))))
        }
        _ = Importer(store: store).importFiles(files)
        let queries = try HistoryQueries(store: store)
        let unit = try #require(try queries.units().units.first)
        #expect(unit.documents.map(\.identity.title).sorted() == ["单位预算", "部门预算"] && unit.joined.isEmpty)
        let department = try queries.timeline(unit: "上海市普陀区商务委员会", kind: .budget)
        #expect(department.year(2025)?.document?.sourceName == names[0])
        #expect(department.year(2025)?.supersededDocuments.isEmpty == true)
        let own = try queries.timeline(unit: "上海市普陀区商务委员会", kind: .budget, scope: .unit)
        #expect(own.year(2025)?.document?.sourceName == names[1])
    }
}
