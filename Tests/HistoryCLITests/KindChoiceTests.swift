import Foundation
import Testing

/// `diff`, `timeline` and `report` read the kind the store has documents of, say so, and
/// `--kind` picks: on the 万里街道 预算 fixtures alone, and mixed with the 武昌区 决算 sample.
@Suite(.serialized) struct KindChoiceTests {
    static let street = "上海市普陀区人民政府万里街道办事处"
    static var budgets: [String] {
        let folder = URL(fileURLWithPath: HistoryCLITests.corpus).deletingLastPathComponent().appendingPathComponent("Fixtures/budget").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".txt") }.sorted().map { folder + "/" + $0 }
    }

    static let budgetStore: TemporaryStore = {
        let store = try! TemporaryStore()
        _ = try! run(["import"] + budgets, store: store)
        return store
    }()

    static let mixedStore: TemporaryStore = {
        let store = try! TemporaryStore()
        _ = try! run(["import"] + budgets + SampleCorpusCommandTests.sample, store: store)
        return store
    }()

    @Test func aStoreOfBudgetsIsComparedAsBudgetsAndSaysSo() throws {
        #expect(Self.budgets.count == 2)
        let diff = try run(["diff", "2023", "2024"], store: Self.budgetStore)
        #expect(diff.status == 0)
        #expect(diff.stdout.hasPrefix("2023 → 2024  预算  1 unit(s)"), "\(diff.stdout.prefix(200))")
        #expect(diff.stdout.contains(Self.street))
        #expect(diff.stderr == "reading 预算, the only kind with documents for 2023–2025\n")

        let json = try run(["diff", "2023", "2024", "--format", "json"], store: Self.budgetStore)
        #expect(json.stdout.contains(#""disclosure": "预算""#))

        // Asked for 决算, it says there is none and how to pick; the old --budget still works.
        let finals = try run(["diff", "2023", "2024", "--kind", "决算"], store: Self.budgetStore)
        #expect(finals.stdout.hasPrefix("no unit has 决算 evidence for 2023 or 2024 (--kind 决算|预算 picks the kind)") && finals.stderr.isEmpty)
        let old = try run(["diff", "2023", "2024", "--budget"], store: Self.budgetStore)
        #expect(old.stdout == diff.stdout && old.stderr.isEmpty)
        #expect(try run(["diff", "2023", "2024", "--budget", "--kind", "决算"], store: Self.budgetStore).status == 64)

        let timeline = try run(["timeline", Self.street, "--format", "json"], store: Self.budgetStore)
        #expect(timeline.stdout.contains(#""disclosure": "预算""#), "\(timeline.stderr)")
        #expect(timeline.stderr.contains("reading 预算"))
    }

    @Test func withBothKinds决算ComesFirstAndThe预算AreNamed() throws {
        let diff = try run(["diff", "2023", "2024"], store: Self.mixedStore)
        #expect(diff.stdout.hasPrefix("2023 → 2024  决算  2 unit(s)"), "\(diff.stdout.prefix(200))")
        #expect(!diff.stdout.contains(Self.street))
        #expect(diff.stderr == "reading 决算 (documents for 2023–2025: 2 决算, 2 预算); --kind 预算 reads 预算\n")

        let budgets = try run(["diff", "2023", "2024", "--kind", "预算"], store: Self.mixedStore)
        #expect(budgets.stdout.hasPrefix("2023 → 2024  预算  1 unit(s)") && budgets.stderr.isEmpty)
        #expect(try run(["diff", "2023", "2024", "--kind", "budget"], store: Self.mixedStore).stdout == budgets.stdout)

        // One unit's kinds decide for that unit: the street has only 预算, the bureau only 决算.
        let street = try run(["diff", "2023", "2024", "--unit", Self.street], store: Self.mixedStore)
        #expect(street.stdout.hasPrefix("2023 → 2024  预算"), "\(street.stdout.prefix(200)) \(street.stderr)")
        let bureau = try run(["timeline", SampleCorpusCommandTests.bureau], store: Self.mixedStore)
        #expect(bureau.stdout.contains("决算 timeline") && bureau.stderr.isEmpty)
    }

    @Test func theReportReadsTheKindWithEvidence() throws {
        let out = Self.budgetStore.path + "-report"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let report = try run(["report", "--out", out], store: Self.budgetStore)
        #expect(report.status == 0 && report.stderr.contains("reading 预算"), "\(report.stderr)")
        let pages = try FileManager.default.contentsOfDirectory(atPath: out + "/units")
        let page = try String(contentsOfFile: out + "/units/" + #require(pages.first), encoding: .utf8)
        #expect(page.contains("16,497.86"))  // the street's 2023 收入预算, line 68 of its 2023 预算
    }

    /// `history execution`: with one side of the pair in the store, its figures and what to import.
    @Test func executionShowsTheSideItHasAndNamesTheOther() throws {
        let street = try run(["execution", Self.street, "2024"], store: Self.mixedStore)
        #expect(street.status == 0, "\(street.stderr)")
        // 2024 预算: the 收入总表's 合计 156,211,123 元 (line 350), in 万元 exactly; the narrative's
        // 15621.11万元 (line 72) is the same figure, so nothing is marked disputed.
        #expect(street.stdout.contains("收入合计 income.total   15,621.1123     —"), "\(street.stdout)")
        #expect(street.stdout.contains("amounts in 万元") && !street.stdout.contains("*"))
        #expect(street.stdout.contains("→ import \(Self.street)'s 2024 决算 to see what was spent"))
        let bureau = try run(["execution", SampleCorpusCommandTests.bureau, "2023", "--format", "json"], store: Self.mixedStore)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(bureau.stdout.utf8)) as? [String: Any])
        #expect(json["type"] as? String == "execution" && json["budget_document"] is NSNull)
        let grand = (json["totals"] as? [[String: Any]])?.first { $0["key"] as? String == "grand.total" }
        #expect((grand?["actual"] as? [String: Any])?["value"] as? NSNumber == NSNumber(value: 479.44))
        #expect((json["missing"] as? [String])?.first?.contains("2023 预算") == true)
    }
}
