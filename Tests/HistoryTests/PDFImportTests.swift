import Disclosure
import EventLog
import Foundation
import Testing
@testable import History

/// The committed test PDFs (Tests/Fixtures/pdf/, written by Tools/pdf/make-test-pdfs.py) through
/// the real importer and pdftotext into a fresh store.
@Suite struct PDFImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/pdf").standardized

    /// Imports one fixture PDF (or given bytes) and returns the events recorded for it.
    static func importPDF(_ name: String, bytes: [UInt8]? = nil) throws -> (ImportOutcome, [HistoryEvent], Store, StoreDirectory) {
        let directory = try StoreDirectory()
        let store = try Store(path: directory.path + "/s", create: true)
        let path = try directory.file(name, try bytes ?? Array(Data(contentsOf: fixtures.appendingPathComponent(name))))
        let outcome = try #require(Importer(store: store).importFiles([path]).first)
        let events = try store.read { try store.events(in: $0) }.map(\.event)
        return (outcome, events, store, directory)
    }

    static func parsed(_ events: [HistoryEvent]) throws -> DocumentParsed {
        try #require(events.lazy.compactMap { event -> DocumentParsed? in
            if case .documentParsed(let parsed) = event { parsed } else { nil }
        }.first)
    }

    /// Every table fact the tab-separated sample yields comes back from its PDF rendering,
    /// each with the page it is printed on; the narrative too, from the word-box text.
    @Test func sampleTablesComeBackWithPages() throws {
        let (_, events, _, _) = try Self.importPDF("sample-2024.pdf")
        let parsed = try Self.parsed(events)
        #expect(parsed.textEncoding == PDFTextPath.boxes.rawValue)
        let text = try String(contentsOf: Corpus.directory.appendingPathComponent("wuchang-medical-security-committee-office-2024-final-account.txt"),
                              encoding: .utf8)
        func cells(_ facts: [Fact]) -> Set<String> {
            Set(facts.filter { $0.origin == .table }.map { "\($0.key.rawValue) \($0.code ?? "-") \($0.year) \($0.value)" })
        }
        let expected = cells(DisclosureParser.parse(text).facts)
        #expect(expected.count > 100)
        #expect(cells(parsed.parsed.facts) == expected)
        #expect(parsed.parsed.facts.allSatisfy { $0.source.page != nil })
        #expect(parsed.parsed.identity.unit == "武汉市武昌区医疗保障管理委员会办公室" && parsed.parsed.identity.year == 2024)
        // Pages as printed: the 公开表 on pages 3–8, the 绩效自评表 on 15–16.
        let pages = parsed.parsed.facts.filter { $0.origin == .table }
        #expect(pages.first { $0.key == .functionIncomeTotal && $0.code == "2101199" }?.source.page == 4)
        #expect(pages.first { $0.key == .indicatorActual && $0.name == "累计病例数" }?.source.page == 15)
        #expect(Set(pages.compactMap(\.source.page)) == Set(3...8).union([15, 16]))
    }

    /// Split 类/款/项 codes joined, wrapped names joined, side-by-side halves apart, a table
    /// continued over a page break: each cell is a fact on its page; where pdftotext -layout
    /// scrambles the side-by-side halves, a pdf-paths-disagree warning says so.
    @Test func syntheticCellsBecomeFacts() throws {
        let (_, events, _, _) = try Self.importPDF("synthetic-final-account.pdf")
        let parsed = try Self.parsed(events).parsed
        func fact(_ key: FactKey, _ code: String) -> Fact? { parsed.facts.first { $0.key == key && $0.code == code && $0.origin == .table } }
        let joined = try #require(fact(.functionExpenseTotal, "2010601"))
        #expect(joined.name == "行政运行" && joined.amount == amount("100") && joined.source.page == 2)
        let wrapped = try #require(fact(.functionExpenseBasic, "2080506"))
        #expect(wrapped.name == "机关事业单位职业年金缴费支出" && wrapped.amount == amount("4.56"))
        #expect(fact(.functionExpenseTotal, "2080505")?.name == "机关事业单位基本养老保险缴费支出(测试换行)")
        let continued = try #require(fact(.functionExpenseTotal, "2210202"))
        #expect(continued.amount == amount("40") && continued.source.page == 3)
        #expect(fact(.functionExpenseProject, "2100102")?.amount == amount("900"))
        // 公开06表's three halves side by side, and the 公用经费合计 printed under the third.
        #expect(fact(.economicBasic, "30102")?.amount == amount("40"))
        #expect(fact(.economicBasic, "30231")?.amount == amount("60"))
        #expect(fact(.economicBasic, "31002")?.amount == amount("4.06"))
        #expect(parsed.facts.first { $0.key == .expenseBasicPublic }?.amount == amount("84.56"))
        // The 预算 table in 元 with its split codes: 201 | 05 | 07.
        let yuan = try #require(parsed.facts.first { $0.code == "2010507" && $0.measure == .yuan && $0.amount == amount("257700") })
        #expect(yuan.source.page == 4)
        let disagreements = parsed.warnings.filter { $0.rule == .pdfPathsDisagree }
        #expect(disagreements.contains { $0.message.hasPrefix("economic.basic 30102 2024: the word boxes read 40 (page 4") })
        #expect(disagreements.allSatisfy { $0.source?.page != nil })
    }

    /// The paths' disagreements are the reader's, so `history coverage` lists them and `check` does not.
    @Test func disagreementsReachTheCoverageNotTheCheck() throws {
        let (_, events, _, _) = try Self.importPDF("synthetic-final-account.pdf")
        let parsed = try Self.parsed(events)
        let document = FiledDocument(contentHash: parsed.contentHash, sequence: 2, sourceName: "synthetic-final-account.pdf",
                                     disclosure: parsed.parsed)
        let findings = ConsistencyCheck.run(documents: [document], directory: UnitDirectory(documents: [document], aliases: []))
        #expect(!findings.contains { $0.rule == .parser(.pdfPathsDisagree) })
        let coverage = DocumentCoverage(contentHash: parsed.contentHash, sourceName: "synthetic-final-account.pdf", parsed: parsed.parsed)
        #expect(coverage.pdfDisagreements > 0)
        #expect(coverage.readerNotes.contains { $0.rule == .pdfPathsDisagree && $0.source?.page != nil })
    }

    @Test func aScanFailsWithTheOCRMessageAndKeepsItsBytes() throws {
        let (outcome, events, store, _) = try Self.importPDF("scanned.pdf")
        guard case .imported(_, let hash, .failed(let reason)) = outcome else {
            Issue.record("expected an import with a failed parse, got \(outcome)")
            return
        }
        #expect(reason.hasPrefix("scanned.pdf: the PDF has no text layer (2 pages of images only)"))
        #expect(reason.contains("needs OCR"))
        #expect(events.map(\.type) == [.documentImported, .documentParseFailed])
        let bytes = Array(try Data(contentsOf: Self.fixtures.appendingPathComponent("scanned.pdf")))
        #expect(try store.read { try store.log.blob(hash, in: $0) } == bytes)
    }

    @Test func aTruncatedPDFNamesTheFile() throws {
        let whole = Array(try Data(contentsOf: Self.fixtures.appendingPathComponent("synthetic-final-account.pdf")))
        let (outcome, events, _, _) = try Self.importPDF("cut.pdf", bytes: Array(whole.prefix(whole.count / 2)))
        guard case .imported(_, _, .failed(let reason)) = outcome else {
            Issue.record("expected an import with a failed parse, got \(outcome)")
            return
        }
        #expect(reason.hasPrefix("cut.pdf: pdftotext cannot read the PDF (exit 1: "))
        #expect(reason.hasSuffix("the file is damaged, cut short or not a PDF: download it again"))
        #expect(events.map(\.type) == [.documentImported, .documentParseFailed])
    }

    @Test func anEncryptedPDFSaysSo() {
        let error = PDFImportError.naming("locked.pdf", .failed(status: 1, message: "Command Line Error: Incorrect password"))
        #expect("\(error)".hasPrefix("locked.pdf: the PDF is encrypted and pdftotext cannot open it without its password"))
        #expect((PDFImportError.naming("x.pdf", .toolMissing) as? PDFTextError) == .toolMissing)
    }

    /// Text files go the way they always went: the importer records exactly what the parser
    /// reads from the decoded text, without pages.
    @Test func theTextPathIsUnchanged() throws {
        let directory = try StoreDirectory()
        let store = try Store(path: directory.path + "/s", create: true)
        Importer(store: store).importFiles(Corpus.paths)
        let recorded = try store.read { try store.events(in: $0) }.compactMap { event -> DocumentParsed? in
            if case .documentParsed(let parsed) = event.event { parsed } else { nil }
        }
        let expected = try Corpus.paths.map { DisclosureParser.parse(try String(contentsOfFile: $0, encoding: .utf8)) }
        #expect(recorded.map(\.parsed) == expected)
        #expect(recorded.map(\.textEncoding) == ["UTF-8", "UTF-8"])
        #expect(recorded.allSatisfy { $0.parsed.facts.allSatisfy { $0.source.page == nil } })
    }
}
