import Disclosure
import Testing
@testable import History

/// How the importer chooses between a PDF's two parses, on parses written by hand.
@Suite struct PDFReadingTests {
    static let identity = DocumentIdentity(unit: "武汉市武昌区测试局", year: 2024, kind: .finalAccount)

    static func paged(_ facts: [Fact], warnings: [ParseWarning] = [], identity: DocumentIdentity = identity) -> PagedParse {
        var parse = PagedParse(parsed: ParsedDisclosure(identity: identity, facts: facts, warnings: warnings), lines: [])
        parse.tableLines = Set(facts.filter { $0.origin == .table }.map(\.source.firstLine))
        return parse
    }

    static func layout(_ facts: [Fact], warnings: [ParseWarning] = [], identity: DocumentIdentity = identity) -> ParsedDisclosure {
        ParsedDisclosure(identity: identity, facts: facts, warnings: warnings)
    }

    static let row = Fact.item(.functionExpenseTotal, "2010601", "行政运行", "100", year: 2024, .table, span(12))
    static let sentence = Fact.total(.expenseTotal, "100", year: 2024, .narrative, span(40))

    @Test func wordBoxesWinWhenTheyHaveTables() {
        let reading = PDFReading(boxes: Self.paged([Self.row, Self.sentence]), layout: Self.layout([Self.row, Self.sentence]))
        #expect(reading.path == .boxes)
        #expect(reading.parsed.facts == [Self.row, Self.sentence])
        #expect(reading.parsed.warnings.isEmpty)
    }

    @Test func layoutIsTheFallback() {
        let noTables = PDFReading(boxes: Self.paged([Self.sentence]), layout: Self.layout([Self.row, Self.sentence]))
        #expect(noTables.path == .layout && noTables.parsed.facts == [Self.row, Self.sentence])
        let unreadable = PDFReading(boxes: nil, layout: Self.layout([Self.sentence]))
        #expect(unreadable.path == .layout)
        // Neither has a table: the word boxes still give pages.
        #expect(PDFReading(boxes: Self.paged([Self.sentence]), layout: Self.layout([])).path == .boxes)
    }

    @Test func layoutNarrativeWhereItReadsMore() {
        let more = Fact.total(.grandTotal, "120", year: 2024, .narrative, span(41))
        let boxWarning = ParseWarning(rule: .sumMismatch, message: "table", source: span(12))
        let layoutTableWarning = ParseWarning(rule: .unreadableRow, message: "layout table", source: span(30))
        let layoutNarrativeWarning = ParseWarning(rule: .percentMismatch, message: "layout narrative", source: span(41))
        let reading = PDFReading(boxes: Self.paged([Self.row], warnings: [boxWarning]),
                                 layout: Self.layout([Self.row, Self.sentence, more], warnings: [layoutTableWarning, layoutNarrativeWarning]))
        #expect(reading.path == .boxesWithLayoutNarrative)
        #expect(reading.parsed.facts == [Self.row, Self.sentence, more])
        #expect(reading.parsed.warnings.map(\.message) == ["table", "layout narrative"])
    }

    /// A PDF whose only title is a running header: the word boxes drop it, -layout keeps it.
    @Test func identityFromLayoutWhenOnlyItHasTheYear() {
        let noYear = DocumentIdentity(unit: "武汉市武昌区测试局", year: 0, kind: .finalAccount)
        let missing = ParseWarning(rule: .identityMissing, message: "no year")
        let reading = PDFReading(boxes: Self.paged([Self.row], warnings: [missing], identity: noYear), layout: Self.layout([Self.row]))
        #expect(reading.path == .boxesWithLayoutNarrative)
        #expect(reading.parsed.identity.year == 2024)
        #expect(reading.parsed.warnings.isEmpty)
    }

    /// A tables-only PDF whose one dated table title only -layout reads: the word boxes' table
    /// facts, read against no year, take the -layout year (a previous-year column one less).
    @Test func tableFactsTakeTheYearTheLayoutTextFound() {
        let noYear = DocumentIdentity(unit: "武汉市武昌区测试局", year: 0, kind: .budget)
        let dated = DocumentIdentity(unit: "武汉市武昌区测试局", year: 2019, kind: .budget)
        var current = Self.row
        current.year = 0
        var previous = Self.row
        previous.year = -1
        previous.source = span(13)
        var layoutRow = Self.row
        layoutRow.year = 2019
        let reading = PDFReading(boxes: Self.paged([current, previous], identity: noYear), layout: Self.layout([layoutRow], identity: dated))
        #expect(reading.parsed.identity.year == 2019)
        #expect(reading.parsed.facts.map(\.year) == [2019, 2018])
        // Both texts now read the same figure for 2019: no disagreement.
        #expect(reading.parsed.warnings.isEmpty)
    }

    @Test func differentValuesForOneFigureAreAWarning() {
        var scrambled = Self.row
        scrambled.value = .amount(amount("30207"))
        scrambled.source = span(79)
        var inYuan = Self.row
        inYuan.measure = .yuan
        inYuan.value = .amount(amount("1000000"))
        let reading = PDFReading(boxes: Self.paged([Self.row]), layout: Self.layout([scrambled, inYuan]))
        let warnings = reading.parsed.warnings.filter { $0.rule == .pdfPathsDisagree }
        #expect(warnings.map(\.message) == [
            "function.expense.total 2010601 2024: the word boxes read 100 (line 12), pdftotext -layout reads 30207 (line 79); "
                + "the word boxes' figure is kept, check it against the PDF",
        ])
        #expect(warnings.first?.source == Self.row.source)
        // A figure only one path read is no disagreement.
        #expect(PDFReading(boxes: Self.paged([Self.row]), layout: Self.layout([inYuan])).parsed.warnings.isEmpty)
    }
}
