import Disclosure
import Foundation
import Testing
@testable import History

/// Errors real documents make, found by `check` and checked on the PDF page: every finding `check`
/// reports on Tests/Corpus/real is listed here with its page and both values, and a document with
/// none is asserted clean, so a misreading of the reader's shows up as a failure here.
@Suite struct RealDocumentFindingsTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../Corpus/real").standardized

    static func findings(_ names: String...) throws -> [CheckFinding] {
        let directory = try StoreDirectory()
        let store = try Store(path: directory.path + "/s", create: true)
        _ = Importer(store: store).importFiles(names.map { corpus.appendingPathComponent($0).path })
        return try HistoryQueries(store: store).check()
    }

    /// 西南大学收入预算表 (2023 部门预算, page 8): 普通教育 (20502) 收入合计 is printed 520,603.91, but its
    /// 项 add up to 520,603.41 (小学教育 9,645.51 + 高中教育 27,109.72 + 高等教育 483,848.18); 小学教育's
    /// own parts (14.33 + 8,201.15 + 0.50 + 1,430.03) make 9,646.01, so the 0.50 of 事业收入 is the gap.
    /// It is the document's only finding: its 收入合计 of 557,259.13 counts 上年结转 and is the
    /// 收入总计, not the 本年收入合计 of 403,484.64.
    @Test func southwestUniversity2023BudgetIncomeTable() throws {
        let found = try Self.findings("chongqing-southwest-university-2023-dept-budget.pdf")
        #expect(found.count == 1)
        let sum = try #require(found.first { $0.rule == .parser(.sumMismatch) && $0.message.contains("普通教育") })
        #expect(sum.severity == .error)
        #expect(sum.message.contains("520603.91") && sum.message.contains("520603.41"))
    }

    /// 江苏省人大常委会办公厅 2018: pages 26–27 keep the template's guidance four times, "（按“部门预算
    /// 公开06表财政拨款基本支出预算表”中实际发生经济分类支出事项填写）" twice and the same for 08表
    /// twice, and page 27 types "。。" after "减少了该项支出". Nothing else: the 收支预算总表's
    /// 1,685.72 is 三、单位预留机动经费's (page 8), and the 三公 table's 833.60 the 三公 小计 (page 15).
    @Test func npcStandingCommitteeOffice2018() throws {
        let found = try Self.findings("jiangsu-npc-standing-committee-office-2018-dept-budget.pdf")
        #expect(found.map(\.rule.id).sorted() == ["repeated-punctuation"] + Array(repeating: "template-text", count: 4))
        #expect(found.filter { $0.rule.id == "template-text" }.allSatisfy { $0.message.contains("中实际发生经济分类支出事项填写") })
    }

    /// 江苏省人民检察院 2017, page 22: "机关运行经费预算支出6032.55万元，比2016年增加3401.59万元，增长
    /// 129.97%", but 3,401.59 on 2,630.96 is 129.29%.
    @Test func procuratorate2017OperatingCostPercent() throws {
        let found = try Self.findings("jiangsu-procuratorate-2017-dept-budget.pdf")
        #expect(found.count == 1)
        let percent = try #require(found.first)
        #expect(percent.rule == .parser(.percentMismatch) && percent.severity == .warning)
        #expect(percent.message.contains("129.97") && percent.message.contains("129.29"))
    }

    /// 上海市普陀区商务委员会 2025 部门预算 and 单位预算, page 7: the sixteen items of 财政拨款支出主要内容
    /// (938.99 … 148.80) add up to 37,151.46; 一般公共预算拨款支出预算 is printed 37,151.47 — a gap of
    /// 0.01 from rounding each item, a notice.
    @Test func commerceCommission2025RoundingGap() throws {
        for file in ["shanghai-putuo-commerce-commission-2025-dept-budget.pdf", "shanghai-putuo-commerce-commission-2025-unit-budget.pdf"] {
            let found = try Self.findings(file)
            #expect(found.count == 1, "\(file)")
            let gap = try #require(found.first)
            #expect(gap.rule == .parser(.roundingGap) && gap.severity == .notice)
            #expect(gap.message.contains("37151.46") && gap.message.contains("37151.47"))
        }
    }

    /// 石泉路街道 2026 单位预算 (page text). Page 23, 财政拨款收支预算总表: 九、住房保障支出 11,185,800 in
    /// the 一般公共预算 column (the column adds up to its 72,626,134 only so), where page 27's
    /// 一般公共预算支出功能分类预算表 prints 221 住房保障支出 10,885,800; the 300,000 of 22198 is
    /// 政府性基金 (page 28), and page 23 counts all 3,680,000 of 政府性基金 under 城乡社区支出.
    /// Page 9: 124.27 → 130.95 is an increase of 5.38%, printed "增加5.40%". Pages 5–10: the items of
    /// 财政拨款支出主要内容 add up to 7,622.01 against 财政拨款支出预算 7,630.61; the gap is 红十字事业 /
    /// 一般行政管理事务 (8.61), whose paragraph (page 9) dates its figure "2025年预算安排8.61万元" where
    /// every other item says 2026年预算安排, so it is no 2026 item.
    @Test func shiquanluStreet2026() throws {
        let found = try Self.findings("shanghai-putuo-shiquanlu-street-2026-unit-budget.pages.txt")
        let disagree = try #require(found.first { $0.rule == .engine(.tablesDisagree) })
        #expect(disagree.message.contains("221") && disagree.message.contains("11185800") && disagree.message.contains("10885800"))
        let identity = try #require(found.first { $0.rule == .parser(.identityMismatch) })
        #expect(identity.message.contains("11185800") && identity.message.contains("10885800"))
        let percent = try #require(found.first { $0.rule == .parser(.percentMismatch) })
        #expect(percent.message.contains("5.38") && percent.message.contains("5.4"))
        let items = try #require(found.first { $0.rule == .parser(.sumMismatch) })
        #expect(items.message.contains("7622.01") && items.message.contains("7630.61"))
        // And four of the CHECK rules, each written from its page in RealCompletenessFindingsTests:
        // two 类 named by their older names (pages 8, 10), two comparisons with 2024 (pages 8, 9).
        #expect(found.filter { [.engine(.itemNamedDifferently), .parser(.comparisonYearMismatch)].contains($0.rule) }.count == 4)
        #expect(found.count == 8)
    }

    /// Documents whose pages were checked and hold no error `check` can find.
    @Test func cleanDocuments() throws {
        let clean = [
            "chongqing-southwest-university-2021-dept-budget.pdf", "chongqing-southwest-university-2023-final-account.pdf",
            "jiangsu-npc-standing-committee-office-2017-dept-budget.pdf",
            "jiangsu-npc-standing-committee-office-2019-dept-budget-narrative.pdf", "jiangsu-npc-standing-committee-office-2019-dept-budget-tables.pdf",
            "jiangsu-party-committee-general-office-2017-dept-budget-narrative.pdf", "jiangsu-party-committee-general-office-2017-dept-budget-tables.pdf",
            "jiangsu-party-committee-general-office-2018-dept-budget-narrative.pdf", "jiangsu-party-committee-general-office-2018-dept-budget-tables.pdf",
            "jiangsu-party-committee-general-office-2019-dept-budget-narrative.pdf", "jiangsu-party-committee-general-office-2019-dept-budget-tables.pdf",
            "jiangsu-procuratorate-2018-dept-budget.pdf", "jiangsu-procuratorate-2019-dept-budget.pdf",
            "shanghai-putuo-district-government-office-2025-dept-budget.pdf", "shanghai-putuo-district-government-office-2025-unit-budget.pdf",
        ]
        let directory = try StoreDirectory()
        let store = try Store(path: directory.path + "/s", create: true)
        _ = Importer(store: store).importFiles(clean.map { Self.corpus.appendingPathComponent($0).path })
        let found = try HistoryQueries(store: store).check()
        #expect(found.isEmpty, "\(found.map { "\($0.unitName) \($0.year): \($0.rule.id) \($0.message)" })")
    }
}
