import Disclosure
import Foundation
import Testing
@testable import History

/// The writing rules over every real document in Tests/Corpus/real: the errors they find are the
/// documents' own, checked on the PDF pages, and on every other document they find nothing.
@Suite struct RealCorpusWritingTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../Corpus/real").standardized
    static let writingRules: Set<WarningRule> = [.templateText, .repeatedPunctuation, .unbalancedBrackets, .dateYearMismatch]

    /// Every real file imported into one store: each file's writing warnings as (rule, page).
    static func writingWarnings() throws -> [String: [(WarningRule, Int?)]] {
        let directory = try StoreDirectory()
        let store = try Store(path: directory.path + "/s", create: true)
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus.path)
            .filter { $0.hasSuffix(".pdf") || $0.hasSuffix(".txt") }.sorted().map { corpus.appendingPathComponent($0).path }
        _ = Importer(store: store).importFiles(files)
        var names: [String: String] = [:]
        var found: [String: [(WarningRule, Int?)]] = [:]
        for event in try store.read({ try store.events(in: $0) }).map(\.event) {
            switch event {
            case .documentImported(let imported): names[imported.contentHash] = imported.sourceName
            case .documentParsed(let parsed):
                found[names[parsed.contentHash]!] = parsed.parsed.warnings.filter { writingRules.contains($0.rule) }
                    .map { ($0.rule, $0.source?.page) }
            default: break
            }
        }
        #expect(found.count == files.count, "every real file is parsed")
        return found
    }

    @Test func onlyTheDocumentsOwnWritingErrorsAreFound() throws {
        let found = try Self.writingWarnings()
        // 江苏省人大常委会办公厅 2018: "减少了该项支出。 。" on page 25; the template's guidance
        // "（按“部门预算公开06表 财政拨款基本支出预算表”中实际发生经济分类支出事项填写）" after 人员经费
        // and 公用经费 on page 26, and its 08表 twin on page 27.
        let npc2018 = try #require(found["jiangsu-npc-standing-committee-office-2018-dept-budget.pdf"])
        #expect(npc2018.map(\.0) == [.repeatedPunctuation, .templateText, .templateText, .templateText, .templateText])
        #expect(npc2018.map(\.1) == [25, 26, 26, 27, 27])
        for (name, warnings) in found where name != "jiangsu-npc-standing-committee-office-2018-dept-budget.pdf" {
            #expect(warnings.isEmpty, "\(name): \(warnings)")
        }
    }
}
