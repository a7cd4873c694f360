import Foundation
import History
import Testing

/// `history report` on the bundled sample (Tests/Corpus/wuchang-*.txt) imported into a
/// temporary store: the files it writes and the marks the render check looks for.
@Suite(.serialized) struct ReportCommandTests {
    static let office = "武昌区医疗保障管理委员会办公室"
    static let bureau = "武昌区医疗保障局"

    /// A folder path that does not exist yet, removed afterwards.
    final class Folder {
        let path = NSTemporaryDirectory() + "history-report-tests-" + UUID().uuidString
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    static func page(_ folder: String, unit key: String) throws -> String {
        try String(contentsOfFile: folder + "/" + HTMLReport.pagePath(of: UnitID(key: key)), encoding: .utf8)
    }

    @Test func writesTheCorpusPageAndEveryUnitsPageWithTheSampleMarks() throws {
        let store = SampleCorpusCommandTests.store
        let folder = Folder()
        let out = folder.path + "/nested/report"
        let result = try run(["report", "--out", out], store: store)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == out + "/index.html\n")
        let files = try FileManager.default.subpathsOfDirectory(atPath: out).filter { $0.hasSuffix(".html") }.sorted()
        // Every unit has its page and, the report being checked, its findings page.
        let units = ["武昌区民政局", Self.bureau, Self.office].map { UnitID(key: $0) }
        #expect(files == (["index.html"] + units.flatMap { [HTMLReport.pagePath(of: $0), HTMLReport.findingsPath(of: $0)] }).sorted())

        let index = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        let ranked = index.components(separatedBy: "\n").first { $0.contains("data-unit=\"\(Self.office)\" data-from=\"2023\" data-to=\"2024\"") }
        #expect(ranked?.contains("class=\"bar decline") == true)
        #expect(index.contains("data-delta=\"-537.11\""))
        #expect(index.contains("<circle class=\"point implied\" data-year=\"2023\""))

        let office = try Self.page(out, unit: Self.office)
        #expect(office.contains("<rect class=\"bar total implied\" data-year=\"2023\" data-key=\"grand.total\" data-basis=\"implied\" data-value=\"2882.33\""))
        #expect(office.contains("<rect class=\"bar total documented\" data-year=\"2024\""))
        #expect(office.contains("<g class=\"change decline\" data-from=\"2023\" data-to=\"2024\" data-delta=\"-537.11\">"))

        let bureau = try Self.page(out, unit: Self.bureau)
        #expect(bureau.contains("<rect class=\"bar total implied\" data-year=\"2022\" data-key=\"grand.total\" data-basis=\"implied\" data-value=\"700.28\""))
        #expect(bureau.contains("<g class=\"transfer\" data-year=\"2023\""))
        #expect(bureau.contains("289.00 万元"))
        // No staging folder is left beside the report.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/nested") == ["report"])
    }

    @Test func namedUnitsAndYearsNarrowTheReport() throws {
        let folder = Folder()
        let result = try run(["report", "--unit", "武汉市武昌区医疗保障局", "--years", "2023", "--out", folder.path],
                             store: SampleCorpusCommandTests.store)
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".html") }.sorted()
        #expect(files == [HTMLReport.findingsPath(of: UnitID(key: Self.bureau)), "index.html", HTMLReport.pagePath(of: UnitID(key: Self.bureau))])
        let bureau = try Self.page(folder.path, unit: Self.bureau)
        #expect(bureau.contains("<g class=\"transfer\" data-year=\"2023\""))
        #expect(!bureau.contains("data-year=\"2022\""))
    }

    @Test func anEarlierReportIsReplacedAndOtherFoldersAreLeftAlone() throws {
        let store = SampleCorpusCommandTests.store
        let folder = Folder()
        #expect(try run(["report", "--out", folder.path], store: store).status == 0)
        try Data("stale".utf8).write(to: URL(fileURLWithPath: folder.path + "/units/stale.html"))
        #expect(try run(["report", "--unit", Self.office, "--out", folder.path], store: store).status == 0)
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".html") }.sorted()
        #expect(files == [HTMLReport.findingsPath(of: UnitID(key: Self.office)), "index.html", HTMLReport.pagePath(of: UnitID(key: Self.office))])

        let other = Folder()
        try FileManager.default.createDirectory(atPath: other.path, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: other.path + "/notes.txt"))
        let refused = try run(["report", "--out", other.path], store: store)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("holds other files and no index.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: other.path) == ["notes.txt"])
    }

    @Test func anUnknownUnitFailsWithoutWritingAnything() throws {
        let folder = Folder()
        let result = try run(["report", "--unit", "武昌区不存在局", "--out", folder.path], store: SampleCorpusCommandTests.store)
        #expect(result.status != 0)
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }
}
