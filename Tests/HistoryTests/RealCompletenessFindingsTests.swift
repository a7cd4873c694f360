@testable import Disclosure
import Foundation
import Testing
@testable import History

/// The completeness rules (`table-absent`, `table-unlisted`, `empty-table-unexplained`,
/// `title-year-mismatch`) and the other rules of this round over every
/// real document and sample: what each 目录 lists, read from its page, and no finding where the
/// pages show the document complete.
@Suite struct RealCompletenessFindingsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("..").standardized
    static let rules: Set<WarningRule> = [.tableAbsent, .tableUnlisted, .emptyTableUnexplained, .titleYearMismatch]

    /// Every real file and sample imported as users do, once for the suite: each file's parse and
    /// what `check` finds in the store.
    static func corpus() throws -> (parsed: [ParsedDisclosure], findings: [CheckFinding], files: Int) {
        try imported.get()
    }

    private static let imported = Result { () throws -> (parsed: [ParsedDisclosure], findings: [CheckFinding], files: Int) in
        let directory = try StoreDirectory()
        let store = try Store(path: directory.path + "/s", create: true)
        var files: [String] = []
        for folder in ["Corpus", "Fixtures/budget", "Corpus/real"] {
            let path = root.appendingPathComponent(folder)
            files += try FileManager.default.contentsOfDirectory(atPath: path.path)
                .filter { $0.hasSuffix(".pdf") || $0.hasSuffix(".txt") }.sorted().map { path.appendingPathComponent($0).path }
        }
        _ = Importer(store: store).importFiles(files)
        var parsed: [ParsedDisclosure] = []
        for event in try store.read({ try store.events(in: $0) }).map(\.event) {
            if case .documentParsed(let document) = event { parsed.append(document.parsed) }
        }
        return (parsed, try HistoryQueries(store: store).check(), files.count)
    }

    /// The tables each 目录 lists, counted on its page. 江苏's 目录 list twelve (十一 wrapping
    /// over two lines: …会议费、培训费支 / 出预算表); 普陀's nine (1. 2025年部门财务收支预算总表 …
    /// 9. 2025年部门“三公”经费和机关运行经费预算表); 西南大学's 2023 决算 four ((一) 高等学校收支决算
    /// 总表 … (四) 高等学校财政拨款支出决算表), its 预算 none (二、部门预算报表, one line for all);
    /// the 武昌 committee office's 2024 决算 nine, with dot leaders and a tab before the page number.
    static let listed: [String: Int] = [
        "jiangsu-npc-standing-committee-office-2017-dept-budget.pdf": 12,
        "jiangsu-npc-standing-committee-office-2018-dept-budget.pdf": 12,
        "jiangsu-npc-standing-committee-office-2019-dept-budget-narrative.pdf": 12,
        "jiangsu-party-committee-general-office-2017-dept-budget-narrative.pdf": 12,
        "jiangsu-party-committee-general-office-2018-dept-budget-narrative.pdf": 12,
        "jiangsu-party-committee-general-office-2018-dept-budget-tables.pdf": 12,
        "jiangsu-party-committee-general-office-2019-dept-budget-narrative.pdf": 12,
        "jiangsu-procuratorate-2017-dept-budget.pdf": 12,
        "jiangsu-procuratorate-2018-dept-budget.pdf": 12,
        "jiangsu-procuratorate-2019-dept-budget.pdf": 12,
        "shanghai-putuo-commerce-commission-2025-dept-budget.pdf": 9,
        "shanghai-putuo-commerce-commission-2025-unit-budget.pdf": 9,
        "shanghai-putuo-district-government-office-2025-dept-budget.pdf": 9,
        "shanghai-putuo-district-government-office-2025-unit-budget.pdf": 9,
        "shanghai-putuo-shiquanlu-street-2026-unit-budget.pages.txt": 9,
        "chongqing-southwest-university-2023-final-account.pdf": 4,
        "chongqing-southwest-university-2021-dept-budget.pdf": 0,
        "chongqing-southwest-university-2023-dept-budget.pdf": 0,
        "wuchang-medical-security-committee-office-2024-final-account.txt": 9,
    ]

    @Test func everyContentsListIsRead() {
        let documents = Dictionary(PlantedErrorTests.documents.map { ($0.name, $0.text) }, uniquingKeysWith: { first, _ in first })
        for (name, count) in Self.listed {
            guard let text = documents[name] else {
                Issue.record("\(name) is not in the corpus")
                continue
            }
            let contents = TableContents.read(TableText(SourceText(text)))
            #expect(contents?.entries.count == count, "\(name): \(contents?.entries.map(\.text) ?? [])")
        }
        // 江苏省人大 2017 lists them in this order (page 2), 七 before 八 unlike its later years.
        let npc = TableContents.read(TableText(SourceText(documents["jiangsu-npc-standing-committee-office-2017-dept-budget.pdf"]!)))
        #expect(npc?.entries.map(\.kind) == [.summary, .income, .expense, .appropriationSummary, .appropriationExpense,
                                             .appropriationBasicEconomic, .fundExpense, .generalExpense, .basicEconomic,
                                             .operatingCost, .threePublic, .procurement])
    }

    /// Every real file and sample imported as users do: none lacks a table its 目录 or template
    /// asks for, prints one its 目录 leaves out, titles a table with another year (those that
    /// print one print their own) or leaves a table empty without a reason. The
    /// empty 政府性基金 tables of 江苏 (e.g. 江苏省人民检察院 2017, page 13; 省委办公厅 2017 tables,
    /// page 7) give theirs in the narrative (本部门无政府性基金预算) or under the table
    /// （无政府性基金支出）, 注：本部门无相关收支项目, 此表为空.
    @Test func theRealDocumentsAreComplete() throws {
        let corpus = try Self.corpus()
        for parsed in corpus.parsed {
            let found = parsed.warnings.filter { Self.rules.contains($0.rule) }
            #expect(found.isEmpty, "\(parsed.identity.unit) \(parsed.identity.year): \(found.map(\.message))")
        }
        #expect(corpus.parsed.count == corpus.files)
    }

    /// 石泉路街道 2026 单位预算 names two 类 by their older names in its item paragraphs (page 8:
    /// “文化体育与传媒支出(类）-体育（款）-群众体育（项）”2026年度预算20万元; page 10: “医疗卫生与
    /// 计划生育支出(类）-行政事业单位医疗（款）-行政单位医疗（项）”…102.58万元) where its 一般公共预算
    /// 支出功能分类预算表 prints 207 文化旅游体育与传媒支出 (2070308 群众体育 200,000, page 14) and 210
    /// 卫生健康支出 (2101101 行政单位医疗 1,025,800, page 15). Every other real document and sample
    /// names its items as its tables do.
    @Test func itemsNamedDifferentlyAreTheDocumentsOwn() throws {
        let found = try Self.corpus().findings.filter { $0.rule == .engine(.itemNamedDifferently) }
        #expect(found.map(\.unitName) == ["上海市普陀区人民政府石泉路街道办事处", "上海市普陀区人民政府石泉路街道办事处"])
        #expect(found.map(\.year) == [2026, 2026])
        let named = found.map { finding in finding.message.prefix(while: { $0 != ":" }) }
        #expect(named == ["207", "210"])
        #expect(found[0].message.contains("“文化体育与传媒支出”") && found[0].message.contains("“文化旅游体育与传媒支出”"))
        #expect(found[1].message.contains("“医疗卫生与计划生育支出”") && found[1].message.contains("“卫生健康支出”"))
        #expect(found.map(\.values) == [[Amount(hundredths: 2_000), Amount(hundredths: 20_000_000)],
                                        [Amount(hundredths: 10_258), Amount(hundredths: 102_580_000)]])
        #expect(found.map { $0.citations.map(\.firstLine) } == [[102, 216], [130, 235]])
    }

    /// 石泉路街道 2026 compares each item's 2026 budget with 2025's 预算执行数 (比2025年预算执行数,
    /// 27 times) but twice with 2024's, of the 2025 figure just stated: page 8, 科普活动 "2025年当年
    /// 预算执行数5.57万元，2026年预算安排10万元，比2024年预算执行数增加79.53%" (10 on 5.57 is +79.53%);
    /// page 9, 其他城市生活救助 "2025年当年预算执行数为30万元，2026年预算安排30万元，与2024年预算
    /// 执行数持平". No other real document or sample compares out of its habit.
    @Test func comparisonsWithAnOddYearAreTheDocumentsOwn() throws {
        let found = try Self.corpus().findings.filter { $0.rule == .parser(.comparisonYearMismatch) }
        #expect(found.map(\.unitName) == ["上海市普陀区人民政府石泉路街道办事处", "上海市普陀区人民政府石泉路街道办事处"])
        #expect(found.map { $0.citations.map(\.firstLine) } == [[96], [122]])
        #expect(found[0].message.hasPrefix("“比2024年预算执行数”") && found[1].message.hasPrefix("“与2024年预算执行数”"))
    }
}
