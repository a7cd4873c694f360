import Disclosure
import EventLog
import Foundation
import HistoryTestSupport
import Testing
@testable import History

/// The DocumentParsed payload's amounts as README "On-disk format" documents them (version 2:
/// decimal strings beside the measure), read back by the README's python3-lmdb block, which
/// knows nothing of Swift; and the first release's form, still read.
@Suite struct PayloadAmountsTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
    static let budget2023 = repository.appendingPathComponent("Tests/Fixtures/budget/shanghai-putuo-wanli-street-2023-budget.layout.txt").path

    /// The README's python block that reads amounts (the one defining YUAN_PER_UNIT).
    static func readmeReader() throws -> String {
        let readme = try String(contentsOf: repository.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = readme.components(separatedBy: "```python\n").dropFirst().map { $0.components(separatedBy: "\n```")[0] }
        return try #require(blocks.first { $0.contains("YUAN_PER_UNIT") }, "README has no python block reading amounts")
    }

    /// The reader's rows: document, key, code, year, origin, amount, measure, amount in 元.
    static func rows(ofStoreAt path: String) throws -> [[String]] {
        try runSystemPython(try readmeReader(), arguments: [path]).split(separator: "\n").map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
    }

    @Test func amountsAreDecimalStringsBesideTheirMeasure() throws {
        let span = SourceSpan(line: 220, text: "收入总计 164,978,640")
        let facts = [
            Fact(key: .grandTotal, year: 2023, value: .amount(Amount(parsing: "164,978,640")!), measure: .yuan, origin: .table, source: span),
            Fact(key: .changeStated, year: 2024, value: .amount(Amount(parsing: "-876.75")!), measure: .wanYuan, origin: .narrative,
                 source: span, of: .grandTotal, baseYear: 2023, delta: Amount(parsing: "-876.75"), pct: Amount(parsing: "-5.3"),
                 share: Amount(parsing: "0.05")),
            Fact(key: .expenseTotal, year: 2023, value: .text("据实"), measure: .text, origin: .narrative, source: span),
            Fact(key: .expenseTotal, year: 2023, value: .none, origin: .table, source: span),
        ]
        let payload = DocumentParsed(contentHash: String(repeating: "0f", count: 32), parserVersion: DisclosureParser.version,
                                     parsed: ParsedDisclosure(identity: DocumentIdentity(unit: "万里街道", year: 2023, kind: .budget),
                                                              facts: facts, warnings: []))
        let json = String(decoding: DocumentParsedJSON.encode(payload), as: UTF8.self)
        #expect(json.contains(#""measure":"元","origin":"table","source":{"firstLine":220"#))
        #expect(json.contains(#""value":{"amount":"164978640"}"#))
        #expect(json.contains(#""delta":"-876.75""#) && json.contains(#""pct":"-5.3""#) && json.contains(#""share":"0.05""#))
        #expect(json.contains(#""value":{"text":"据实"}"#) && json.contains(#""value":{}"#))
        #expect(!json.contains("hundredths") && !json.contains("_0"))
        #expect(try DocumentParsedJSON.decode(Array(json.utf8)) == payload)
        #expect(try JSONDecoder().decode(DocumentParsed.self, from: Data(json.utf8)) == payload)
    }

    /// Every Int64 of hundredths survives as a string; anything not written so is refused.
    @Test func decimalStringsAreExact() {
        for hundredths: Int64 in [0, 5, 50, 500, -7, 226_386, .max, .min] {
            #expect(Amount(exactDecimal: Amount(hundredths: hundredths).description) == Amount(hundredths: hundredths))
        }
        for text in ["", "-", "1.", ".5", "1.234", "1,234", "+5", "1e3", "１", "92233720368547758.08"] {
            #expect(Amount(exactDecimal: text) == nil, "\(text)")
        }
    }

    /// A first-release payload (`{"amount":{"_0":{"hundredths":…}}}`) is upcast to today's facts.
    @Test func aVersion1PayloadIsUpcast() throws {
        let version1 = #"{"contentHash":"ab","parsed":{"facts":[{"delta":{"hundredths":-22084},"key":"change.stated","measure":"万元","of":"grand.total","origin":"narrative","source":{"firstLine":189,"lastLine":189,"text":"减少220.84万元"},"value":{"amount":{"_0":{"hundredths":-22084}}},"year":2023},{"key":"expense.total","measure":"","origin":"table","source":{"firstLine":1,"lastLine":1,"text":""},"value":{"none":{}},"year":2023},{"key":"reason.variance","measure":"","origin":"narrative","source":{"firstLine":2,"lastLine":2,"text":""},"value":{"text":{"_0":"据实"}},"year":2023}],"identity":{"kind":"决算","otherNames":[],"unit":"武昌区医疗保障局","year":2023},"warnings":[]},"parserVersion":1}"#
        let recorded = RecordedEvent(sequence: 1, type: "DocumentParsed", schemaVersion: 1, recordedAtMilliseconds: 0, payload: Array(version1.utf8))
        guard case .documentParsed(let parsed) = try HistoryEvent(decoding: recorded) else {
            Issue.record("not a DocumentParsed")
            return
        }
        let facts = parsed.parsed.facts
        #expect(facts.map(\.value) == [.amount(Amount(parsing: "-220.84")!), .none, .text("据实")])
        #expect(facts[0].delta == Amount(parsing: "-220.84") && facts[0].money == Money(fen: -220_840_000))
        // JSONDecoder reads it the same way where the byte scanner would hand it over.
        #expect(try JSONDecoder().decode(DocumentParsed.self, from: Data(version1.utf8)) == parsed)
    }

    /// 万里街道's 2023 预算 prints its 收支总表 in 元 and its narrative in 万元: the README's reader
    /// gets both with their measure and the same sum in 元 within the 万元's rounding.
    @Test func theReadmeReaderReadsAmountsOfTheLog() throws {
        let directory = try StoreDirectory()
        let store = try Store(path: directory.path + "/s", create: true)
        let outcomes = Importer(store: store).importFiles([Self.budget2023])
        guard case .imported(_, _, .parsed) = outcomes.first else {
            Issue.record("not imported: \(outcomes)")
            return
        }
        let rows = try Self.rows(ofStoreAt: directory.path + "/s")
        // 收支总表 (单位：元), line 220: 收入总计 164,978,640.
        #expect(rows.contains { $0[1] == "grand.total" && $0[3] == "2023" && $0[4] == "table" && $0[5] == "164978640" && $0[6] == "元"
            && $0[7] == "164978640.00" }, "\(rows.prefix(40))")
        // The narrative, line 68: 收入预算16497.86万元.
        #expect(rows.contains { $0[3] == "2023" && $0[4] == "narrative" && $0[5] == "16497.86" && $0[6] == "万元" && $0[7] == "164978600.00" })
        // Every row is a money fact of the payload, converted exactly.
        let parsed = try store.read { txn in try store.log.events(in: txn) }.compactMap { event -> DocumentParsed? in
            guard case .documentParsed(let payload) = try RecordedHistoryEvent(decoding: event).event else { return nil }
            return payload
        }
        let expected = parsed.flatMap(\.parsed.facts).compactMap { fact -> [String]? in
            guard let money = fact.money, let amount = fact.amount else { return nil }
            return [fact.key.rawValue, fact.code ?? "", String(fact.year), fact.origin.rawValue, amount.description, fact.measure.rawValue,
                    money.decimal(in: .yuan)!]
        }
        #expect(rows.map { Array($0.dropFirst()) } == expected)
    }

    /// The first release's store (Tests/Fixtures/store-v1) read by the same block: its version-1
    /// amounts, e.g. the 武昌区医保委办 2024 公开01表 (单位：万元) 一般公共预算财政拨款收入 2,345.22, line 75.
    @Test func theReadmeReaderReadsTheFirstReleasesStore() throws {
        let directory = try StoreDirectory()
        let path = directory.path + "/store-v1"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: ReplayFixtureTests.fixture, toPath: path + "/data.mdb")
        let rows = try Self.rows(ofStoreAt: path)
        #expect(rows.contains { $0[3] == "2024" && $0[4] == "table" && $0[5] == "2345.22" && $0[6] == "万元" && $0[7] == "23452200.00" },
                "\(rows.prefix(40))")
    }
}
