import Disclosure

/// What changed between two parses of one document: facts added, removed and changed, warnings
/// gained and lost, and the identity (unit, year, kind) when it moved.
///
/// Facts are matched by ``FactIdentity``: first with the line the fact starts on, then, among the
/// facts still unmatched, without it (a fix that widens a fact's span changes the fact rather than
/// removing one and adding another). Facts equal in every field are unchanged. Warnings are
/// compared as a multiset of (rule, message, source).
public struct ParseDiff: Hashable, Sendable {
    public var identityBefore: DocumentIdentity?
    public var identityAfter: DocumentIdentity?
    /// In the order of the newer parse.
    public var added: [Fact]
    /// In the order of the older parse.
    public var removed: [Fact]
    /// In the order of the newer parse.
    public var changed: [FactChange]
    public var warningsGained: [ParseWarning]
    public var warningsLost: [ParseWarning]

    /// Compares `old` with `new`; a missing parse (never parsed, or the parse failed) has no facts.
    public init(from old: ParsedDisclosure?, to new: ParsedDisclosure?) {
        identityBefore = old?.identity
        identityAfter = new?.identity
        (added, removed, changed) = Self.matchFacts(old?.facts ?? [], new?.facts ?? [])
        (warningsGained, warningsLost) = Self.multisetDifference(old?.warnings ?? [], new?.warnings ?? [])
    }

    /// The diff of a parse with an equal one: nothing changed. What `init(from: parsed, to: parsed)`
    /// finds, without matching every fact.
    public init(unchanged parsed: ParsedDisclosure) {
        identityBefore = parsed.identity
        identityAfter = parsed.identity
        (added, removed, changed, warningsGained, warningsLost) = ([], [], [], [], [])
    }

    /// Whether the identity differs (also when one side has none).
    public var identityChanged: Bool { identityBefore != identityAfter }

    /// Whether nothing a reader could notice changed.
    public var isEmpty: Bool {
        !identityChanged && added.isEmpty && removed.isEmpty && changed.isEmpty && warningsGained.isEmpty && warningsLost.isEmpty
    }

    private static func matchFacts(_ old: [Fact], _ new: [Fact]) -> (added: [Fact], removed: [Fact], changed: [FactChange]) {
        var remaining = Array(repeating: true, count: old.count)
        var strict: [FactIdentity: [Int]] = [:]
        for (index, fact) in old.enumerated() { strict[FactIdentity(fact, withLine: true), default: []].append(index) }
        // Reversed so that popLast hands out the earliest candidate first.
        for key in strict.keys { strict[key]!.reverse() }

        var pairs: [(old: Int?, new: Int)] = []
        var unmatchedNew: [Int] = []
        for (index, fact) in new.enumerated() {
            if let match = strict[FactIdentity(fact, withLine: true)]?.popLast() {
                remaining[match] = false
                pairs.append((match, index))
            } else {
                unmatchedNew.append(index)
            }
        }
        var loose: [FactIdentity: [Int]] = [:]
        for index in old.indices.reversed() where remaining[index] { loose[FactIdentity(old[index], withLine: false), default: []].append(index) }
        for index in unmatchedNew {
            let match = loose[FactIdentity(new[index], withLine: false)]?.popLast()
            if let match { remaining[match] = false }
            pairs.append((match, index))
        }
        pairs.sort { $0.new < $1.new }

        var added: [Fact] = [], changed: [FactChange] = []
        for pair in pairs {
            guard let oldIndex = pair.old else {
                added.append(new[pair.new])
                continue
            }
            if old[oldIndex] != new[pair.new] { changed.append(FactChange(before: old[oldIndex], after: new[pair.new])) }
        }
        let removed = old.indices.filter { remaining[$0] }.map { old[$0] }
        return (added, removed, changed)
    }

    private static func multisetDifference(_ old: [ParseWarning], _ new: [ParseWarning]) -> (gained: [ParseWarning], lost: [ParseWarning]) {
        var counts: [ParseWarning: Int] = [:]
        for warning in old { counts[warning, default: 0] += 1 }
        var gained: [ParseWarning] = []
        for warning in new {
            if let count = counts[warning], count > 0 { counts[warning] = count - 1 } else { gained.append(warning) }
        }
        var lost: [ParseWarning] = []
        for warning in old.reversed() {
            if let count = counts[warning], count > 0 {
                counts[warning] = count - 1
                lost.append(warning)
            }
        }
        return (gained, lost.reversed())
    }
}

/// One fact as two parses read it.
public struct FactChange: Hashable, Sendable {
    public var before: Fact
    public var after: Fact
}

/// What makes two facts of two parses of one document "the same fact": key, year, code, name,
/// origin, the statement fields that name what a fact is about (`of`, `baseYear`,
/// `counterparty`) and, in the strict form, the line it starts on. Its value, measure, span end,
/// text and the stated delta, percent and reason may change.
public struct FactIdentity: Hashable, Sendable {
    public var key: FactKey
    public var year: Int
    public var code: String?
    public var name: String?
    public var origin: Origin
    public var of: FactKey?
    public var baseYear: Int?
    public var counterparty: String?
    public var firstLine: Int?

    public init(_ fact: Fact, withLine: Bool) {
        key = fact.key
        year = fact.year
        code = fact.code
        name = fact.name
        origin = fact.origin
        of = fact.of
        baseYear = fact.baseYear
        counterparty = fact.counterparty
        firstLine = withLine ? fact.source.firstLine : nil
    }
}
