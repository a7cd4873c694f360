import Disclosure
import Foundation
import History
import Testing

/// What analysts load: typed columns, codes as strings, ordinals, `--kind`, `--bom`, CSV
/// without control characters, on a store of hand-written facts whose figures are stated here.
@Suite struct ExportCommandTests {
    static let street = "上海市普陀区某某街道办事处"
    static let budgetHash = "b2024" + String(repeating: "0", count: 59)
    static let finalHash = "f2023" + String(repeating: "0", count: 59)

    /// A 2024 预算 printing its tables in 元 and its narrative in 万元 (the 上海 manner), 收入总计
    /// and 支出总计 on one line, a snippet holding a form feed and a line break, a textual
    /// indicator and a count; and the street's 2023 决算.
    static func makeStore() throws -> TemporaryStore {
        let temporary = try TemporaryStore()
        let store = try Store(path: temporary.path, create: true)
        let totalsLine = "收入总计\t1,200,000.00\t支出总计\t1,200,000.00"
        let budget = ParsedDisclosure(
            identity: DocumentIdentity(unit: street, year: 2024, kind: .budget),
            facts: [
                Fact(key: .grandTotal, year: 2024, value: .amount(Amount(hundredths: 120_000_000)), measure: .yuan, origin: .table,
                     source: SourceSpan(line: 40, text: totalsLine)),
                Fact(key: .grandTotal, year: 2024, value: .amount(Amount(hundredths: 120_000_000)), measure: .yuan, origin: .table,
                     source: SourceSpan(line: 40, text: totalsLine)),
                Fact(key: .expenseTotal, year: 2024, value: .amount(Amount(hundredths: 100_000_050)), measure: .yuan, origin: .table,
                     source: SourceSpan(line: 42, text: "本年支出合计\t1,000,000.50")),
                Fact(key: .expenseTotal, year: 2024, value: .amount(Amount(hundredths: 10_000)), measure: .wanYuan, origin: .narrative,
                     source: SourceSpan(firstLine: 3, lastLine: 4, text: "支出预算100.00万元\u{0C}\n下一页")),
                Fact(key: .functionExpenseTotal, year: 2024, code: "201", name: "一般公共服务支出",
                     value: .amount(Amount(hundredths: 2_976_800)), measure: .yuan, origin: .table,
                     source: SourceSpan(line: 44, text: "201\t一般公共服务支出\t29,768.00")),
                Fact(key: .indicatorActual, year: 2024, name: "资金使用", value: .text("据实"), measure: .text, origin: .table,
                     source: SourceSpan(line: 80, text: "资金使用\t据实")),
                Fact(key: .threePublicVehicleHeld, year: 2024, value: .amount(Amount(hundredths: 300)), measure: .vehicles, origin: .narrative,
                     source: SourceSpan(line: 60, text: "公务用车保有量3辆")),
            ],
            warnings: [])
        let final = ParsedDisclosure(
            identity: DocumentIdentity(unit: street, year: 2023, kind: .finalAccount),
            facts: [
                Fact(key: .expenseTotal, year: 2023, value: .amount(Amount(hundredths: 9_550)), measure: .wanYuan, origin: .table,
                     source: SourceSpan(line: 101, text: "本年支出合计\t95.50")),
            ],
            warnings: [])
        try store.write { txn in
            try store.append([
                .documentImported(DocumentImported(contentHash: budgetHash, sourceName: "street-2024.txt", mediaType: "text/plain", size: 1)),
                .documentParsed(DocumentParsed(contentHash: budgetHash, parserVersion: 1, parsed: budget)),
                .documentImported(DocumentImported(contentHash: finalHash, sourceName: "street-2023.txt", mediaType: "text/plain", size: 1)),
                .documentParsed(DocumentParsed(contentHash: finalHash, parserVersion: 1, parsed: final)),
            ], in: txn)
        }
        return temporary
    }

    static func ndjson(_ arguments: [String], store: TemporaryStore) throws -> [[String: Any]] {
        let result = try run(["facts", "--format", "ndjson"] + arguments, store: store)
        #expect(result.status == 0, "\(result.stderr)")
        return try result.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func amountsAreTypedAndMoneyIsInYuan() throws {
        let store = try Self.makeStore()
        let facts = try Self.ndjson(["--year", "2024"], store: store)
        func one(_ key: String, _ origin: String) throws -> [String: Any] {
            try #require(facts.first { $0["key"] as? String == key && $0["origin"] as? String == origin })
        }
        // The narrative's 100.00万元 is 1,000,000元; the table's 1,000,000.50元 stays in 元.
        let narrative = try one("expense.total", "narrative")
        #expect((narrative["amount"] as? NSNumber)?.doubleValue == 100 && (narrative["yuan"] as? NSNumber)?.doubleValue == 1_000_000)
        #expect(narrative["measure"] as? String == "万元" && narrative["value_text"] is NSNull)
        let table = try one("expense.total", "table")
        #expect((table["yuan"] as? NSNumber)?.doubleValue == 1_000_000.5 && table["doc_year"] as? Int == 2024)
        // A count has an amount and no money; a textual value has only its text.
        let vehicles = try one("three_public.vehicle.held", "narrative")
        #expect((vehicles["amount"] as? NSNumber)?.intValue == 3 && vehicles["yuan"] is NSNull && vehicles["measure"] as? String == "辆")
        let indicator = try one("indicator.actual", "table")
        #expect(indicator["amount"] is NSNull && indicator["yuan"] is NSNull && indicator["value_text"] as? String == "据实")
        // Written with two decimals always, so a loader's sample of whole figures infers no integer column.
        let raw = try run(["facts", "--format", "ndjson", "--key", "expense.total", "--kind", "预算"], store: store).stdout
        #expect(raw.contains("\"amount\":100.00,\"yuan\":1000000.00,\"value_text\":null,"))
        // Codes are strings, never numbers.
        #expect(try one("function.expense.total", "table")["code"] as? String == "201")
    }

    @Test func factsOfOneKeyOnOneLineAreToldApartByOrdinal() throws {
        let store = try Self.makeStore()
        let totals = try Self.ndjson(["--key", "grand.total"], store: store)
        #expect(totals.count == 2)
        #expect(totals.compactMap { $0["ordinal"] as? Int }.sorted() == [1, 2])
        #expect(Set(totals.compactMap { ($0["lines"] as? [Int]) }) == [[40, 40]])
        // Facts alone on their lines are 1.
        #expect(try Self.ndjson(["--key", "expense.total"], store: store).allSatisfy { $0["ordinal"] as? Int == 1 })
    }

    @Test func kindKeepsOneKindOfDisclosure() throws {
        let store = try Self.makeStore()
        #expect(try Self.ndjson(["--kind", "决算"], store: store).map { $0["year"] as? Int } == [2023])
        #expect(try Self.ndjson(["--kind", "budget"], store: store).allSatisfy { $0["kind"] as? String == "预算" })
        let trend = try run(["trend", "expense.total", "--kind", "预算", "--format", "csv"], store: store)
        let rows = trend.stdout.split(separator: "\r\n")
        #expect(rows.count == 2 && rows[1].contains(",2024,预算,") && rows[1].hasSuffix(",1000000.50,1000000.50,"))
        let finals = try run(["trend", "expense.total", "--kind", "决算", "--format", "csv"], store: store)
        #expect(finals.stdout.split(separator: "\r\n").dropFirst().map { $0.hasSuffix(",95.50,955000.00,") } == [true])
    }

    @Test func csvHoldsNoControlCharactersButTabs() throws {
        let store = try Self.makeStore()
        let result = try run(["facts", "--format", "csv", "--key", "expense.total"], store: store)
        let body = result.stdout.replacingOccurrences(of: "\r\n", with: "")
        #expect(!body.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" })
        #expect(result.stdout.contains(",支出预算100.00万元  下一页,"))
        #expect(result.stdout.contains("本年支出合计\t1,000,000.50"))
        #expect(result.stdout.split(separator: "\r\n").count == 4)
    }

    @Test func bomOpensCSVForExcelAndIsRefusedElsewhere() throws {
        let store = try Self.makeStore()
        let facts = try run(["facts", "--format", "csv", "--bom"], store: store)
        #expect(Array(facts.stdout.utf8.prefix(9)) == [0xEF, 0xBB, 0xBF] + Array("schema".utf8))
        let trend = try run(["trend", "expense.total", "--format", "csv", "--bom"], store: store)
        #expect(trend.stdout.hasPrefix("\u{FEFF}unit,"))
        let refused = try run(["facts", "--format", "ndjson", "--bom"], store: store)
        #expect(refused.status == 64 && refused.stderr.contains("--bom applies to CSV output"))
        #expect(try run(["facts", "--format", "csv"], store: store).stdout.hasPrefix("schema,"))
    }

    @Test func wideTrendPivotsUnitsByYearsWithMoneyInYuan() throws {
        let store = try Self.makeStore()
        let result = try run(["trend", "expense.total", "--format", "wide"], store: store)
        #expect(result.status == 0)
        // The 决算's 95.50万元 and the 预算's 1,000,000.50元 in one measure, one row per kind.
        #expect(result.stdout == """
            unit,unit_key,kind,code,name,measure,2023,2024\r
            \(Self.street),普陀区某某街道办事处,决算,,,元,955000.00,\r
            \(Self.street),普陀区某某街道办事处,预算,,,元,,1000000.50\r

            """)
        let counts = try run(["trend", "three_public.vehicle.held", "--format", "wide"], store: store)
        #expect(counts.stdout.hasSuffix(",辆,3.00\r\n"))
    }

    @Test func unitsAsCSVHaveOneRowPerDocument() throws {
        let store = try Self.makeStore()
        let result = try run(["units", "--format", "csv"], store: store)
        let rows = result.stdout.split(separator: "\r\n").map(String.init)
        #expect(rows.first == "unit,unit_key,doc,year,kind,scope,printed_unit,source,names")
        #expect(Set(rows.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[2...4].joined(separator: ",") })
                == ["\(Self.budgetHash),2024,预算", "\(Self.finalHash),2023,决算"])
    }
}
