import Disclosure
import LMDB

/// The documents a question about some units needs, and the unit directory built from their
/// cards alone: the units themselves, the documents naming them in a transfer (with the rest of
/// those units' documents), and the units their own transfers could name.
///
/// This is what keeps a one-unit query proportional to that unit's documents rather than the
/// store's: the directory gives the same answers for these units as one built from every card,
/// because each naming rule looks only at the naming document, the named name, declared aliases
/// and the documented units of one district — all loaded here.
struct UnitNeighbourhood {
    var directory: UnitDirectory
    /// Every loaded document with its facts.
    var documents: [FiledDocument]
    /// Unit keys whose documents are all loaded.
    var loadedUnits: Set<String>

    static func load(seeds: Set<String>, registry: UnitRegistryProjection, facts: FactIndexProjection,
                     in txn: ReadTransaction) throws -> UnitNeighbourhood {
        let aliases = try registry.declaredAliases(in: txn)
        var units = seeds
        // Documents naming a seed: their units' timelines are linked to the seed's.
        for seed in seeds {
            for key in lookupKeys(for: seed, aliases: aliases) {
                for hash in try registry.documents(mentioning: key, in: txn) {
                    if let (unit, _) = try registry.card(hash, in: txn) { units.insert(unit) }
                }
            }
        }
        var cards = try units.flatMap { try Self.cards(of: $0, registry: registry, in: txn) }
        // Units the loaded documents' transfers could name, so short names resolve as they would store-wide.
        var candidates: Set<String> = []
        var districtUnits: [String: [String]] = [:]
        for card in cards {
            guard let district = UnitName(card.identity.unit).district else { continue }
            for mention in card.counterparties {
                let name = UnitName(mention.name)
                for key in UnitRegistryProjection.mentionKeys(mention.name, namedBy: card) {
                    candidates.insert(try registry.canonicalUnit(key, in: txn))
                }
                if let rest = name.relativeRest {
                    if districtUnits[district] == nil { districtUnits[district] = try registry.documentedUnits(startingWith: district, in: txn) }
                    for unit in districtUnits[district]! where unit.hasSuffix(rest) {
                        candidates.insert(unit)
                    }
                }
            }
        }
        for unit in candidates.subtracting(units) {
            let more = try Self.cards(of: unit, registry: registry, in: txn)
            if !more.isEmpty { units.insert(unit); cards += more }
        }
        var documents: [FiledDocument] = []
        for unit in units.sorted() { documents += try facts.documents(ofUnit: unit, in: txn) }
        let directory = UnitDirectory(cards: cards, aliases: aliases)
        return UnitNeighbourhood(directory: directory, documents: documents, loadedUnits: units)
    }

    /// The documents a timeline of `unit` reads: its own and those naming it.
    func documents(concerning unit: UnitID) -> [FiledDocument] {
        let wanted = Set(directory.documentsConcerning(unit))
        return documents.filter { wanted.contains($0.contentHash) }
    }

    func timeline(of unit: UnitID, kind: DisclosureKind = .finalAccount, scope: DisclosureScope? = nil) -> UnitTimeline {
        UnitTimeline(unit: unit, directory: directory, documents: documents(concerning: unit), kind: kind, scope: scope)
    }

    private static func cards(of unit: String, registry: UnitRegistryProjection, in txn: ReadTransaction) throws -> [DocumentCard] {
        try registry.members(of: unit, in: txn).compactMap { try registry.card($0.hash, in: txn)?.card }
    }

    /// The mention keys under which a document naming `unit` is filed: the unit's key, the
    /// district-qualified forms a short name would take (武昌区 + every ending of the rest, for
    /// names matched by their ending), and aliases declared for the unit.
    static func lookupKeys(for unit: String, aliases: [DeclaredAlias]) -> [String] {
        var keys = [unit]
        let name = UnitName(unit)
        if let district = name.district {
            let rest = Array(unit.unicodeScalars.dropFirst(district.unicodeScalars.count))
            for start in rest.indices.dropFirst() {
                keys.append(district + String(String.UnicodeScalarView(rest[start...])))
            }
        }
        var targets: [String: String] = [:]
        for alias in aliases { targets[UnitName(alias.alias).key] = UnitName(alias.canonical).key }
        for (alias, _) in targets where canonical(alias, targets) == unit && !keys.contains(alias) { keys.append(alias) }
        return keys
    }

    private static func canonical(_ key: String, _ targets: [String: String]) -> String {
        var current = key
        var seen: Set<String> = [key]
        while let next = targets[current], seen.insert(next).inserted { current = next }
        return current
    }
}
