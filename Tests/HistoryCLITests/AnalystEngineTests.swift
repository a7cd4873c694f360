import Disclosure
import Foundation
import History
import Testing

/// The path beyond one machine: the sample's facts loaded into DuckDB (Tools/duckdb/load-facts.py)
/// give the values `history trend` gives, and DuckDB's and pandas's own readers load the exports
/// with numeric amounts, string codes and integer years. Skipped, saying so, where python3 lacks
/// the library (`bash Tools/requirements.sh` installs DuckDB; CI runs it).
@Suite(.serialized) struct AnalystEngineTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized.path

    /// `python3` on PATH when it imports `module`.
    static func python(with module: String) -> Bool {
        (try? execute("/usr/bin/env", ["python3", "-c", "import \(module)"]).status) == 0
    }

    static let hasDuckDB = python(with: "duckdb")
    static let hasPandas = python(with: "pandas")
    static let hasJSONSchema = python(with: "jsonschema")

    /// The sample (武昌区 决算 and 万里街道 预算) imported once, and its facts written as CSV and NDJSON.
    static let exported: (store: TemporaryStore, csv: String, ndjson: String) = {
        let store = try! TemporaryStore()
        let files = (HistoryCLITests.corpusFiles.filter { $0.contains("/wuchang-") }
            + ["shanghai-putuo-wanli-street-2023-budget.layout.txt", "shanghai-putuo-wanli-street-2024-budget.layout.txt"]
                .map { repository + "/Tests/Fixtures/budget/" + $0 })
        _ = try! run(["import"] + files, store: store)
        let csv = store.path + "-facts.csv", ndjson = store.path + "-facts.ndjson"
        try! run(["facts", "--format", "csv", "--bom"], store: store).stdout.write(toFile: csv, atomically: true, encoding: .utf8)
        try! run(["facts", "--format", "ndjson"], store: store).stdout.write(toFile: ndjson, atomically: true, encoding: .utf8)
        return (store, csv, ndjson)
    }()

    static func python(_ script: String, _ arguments: [String] = []) throws -> String {
        let result = try execute("/usr/bin/env", ["python3", "-c", script] + arguments)
        #expect(result.status == 0, "python3: \(result.stderr)")
        return result.stdout
    }

    @Test(.enabled(if: hasDuckDB, "DuckDB is not installed for python3 (bash Tools/requirements.sh installs it)"),
          arguments: ["expense.total", "grand.total", "income.total", "function.expense.total"])
    func duckDBGivesTheTrendsValues(_ key: String) throws {
        let (store, csv, _) = Self.exported
        let trend = store.path + "-trend-\(key).csv"
        try run(["trend", key, "--format", "csv"], store: store).stdout.write(toFile: trend, atomically: true, encoding: .utf8)
        let fromTrend = try Self.python("""
            import csv, sys
            print("unit_key,year,kind,code,yuan")
            rows = sorted(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")), key=lambda r: (r["unit_key"], r["code"], r["kind"], int(r["year"])))
            for r in rows: print(",".join([r["unit_key"], r["year"], r["kind"], r["code"], r["yuan"]]))
            """, [trend])
        let recipe = try execute("/usr/bin/env", ["python3", Self.repository + "/Tools/duckdb/load-facts.py", csv, "--trend", key])
        #expect(recipe.status == 0, "\(recipe.stderr)")
        #expect(fromTrend.split(separator: "\n").count > 3, "the sample states \(key)")
        #expect(recipe.stdout == fromTrend)
    }

    @Test(.enabled(if: hasDuckDB, "DuckDB is not installed for python3 (bash Tools/requirements.sh installs it)"))
    func duckDBsOwnReadersTypeTheColumns() throws {
        let (_, csv, ndjson) = Self.exported
        let output = try Self.python("""
            import duckdb, sys
            for source in ("read_json_auto(?)", "read_csv(?, types={'code': 'VARCHAR', 'yuan': 'DECIMAL(18,2)'})"):
                types = dict((r[0], r[1]) for r in duckdb.execute(f"DESCRIBE SELECT * FROM {source}", [sys.argv[1] if 'json' in source else sys.argv[2]]).fetchall())
                total = duckdb.execute(f"SELECT sum(yuan) FROM {source} WHERE key = 'expense.total' AND origin = 'table' AND kind = '预算'", [sys.argv[1] if 'json' in source else sys.argv[2]]).fetchone()[0]
                print(types["code"], types["year"], types["yuan"], types["value_text"], round(total, 2))
            """, [ndjson, csv])
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        // 万里街道's 支出预算 合计: 2023 164,978,640元 + 2024 156,211,123元 (each 支出预算表, one table line).
        #expect(lines[0].hasPrefix("VARCHAR BIGINT DOUBLE VARCHAR ") && lines[0].hasSuffix(" 321189763.0"))
        #expect(lines[1] == "VARCHAR BIGINT DECIMAL(18,2) VARCHAR 321189763.00")
    }

    @Test(.enabled(if: hasPandas, "pandas is not installed for python3"))
    func pandasReadsTheExportsWithTheDocumentedDtypes() throws {
        let (_, csv, ndjson) = Self.exported
        let output = try Self.python("""
            import pandas, sys
            for frame in (pandas.read_json(sys.argv[1], lines=True, dtype={"code": str}),
                          pandas.read_csv(sys.argv[2], dtype={"code": str}, encoding="utf-8-sig")):
                coded = frame[frame.code.notna()]
                print(frame.year.dtype, frame.yuan.dtype, set(map(type, coded.code)) == {str}, "201" in set(coded.code),
                      frame[(frame.key == "expense.total") & (frame.origin == "table") & (frame.kind == "预算")].yuan.sum())
            """, [ndjson, csv])
        #expect(output == String(repeating: "int64 float64 True True 321189763.0\n", count: 2))
    }

    /// Every JSON output analysts script against, from the sample store, against docs/schemas.
    @Test(.enabled(if: hasJSONSchema, "jsonschema is not installed for python3 (bash Tools/requirements.sh installs it)"))
    func jsonOutputsFollowThePublishedSchemas() throws {
        try Self.validate(["facts", "--format", "ndjson"], "fact", lines: true)
        try Self.validate(["facts", "--format", "json"], "facts")
        for key in ["grand.total", "function.expense.total", "change.stated"] { try Self.validate(["trend", key, "--format", "json"], "trend") }
        try Self.validate(["keys", "--format", "json"], "keys")
        try Self.validate(["units", "--format", "json"], "units")
        // The schemas can fail: a code written as a number is refused.
        let bad = Self.exported.store.path + "-bad.ndjson"
        try "{\"code\": 201}\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try execute("/bin/sh", ["-c", "python3 \"$0\" fact --lines < \"$1\"", Self.validator, bad])
        #expect(refused.status == 1 && refused.stdout.contains("code: 201 is not of type"))
    }

    /// The outputs that explain (timeline, diff, execution, check, coverage, replay) on both kinds of
    /// the sample: 武昌's 决算 (a year implied by the next one's stated change, a transfer to a unit
    /// with no documents of its own) and 万里街道's 预算 (budget-variance reasons, an execution with
    /// its plan only). Each schema also refuses its own output with one member retyped, so a schema
    /// that accepts anything fails here.
    @Test(.enabled(if: hasJSONSchema, "jsonschema is not installed for python3 (bash Tools/requirements.sh installs it)"))
    func explainingOutputsFollowThePublishedSchemas() throws {
        // Every schema is itself a valid draft 2020-12 schema.
        let wellFormed = try execute("/usr/bin/env", ["python3", "-c", """
            import glob, json, sys, jsonschema
            for path in glob.glob(sys.argv[1] + "/docs/schemas/*.schema.json"):
                jsonschema.Draft202012Validator.check_schema(json.load(open(path, encoding="utf-8")))
            """, Self.repository])
        #expect(wellFormed.status == 0, "\(wellFormed.stderr)")
        let medical = "武昌区医疗保障局", office = "武昌区医疗保障管理委员会办公室", wanli = "普陀区人民政府万里街道办事处"
        for unit in [medical, office, wanli, "武昌区民政局"] { try Self.validate(["timeline", unit, "--format", "json"], "timeline") }
        try Self.validate(["diff", "2023", "2024", "--format", "json"], "diff")
        try Self.validate(["diff", "2022", "2023", "--format", "json"], "diff")
        try Self.validate(["diff", "2023", "2024", "--kind", "预算", "--format", "json"], "diff")
        try Self.validate(["execution", medical, "2023", "--format", "json"], "execution")
        try Self.validate(["execution", wanli, "2024", "--format", "json"], "execution")
        try Self.validate(["check", "--format", "json"], "check", status: 1)
        try Self.validate(["coverage", "--format", "json"], "coverage")
        try Self.validate(["replay", "--dry-run", "--force", "--format", "json"], "replay")

        // One member of real output retyped (Python's path into the document, the member the
        // validator must name) is refused: money, years and flags are numbers and booleans, not text.
        let retyped: [(arguments: [String], schema: String, path: String, member: String)] = [
            (["timeline", wanli, "--format", "json"], "timeline", "['years'][0]['totals'][0]['value']", "years/0/totals/0/value"),
            (["diff", "2023", "2024", "--kind", "预算", "--format", "json"], "diff", "['units'][0]['items'][0]['delta']", "units/0/items/0/delta"),
            (["execution", wanli, "2024", "--format", "json"], "execution", "['year']", "year"),
            (["check", "--format", "json"], "check", "['findings'][0]['values']", "findings/0/values"),
            (["coverage", "--format", "json"], "coverage", "['documents'][0]['table_facts']", "documents/0/table_facts"),
            (["replay", "--dry-run", "--force", "--format", "json"], "replay", "['dry_run']", "dry_run"),
        ]
        for (arguments, schema, path, member) in retyped {
            let output = try Self.output(arguments, status: arguments.first == "check" ? 1 : 0)
            let check = try execute("/bin/sh", ["-c", """
                python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); exec(f"d{sys.argv[2]} = str(d{sys.argv[2]})"); print(json.dumps(d))' \
                  "$2" "$3" | python3 "$0" "$1"
                """, Self.validator, schema, output, path])
            #expect(check.status == 1 && check.stdout.contains(": \(member): ") && check.stdout.contains("is not"),
                    "\(arguments) with \(member) as a string: \(check.stdout)\(check.stderr)")
        }
    }

    /// Published PDFs exercise what the text sample cannot: 江苏省人大常委会办公厅's 2019 预算 is one
    /// disclosure in two files (a document with `joined`), and findings about a PDF cite pages.
    @Test(.enabled(if: hasJSONSchema, "jsonschema is not installed for python3 (bash Tools/requirements.sh installs it)"))
    func outputsOfPublishedPDFsFollowThePublishedSchemas() throws {
        let store = try TemporaryStore()
        let real = Self.repository + "/Tests/Corpus/real/jiangsu-npc-standing-committee-office-"
        let imported = try run(["import", real + "2018-dept-budget.pdf", real + "2019-dept-budget-narrative.pdf",
                                real + "2019-dept-budget-tables.pdf"], store: store)
        #expect(imported.status == 0, "\(imported.stderr)")
        let timeline = try Self.validate(["timeline", "江苏省人大常委会办公厅", "--format", "json"], "timeline", store: store)
        #expect(timeline.contains("\"joined\": ["))
        try Self.validate(["diff", "2018", "2019", "--format", "json"], "diff", store: store)
        let check = try Self.validate(["check", "--format", "json"], "check", status: 1, store: store)
        #expect(check.contains("\"page\": "))
        try Self.validate(["coverage", "--format", "json"], "coverage", store: store)
    }

    /// A replay that changes something, which the sample replayed by its own parser never does:
    /// 武昌's 2023 决算 read again by a parser that loses the first fact, reads the next one's value
    /// differently, reads a fact more, and loses and gains a warning. A dry run: nothing is written.
    @Test(.enabled(if: hasJSONSchema, "jsonschema is not installed for python3 (bash Tools/requirements.sh installs it)"))
    func aReplayThatChangesFactsFollowsItsSchema() throws {
        let store = try TemporaryStore()
        let imported = try run(["import", Self.repository + "/Tests/Corpus/wuchang-medical-security-bureau-2023-final-account.txt"], store: store)
        #expect(imported.status == 0, "\(imported.stderr)")
        let altered = VersionedParser(version: VersionedParser.current.version + 1) { text in
            var parsed = DisclosureParser.parse(text)
            parsed.facts.removeFirst()
            parsed.facts[0].value = .amount(Amount(hundredths: 1))
            parsed.facts.append(Fact(key: .expenseBasic, year: 2099, value: .amount(Amount(hundredths: 500)), origin: .narrative,
                                     source: SourceSpan(line: 1, text: "基本支出5.00万元")))
            parsed.warnings.removeFirst()
            parsed.warnings.append(ParseWarning(rule: .templateText, message: "a sentence of the template left in"))
            return parsed
        }
        let report = try ParserReplay(store: Store(path: store.path), parser: altered).run(ParserReplay.Options(dryRun: true))
        #expect(report.factsAdded == 1 && report.factsRemoved == 1 && report.factsChanged == 1)
        #expect(report.warningsGained == 1 && report.warningsLost == 1)
        let output = store.path + "-replay.json"
        try report.json.serialized().write(toFile: output, atomically: true, encoding: .utf8)
        let check = try execute("/bin/sh", ["-c", "python3 \"$0\" replay < \"$1\"", Self.validator, output])
        #expect(check.status == 0, "the replay report against docs/schemas/replay.schema.json: \(check.stdout)\(check.stderr)")
    }

    /// The rule ids the schemas list are the ones `check` reports and `coverage` notes: a rule added
    /// to the reader or the engine is added to docs/schemas/common.schema.json too.
    @Test func theSchemasListEveryRule() throws {
        let path = Self.repository + "/docs/schemas/common.schema.json"
        let common = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let definitions = try #require(common["$defs"] as? [String: Any])
        func ids(_ name: String) -> [String] { ((definitions[name] as? [String: Any])?["enum"] as? [String] ?? []).sorted() }
        #expect(ids("finding_rule") == CheckRule.findingIDs)
        #expect(ids("reader_rule") == CheckRule.coverageIDs)
    }

    static let validator = repository + "/Tools/schemas/validate.py"

    /// The output of `arguments` on the sample store (or `store`), in a file (`keys` needs no
    /// store); `check` exits 1 when it finds something, which it does in the sample.
    static func output(_ arguments: [String], status: Int32 = 0, store: TemporaryStore = exported.store) throws -> String {
        let output = store.path + "-" + arguments.joined(separator: "-") + ".json"
        let result = arguments.first == "keys" ? try execute(try historyBinary(), arguments) : try run(arguments, store: store)
        #expect(result.status == status && result.stdout.count > 100, "\(arguments): \(result.stderr)")
        try result.stdout.write(toFile: output, atomically: true, encoding: .utf8)
        return output
    }

    /// Checks the output of `arguments` against docs/schemas/`schema`.schema.json; returns the output.
    @discardableResult
    static func validate(_ arguments: [String], _ schema: String, lines: Bool = false, status: Int32 = 0,
                         store: TemporaryStore = exported.store) throws -> String {
        let output = try output(arguments, status: status, store: store)
        let check = try execute("/bin/sh", ["-c", "python3 \"$0\" \"$1\" \(lines ? "--lines" : "") < \"$2\"", validator, schema, output])
        #expect(check.status == 0, "\(arguments) against docs/schemas/\(schema).schema.json: \(check.stdout)\(check.stderr)")
        return try String(contentsOfFile: output, encoding: .utf8)
    }
}
