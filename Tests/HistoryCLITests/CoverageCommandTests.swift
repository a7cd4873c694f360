import Disclosure
import Foundation
import History
import Testing

/// `history coverage` end to end, and `check` leaving the reader's gaps to it, its options and forms.
@Suite struct CoverageCommandTests {
    static let officeHash = "c2024" + String(repeating: "0", count: 59)
    static let strayHash = "d0000" + String(repeating: "0", count: 59)

    /// The office's 2024 决算 with two table facts, one narrative fact, three cells the reader
    /// could not map, a row of figures in no row, a sum that does not hold; and a document in
    /// which no unit was found.
    static func makeStore() throws -> TemporaryStore {
        let temporary = try TemporaryStore()
        let store = try Store(path: temporary.path, create: true)
        let line = SourceSpan(line: 120, text: "2101199\t其他行政事业单位医疗支出\t2,263.86")
        let office = ParsedDisclosure(
            identity: DocumentIdentity(unit: "武汉市武昌区医疗保障管理委员会办公室", year: 2024, kind: .finalAccount),
            facts: [
                Fact(key: .grandTotal, year: 2024, value: .amount(Amount(hundredths: 234522)), origin: .table, source: line),
                Fact(key: .functionExpenseTotal, year: 2024, code: "2101199", name: "其他行政事业单位医疗支出",
                     value: .amount(Amount(hundredths: 226386)), origin: .table, source: line),
                Fact(key: .expenseTotal, year: 2024, value: .amount(Amount(hundredths: 234522)), origin: .narrative,
                     source: SourceSpan(line: 300, text: "支出合计2,345.22万元")),
            ],
            warnings: [
                ParseWarning(rule: .unmappedCell, message: "a / b = 1 has no fact key", source: line),
                ParseWarning(rule: .unmappedCell, message: "a / c = 2 has no fact key", source: line),
                ParseWarning(rule: .unmappedCell, message: "a / d = 3 has no fact key", source: line),
                ParseWarning(rule: .unreadableRow, message: "numbers that belong to no row", source: SourceSpan(line: 125, text: "1.00 2.00")),
                ParseWarning(rule: .sumMismatch, message: "合计 is 10 but the 类 lines add up to 9", source: line),
            ])
        let stray = ParsedDisclosure(identity: DocumentIdentity(unit: "", year: 2019, kind: .budget), facts: [], warnings: [
            ParseWarning(rule: .identityMissing, message: "no unit found"),
        ])
        try store.write { txn in
            try store.append([
                .documentImported(DocumentImported(contentHash: officeHash, sourceName: "office-2024.txt", mediaType: "text/plain", size: 1)),
                .documentParsed(DocumentParsed(contentHash: officeHash, parserVersion: 1, parsed: office)),
                .documentImported(DocumentImported(contentHash: strayHash, sourceName: "tables-only.pdf", mediaType: "application/pdf", size: 1)),
                .documentParsed(DocumentParsed(contentHash: strayHash, parserVersion: 1, parsed: stray)),
            ], in: txn)
        }
        return temporary
    }

    @Test func jsonCountsWhatTheReaderReadAndMissedPerDocument() throws {
        let store = try Self.makeStore()
        let result = try run(["coverage", "--format", "json"], store: store)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let documents = try #require(object["documents"] as? [[String: Any]])
        #expect(documents.map { $0["source"] as? String } == ["office-2024.txt", "tables-only.pdf"])
        let office = documents[0]
        #expect(office["table_facts"] as? Int == 2)
        #expect(office["table_cells"] as? Int == 5)
        #expect(office["unmapped_cells"] as? Int == 3)
        #expect(office["unread_rows"] as? Int == 1)
        #expect(office["sums_not_holding"] as? Int == 1)
        #expect(office["narrative_facts"] as? Int == 1)
        // The notes are the reader's only: the sum that does not hold is a finding of `check`.
        #expect((office["notes"] as? [[String: Any]])?.map { $0["rule"] as? String } == ["unmapped-cell", "unmapped-cell", "unmapped-cell", "unreadable-row"])
        #expect(documents[1]["unit"] as? String == "")
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["documents"] as? Int == 2)
        #expect(summary["identified"] as? Int == 1)
        #expect(summary["table_cells"] as? Int == 5)
    }

    @Test func textLinesUpAndEndsWithTheStoreSummary() throws {
        let store = try Self.makeStore()
        let result = try run(["coverage"], store: store)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasPrefix("document"))
        // Columns line up in terminal columns (CJK two each): the kind column starts at one place.
        let kindStarts = zip(lines[0...2], ["kind", "部门决算", "部门预算"]).map { line, word in
            DisplayWidth.of(line[..<line.range(of: word)!.lowerBound])
        }
        #expect(Set(kindStarts).count == 1, "\(lines[0...2])")
        // A unit name longer than its 24 columns is cut with an ellipsis, never the line.
        #expect(lines[1].contains("武汉市武昌区医疗保障管…  2024") && lines[1].contains("40.0%"))
        #expect(lines[2].contains("(no unit)"))
        #expect(result.stdout.contains("2 document(s), 1 with a unit and a year, 0 not read; table cells read 2 of 5 (40.0%)"))
    }

    @Test func csvHasOneRowPerDocument() throws {
        let store = try Self.makeStore()
        let rows = try run(["coverage", "--format", "csv"], store: store).stdout.split(separator: "\r\n")
        #expect(rows.count == 3)
        #expect(rows[0].hasPrefix("doc,source,unit,year,kind,scope,table_facts,table_cells,unmapped_cells"))
        #expect(rows[1].hasPrefix("\(Self.officeHash),office-2024.txt,武汉市武昌区医疗保障管理委员会办公室,2024,决算,部门,2,5,3,1,"))
    }

    @Test func checkReportsTheDocumentsErrorsAndNotTheReadersGaps() throws {
        let store = try Self.makeStore()
        let result = try run(["check", "--format", "json"], store: store)
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String } == ["sum-mismatch"])
        #expect(findings.first?["severity"] as? String == "error")
    }

    @Test func aRuleIdCheckDoesNotKnowIsAUsageErrorThatNamesTheRules() throws {
        let store = try Self.makeStore()
        let typo = try run(["check", "--rule", "sum-mismatches"], store: store)
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("Unknown rule sum-mismatches; did you mean sum-mismatch?"), "\(typo.stderr)")
        let reader = try run(["check", "--rule", "unmapped-cell"], store: store)
        #expect(reader.status == 64)
        #expect(reader.stderr.contains("history coverage"))
    }

    @Test func severityKeepsOnlyTheSeriousAndMarkdownGroupsByIt() throws {
        let store = try Self.makeStore()
        #expect(try run(["check", "--severity", "error"], store: store).stdout.contains("1 finding(s): 1 error(s)"))
        let markdown = try run(["check", "--format", "markdown"], store: store).stdout
        #expect(markdown.contains("## 武汉市武昌区医疗保障管理委员会办公室 2024\n\n### error (1)\n\n- **sum-mismatch**: 合计 is 10 but the 类 lines add up to 9"))
        #expect(markdown.contains("  > `c20240000000` line 120: 2101199 其他行政事业单位医疗支出 2,263.86"))
    }

    /// The 2023 sample lost its tables in extraction: six 公开表 titles stand with no rows under
    /// them (lines 78 and 84–88 of the text), and its document is still identified.
    @Test func theSampleWhoseTablesWereLostSaysSo() throws {
        let store = try TemporaryStore()
        _ = try run(["import"] + HistoryCLITests.corpusFiles.filter { $0.contains("wuchang-medical-security-bureau-2023") }, store: store)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try run(["coverage", "--format", "json"], store: store).stdout.utf8)) as? [String: Any])
        let document = try #require((object["documents"] as? [[String: Any]])?.first)
        #expect(document["lost_tables"] as? Int == 6)
        #expect(document["table_facts"] as? Int == 0)
        #expect(document["unit"] as? String == "武汉市武昌区医疗保障局")
        let lost = (document["notes"] as? [[String: Any]])?.filter { $0["rule"] as? String == "table-missing" }
            .compactMap { ($0["lines"] as? [Int])?.first }
        #expect(lost == [78, 84, 85, 86, 87, 88])
    }
}
