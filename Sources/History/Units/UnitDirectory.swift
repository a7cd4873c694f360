import Disclosure

/// The canonical units behind every name the documents print, with the reason for each match.
///
/// Built from document cards (identities and the counterparties they name) and the aliases users
/// declared; nothing else. Rules, in order: a declared alias wins; a document's title makes (or
/// joins) a unit by its key; another spelling printed inside a document joins that document's
/// unit unless it is some other documented unit's name; a short counterparty name is qualified
/// with the naming document's district and joins a documented unit only when exactly one fits.
///
/// Building is linear in the cards, but at 100k documents it is too slow to repeat for every
/// command: fold it into the store's registry, or for a one-unit query build it from the cards
/// of the unit, of the documents naming it and of the units it names (the answers for those
/// names are the same; only a short name's ambiguity check sees fewer candidates).
public struct UnitDirectory: Sendable {
    private var records: [UnitID: UnitRecord] = [:]
    private var nameIndex: [String: UnitID] = [:]
    private var documentUnit: [String: UnitID] = [:]
    private var counterpartyUnit: [String: UnitID] = [:]
    private var aliasTarget: [String: DeclaredAlias] = [:]
    /// Documented units by district and every ending of their key (武昌区 + 民政局 → 武昌区民政局),
    /// so a short counterparty name finds the units it could mean in one lookup, not by
    /// comparing it with every unit of the district.
    private var documentedByEnding: [DistrictEnding: [UnitID]] = [:]
    private var indexedForEndings: Set<UnitID> = []

    private struct DistrictEnding: Hashable {
        var district: String
        var ending: Substring
    }

    public init(documents: [FiledDocument], aliases: [DeclaredAlias] = []) {
        self.init(cards: documents.map(\.card), aliases: aliases)
    }

    public init(cards: [DocumentCard], aliases: [DeclaredAlias] = []) {
        for alias in aliases.sorted(by: { $0.sequence < $1.sequence }) {
            aliasTarget[UnitName(alias.alias).key] = alias
        }
        let ordered = cards.sorted { ($0.identity.year, $0.sequence) < ($1.identity.year, $1.sequence) }
        for card in ordered { fileTitle(of: card) }
        for card in ordered { fileOtherNames(of: card) }
        for card in ordered { fileCounterparties(of: card) }
        for id in records.keys {
            records[id]!.joined = DisclosureJoin.joins(records[id]!.documents)
            records[id]!.name = Self.displayName(of: records[id]!)
        }
    }

    // MARK: Queries

    /// Every unit, ordered by canonical name.
    public var units: [UnitRecord] {
        records.values.sorted { $0.name < $1.name }
    }

    public func record(_ unit: UnitID) -> UnitRecord? { records[unit] }

    /// The unit a document belongs to (its title, through aliases).
    public func unit(ofDocument contentHash: String) -> UnitID? { documentUnit[contentHash] }

    /// The unit a document means by a counterparty name it prints.
    public func counterparty(_ name: String, inDocument contentHash: String) -> UnitID? {
        counterpartyUnit[contentHash + "\u{0}" + name]
    }

    /// Resolves a name a user typed (`history timeline 武昌区医疗保障局`), explaining the match.
    public func resolve(_ name: String) -> NameResolution? {
        let parsed = UnitName(name)
        let id = canonical(parsed.key)
        if let unit = records[id] ?? nameIndex[parsed.key].flatMap({ records[$0] }) {
            if let known = unit.names.first(where: { UnitName($0.name).key == parsed.key }) {
                return NameResolution(name: name, unit: unit.id, rule: known.rule, explanation: known.explanation)
            }
            return NameResolution(name: name, unit: unit.id, rule: parsed.droppedPrefix == nil ? .folded : .prefixDropped,
                                  explanation: "\(name) compares equal to \(unit.name) (key \(parsed.key))")
        }
        return nil
    }

    /// The content hashes a timeline of `unit` needs: its own documents and those naming it.
    public func documentsConcerning(_ unit: UnitID) -> [String] {
        guard let record = records[unit] else { return [] }
        return record.documents.map(\.contentHash) + record.mentionedBy
    }

    /// Units tied to `unit` by a transfer, in either direction.
    public func linkedUnits(of unit: UnitID) -> [UnitID] {
        guard let record = records[unit] else { return [] }
        var linked = Set<UnitID>()
        for hash in record.mentionedBy { if let other = documentUnit[hash] { linked.insert(other) } }
        for card in record.documents {
            for mention in card.counterparties {
                if let other = counterparty(mention.name, inDocument: card.contentHash) { linked.insert(other) }
            }
        }
        linked.remove(unit)
        return linked.sorted()
    }

    // MARK: Building

    /// Follows declared aliases from a key to the key of the unit it names.
    private func canonical(_ key: String) -> UnitID {
        var current = key
        var seen: Set<String> = [key]
        while let alias = aliasTarget[current] {
            let next = UnitName(alias.canonical).key
            if !seen.insert(next).inserted { break }
            current = next
        }
        return UnitID(key: current)
    }

    private mutating func bind(_ name: String, to id: UnitID, rule: ResolutionRule, _ explanation: String, document: String?) {
        if records[id] == nil {
            records[id] = UnitRecord(id: id, name: id.key, names: [], documents: [], mentionedBy: [])
        }
        nameIndex[UnitName(name).key] = id
        if records[id]!.names.contains(where: { $0.name == name }) { return }
        records[id]!.names.append(NameResolution(name: name, unit: id, rule: rule, explanation: explanation, document: document))
    }

    private mutating func fileTitle(of card: DocumentCard) {
        let printed = card.identity.unit
        let name = UnitName(printed)
        let id = canonical(name.key)
        let (rule, explanation) = Self.rule(for: name, id: id, alias: aliasTarget[name.key])
        bind(printed, to: id, rule: rule, explanation, document: card.contentHash)
        records[id]!.documents.append(card)
        documentUnit[card.contentHash] = id
        if let district = UnitName(id.key).district, indexedForEndings.insert(id).inserted {
            // Endings at character boundaries: exactly the strings `id.key.hasSuffix` accepts.
            var start = id.key.startIndex
            while start < id.key.endIndex {
                documentedByEnding[DistrictEnding(district: district, ending: id.key[start...]), default: []].append(id)
                start = id.key.index(after: start)
            }
        }
    }

    private mutating func fileOtherNames(of card: DocumentCard) {
        guard let own = documentUnit[card.contentHash] else { return }
        for printed in card.identity.otherNames where !printed.isEmpty {
            let name = UnitName(printed)
            let id = canonical(name.key)
            if id != own, let other = records[id], other.hasDocuments {
                // Another documented unit's own name: not a spelling of this one.
                bind(printed, to: id, rule: Self.rule(for: name, id: id, alias: aliasTarget[name.key]).0,
                     "\(printed) is the title of \(other.documents.count) document(s) of its own", document: nil)
                continue
            }
            if id == own {
                let (rule, explanation) = Self.rule(for: name, id: id, alias: aliasTarget[name.key])
                bind(printed, to: own, rule: rule, explanation, document: card.contentHash)
                continue
            }
            let distance = UnitName.editDistance(name.key, own.key)
            bind(printed, to: own, rule: .spelledInsideDocument,
                 "printed inside the \(card.identity.year) \(card.identity.title) titled \(card.identity.unit) "
                 + "(\(distance) character\(distance == 1 ? "" : "s") different); taken as its spelling, not a unit of its own",
                 document: card.contentHash)
        }
    }

    private mutating func fileCounterparties(of card: DocumentCard) {
        guard let own = documentUnit[card.contentHash] else { return }
        let context = UnitName(card.identity.unit).district
        for mention in card.counterparties {
            let name = UnitName(mention.name)
            let place = "named in \(card.identity.unit)'s \(card.identity.year) \(card.identity.title) (line \(mention.line))"
            let id: UnitID
            if let alias = aliasTarget[name.key] {
                id = canonical(name.key)
                bind(mention.name, to: id, rule: .declaredAlias, "declared alias of \(alias.canonical); \(place)", document: card.contentHash)
            } else if name.relativeRest != nil, let district = context, let qualified = name.qualified(by: district) {
                let direct = canonical(UnitName(qualified).key)
                if records[direct]?.hasDocuments == true {
                    id = direct
                    bind(mention.name, to: id, rule: .counterpartyQualified,
                         "\(mention.name) read as \(qualified) (the district of the naming document); \(place)", document: card.contentHash)
                } else {
                    let ending = DistrictEnding(district: district, ending: Substring(name.relativeRest!))
                    let candidates = (documentedByEnding[ending] ?? []).filter { $0 != own }.compactMap { records[$0] }
                    if candidates.count == 1 {
                        id = candidates[0].id
                        bind(mention.name, to: id, rule: .counterpartySuffix,
                             "\(mention.name) matches only \(candidates[0].id.key) among \(district)'s documented units; \(place)", document: card.contentHash)
                    } else {
                        id = direct
                        let why = candidates.isEmpty
                            ? "no documented unit of \(district) matches"
                            : "ambiguous between \(candidates.map(\.id.key).sorted().joined(separator: ", "))"
                        bind(mention.name, to: id, rule: .counterpartyOnly,
                             "\(mention.name) stands as \(qualified): \(why); \(place)", document: card.contentHash)
                    }
                }
            } else {
                id = canonical(name.key)
                let rule: ResolutionRule = records[id]?.hasDocuments == true ? Self.rule(for: name, id: id, alias: nil).0 : .counterpartyOnly
                bind(mention.name, to: id, rule: rule, rule == .counterpartyOnly ? "no documented unit has this name; \(place)" : place,
                     document: card.contentHash)
            }
            counterpartyUnit[card.contentHash + "\u{0}" + mention.name] = id
            // A card's mentions are filed together, so checking the last entry deduplicates.
            if records[id]!.mentionedBy.last != card.contentHash { records[id]!.mentionedBy.append(card.contentHash) }
        }
    }

    private static func rule(for name: UnitName, id: UnitID, alias: DeclaredAlias?) -> (ResolutionRule, String) {
        if let alias {
            return (.declaredAlias, "declared alias of \(alias.canonical) (event \(alias.sequence))")
        }
        if name.ownLevel {
            return (.ownLevel, "(本级) after a name is the unit's own level, not another unit (\(id.key))")
        }
        if let party = name.partyForm {
            return (.partyOrgan, "a party organ written with \(party): 中国共产党X委员会, 中共X委 and X委 name one organ (\(id.key))")
        }
        if let prefix = name.droppedPrefix {
            return (.prefixDropped, "\(prefix) dropped before the district-level name \(name.key)")
        }
        if name.printed != name.folded {
            return (.folded, "equal to \(id.key) once width and spaces are folded")
        }
        return (.sameName, "the name itself")
    }

    /// The latest document's title (a joined disclosure's narrative's, not its tables'); else a
    /// declared canonical name; else the key.
    private static func displayName(of record: UnitRecord) -> String {
        let parts = Set(record.joined.flatMap(\.parts))
        if let latest = record.documents.filter({ !parts.contains($0.contentHash) })
            .max(by: { ($0.identity.year, $0.sequence) < ($1.identity.year, $1.sequence) }) {
            return latest.identity.unit
        }
        return record.id.key
    }
}
