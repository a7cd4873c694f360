import Disclosure
import Foundation
import LMDB

/// The questions `history` answers, for Swift scripts and the CLI alike: facts, trends, unit
/// timelines, year-to-year diffs, consistency checks and the unit directory.
///
/// Every answer is read from the store's projections in one read transaction. A question about
/// one unit reads only that unit's documents and those of the units tied to it by transfers
/// (``UnitNeighbourhood``); only questions about the whole store read the whole store.
///
/// ```swift
/// let queries = try HistoryQueries(store: Store(path: ".history-store"))
/// let timeline = try queries.timeline(unit: "武昌区医疗保障局")
/// for point in try queries.trend(key: .grandTotal) { print(point.unitName, point.year, point.chosen.fact.value) }
/// ```
public struct HistoryQueries: Sendable {
    public let store: Store
    let registry: UnitRegistryProjection
    let factIndex: FactIndexProjection

    /// Queries `store`, which must keep the standard projections.
    public init(store: Store) throws {
        guard let registry = store.projection(UnitRegistryProjection.self), let facts = store.projection(FactIndexProjection.self) else {
            throw CocoaError(.featureUnsupported, userInfo: [NSLocalizedDescriptionKey: "the store was opened without the units and facts projections"])
        }
        self.store = store
        self.registry = registry
        self.factIndex = facts
    }

    // MARK: Units

    /// Every unit of the store with its names and documents (reads every document's card).
    public func units() throws -> UnitDirectory {
        try store.read { txn in
            UnitDirectory(cards: try registry.allCards(in: txn), aliases: try registry.declaredAliases(in: txn))
        }
    }

    /// The aliases users declared, in declaration order.
    public func declaredAliases() throws -> [DeclaredAlias] {
        try store.read { txn in try registry.declaredAliases(in: txn) }
    }

    /// Documents whose latest parse found no unit to file them under (content hashes).
    public func documentsWithoutUnit() throws -> [String] {
        try store.read { txn in
            try store.projection(DocumentsProjection.self)?.records(in: txn)
                .filter { !$0.retracted && !$0.parseFailed && $0.latestParseSequence != nil && ($0.unit ?? "").isEmpty }
                .map(\.contentHash) ?? []
        }
    }

    /// The unit a name stands for — a title, another spelling, an alias or a counterparty's
    /// name — and how it was matched.
    public func resolve(_ name: String) throws -> NameResolution {
        try store.read { txn in
            let unit = try locate(name, in: txn)
            let hood = try UnitNeighbourhood.load(seeds: [unit], registry: registry, facts: factIndex, in: txn)
            return hood.directory.resolve(name)
                ?? NameResolution(name: name, unit: UnitID(key: unit), rule: .sameName, explanation: "the unit's key")
        }
    }

    /// The cards of a unit's own documents (any name it is known by), by year.
    public func documents(ofUnit name: String) throws -> [DocumentCard] {
        try store.read { txn in
            let unit = try locate(name, in: txn)
            return try registry.members(of: unit, in: txn).compactMap { try registry.card($0.hash, in: txn)?.card }
                .sorted { ($0.identity.year, $0.sequence) < ($1.identity.year, $1.sequence) }
        }
    }

    // MARK: Timelines and diffs

    /// `unit` (any name it is known by) across the years, with evidence for every figure; of
    /// `scope` (部门/单位) disclosures only, or by default each year's 部门 one, else its 单位 one.
    public func timeline(unit name: String, kind: DisclosureKind = .finalAccount, scope: DisclosureScope? = nil) throws -> UnitTimeline {
        try store.read { txn in
            let unit = try locate(name, in: txn)
            let hood = try UnitNeighbourhood.load(seeds: [unit], registry: registry, facts: factIndex, in: txn)
            return hood.timeline(of: UnitID(key: unit), kind: kind, scope: scope)
        }
    }

    /// What changed from year `from` to year `to`: for one unit (and the units it transferred
    /// to or from), or for every unit with evidence for either year. `scope` as for ``timeline(unit:kind:scope:)``.
    public func diff(from: Int, to: Int, unit name: String? = nil, kind: DisclosureKind = .finalAccount,
                     scope: DisclosureScope? = nil) throws -> YearDiff {
        try store.read { txn in
            if let name {
                let unit = UnitID(key: try locate(name, in: txn))
                let hood = try UnitNeighbourhood.load(seeds: [unit.key], registry: registry, facts: factIndex, in: txn)
                let timelines = ([unit] + hood.directory.linkedUnits(of: unit)).map { hood.timeline(of: $0, kind: kind, scope: scope) }
                return YearDiff(from: from, to: to, timelines: timelines, only: unit)
            }
            // Evidence for A or B is in documents of A up to B + 1 (B + 1 states changes against B).
            let years = min(from, to)...(max(from, to) + 1)
            let seeds = try registry.units(withDocumentsIn: years, in: txn)
            let hood = try UnitNeighbourhood.load(seeds: seeds, registry: registry, facts: factIndex, in: txn)
            let timelines = hood.directory.units.map { hood.timeline(of: $0.id, kind: kind, scope: scope) }
            return YearDiff(from: from, to: to, timelines: timelines)
        }
    }

    /// Every disagreement among the facts (of one unit, when named), parser warnings included.
    public func check(unit name: String? = nil) throws -> [CheckFinding] {
        try store.read { txn in
            if let name {
                let unit = UnitID(key: try locate(name, in: txn))
                let hood = try UnitNeighbourhood.load(seeds: [unit.key], registry: registry, facts: factIndex, in: txn)
                let own = Set(hood.documents.filter { hood.directory.unit(ofDocument: $0.contentHash) == unit }.map(\.contentHash))
                return ConsistencyCheck.run(documents: hood.documents, directory: hood.directory)
                    .filter { $0.unit == unit || $0.documents.contains(where: own.contains) }
            }
            let directory = UnitDirectory(cards: try registry.allCards(in: txn), aliases: try registry.declaredAliases(in: txn))
            return ConsistencyCheck.run(documents: try factIndex.allDocuments(in: txn).map(\.document), directory: directory)
        }
    }

    // MARK: Aliases

    /// Records that `alias` names the unit `canonical` stands for; returns the event's sequence
    /// and the unit's key. The canonical side must be a unit the store knows.
    @discardableResult
    public func declareAlias(_ alias: String, canonical: String) throws -> (sequence: UInt64, unit: String) {
        let unit = try store.read { txn in try locate(canonical, in: txn) }
        guard !UnitName(alias).key.isEmpty else { throw UnknownUnitError(name: alias, closeMatches: []) }
        let sequences = try store.write { txn in
            try store.append([.unitAliasDeclared(UnitAliasDeclared(alias: alias, canonical: unit))], in: txn)
        }
        return (sequences[0], unit)
    }

    // MARK: Finding units

    /// The canonical unit key a typed name stands for, or an error naming close matches.
    func locate(_ name: String, in txn: ReadTransaction) throws -> String {
        let key = UnitName(name).key
        let unit = try registry.canonicalUnit(key, in: txn)
        if try !registry.members(of: unit, in: txn).isEmpty { return unit }
        let printing = try registry.units(printing: key, in: txn)
        if printing.count == 1 { return printing[0] }
        if printing.count > 1 { throw AmbiguousUnitError(name: name, units: printing.sorted()) }
        // A unit with no document of its own, known only as the other side of a transfer.
        var naming: Set<String> = []
        for mentionKey in Set([key, unit]) {
            for hash in try registry.documents(mentioning: mentionKey, in: txn) {
                if let (owner, _) = try registry.card(hash, in: txn) { naming.insert(owner) }
            }
        }
        if !naming.isEmpty {
            let hood = try UnitNeighbourhood.load(seeds: naming, registry: registry, facts: factIndex, in: txn)
            if let resolution = hood.directory.resolve(name) { return resolution.unit.key }
        }
        throw UnknownUnitError(name: name, closeMatches: try closeMatches(to: key, in: txn))
    }

    /// Up to five unit and name keys nearest to `key` (sharing a part of it, all of it but one
    /// character, e.g. 万里街 of a mistyped 万里街到, or few edits away).
    private func closeMatches(to key: String, in txn: ReadTransaction) throws -> [String] {
        var candidates = Set(try registry.documentedUnits(in: txn))
        candidates.formUnion(try registry.printedNameKeys(in: txn))
        candidates.formUnion(try registry.declaredAliases(in: txn).map { UnitName($0.alias).key })
        let length = key.unicodeScalars.count
        let scored = candidates.compactMap { candidate -> (Int, String)? in
            let distance = UnitName.editDistance(key, candidate)
            let shares = length >= 2 && (candidate.contains(key) || key.contains(candidate))
            // Weaker than sharing all of it: ranked after those, with the near spellings.
            let sharesAllButOne = !shares && length >= 3 && Self.sharesAllButOne(key, candidate)
            guard shares || sharesAllButOne || distance <= max(2, length / 3) else { return nil }
            return (shares ? min(distance, 1) : sharesAllButOne ? min(distance, 2) : distance, candidate)
        }
        return scored.sorted { $0 < $1 }.prefix(5).map(\.1)
    }

    /// Whether `candidate` contains `key` with one character left out (its first, last or any).
    private static func sharesAllButOne(_ key: String, _ candidate: String) -> Bool {
        let scalars = Array(key.unicodeScalars)
        return scalars.indices.contains { skipped in
            var shorter = String.UnicodeScalarView()
            for (index, scalar) in scalars.enumerated() where index != skipped { shorter.append(scalar) }
            return candidate.contains(String(shorter))
        }
    }
}
