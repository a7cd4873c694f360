import Foundation
import Testing
@testable import Disclosure

/// The inputs that crashed, hung or slowed down the parser under Tools/fuzz/run.sh, kept as
/// Tests/Fixtures/fuzz/*.bin, plus very large inputs the fuzzer's 64 KB limit cannot reach.
///
/// This is the short form of the fuzz harness: it never runs libFuzzer. A crash fails the test
/// run; a quadratic scan shows up as a test that does not finish (the scaling itself is what the
/// fuzzer's -timeout checks, so nothing here is timed).
@Suite struct FuzzRegressionTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz")

    static let fixtures: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".bin") }.sorted()
    }()

    @Test func fixturesArePresent() {
        #expect(!Self.fixtures.isEmpty, "no fuzz fixtures in \(Self.directory.path)")
    }

    @Test(arguments: fixtures)
    func parsesFixture(_ name: String) throws {
        let bytes = try Data(contentsOf: Self.directory.appendingPathComponent(name))
        expectWellFormed(DisclosureParser.parse(String(decoding: bytes, as: UTF8.self)), of: String(decoding: bytes, as: UTF8.self))
    }

    /// Every fact and warning points at lines that exist.
    private func expectWellFormed(_ parsed: ParsedDisclosure, of text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let lineCount = SourceText(text).lineCount
        for fact in parsed.facts {
            #expect(1 <= fact.source.firstLine && fact.source.firstLine <= fact.source.lastLine && fact.source.lastLine <= lineCount,
                    "\(fact.key) cites lines \(fact.source.firstLine)–\(fact.source.lastLine) of \(lineCount)", sourceLocation: sourceLocation)
        }
        for warning in parsed.warnings {
            guard let source = warning.source else { continue }
            #expect(1 <= source.firstLine && source.firstLine <= source.lastLine && source.lastLine <= lineCount,
                    "\(warning.rule) cites lines \(source.firstLine)–\(source.lastLine) of \(lineCount)", sourceLocation: sourceLocation)
        }
    }

    /// amount-17-digits-overflow.bin: the table reader's fast path let 17 digits through, and
    /// multiplying them into hundredths trapped.
    @Test func amountsBeyondHundredthsAreNotRead() {
        #expect(TableBytes.amount(Array("92233720368547759".utf8)) == nil)
        #expect(TableBytes.amount(Array("92,233,720,368,547,759.00".utf8)) == nil)
        #expect(TableBytes.amount(Array("9223372036854775.07".utf8)) == Amount(hundredths: 922_337_203_685_477_507))
    }

    /// sum-of-huge-amounts-overflow.bin: twelve 款 of 9e15 万元 under one 类 trapped when added up.
    @Test func overflowingSumIsReportedNotTrapped() throws {
        let bytes = try Data(contentsOf: Self.directory.appendingPathComponent("sum-of-huge-amounts-overflow.bin"))
        let parsed = DisclosureParser.parse(String(decoding: bytes, as: UTF8.self))
        #expect(parsed.warnings.contains { $0.rule == .sumMismatch && $0.message.contains("more than an amount can hold") })
    }

    // MARK: - Sizes beyond the fuzzer's reach

    private static let tabHeader = "2024 年度一般公共预算财政拨款支出决算表\n公开05表\n单位：万元\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n"
    private static let layoutHeader = "            2024年部门一般公共预算支出功能分类预算表\n单位:万元\n   科目编码     科目名称        合计       基本支出       项目支出\n"

    @Test func oneMegabyteLineWithoutBreaks() {
        var line = ""
        while line.utf8.count < 1 << 20 { line += "卫生健康支出1,234.56万元，与2022年度相比减少12.3%，主要原因是 \t" }
        let parsed = DisclosureParser.parse(line)
        #expect(SourceText(line).lineCount == 1)
        expectWellFormed(parsed, of: line)
    }

    @Test func twentyThousandLineTabTable() {
        let text = Self.tabHeader + (0..<20_000).map { "\(2_100_000 + $0)\t行政运行\t\($0).00\t1.00\t2.00\n" }.joined()
        let parsed = DisclosureParser.parse(text)
        #expect(parsed.facts.count == 60_000)
        expectWellFormed(parsed, of: text)
    }

    @Test func twentyThousandLineLayoutTable() {
        let text = Self.layoutHeader + (0..<20_000).map { "   \(2_100_000 + $0)   行政运行          \($0).00       1.00        2.00\n" }.joined()
        let parsed = DisclosureParser.parse(text)
        #expect(parsed.facts.count == 60_000)
        expectWellFormed(parsed, of: text)
    }
}
