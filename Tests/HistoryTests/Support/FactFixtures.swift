import Foundation
import Disclosure
@testable import History

/// A disclosure written by hand as the parser will emit it (FACTS.md): the stand-in for parser
/// output until the parser lands. Swap `filed()` for `DisclosureParser.parse` of the corpus text
/// and the tests keep their meaning.
struct DocumentFixture {
    var unit: String
    var year: Int
    var kind: DisclosureKind = .finalAccount
    var otherNames: [String] = []
    var facts: [Fact] = []
    var warnings: [ParseWarning] = []
    /// Corpus file whose lines give the snippets; nil for documents written for tests.
    var corpusFile: String?

    func filed(hash: String, sequence: UInt64, source: String) -> FiledDocument {
        let identity = DocumentIdentity(unit: unit, year: year, kind: kind, otherNames: otherNames)
        var facts = self.facts
        if let corpusFile {
            let lines = CorpusText.lines(of: corpusFile)
            for index in facts.indices where facts[index].source.text.isEmpty {
                let span = facts[index].source
                facts[index].source.text = lines[(span.firstLine - 1)...(span.lastLine - 1)]
                    .map { $0.trimmingCharacters(in: .whitespaces) }.joined()
            }
        }
        return FiledDocument(contentHash: hash, sequence: sequence, sourceName: source,
                             disclosure: ParsedDisclosure(identity: identity, facts: facts, warnings: warnings))
    }
}

/// The sample corpus copied to Tests/Corpus, read only to fill fixture snippets.
enum CorpusText {
    static func lines(of file: String) -> [String] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Corpus").appendingPathComponent(file)
        let text = try! String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}

/// A 64-digit fake content hash that shows which fixture it stands for: `fakeHash("b2023")`.
func fakeHash(_ tag: String) -> String {
    tag + String(repeating: "0", count: 64 - tag.count)
}

func amount(_ text: String) -> Amount {
    guard let value = Amount(parsing: text) else { fatalError("not an amount: \(text)") }
    return value
}

func span(_ first: Int, _ last: Int? = nil, _ text: String = "") -> SourceSpan {
    SourceSpan(firstLine: first, lastLine: last ?? first, text: text)
}

extension Fact {
    static func total(_ key: FactKey, _ value: String, year: Int, _ origin: Origin, _ source: SourceSpan) -> Fact {
        Fact(key: key, year: year, value: .amount(HistoryTests.amount(value)), origin: origin, source: source)
    }

    static func item(_ key: FactKey, _ code: String, _ name: String, _ value: String, year: Int, _ origin: Origin,
                     _ source: SourceSpan) -> Fact {
        Fact(key: key, year: year, code: code, name: name, value: .amount(HistoryTests.amount(value)), origin: origin, source: source)
    }

    /// A stated change, and the implied base-year fact the parser emits with it.
    static func change(of key: FactKey, year: Int, current: String, delta: String, pct: String, reason: String,
                       _ source: SourceSpan) -> [Fact] {
        let base = HistoryTests.amount(current) - HistoryTests.amount(delta)
        return [
            Fact(key: .changeStated, year: year, value: .none, measure: .text, origin: .narrative, source: source,
                 of: key, baseYear: year - 1, delta: HistoryTests.amount(delta), pct: HistoryTests.amount(pct), reason: reason),
            Fact(key: key, year: year - 1, value: .amount(base), origin: .implied, source: source),
        ]
    }

    /// 年初预算为 B，支出决算为 A，and the reason for the gap when one is given.
    static func variance(_ code: String, _ name: String, budget: String, actual: String, year: Int, reason: String? = nil,
                         _ source: SourceSpan) -> [Fact] {
        var facts = [
            Fact.item(.functionBudget, code, name, budget, year: year, .narrative, source),
            Fact.item(.functionActual, code, name, actual, year: year, .narrative, source),
        ]
        if let reason {
            facts.append(Fact(key: .reasonVariance, year: year, code: code, name: name, value: .text(reason), measure: .text,
                              origin: .narrative, source: source, reason: reason))
        }
        return facts
    }

    static func transfer(_ key: FactKey, _ name: String, counterparty: String, value: String, year: Int,
                         _ source: SourceSpan) -> Fact {
        Fact(key: key, year: year, name: name, value: .amount(HistoryTests.amount(value)), origin: .narrative, source: source,
             counterparty: counterparty)
    }
}

/// Money printed in 万元 ("479.44" is 4,794,400元): what the engine's figures hold.
func wan(_ text: String) -> Money {
    Money(amount(text), in: .wanYuan)!
}
