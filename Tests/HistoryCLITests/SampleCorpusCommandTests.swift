import Foundation
import HistoryTestSupport
import Testing

/// The README's main job on the bundled sample (Tests/Corpus/wuchang-*.txt), through the built
/// binary and the real parser; golden outputs in Snapshots/CLI. The shared store is only a
/// path, never mutated after the suite's import.
extension TemporaryStore: @unchecked Sendable {}

@Suite(.serialized) struct SampleCorpusCommandTests {
    static let bureau = "武汉市武昌区医疗保障局"
    static let office = "武汉市武昌区医疗保障管理委员会办公室"

    static var sample: [String] { HistoryCLITests.corpusFiles.filter { $0.contains("/wuchang-") } }

    /// One imported store for the whole suite; its commands only read.
    static let store: TemporaryStore = {
        let store = try! TemporaryStore()
        _ = try! run(["import"] + sample, store: store)
        return store
    }()

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try run(arguments, store: store)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    static func year(_ timeline: [String: Any], _ year: Int) -> [String: Any]? {
        (timeline["years"] as? [[String: Any]])?.first { $0["year"] as? Int == year }
    }

    static func total(_ year: [String: Any]?, _ key: String) -> [String: Any]? {
        (year?["totals"] as? [[String: Any]])?.first { $0["key"] as? String == key }
    }

    @Test func officeTimelineHas2024FromItsOwnDocument() throws {
        let timeline = try Self.json(["timeline", Self.office, "--format", "json"])
        let y2024 = Self.year(timeline, 2024)
        let grand = try #require(Self.total(y2024, "grand.total"))
        #expect(grand["value"] as? NSNumber == NSNumber(value: 2345.22))
        #expect(grand["basis"] as? String == "document")
        let item = (y2024?["items"] as? [[String: Any]])?.first { $0["code"] as? String == "2101199" }
        #expect(item?["value"] as? NSNumber == NSNumber(value: 2263.86))
        let text = try run(["timeline", Self.office], store: Self.store).stdout
        #expect(text.contains("2,345.22") && text.contains("2101199") && text.contains("2,263.86"))
    }

    @Test func factsOfTheSampleAreValidNDJSONWithTheTableLine() throws {
        let result = try run(["facts", "--format", "ndjson"], store: Self.store)
        #expect(result.status == 0)
        let file = Self.store.path + "-sample.ndjson"
        try result.stdout.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let count = try execute("/usr/bin/jq", ["-s", "length", file])
        #expect(count.status == 0, "jq: \(count.stderr)")
        #expect(Int(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) == result.stdout.split(separator: "\n").count)
        let line = try execute("/usr/bin/jq", ["-c",
            "select(.key == \"function.expense.total\" and .code == \"2101199\" and .year == 2024) | [.unit, .value, .origin]", file])
        #expect(line.stdout.split(separator: "\n").first == "[\"\(Self.office)\",2263.86,\"table\"]")
    }

    // The 2024 document's stated change (−537.11) implies 2023; its 五(三) gives the
    // 公费医疗 line's budget and the unit's reason.
    @Test func officeTimelineImplies2023AndGivesThe公费医疗Reason() throws {
        let timeline = try Self.json(["timeline", Self.office, "--format", "json"])
        let grand2023 = try #require(Self.total(Self.year(timeline, 2023), "grand.total"))
        #expect(grand2023["value"] as? NSNumber == NSNumber(value: 2882.33))
        #expect(grand2023["basis"] as? String == "implied")
        let item = (Self.year(timeline, 2024)?["items"] as? [[String: Any]])?.first { $0["code"] as? String == "2101199" }
        #expect((item?["budget"] as? [String: Any])?["value"] as? NSNumber == NSNumber(value: 2878.8))
        let reason = (item?["variance_reason"] as? [String: Any])?["text"] as? String
        #expect(reason?.contains("离休人员去世、新增高干较为年轻，就诊需求减少") == true)
    }

    // The bureau's 2023 决算 has no tables; its totals, its two stated deltas and the
    // transfer of 医疗救助 are all sentences.
    @Test func bureauTimelineShowsBothImplied2022ValuesAndTheTransfer() throws {
        let timeline = try Self.json(["timeline", Self.bureau, "--format", "json"])
        let y2022 = Self.year(timeline, 2022)
        #expect(Self.total(y2022, "grand.total")?["value"] as? NSNumber == NSNumber(value: 700.28))
        #expect(Self.total(y2022, "income.total")?["value"] as? NSNumber == NSNumber(value: 700.27))
        #expect((y2022?["implied_disagreements"] as? [Any])?.count == 1)
        #expect(Self.total(Self.year(timeline, 2023), "grand.total")?["value"] as? NSNumber == NSNumber(value: 479.44))
        let transfer = try #require((Self.year(timeline, 2023)?["transfers_out"] as? [[String: Any]])?.first)
        #expect(transfer["value"] as? NSNumber == NSNumber(value: 289))
        #expect((transfer["to"] as? [String: Any])?["unit"] as? String == "武昌区民政局")
        let reasons = (Self.year(timeline, 2023)?["reasons"] as? [[String: Any]])?.compactMap { $0["text"] as? String } ?? []
        #expect(reasons.contains { $0.contains("医疗救助专项项目划转到区民政局") })
        // The receiving side has no document of its own and still shows the transfer.
        let civil = try Self.json(["timeline", "武昌区民政局", "--format", "json"])
        #expect(((Self.year(civil, 2023)?["transfers_in"] as? [[String: Any]])?.first?["value"]) as? NSNumber == NSNumber(value: 289))
    }

    // Goldens of the README's main job.
    @Test func goldenOutputs() throws {
        let cases: [([String], String)] = [
            (["diff", "2022", "2023"], "diff-2022-2023.txt"), (["diff", "2022", "2023", "--format", "json"], "diff-2022-2023.json"),
            (["diff", "2023", "2024"], "diff-2023-2024.txt"), (["diff", "2023", "2024", "--format", "json"], "diff-2023-2024.json"),
            (["timeline", Self.bureau], "timeline-bureau.txt"), (["timeline", Self.bureau, "--format", "json"], "timeline-bureau.json"),
            (["timeline", Self.office], "timeline-office.txt"), (["timeline", Self.office, "--format", "json"], "timeline-office.json"),
            (["check"], "check.txt"), (["check", "--format", "json"], "check.json"),
        ]
        for (arguments, name) in cases {
            let result = try run(arguments, store: Self.store)
            #expect(result.status == 0 || (arguments[0] == "check" && result.status == 1), "\(arguments): \(result.stderr)")
            Snapshot.expect(result.stdout, suite: "CLI", file: name)
        }
    }
}
