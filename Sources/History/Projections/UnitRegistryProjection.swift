import Disclosure
import EventLog
import LMDB

/// The unit registry: per document its ``DocumentCard`` and canonical unit, and per unit its
/// documents, the names printed for it and the documents naming it in a transfer.
///
/// Only cards are kept (no facts), so resolving units never loads facts; a query builds a
/// ``UnitDirectory`` from the cards of the units it concerns (``UnitNeighbourhood``), never
/// from every card. Databases:
///
/// - `projection/units/documents`: `hash(32)` → the document's import, state and card (identity,
///   counterparties, then its table and narrative fact counts and the totals each states, each
///   as 分 and the measure it was printed in; version 4, version 3 kept 万元 totals only)
/// - `projection/units/members`: `unit 0x00 hash(32)` → year (UInt32 BE) and kind (0 部门决算, 1 部门预算,
///   2 单位决算, 3 单位预算)
/// - `projection/units/names`: `name-key 0x00 unit 0x00 hash(32)` → `0x00`: a name printed in a
///   document (its title and other spellings) and the unit of that document
/// - `projection/units/mentions`: `mention-key 0x00 hash(32)` → `0x00`: a document naming a unit
///   as the other side of a transfer, under the name's key and, for a name relative to the
///   district (区民政局), under the district-qualified key (武昌区民政局)
/// - `projection/units/aliases`: see ``AliasTable``
public struct UnitRegistryProjection: Projection {
    public static let name = "units"
    /// Bump when a layout, an encoding, or how names are keyed (``UnitName``) changes.
    public static let version: UInt32 = 4

    let documents: Database
    let members: Database
    let names: Database
    let mentions: Database
    let aliases: AliasTable

    public init(opening txn: WriteTransaction) throws { try self.init { try txn.openDatabase($0) } }
    public init(existingIn txn: ReadTransaction) throws { try self.init { try txn.openExistingDatabase($0) } }

    private init(databases open: (String) throws -> Database) throws {
        documents = try open("projection/units/documents")
        members = try open("projection/units/members")
        names = try open("projection/units/names")
        mentions = try open("projection/units/mentions")
        aliases = try AliasTable(projection: "units", databases: open)
    }

    public func reset(in txn: WriteTransaction) throws {
        for database in [documents, members, names, mentions, aliases.database] { try txn.empty(database) }
    }

    public func fold(_ recorded: RecordedHistoryEvent, in txn: WriteTransaction) throws {
        switch recorded.event {
        case .documentImported(let imported):
            let key = ContentHash.bytes(imported.contentHash)
            // The same bytes imported again after a retraction bring the document back.
            if let existing = try entry(imported.contentHash, in: txn), existing.state != .retracted { return }
            try txn.put(RegistryEntry(sequence: recorded.sequence, sourceName: imported.sourceName, state: .imported).encoded,
                        forKey: key, in: documents)
        case .documentParsed(let parsed):
            guard var entry = try entry(parsed.contentHash, in: txn), entry.state != .retracted else { return }
            try unindex(entry, hash: parsed.contentHash, in: txn)
            let card = FiledDocument(contentHash: parsed.contentHash, sequence: entry.sequence, sourceName: entry.sourceName,
                                     disclosure: ParsedDisclosure(identity: parsed.parsed.identity, facts: parsed.parsed.facts, warnings: [])).card
            entry.state = .carded(unit: try aliases.canonical(UnitName(card.identity.unit).key, in: txn), card: card)
            try index(entry, hash: parsed.contentHash, in: txn)
            try txn.put(entry.encoded, forKey: ContentHash.bytes(parsed.contentHash), in: documents)
        case .documentParseFailed, .documentIdentified:
            // A stated identity comes with the DocumentParsed that follows it.
            break
        case .documentRetracted(let retracted):
            guard var entry = try entry(retracted.contentHash, in: txn) else { return }
            try unindex(entry, hash: retracted.contentHash, in: txn)
            entry.state = .retracted
            try txn.put(entry.encoded, forKey: ContentHash.bytes(retracted.contentHash), in: documents)
        case .unitAliasDeclared(let alias):
            let before = try aliases.canonical(UnitName(alias.alias).key, in: txn)
            try aliases.declare(alias, sequence: recorded.sequence, in: txn)
            for member in try txn.entries(in: members, prefix: IndexKeys.text(before)) {
                let hash = ContentHash.hex(Array(member.key.suffix(32)))
                guard var entry = try entry(hash, in: txn), case .carded(_, let card) = entry.state else { continue }
                let after = try aliases.canonical(UnitName(card.identity.unit).key, in: txn)
                guard after != before else { continue }
                try unindex(entry, hash: hash, in: txn)
                entry.state = .carded(unit: after, card: card)
                try index(entry, hash: hash, in: txn)
                try txn.put(entry.encoded, forKey: ContentHash.bytes(hash), in: documents)
            }
        }
    }

    // MARK: Reading

    func entry(_ hash: String, in txn: ReadTransaction) throws -> RegistryEntry? {
        try txn.get(ContentHash.bytes(hash), in: documents).map { try RegistryEntry(decoding: $0, hash: hash) }
    }

    /// The card of a current document and the unit it is filed under.
    public func card(_ hash: String, in txn: ReadTransaction) throws -> (unit: String, card: DocumentCard)? {
        guard case .carded(let unit, let card)? = try entry(hash, in: txn)?.state, !unit.isEmpty else { return nil }
        return (unit, card)
    }

    /// Every current document's card, in hash order: for whole-store commands only.
    public func allCards(in txn: ReadTransaction) throws -> [DocumentCard] {
        try txn.entries(in: documents).compactMap { entry in
            guard case .carded(let unit, let card) = try RegistryEntry(decoding: entry.value, hash: ContentHash.hex(entry.key)).state, !unit.isEmpty else { return nil }
            return card
        }
    }

    /// The content hashes of a unit's documents, with each document's year and kind.
    public func members(of unit: String, in txn: ReadTransaction) throws -> [(hash: String, year: Int, kind: DisclosureKind)] {
        try txn.entries(in: members, prefix: IndexKeys.text(unit)).map { entry in
            (ContentHash.hex(Array(entry.key.suffix(32))), Int(IndexKeys.readUInt32(entry.value)),
             entry.value.count > 4 && entry.value[4] & 1 == 1 ? .budget : .finalAccount)
        }
    }

    /// Units with a document of one of `years` (reads the small member entries, no cards).
    public func units(withDocumentsIn years: ClosedRange<Int>, in txn: ReadTransaction) throws -> Set<String> {
        var units: Set<String> = []
        try txn.scan(members) { key, value in
            if years.contains(Int(IndexKeys.readUInt32(value))), let (unit, _) = IndexKeys.splitText(Array(key)) { units.insert(unit) }
            return true
        }
        return units
    }

    /// Unit keys with at least one document, starting with `prefix` (a district, or "" for all),
    /// one seek per unit however many documents it has.
    public func documentedUnits(startingWith prefix: String = "", in txn: ReadTransaction) throws -> [String] {
        var units: [String] = []
        let start = Array(prefix.utf8)
        try txn.withCursor(on: members) { cursor in
            var positioned = start.isEmpty ? try cursor.first() : try cursor.seek(atLeast: start)
            while positioned {
                let key = cursor.key
                guard key.starts(with: start), let (unit, _) = IndexKeys.splitText(key) else { return }
                units.append(unit)
                positioned = try cursor.seek(atLeast: IndexKeys.after(IndexKeys.text(unit)))
            }
        }
        return units
    }

    /// Units whose documents print a name with comparison key `nameKey`.
    public func units(printing nameKey: String, in txn: ReadTransaction) throws -> [String] {
        var units: [String] = []
        for entry in try txn.entries(in: names, prefix: IndexKeys.text(nameKey)) {
            if let (unit, _) = IndexKeys.splitText(Array(entry.key.dropFirst(IndexKeys.text(nameKey).count))), !units.contains(unit) {
                units.append(unit)
            }
        }
        return units
    }

    /// Every distinct name key documents print, for suggesting close matches.
    public func printedNameKeys(in txn: ReadTransaction) throws -> [String] {
        var keys: [String] = []
        try txn.withCursor(on: names) { cursor in
            var positioned = try cursor.first()
            while positioned {
                guard let (name, _) = IndexKeys.splitText(cursor.key) else { return }
                keys.append(name)
                positioned = try cursor.seek(atLeast: IndexKeys.after(IndexKeys.text(name)))
            }
        }
        return keys
    }

    /// Documents naming, as the other side of a transfer, a unit under mention key `key`.
    public func documents(mentioning key: String, in txn: ReadTransaction) throws -> [String] {
        try txn.entries(in: mentions, prefix: IndexKeys.text(key)).map { ContentHash.hex(Array($0.key.suffix(32))) }
    }

    public func declaredAliases(in txn: ReadTransaction) throws -> [DeclaredAlias] { try aliases.all(in: txn) }

    public func canonicalUnit(_ key: String, in txn: ReadTransaction) throws -> String { try aliases.canonical(key, in: txn) }

    /// The keys a mention is filed under: the name's own key and, for a name relative to the
    /// naming document's district, the qualified key (区民政局 in 武昌区 → 武昌区民政局).
    static func mentionKeys(_ name: String, namedBy card: DocumentCard) -> [String] {
        let parsed = UnitName(name)
        var keys = [parsed.key]
        if parsed.relativeRest != nil, let district = UnitName(card.identity.unit).district, let qualified = parsed.qualified(by: district) {
            let key = UnitName(qualified).key
            if !keys.contains(key) { keys.append(key) }
        }
        return keys.filter { !$0.isEmpty }
    }

    // MARK: Indexing

    private func index(_ entry: RegistryEntry, hash: String, in txn: WriteTransaction) throws {
        guard case .carded(let unit, let card) = entry.state, !unit.isEmpty else { return }
        try txn.put(IndexKeys.bigEndian(UInt32(clamping: card.identity.year)) + [IdentityCoding.kindByte(card.identity)],
                    forKey: IndexKeys.member(unit: unit, hash: hash), in: members)
        for name in Self.printedNames(card) {
            try txn.put([0], forKey: IndexKeys.text(name) + IndexKeys.member(unit: unit, hash: hash), in: names)
        }
        for mention in card.counterparties {
            for key in Self.mentionKeys(mention.name, namedBy: card) {
                try txn.put([0], forKey: IndexKeys.member(unit: key, hash: hash), in: mentions)
            }
        }
    }

    private func unindex(_ entry: RegistryEntry, hash: String, in txn: WriteTransaction) throws {
        guard case .carded(let unit, let card) = entry.state, !unit.isEmpty else { return }
        try txn.delete(IndexKeys.member(unit: unit, hash: hash), in: members)
        for name in Self.printedNames(card) {
            try txn.delete(IndexKeys.text(name) + IndexKeys.member(unit: unit, hash: hash), in: names)
        }
        for mention in card.counterparties {
            for key in Self.mentionKeys(mention.name, namedBy: card) {
                try txn.delete(IndexKeys.member(unit: key, hash: hash), in: mentions)
            }
        }
    }

    private static func printedNames(_ card: DocumentCard) -> Set<String> {
        Set(([card.identity.unit] + card.identity.otherNames).map { UnitName($0).key }.filter { !$0.isEmpty })
    }
}

/// What the registry keeps per document: its import, and its card once parsed.
struct RegistryEntry: Hashable {
    enum State: Hashable {
        case imported
        /// `unit` is the canonical unit key; empty when the parser found no unit.
        case carded(unit: String, card: DocumentCard)
        case retracted
    }

    var sequence: UInt64
    var sourceName: String
    var state: State

    init(sequence: UInt64, sourceName: String, state: State) {
        self.sequence = sequence
        self.sourceName = sourceName
        self.state = state
    }

    var encoded: [UInt8] {
        var writer = ByteWriter()
        writer.byte(1)
        writer.varint(sequence)
        writer.string(sourceName)
        switch state {
        case .imported: writer.byte(0)
        case .retracted: writer.byte(2)
        case .carded(let unit, let card):
            writer.byte(1)
            writer.string(unit)
            IdentityCoding.write(card.identity, into: &writer)
            writer.varint(card.counterparties.count)
            for mention in card.counterparties {
                writer.string(mention.name)
                writer.varint(mention.line)
            }
            writer.varint(card.contents.tableFacts)
            writer.varint(card.contents.narrativeFacts)
            for totals in [card.contents.tableTotals, card.contents.statedTotals] {
                writer.varint(totals.count)
                for (key, total) in totals.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    writer.string(key.rawValue)
                    writer.signed(total.money.fen)
                    writer.string(total.measure.rawValue)
                }
            }
        }
        return writer.bytes
    }

    /// Reads an entry; `hash` is its key (not stored again in the value).
    init(decoding bytes: [UInt8], hash: String) throws {
        var reader = ByteReader(bytes, origin: "projection/units/documents")
        guard try reader.byte() == 1 else { throw reader.corrupt("has a format this build does not know") }
        sequence = try reader.varint()
        sourceName = try reader.string()
        switch try reader.byte() {
        case 0: state = .imported
        case 2: state = .retracted
        case 1:
            let unit = try reader.string()
            let identity = try IdentityCoding.read(&reader)
            let mentions = try (0..<reader.int()).map { _ in CounterpartyMention(name: try reader.string(), line: try reader.int()) }
            var contents = DocumentContents(tableFacts: try reader.int(), narrativeFacts: try reader.int())
            for stated in [false, true] {
                for _ in 0..<(try reader.int()) {
                    guard let key = FactKey(rawValue: try reader.string()) else { throw reader.corrupt("names an unknown fact key") }
                    let fen = try reader.signed()
                    guard let measure = Measure(rawValue: try reader.string()) else { throw reader.corrupt("names an unknown measure") }
                    let total = PrintedMoney(money: Money(fen: fen), measure: measure)
                    if stated { contents.statedTotals[key] = total } else { contents.tableTotals[key] = total }
                }
            }
            state = .carded(unit: unit, card: DocumentCard(contentHash: hash, sequence: sequence, sourceName: sourceName,
                                                           identity: identity, counterparties: mentions, contents: contents))
        default: throw reader.corrupt("has an unknown state")
        }
    }
}
