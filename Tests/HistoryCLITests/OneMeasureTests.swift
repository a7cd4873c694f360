import Foundation
import Testing

/// Issue 16's "done when": on the 万里街道 预算 (2023, 2024; tables in 元, narrative in 万元) and
/// the 普陀 documents of Tests/Corpus/real, `trend`, `diff`, `timeline` and the report show money
/// in one measure, say which, and never call one figure printed in 元 and in 万元 two values.
/// Figures are written from the documents' pages.
@Suite(.serialized) struct OneMeasureTests {
    static let street = KindChoiceTests.street
    static let office = "上海市普陀区人民政府办公室"

    static let store: TemporaryStore = {
        let real = URL(fileURLWithPath: HistoryCLITests.corpus).appendingPathComponent("real").path
        let putuo = ((try? FileManager.default.contentsOfDirectory(atPath: real)) ?? [])
            .filter { $0.hasPrefix("shanghai-putuo-") }.sorted().map { real + "/" + $0 }
        let store = try! TemporaryStore()
        _ = try! run(["import"] + KindChoiceTests.budgets + putuo, store: store)
        return store
    }()

    @Test func trendShowsOneMeasureAndNoSecondValueForOneFigure() throws {
        let trend = try run(["trend", "income.total"], store: Self.store)
        #expect(trend.status == 0, "\(trend.stderr)")
        #expect(trend.stdout.contains("value (万元)"), "\(trend.stdout)")
        // 万里街道 2023: 收入总表 合计 164,978,640 元; the narrative's 收入预算16497.86万元 (line 68)
        // is the same figure.
        let street2023 = try #require(trend.stdout.split(separator: "\n").first { $0.contains(Self.street) && $0.contains("2023") })
        #expect(street2023.contains("16,497.864") && !street2023.contains("16,497.86 "), "\(street2023)")
        #expect(!street2023.contains("narrative"), "\(street2023)")
        // 普陀区政府办公室 2025 部门预算, p.8 收支总表 (单位：元): 收入总计 91,016,775.35; narrative 9,101.68万元.
        let office = try #require(trend.stdout.split(separator: "\n").first { $0.contains(Self.office) })
        #expect(office.contains("9,101.677535") && !office.contains("narrative"), "\(office)")
    }

    @Test func diffOfTheBudgetsIsInOneLabelledMeasure() throws {
        let diff = try run(["diff", "2023", "2024", "--kind", "预算"], store: Self.store)
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.hasPrefix("2023 → 2024  预算  1 unit(s), amounts in 万元"), "\(diff.stdout.prefix(200))")
        // 收支总计 164,978,640 元 (2023, line 220) and 156,211,123 元 (2024, line 212).
        #expect(diff.stdout.contains("收支总计 grand.total    16,497.864  15,621.1123  -876.7517  -5.31%"), "\(diff.stdout)")
        // The items, in 元 in the tables, in the same measure: 行政运行 18,373,632 元 (2023 line 328)
        // → 16,603,248 元 (2024 line 319); the narrative rounds them to 1837.36 and 1660.32万元.
        #expect(diff.stdout.contains("2120101  行政运行                  1,837.3632  1,660.3248  -177.0384"), "\(diff.stdout)")
        #expect(!diff.stdout.contains("also stated"))
        // The narrative's 减少876.75万元 is the change the tables give, within 0.005万元.
        #expect(!diff.stdout.contains("! grand.total"))
        let json = try run(["diff", "2023", "2024", "--kind", "预算", "--format", "json"], store: Self.store)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["measure"] as? String == "万元")
        let totals = ((object["units"] as? [[String: Any]])?.first?["totals"] as? [[String: Any]]) ?? []
        let grand = try #require(totals.first { $0["key"] as? String == "grand.total" })
        #expect((grand["from"] as? [String: Any])?["value"] as? NSNumber == NSNumber(value: 16497.864))
        #expect(((grand["from"] as? [String: Any])?["values"] as? [Any])?.count == 1)
    }

    @Test func timelineSaysItsMeasureAndCitesBothPrintingsOfOneFigure() throws {
        let timeline = try run(["timeline", Self.office, "--kind", "预算"], store: Self.store)
        #expect(timeline.status == 0, "\(timeline.stderr)")
        #expect(timeline.stdout.contains("amounts in 万元"))
        // 收入预算总表 合计 91,016,775.35 元 and the narrative's 收入预算9,101.68万元: one value, two places.
        let income = try #require(timeline.stdout.split(separator: "\n").first { $0.contains("income.total") })
        #expect(income.contains("9,101.677535") && income.contains("table;") && income.contains("narrative"), "\(income)")
        #expect(!timeline.stdout.contains("also stated"), "\(timeline.stdout)")
        let street = try run(["timeline", Self.street, "--kind", "预算", "--format", "markdown"], store: Self.store)
        #expect(street.stdout.contains("Amounts in 万元.") && street.stdout.contains("| grand.total | 16,497.864 | document |"), "\(street.stdout)")
    }

    @Test func theReportShowsTheTablesFiguresInItsOneMeasure() throws {
        let out = Self.store.path + "-report"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let report = try run(["report", "--out", out], store: Self.store)
        #expect(report.status == 0, "\(report.stderr)")
        let index = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(index.contains("金额单位：万元"))
        let pages = try FileManager.default.contentsOfDirectory(atPath: out + "/units")
        let page = try String(contentsOfFile: out + "/units/" + #require(pages.first { $0.contains("万里") }), encoding: .utf8)
        #expect(page.contains("16,497.864") && page.contains("15,621.1123"))
        #expect(!page.contains("16,497.864 / 16,497.86") && !page.contains("15,621.1123 / 15,621.11"))
    }
}
