import Disclosure
import Testing
@testable import History

/// `history facts` writes a unit at a time; the bytes must be those of the whole list rendered at once.
@Suite struct FactsStreamTests {
    private func streamed(_ queries: HistoryQueries, _ format: FactsStream.Format, year: Int? = nil, key: FactKey? = nil) throws -> (String, Int) {
        var stream = FactsStream(format: format)
        var output = stream.opening(), chunks = 0
        try queries.forEachUnitsFacts(year: year, key: key) { facts in
            #expect(Set(facts.map(\.unit)).count == 1, "one unit per call")
            output += stream.next(facts)
            chunks += 1
        }
        return (output + stream.closing(), chunks)
    }

    private func whole(_ facts: [FiledFact], _ format: FactsStream.Format) -> String {
        let renderer = FactsRenderer()
        switch format {
        case .text: return renderer.text(facts)
        case .ndjson: return renderer.ndjson(facts)
        case .csv: return renderer.csv(facts)
        case .json: return renderer.json(facts)
        }
    }

    @Test(arguments: FactsStream.Format.allCases)
    func aStreamedDumpIsTheWholeListRendered(_ format: FactsStream.Format) throws {
        let filed = try FiledStore(ExtendedCorpus.documents, aliases: ExtendedCorpus.aliases)
        let queries = try filed.queries
        let facts = try queries.facts()
        let (output, chunks) = try streamed(queries, format)
        #expect(chunks == Set(facts.map(\.unit)).count && chunks >= 3)
        #expect(output == whole(facts, format))
        let (keyed, _) = try streamed(queries, format, year: 2023, key: .grandTotal)
        #expect(keyed == whole(try queries.facts(year: 2023, key: .grandTotal), format))
    }

    @Test(arguments: FactsStream.Format.allCases)
    func anEmptyDumpIsTheEmptyListRendered(_ format: FactsStream.Format) throws {
        let filed = try FiledStore(SampleCorpus.documents)
        let (output, chunks) = try streamed(try filed.queries, format, year: 1900)
        #expect(chunks == 0)
        #expect(output == whole([], format))
    }
}
