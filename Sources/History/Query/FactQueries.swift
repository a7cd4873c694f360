import Disclosure
import LMDB

extension HistoryQueries {
    /// The current facts, filtered: `unit` (any name it is known by), `year` (the fact's year:
    /// read from that year's document, or implied by the next year's), `key`, `code`.
    ///
    /// Ordered by unit, document year and the order the parser read them.
    public func facts(unit name: String? = nil, year: Int? = nil, key: FactKey? = nil, code: String? = nil) throws -> [FiledFact] {
        var result: [FiledFact] = []
        try forEachUnitsFacts(unit: name, year: year, key: key, code: code) { result += $0 }
        return result
    }

    /// The facts ``facts(unit:year:key:code:)`` returns, handed to `body` one unit at a time in
    /// the same order; only that unit's documents are held, so a store larger than memory can
    /// be printed (`history facts`). A unit with no matching fact is skipped.
    public func forEachUnitsFacts(unit name: String? = nil, year: Int? = nil, key: FactKey? = nil, code: String? = nil,
                                  _ body: ([FiledFact]) throws -> Void) throws {
        try store.read { txn in
            var names = UnitNames(registry: registry)
            func emit(_ unit: String, _ documents: [FiledDocument]) throws {
                let unitName = try names.name(of: unit, in: txn)
                var facts: [FiledFact] = []
                for document in documents.sorted(by: { ($0.year, $0.sequence) < ($1.year, $1.sequence) }) {
                    for fact in document.facts {
                        if let year, fact.year != year { continue }
                        if let key, fact.key != key { continue }
                        if let code, fact.code != code { continue }
                        facts.append(FiledFact(unit: UnitID(key: unit), unitName: unitName, document: document.contentHash,
                                               documentYear: document.year, kind: document.kind, fact: fact))
                    }
                }
                if !facts.isEmpty { try body(facts) }
            }
            if let name {
                let unit = try locate(name, in: txn)
                try emit(unit, try factIndex.documents(ofUnit: unit, in: txn))
            } else if let key {
                var years: [String: Set<Int>] = [:]
                for (unit, documentYear) in try factIndex.units(stating: key, in: txn) {
                    if let year, documentYear != year && documentYear != year + 1 { continue }
                    years[unit, default: []].insert(documentYear)
                }
                for unit in years.keys.sorted(by: Self.keyOrder) {
                    var documents: [FiledDocument] = []
                    for documentYear in years[unit]! {
                        documents += try factIndex.documents(ofUnit: unit, years: documentYear...documentYear, in: txn)
                    }
                    try emit(unit, documents)
                }
            } else {
                // A fact of year Y is read from Y's document or implied by Y + 1's stated change.
                // The index is in unit order already: gather one unit's documents, then print them.
                var unit: String?, documents: [FiledDocument] = []
                try factIndex.forEachDocument(years: year.map { $0...($0 + 1) }, in: txn) { documentUnit, document in
                    if documentUnit != unit {
                        if let unit { try emit(unit, documents) }
                        (unit, documents) = (documentUnit, [])
                    }
                    documents.append(document)
                }
                if let unit { try emit(unit, documents) }
            }
        }
    }

    /// Whether two statements give one value: money as money, within the rounding of the measures
    /// printed (164,978,640元 and 16,497.86万元 are one value); anything else as printed.
    static func sameValue(_ a: Fact, _ b: Fact) -> Bool {
        if let x = PrintedMoney(a), let y = PrintedMoney(b) { return x.agrees(with: y) }
        return a.value == b.value && a.measure == b.measure
    }

    /// The order of unit keys in the fact index (UTF-8 bytes), so every filter lists units alike.
    static func keyOrder(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    /// One point per unit × year (× code, for a classified key without `code`) × disclosure
    /// kind, for `key`: the preferred statement and every other value stated for it.
    public func trend(key: FactKey, unit name: String? = nil, code: String? = nil) throws -> [TrendPoint] {
        let facts = try self.facts(unit: name, key: key, code: code)
        // Only what timelines count: the latest filing of a unit's year and kind, its 部门
        // disclosure before its 单位 one, every file of a disclosure published in several.
        var cards: [String: [DocumentCard]] = [:]
        try store.read { txn in
            for (unit, hashes) in Dictionary(grouping: facts, by: \.unit.key).mapValues({ Set($0.map(\.document)) }) {
                cards[unit] = try hashes.compactMap { try registry.card($0, in: txn)?.card }
            }
        }
        let counted = cards.values.reduce(into: Set<String>()) { $0.formUnion(DisclosureJoin.counted($1)) }
        var groups: [String: [FiledFact]] = [:]
        for filed in facts where counted.contains(filed.document) {
            groups["\(filed.unit.key)|\(filed.fact.year)|\(filed.kind.rawValue)|\(filed.fact.code ?? "")", default: []].append(filed)
        }
        return groups.values.map { statements in
            let ordered = statements.sorted { a, b in
                (a.documentYear == a.fact.year ? 0 : 1, FactReading.preference(a.fact.origin), a.documentYear, a.fact.source.firstLine)
                    < (b.documentYear == b.fact.year ? 0 : 1, FactReading.preference(b.fact.origin), b.documentYear, b.fact.source.firstLine)
            }
            var others: [FiledFact] = []
            for statement in ordered.dropFirst() where !Self.sameValue(statement.fact, ordered[0].fact)
                && !others.contains(where: { Self.sameValue($0.fact, statement.fact) }) {
                others.append(statement)
            }
            let chosen = ordered[0]
            return TrendPoint(unit: chosen.unit, unitName: chosen.unitName, year: chosen.fact.year, kind: chosen.kind, key: key,
                              code: chosen.fact.code, chosen: chosen, otherValues: others)
        }
        .sorted { ($0.unitName, $0.code ?? "", $0.kind.rawValue, $0.year) < ($1.unitName, $1.code ?? "", $1.kind.rawValue, $1.year) }
    }
}

/// Canonical units' display names (the title of each unit's latest document), looked up once
/// per unit from the registry's cards.
struct UnitNames {
    let registry: UnitRegistryProjection
    private var cache: [String: String] = [:]

    init(registry: UnitRegistryProjection) {
        self.registry = registry
    }

    mutating func name(of unit: String, in txn: ReadTransaction) throws -> String {
        if let known = cache[unit] { return known }
        var best: DocumentCard?
        for member in try registry.members(of: unit, in: txn) {
            guard let card = try registry.card(member.hash, in: txn)?.card else { continue }
            if best.map({ ($0.identity.year, $0.sequence) < (card.identity.year, card.sequence) }) ?? true { best = card }
        }
        let name = best?.identity.unit ?? unit
        cache[unit] = name
        return name
    }
}
