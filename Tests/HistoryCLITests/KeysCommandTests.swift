import Foundation
import Testing

/// The fact vocabulary ships with the project: `history keys` and docs/FACTS.md agree, and a
/// mistyped key or unit is answered with the closest ones.
@Suite struct KeysCommandTests {
    static let facts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/FACTS.md").standardized.path

    @Test func factsMdCarriesTheVocabularyHistoryKeysPrints() throws {
        let printed = try execute(try historyBinary(), ["keys", "--format", "markdown"])
        #expect(printed.status == 0)
        let document = try String(contentsOfFile: Self.facts, encoding: .utf8)
        let start = try #require(document.range(of: "<!-- history keys --format markdown -->\n"))
        let end = try #require(document.range(of: "<!-- end of history keys -->"))
        #expect(String(document[start.upperBound..<end.lowerBound]) == printed.stdout,
                "docs/FACTS.md's \"Every key\" table is not what `history keys --format markdown` prints: paste it there")
        // Every whole key the contract's own tables name (in backticks, above the table) is one the vocabulary lists.
        let listed = Set(printed.stdout.split(separator: "\n").compactMap { $0.split(separator: "`").dropFirst().first.map(String.init) })
        let named = document[..<start.lowerBound].split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
            .filter { $0.contains(".") && !$0.hasPrefix(".") && $0.allSatisfy { $0.isLowercase || $0 == "." || $0 == "_" || $0.isNumber } }
        #expect(named.count > 40)
        for key in named where !["schema"].contains(key) { #expect(listed.contains(key), "docs/FACTS.md names \(key), which no key is") }
        let json = try JSONSerialization.jsonObject(with: Data(try execute(try historyBinary(), ["keys", "--format", "json"]).stdout.utf8)) as? [String: Any]
        let keys = try #require(json?["keys"] as? [[String: Any]])
        #expect(keys.count == listed.count)
        #expect(keys.first { $0["key"] as? String == "three_public.vehicle.held" }?["measure"] as? String == "辆")
        #expect(keys.first { $0["key"] as? String == "function.expense.total" }?["classified"] as? Bool == true)
    }

    @Test func aMistypedKeyIsAnsweredWithTheClosest() throws {
        let store = try TemporaryStore()
        let typo = try run(["trend", "expense.totl"], store: store)
        #expect(typo.status == 64 && typo.stderr.contains("did you mean expense.total?"))
        let partial = try run(["facts", "--key", "threepublic.actual"], store: store)
        #expect(partial.status == 64 && partial.stderr.contains("three_public.actual.total"))
        let nothing = try run(["trend", "zzzzzzzz"], store: store)
        #expect(nothing.status == 64 && !nothing.stderr.contains("did you mean") && nothing.stderr.contains("`history keys` lists every key"))
    }

    @Test func aMistypedUnitIsAnsweredWithTheClosest() throws {
        let store = try ExportCommandTests.makeStore()
        // 某某街到 for 某某街道: all but one character of it is in the unit's name.
        let result = try run(["trend", "expense.total", "--unit", "某某街到"], store: store)
        #expect(result.status != 0 && result.stderr.contains("close matches: 普陀区某某街道办事处"))
    }
}
