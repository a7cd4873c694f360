import Disclosure
import Foundation
import History
import Testing

/// The query commands end to end on a store written through the library with hand-written
/// facts, so they are tested whatever the parser reads today.
@Suite struct QueryCommandTests {
    static let office = "武汉市武昌区医疗保障管理委员会办公室"
    static let officeHash = "c2024" + String(repeating: "0", count: 59)
    static let bureauHash = "b2023" + String(repeating: "0", count: 59)

    /// Two documents: the office's 2024 决算 (a table line whose snippet holds a comma and a quote)
    /// and the bureau's 2023 决算 (a stated change, a transfer to 区民政局, a parser warning).
    static func makeStore(warnings: Bool = true) throws -> TemporaryStore {
        let temporary = try TemporaryStore()
        let store = try Store(path: temporary.path, create: true)
        let office = ParsedDisclosure(
            identity: DocumentIdentity(unit: office, year: 2024, kind: .finalAccount),
            facts: [
                Fact(key: .grandTotal, year: 2024, value: .amount(Amount(hundredths: 234522)), origin: .table,
                     source: SourceSpan(line: 104, text: "总计\t2,345.22")),
                Fact(key: .functionExpenseTotal, year: 2024, code: "2101199", name: "其他行政事业单位医疗支出",
                     value: .amount(Amount(hundredths: 226386)), origin: .table,
                     source: SourceSpan(line: 131, text: "2101199\t其他行政事业单位医疗支出\t\t2,263.86 \"公费医疗\"")),
            ],
            warnings: [])
        let bureau = ParsedDisclosure(
            identity: DocumentIdentity(unit: "武汉市武昌区医疗保障局", year: 2023, kind: .finalAccount, otherNames: ["武汉市武昌区医保障局"]),
            facts: [
                Fact(key: .grandTotal, year: 2023, value: .amount(Amount(hundredths: 47944)), origin: .narrative,
                     source: SourceSpan(line: 189, text: "收、支总计均为479.44万元")),
                Fact(key: .changeStated, year: 2023, value: .none, measure: .text, origin: .narrative,
                     source: SourceSpan(firstLine: 189, lastLine: 193, text: "与2022年度相比，收、支总计各减少220.84万元"),
                     of: .grandTotal, baseYear: 2022, delta: Amount(hundredths: -22084), pct: Amount(hundredths: -3150),
                     reason: "上级要求将医疗救助专项项目划转到区民政局"),
                Fact(key: .grandTotal, year: 2022, value: .amount(Amount(hundredths: 70028)), origin: .implied,
                     source: SourceSpan(firstLine: 189, lastLine: 193, text: "与2022年度相比，收、支总计各减少220.84万元")),
                Fact(key: .transferOut, year: 2023, name: "医疗救助专项项目", value: .amount(Amount(hundredths: 28900)), origin: .narrative,
                     source: SourceSpan(firstLine: 191, lastLine: 193, text: "将医疗救助专项项目划转到区民政局，该项目调减289万元"),
                     counterparty: "区民政局"),
            ],
            warnings: warnings ? [ParseWarning(rule: .suspiciousMeasure, message: "5.62元 where the sentence is in 万元",
                                               source: SourceSpan(line: 298, text: "年初预算为 5.62元"))] : [])
        try store.write { txn in
            try store.append([
                .documentImported(DocumentImported(contentHash: officeHash, sourceName: "office-2024.txt", mediaType: "text/plain", size: 1)),
                .documentParsed(DocumentParsed(contentHash: officeHash, parserVersion: 1, parsed: office)),
                .documentImported(DocumentImported(contentHash: bureauHash, sourceName: "bureau-2023.txt", mediaType: "text/plain", size: 1)),
                .documentParsed(DocumentParsed(contentHash: bureauHash, parserVersion: 1, parsed: bureau)),
            ], in: txn)
        }
        return temporary
    }

    @Test func factsAsNDJSONAreReadByJqWithExactValues() throws {
        let store = try Self.makeStore()
        let result = try run(["facts", "--format", "ndjson"], store: store)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 6)
        #expect(result.stdout.contains("\"value\":2263.86,") && result.stdout.contains("\"value\":-220.84") == false)
        let file = store.path + "-facts.ndjson"
        try result.stdout.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let jq = try execute("/usr/bin/jq", ["-c", "select(.code == \"2101199\") | [.unit, .year, .value, .origin, .lines, .doc]", file])
        #expect(jq.status == 0, "jq could not read the NDJSON: \(jq.stderr)")
        #expect(jq.stdout == "[\"\(Self.office)\",2024,2263.86,\"table\",[131,131],\"\(Self.officeHash)\"]\n")
        let statement = try execute("/usr/bin/jq", ["-c", "select(.key == \"change.stated\") | [.of, .base_year, .delta, .pct, .reason]", file])
        #expect(statement.stdout == "[\"grand.total\",2022,-220.84,-31.5,\"上级要求将医疗救助专项项目划转到区民政局\"]\n")
        let implied = try execute("/usr/bin/jq", ["-c", "select(.origin == \"implied\") | [.year, .value]", file])
        #expect(implied.stdout == "[2022,700.28]\n")
    }

    @Test func factsAsCSVFollowRFC4180() throws {
        let store = try Self.makeStore()
        let result = try run(["facts", "--format", "csv", "--key", "function.expense.total"], store: store)
        let script = "import csv, sys, json; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))))"
        let file = store.path + "-facts.csv"
        try result.stdout.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let python = try execute("/usr/bin/python3", ["-c", script, file])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(python.stdout.utf8)) as? [[String]])
        #expect(rows.count == 2)
        #expect(rows[0].prefix(4) == ["schema", "unit", "unit_key", "year"])
        let row = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        #expect(row["value"] == "2263.86" && row["code"] == "2101199" && row["first_line"] == "131")
        #expect(row["text"] == "2101199\t其他行政事业单位医疗支出\t\t2,263.86 \"公费医疗\"")
        #expect(result.stdout.hasSuffix("\r\n"))
    }

    @Test func textOutputAlignsCJKAndIsPlainWithoutATerminal() throws {
        let store = try Self.makeStore()
        let result = try run(["facts", "--unit", "武昌区医疗保障管理委员会办公室"], store: store)
        #expect(!result.stdout.contains("\u{1B}["))
        let rows = result.stdout.split(separator: "\n").filter { $0.contains("2024") || $0.contains("year") }
        // Every row's "measure" column starts at the same display column.
        let starts = rows.compactMap { row -> Int? in
            guard let range = row.range(of: row.contains("measure") ? "measure" : "万元") else { return nil }
            return displayColumns(String(row[..<range.lowerBound]))
        }
        #expect(starts.count == 3 && Set(starts).count == 1, "\(result.stdout)")
    }

    @Test func colourOnlyOnATerminalAndNeverWithNoColor() throws {
        let store = try Self.makeStore()
        let binary = try historyBinary()
        let command = "\(binary) units --store \(store.path)"
        // The test runner may itself run with NO_COLOR set: unset it for the terminal case.
        let tty = try execute("/usr/bin/env", ["-u", "NO_COLOR", "/usr/bin/script", "-qec", command, "/dev/null"])
        #expect(tty.stdout.contains("\u{1B}[1m"), "a terminal gets colour")
        let noColor = try execute("/usr/bin/script", ["-qec", command, "/dev/null"], environment: ["NO_COLOR": "1"])
        #expect(!noColor.stdout.contains("\u{1B}[") && noColor.stdout.contains("武汉市武昌区医疗保障局"))
    }

    @Test func anUnknownUnitIsAClearErrorWithCloseMatches() throws {
        let store = try Self.makeStore()
        let result = try run(["timeline", "武昌区医疗保障"], store: store)
        #expect(result.status != 0)
        #expect(result.stderr.contains("no unit named 武昌区医疗保障") && result.stderr.contains("close matches: 武昌区医疗保障局"))
        let key = try run(["trend", "grand.totl"], store: store)
        #expect(key.status == 64 && key.stderr.contains("not a fact key"))
    }

    @Test func checkExitsOneWithFindingsAndZeroWithout() throws {
        let withFindings = try Self.makeStore()
        let found = try run(["check"], store: withFindings)
        #expect(found.status == 1)
        #expect(found.stdout.contains("suspicious-measure") && found.stdout.contains("line 298"))
        let json = try run(["check", "--format", "json"], store: withFindings)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["findings"] as? [Any])?.count == 1)
        let clean = try run(["check"], store: try Self.makeStore(warnings: false))
        #expect(clean.status == 0 && clean.stdout == "no findings\n")
        let missing = try run(["check", "--store", withFindings.path + "/absent"], store: withFindings)
        #expect(missing.status == 2)
    }

    @Test func aliasJoinsTheUnitsAndUnitsExplainsIt() throws {
        let store = try Self.makeStore()
        let declared = try run(["alias", "武昌区医保局", "武汉市武昌区医疗保障局"], store: store)
        #expect(declared.status == 0 && declared.stdout.contains("is now an alias of 武昌区医疗保障局 (event 5)"))
        let timeline = try run(["timeline", "武昌区医保局", "--format", "json"], store: store)
        #expect(timeline.status == 0 && timeline.stdout.contains("\"unit_key\": \"武昌区医疗保障局\""))
        let units = try run(["units"], store: store).stdout
        #expect(units.split(separator: "\n").contains { $0.contains("武汉市武昌区医保障局") && $0.contains("spelled-inside-document") })
        #expect(units.contains("区民政局  counterparty-only"))
        #expect(units.contains("declared aliases") && units.contains("武昌区医保局 → 武昌区医疗保障局 (event 5)"))
        #expect(try run(["alias", "某单位", "不存在的单位"], store: store).status != 0)
    }

    @Test func everyCommandExplainsItselfWithAnExample() throws {
        for command in ["units", "timeline", "diff", "trend", "check", "facts", "alias"] {
            let help = try execute(historyBinary(), [command, "--help"])
            #expect(help.status == 0 && help.stdout.contains("Example"), "\(command) --help")
        }
    }
}

/// Terminal columns of `text`: two for CJK, as the renderers count them.
func displayColumns(_ text: String) -> Int { DisplayWidth.of(text) }
