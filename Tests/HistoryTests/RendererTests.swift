import HistoryTestSupport
import Testing
import Disclosure
@testable import History

@Suite struct DisplayWidthTests {
    @Test func countsWideCharactersAsTwoColumns() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("卫生健康支出") == 12)
        #expect(DisplayWidth.of("（项）") == 6)
        #expect(DisplayWidth.of("2,345.22万元") == 12)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("\u{1B}") == 0)
        #expect(DisplayWidth.of(TextStyle.ansi.signed("-537.11", negative: true)) == 7)
    }

    @Test func tableColumnsLineUpWithCJK() {
        var table = TextTable([.init("code"), .init("name"), .init("amount", .right)])
        table.append(["2101199", "其他行政事业单位医疗支出", "2,263.86"])
        table.append(["210", "health", "1.00"])
        let lines = table.lines()
        let widths = lines.map { DisplayWidth.of($0) }
        #expect(Set(widths).count == 1)
        #expect(lines[2].hasSuffix("    1.00"))
    }

    /// Money shown exactly in 万元 has two decimals, or four where a table printed 元: points line up.
    @Test func decimalColumnsLineUpOnThePoint() {
        var table = TextTable([.init("name"), .init("2023", .decimal), .init("%", .decimal)])
        table.append(["其他城乡社区支出", "1,450.00", "-36.41%"])
        table.append(["其他社会保障和就业支出", "1,331.2677", "-3.5%"])
        table.append(["新增", "—", "—"])
        table.append(["整数", "7", TextStyle.ansi.signed("+8.58%", negative: false)])
        let lines = table.lines()
        let points = lines.dropFirst().map { line in
            line.firstIndex(of: ".").map { DisplayWidth.of(line[..<$0]) }
        }
        #expect(points[0] == points[1] && points[0] != nil)
        #expect(lines[1].hasSuffix("1,450.00    -36.41%"))
        #expect(lines[2].hasSuffix("1,331.2677   -3.5%"))
        #expect(lines[3].hasSuffix("—        —"))        // no digit: right-aligned, not on the point
        #expect(lines[4].contains("7     "))                // a whole number ends where the points are
        #expect(lines[4].hasSuffix("+8.58%\u{1B}[0m"))
    }

    @Test func colourOnlyWhenAsked() {
        #expect(TextStyle.plain.bold("x") == "x")
        #expect(TextStyle.ansi.bold("x") == "\u{1B}[1mx\u{1B}[0m")
        let diff = YearDiffTests.diff(2023, 2024)
        #expect(!DiffRenderer().text(diff).contains("\u{1B}"))
        #expect(DiffRenderer().text(diff, style: .ansi).contains("\u{1B}[31m"))
    }

    @Test func jsonPrintsExactDecimalsAndEscapes() {
        let json = JSONValue.object([("v", .amount(amount("2263.86"))), ("s", .string("a\"b\n"))]).serialized(compact: true)
        #expect(json == #"{"v":2263.86,"s":"a\"b\n"}"#)
    }
}

@Suite struct SampleCorpusSnapshots {
    static let documents = SampleCorpus.documents
    static var directory: UnitDirectory { UnitDirectory(documents: documents) }

    static func timeline(_ key: String) -> UnitTimeline { UnitTimelineTests.timeline(key) }

    @Test func timelineBureau() {
        let timeline = Self.timeline("武昌区医疗保障局")
        Snapshot.expect(TimelineRenderer().text(timeline), suite: "SampleCorpus", test: "timeline-bureau", ext: "txt")
        Snapshot.expect(TimelineRenderer().json(timeline), suite: "SampleCorpus", test: "timeline-bureau", ext: "json")
    }

    @Test func timelineOffice() {
        let timeline = Self.timeline("武昌区医疗保障管理委员会办公室")
        Snapshot.expect(TimelineRenderer().text(timeline), suite: "SampleCorpus", test: "timeline-office", ext: "txt")
        Snapshot.expect(TimelineRenderer().json(timeline), suite: "SampleCorpus", test: "timeline-office", ext: "json")
    }

    @Test func diff2022To2023() {
        let diff = YearDiffTests.diff(2022, 2023)
        Snapshot.expect(DiffRenderer().text(diff), suite: "SampleCorpus", test: "diff-2022-2023", ext: "txt")
        Snapshot.expect(DiffRenderer().json(diff), suite: "SampleCorpus", test: "diff-2022-2023", ext: "json")
    }

    @Test func diff2023To2024() {
        let diff = YearDiffTests.diff(2023, 2024)
        Snapshot.expect(DiffRenderer().text(diff), suite: "SampleCorpus", test: "diff-2023-2024", ext: "txt")
        Snapshot.expect(DiffRenderer().markdown(diff), suite: "SampleCorpus", test: "diff-2023-2024", ext: "md")
        Snapshot.expect(DiffRenderer().json(diff), suite: "SampleCorpus", test: "diff-2023-2024", ext: "json")
    }

    @Test func check() {
        let findings = ConsistencyCheck.run(documents: Self.documents, directory: Self.directory)
        Snapshot.expect(CheckRenderer().text(findings), suite: "SampleCorpus", test: "check", ext: "txt")
        Snapshot.expect(CheckRenderer().json(findings), suite: "SampleCorpus", test: "check", ext: "json")
    }

    @Test func units() {
        Snapshot.expect(UnitsRenderer().text(Self.directory), suite: "SampleCorpus", test: "units", ext: "txt")
        Snapshot.expect(UnitsRenderer().json(Self.directory), suite: "SampleCorpus", test: "units", ext: "json")
    }
}

@Suite struct ExtendedCorpusSnapshots {
    @Test func diff2022To2023WithItems() {
        let diff = YearDiffTests.diff(2022, 2023, ExtendedCorpus.documents, aliases: ExtendedCorpus.aliases)
        Snapshot.expect(DiffRenderer().text(diff), suite: "ExtendedCorpus", test: "diff-2022-2023", ext: "txt")
        Snapshot.expect(DiffRenderer().json(diff), suite: "ExtendedCorpus", test: "diff-2022-2023", ext: "json")
    }

    @Test func timelineOfficeAcrossItsRename() {
        let timeline = UnitTimelineTests.timeline("武昌区医疗保障管理委员会办公室", ExtendedCorpus.documents, aliases: ExtendedCorpus.aliases)
        Snapshot.expect(TimelineRenderer().text(timeline), suite: "ExtendedCorpus", test: "timeline-office", ext: "txt")
    }
}

@Suite struct SnapshotHelperTests {
    @Test func lineDiffShowsChangedLinesWithContext() {
        let diff = Snapshot.lineDiff("a\nb\nc\nd\ne\nf\ng", "a\nb\nc\nX\ne\nf\ng")
        #expect(diff == "  b\n  c\n- d\n+ X\n  e\n  f")
    }
}

/// `timeline --format csv` says the measure of the amount it writes.
@Suite struct TimelineCSVTests {
    /// A 2024 预算 prints 收入总计 1,200,000.50 in 元 and says it fell by 40.66万元: the implied 2023
    /// total, 1,606,600.50元, is no whole 0.01万元, so it is written in 元 and labelled 元.
    @Test func anImpliedFigureOfTwoMeasuresIsWrittenInYuan() throws {
        let facts = [
            Fact(key: .grandTotal, year: 2024, value: .amount(Amount(hundredths: 120_000_050)), measure: .yuan,
                 origin: .table, source: SourceSpan(line: 10, text: "收入总计\t1,200,000.50")),
            Fact(key: .changeStated, year: 2024, value: .none, measure: .wanYuan, origin: .narrative,
                 source: SourceSpan(line: 20, text: "比2023年减少40.66万元"), of: .grandTotal, baseYear: 2023,
                 delta: Amount(hundredths: -4_066)),
        ]
        let documents = [DocumentFixture(unit: "上海市普陀区测试街道办事处", year: 2024, kind: .budget, facts: facts)
            .filed(hash: fakeHash("t"), sequence: 1, source: "t.txt")]
        let directory = UnitDirectory(documents: documents)
        let unit = try #require(directory.units.first)
        let timeline = UnitTimeline(unit: unit.id, directory: directory, documents: documents, kind: .budget)
        let rows = TimelineCSV().csv(timeline).split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = try #require(rows.first).map(String.init)
        let column = { (name: String) in header.firstIndex(of: name)! }
        let implied = try #require(rows.first { $0[column("year")] == "2023" && $0[column("key")] == "grand.total" })
        #expect(implied[column("basis")] == "implied")
        #expect(implied[column("yuan")] == "1606600.50")
        #expect(implied[column("printed_amount")] == "1606600.50" && implied[column("printed_measure")] == "元")
        let own = try #require(rows.first { $0[column("year")] == "2024" && $0[column("key")] == "grand.total" })
        #expect(own[column("printed_amount")] == "1200000.50" && own[column("printed_measure")] == "元")
    }
}
