import Disclosure
import LMDB

extension HistoryQueries {
    /// The current facts, filtered: `unit` (any name it is known by), `year` (the fact's year:
    /// read from that year's document, or implied by the next year's), `key`, `code`.
    ///
    /// Ordered by unit, document year and the order the parser read them.
    public func facts(unit name: String? = nil, year: Int? = nil, key: FactKey? = nil, code: String? = nil) throws -> [FiledFact] {
        try store.read { txn in
            var names = UnitNames(registry: registry)
            var result: [FiledFact] = []
            for (unit, document) in try documents(unit: name, year: year, key: key, in: txn) {
                let unitName = try names.name(of: unit, in: txn)
                for fact in document.facts {
                    if let year, fact.year != year { continue }
                    if let key, fact.key != key { continue }
                    if let code, fact.code != code { continue }
                    result.append(FiledFact(unit: UnitID(key: unit), unitName: unitName, document: document.contentHash,
                                            documentYear: document.year, kind: document.kind, fact: fact))
                }
            }
            return result
        }
    }

    /// One point per unit × year (× code, for a classified key without `code`) × disclosure
    /// kind, for `key`: the preferred statement and every other value stated for it.
    public func trend(key: FactKey, unit name: String? = nil, code: String? = nil) throws -> [TrendPoint] {
        let facts = try self.facts(unit: name, key: key, code: code)
        // Only the latest filing of a unit's year and kind counts, as in timelines.
        var latest: [String: UInt64] = [:]
        var sequences: [String: UInt64] = [:]
        try store.read { txn in
            for hash in Set(facts.map(\.document)) {
                if let (_, card) = try registry.card(hash, in: txn) { sequences[hash] = card.sequence }
            }
        }
        for filed in facts {
            let slot = "\(filed.unit.key)|\(filed.documentYear)|\(filed.kind.rawValue)"
            latest[slot] = max(latest[slot] ?? 0, sequences[filed.document] ?? 0)
        }
        var groups: [String: [FiledFact]] = [:]
        for filed in facts where latest["\(filed.unit.key)|\(filed.documentYear)|\(filed.kind.rawValue)"] == sequences[filed.document] ?? 0 {
            groups["\(filed.unit.key)|\(filed.fact.year)|\(filed.kind.rawValue)|\(filed.fact.code ?? "")", default: []].append(filed)
        }
        return groups.values.map { statements in
            let ordered = statements.sorted { a, b in
                (a.documentYear == a.fact.year ? 0 : 1, FactReading.preference(a.fact.origin), a.documentYear, a.fact.source.firstLine)
                    < (b.documentYear == b.fact.year ? 0 : 1, FactReading.preference(b.fact.origin), b.documentYear, b.fact.source.firstLine)
            }
            var others: [FiledFact] = []
            for statement in ordered.dropFirst() where statement.fact.value != ordered[0].fact.value
                && !others.contains(where: { $0.fact.value == statement.fact.value }) {
                others.append(statement)
            }
            let chosen = ordered[0]
            return TrendPoint(unit: chosen.unit, unitName: chosen.unitName, year: chosen.fact.year, kind: chosen.kind, key: key,
                              code: chosen.fact.code, chosen: chosen, otherValues: others)
        }
        .sorted { ($0.unitName, $0.code ?? "", $0.kind.rawValue, $0.year) < ($1.unitName, $1.code ?? "", $1.kind.rawValue, $1.year) }
    }

    /// The documents that can hold facts matching the filters, with their unit keys, ordered by
    /// unit, year and filing.
    private func documents(unit name: String?, year: Int?, key: FactKey?, in txn: ReadTransaction) throws -> [(String, FiledDocument)] {
        var found: [(String, FiledDocument)]
        if let name {
            let unit = try locate(name, in: txn)
            found = try factIndex.documents(ofUnit: unit, in: txn).map { (unit, $0) }
        } else if let key {
            var years: [String: [Int]] = [:]
            for (unit, documentYear) in try factIndex.units(stating: key, in: txn) {
                if let year, documentYear != year && documentYear != year + 1 { continue }
                years[unit, default: []].append(documentYear)
            }
            found = []
            for (unit, list) in years {
                for documentYear in Set(list) {
                    found += try factIndex.documents(ofUnit: unit, years: documentYear...documentYear, in: txn).map { (unit, $0) }
                }
            }
        } else {
            // A fact of year Y is read from Y's document or implied by Y + 1's stated change.
            found = try factIndex.allDocuments(years: year.map { $0...($0 + 1) }, in: txn).map { ($0.unit, $0.document) }
        }
        return found.sorted { ($0.0, $0.1.year, $0.1.sequence) < ($1.0, $1.1.year, $1.1.sequence) }
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
