import Foundation
import Testing
@testable import Disclosure

/// Expected facts written by hand, one per line:
/// `key code year value origin [field=value …]`, `-` for no code, fields among name, of, base,
/// baseYear, delta, pct, share, counterparty, reason (a part of the reason text), measure.
struct ExpectedFact: CustomStringConvertible {
    var key: FactKey
    var code: String?
    var year: Int
    var value: String
    var origin: Origin
    var fields: [String: String]

    init(line: String) {
        let parts = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        key = FactKey(rawValue: parts[0])!
        code = parts[1] == "-" ? nil : parts[1]
        year = Int(parts[2])!
        value = parts[3]
        origin = Origin(rawValue: parts[4])!
        var fields: [String: String] = [:]
        for field in parts.dropFirst(5) {
            let pair = field.split(separator: "=", maxSplits: 1).map(String.init)
            fields[pair[0]] = pair[1]
        }
        self.fields = fields
    }

    static func list(_ text: String) -> [ExpectedFact] {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }.map(ExpectedFact.init(line:))
    }

    func matches(_ fact: Fact) -> Bool {
        guard fact.key == key, fact.code == code, fact.year == year, fact.origin == origin else { return false }
        switch fact.value {
        case .amount(let amount): if amount != Amount(parsing: value) { return false }
        case .text: if value != "text" { return false }
        case .none: if value != "none" { return false }
        }
        for (field, expected) in fields {
            let actual: String?
            switch field {
            case "name": actual = fact.name
            case "of": actual = fact.of?.rawValue
            case "base": actual = fact.base?.rawValue
            case "baseYear": actual = fact.baseYear.map(String.init)
            case "delta": actual = fact.delta?.description
            case "pct": actual = fact.pct?.description
            case "share": actual = fact.share?.description
            case "counterparty": actual = fact.counterparty
            case "measure": actual = fact.measure.rawValue
            case "reason":
                guard let reason = fact.reason, reason.contains(expected) else { return false }
                continue
            default: actual = nil
            }
            if actual != expected { return false }
        }
        return true
    }

    var description: String {
        "\(key.rawValue) \(code ?? "-") \(year) \(value) \(origin.rawValue) \(fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))"
    }

    /// Asserts that every expected fact is among the narrative facts, and that there are no others.
    static func expect(_ expected: [ExpectedFact], in facts: [Fact], sourceLocation: SourceLocation = #_sourceLocation) {
        let narrative = facts.filter { $0.origin != .table }
        var unmatched = narrative
        for fact in expected {
            if let index = unmatched.firstIndex(where: fact.matches) {
                unmatched.remove(at: index)
            } else {
                Issue.record(Comment(rawValue: "missing: \(fact)"), sourceLocation: sourceLocation)
            }
        }
        for fact in unmatched {
            let text = "unexpected: \(fact.key.rawValue) \(fact.code ?? "-") \(fact.year) \(fact.value) \(fact.origin.rawValue) name=\(fact.name ?? "-") line \(fact.source.firstLine)"
            Issue.record(Comment(rawValue: text), sourceLocation: sourceLocation)
        }
    }
}

/// The real disclosures the tests read: the bundled sample 决算 (Tests/Corpus) and the two
/// Shanghai 预算 kept as fixtures to prove the parser general (Tests/Fixtures/budget).
enum Corpus {
    static func text(_ name: String) throws -> String {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [tests.appendingPathComponent("Corpus/\(name)"), tests.appendingPathComponent("Fixtures/budget/\(name)")]
        for url in candidates where FileManager.default.fileExists(atPath: url.path) {
            return try String(contentsOf: url, encoding: .utf8)
        }
        throw CocoaError(.fileNoSuchFile)
    }

    static let bureau2023 = "wuchang-medical-security-bureau-2023-final-account.txt"
    static let office2024 = "wuchang-medical-security-committee-office-2024-final-account.txt"
    static let street2023 = "shanghai-putuo-wanli-street-2023-budget.layout.txt"
    static let street2024 = "shanghai-putuo-wanli-street-2024-budget.layout.txt"
}
