import Disclosure
import EventLog
import LMDB

/// Every current document with its facts, filed under its canonical unit and year, and which
/// units have which fact keys: what `history facts`, `trend`, `timeline` and `diff` read.
///
/// A document's facts stay together in one value (DESIGN: a key per fact costs too much);
/// the fact-key index has one entry per (fact key, unit, year), not per fact. Databases:
///
/// - `projection/facts/documents`: `unit 0x00 year(UInt32 BE) hash(32)` → ``FiledDocumentCoding``
/// - `projection/facts/keys`: `factKey 0x00 unit 0x00 year(UInt32 BE)` → how many documents of
///   that unit and year state the key (UInt32 BE)
/// - `projection/facts/located`: `hash(32)` → where the document is filed, and its import
/// - `projection/facts/aliases`: see ``AliasTable``
///
/// A later DocumentParsed of a document replaces its facts; DocumentRetracted removes them;
/// UnitAliasDeclared moves the documents whose canonical unit it changes.
public struct FactIndexProjection: Projection {
    public static let name = "facts"
    /// Bump when the key layout, the value encoding or how a document's unit is chosen changes.
    /// 3: the string table of a filed document tells strings apart by their bytes, not by
    /// canonical equivalence (which restored the first of two equivalent spellings for both).
    /// 4: the identity keeps its scope (部门/单位) in the kind byte and the lines that said it.
    public static let version: UInt32 = 4

    let documents: Database
    let keys: Database
    let located: Database
    let aliases: AliasTable

    public init(opening txn: WriteTransaction) throws { try self.init { try txn.openDatabase($0) } }
    public init(existingIn txn: ReadTransaction) throws { try self.init { try txn.openExistingDatabase($0) } }

    private init(databases open: (String) throws -> Database) throws {
        documents = try open("projection/facts/documents")
        keys = try open("projection/facts/keys")
        located = try open("projection/facts/located")
        aliases = try AliasTable(projection: "facts", databases: open)
    }

    public func reset(in txn: WriteTransaction) throws {
        for database in [documents, keys, located, aliases.database] { try txn.empty(database) }
    }

    public func fold(_ recorded: RecordedHistoryEvent, in txn: WriteTransaction) throws {
        try fold(recorded, prepared: PreparedFold(recorded.event), in: txn)
    }

    public func fold(_ recorded: RecordedHistoryEvent, prepared: PreparedFold, in txn: WriteTransaction) throws {
        switch recorded.event {
        case .documentImported(let imported):
            let key = ContentHash.bytes(imported.contentHash)
            // The same bytes imported again after a retraction bring the document back.
            if let existing = try location(key, in: txn), existing.state != .retracted { return }
            try save(Location(sequence: recorded.sequence, sourceName: imported.sourceName, state: .imported), key, in: txn)
        case .documentParsed(let parsed):
            let key = ContentHash.bytes(parsed.contentHash)
            // A parse of bytes never imported, or of a retracted document, files nothing.
            guard var location = try location(key, in: txn), location.state != .retracted else { return }
            let document = FiledDocument(contentHash: parsed.contentHash, sequence: location.sequence,
                                         sourceName: location.sourceName, disclosure: parsed.parsed)
            let unit = try unitKey(of: document, in: txn)
            let encoded = FiledDocumentCoding.encode(document, body: prepared.filedBody ?? FiledDocumentCoding.body(parsed.parsed))
            // The same parse again (replay --force, a newer parser that reads it alike) files the
            // same bytes: nothing to unfile, refile or count.
            if location.state == .filed(unit: unit, year: document.year),
               try txn.get(IndexKeys.document(unit: unit, year: document.year, hash: document.contentHash), in: documents) == encoded {
                return
            }
            try unfile(location, hash: parsed.contentHash, in: txn)
            location.state = try file(document, unit: unit, encoded: encoded, keyPrefixes: prepared.factKeyPrefixes, in: txn)
            try save(location, key, in: txn)
        case .documentIdentified:
            // Folded with the DocumentParsed that follows it, which carries the stated identity.
            break
        case .documentParseFailed:
            // The facts of the last successful parse stay: a failing parser is no reason to lose them.
            break
        case .documentRetracted(let retracted):
            let key = ContentHash.bytes(retracted.contentHash)
            guard var location = try location(key, in: txn) else { return }
            try unfile(location, hash: retracted.contentHash, in: txn)
            location.state = .retracted
            try save(location, key, in: txn)
        case .unitAliasDeclared(let alias):
            let before = try aliases.canonical(UnitName(alias.alias).key, in: txn)
            try aliases.declare(alias, sequence: recorded.sequence, in: txn)
            // Only documents filed under the alias's old unit can change unit.
            for entry in try txn.entries(in: documents, prefix: IndexKeys.text(before)) {
                let document = try FiledDocumentCoding.decode(entry.value)
                guard try unitKey(of: document, in: txn) != before else { continue }
                let key = ContentHash.bytes(document.contentHash)
                guard var location = try location(key, in: txn) else { continue }
                try unfile(location, hash: document.contentHash, in: txn)
                location.state = try file(document, in: txn)
                try save(location, key, in: txn)
            }
        }
    }

    /// The canonical unit key of a document: its title's key, through declared aliases.
    func unitKey(of document: FiledDocument, in txn: ReadTransaction) throws -> String {
        try aliases.canonical(UnitName(document.identity.unit).key, in: txn)
    }

    private func file(_ document: FiledDocument, in txn: WriteTransaction) throws -> Location.State {
        try file(document, unit: try unitKey(of: document, in: txn), encoded: FiledDocumentCoding.encode(document), in: txn)
    }

    /// Files `document` (`encoded`, its fact keys' `keyPrefixes` when prepared) under its canonical `unit`.
    private func file(_ document: FiledDocument, unit: String, encoded: [UInt8], keyPrefixes: [[UInt8]]? = nil,
                      in txn: WriteTransaction) throws -> Location.State {
        // A document whose unit the parser could not find is not filed under an empty unit.
        guard !unit.isEmpty else { return .unfiled }
        try txn.put(encoded, forKey: IndexKeys.document(unit: unit, year: document.year, hash: document.contentHash),
                    in: documents)
        // factKey(_:unit:year:) of each key: its prepared start, then the document's unit and year.
        let unitYear = IndexKeys.unitYear(unit: unit, year: document.year)
        for prefix in keyPrefixes ?? IndexKeys.factKeyPrefixes(of: document.facts) {
            try adjustCount(prefix + unitYear, by: 1, in: txn)
        }
        return .filed(unit: unit, year: document.year)
    }

    private func unfile(_ location: Location, hash: String, in txn: WriteTransaction) throws {
        guard case .filed(let unit, let year) = location.state else { return }
        let key = IndexKeys.document(unit: unit, year: year, hash: hash)
        guard let bytes = try txn.get(key, in: documents) else { return }
        let old = try FiledDocumentCoding.decode(bytes)
        for factKey in Set(old.facts.map(\.key.rawValue)) {
            try adjustCount(IndexKeys.factKey(factKey, unit: unit, year: year), by: -1, in: txn)
        }
        try txn.delete(key, in: documents)
    }

    private func adjustCount(_ key: [UInt8], by change: Int, in txn: WriteTransaction) throws {
        let current = try txn.get(key, in: keys).map { Int(IndexKeys.readUInt32($0)) } ?? 0
        let next = current + change
        if next <= 0 {
            try txn.delete(key, in: keys)
        } else {
            try txn.put(IndexKeys.bigEndian(UInt32(clamping: next)), forKey: key, in: keys)
        }
    }

    private func location(_ key: [UInt8], in txn: ReadTransaction) throws -> Location? {
        try txn.get(key, in: located).map(Location.init(decoding:))
    }

    private func save(_ location: Location, _ key: [UInt8], in txn: WriteTransaction) throws {
        try txn.put(location.encoded, forKey: key, in: located)
    }
}

/// Where the fact index keeps a document: its import, and whether and where it is filed.
struct Location: Hashable {
    enum State: Hashable {
        /// Imported, no successful parse yet.
        case imported
        /// Parsed, but the parser found no unit to file it under.
        case unfiled
        case filed(unit: String, year: Int)
        case retracted
    }

    var sequence: UInt64
    var sourceName: String
    var state: State

    var encoded: [UInt8] {
        var writer = ByteWriter()
        writer.varint(sequence)
        writer.string(sourceName)
        switch state {
        case .imported: writer.byte(0)
        case .unfiled: writer.byte(1)
        case .filed(let unit, let year):
            writer.byte(2)
            writer.string(unit)
            writer.signed(Int64(year))
        case .retracted: writer.byte(3)
        }
        return writer.bytes
    }

    init(sequence: UInt64, sourceName: String, state: State) {
        self.sequence = sequence
        self.sourceName = sourceName
        self.state = state
    }

    init(decoding bytes: [UInt8]) throws {
        var reader = ByteReader(bytes, origin: "projection/facts/located")
        sequence = try reader.varint()
        sourceName = try reader.string()
        switch try reader.byte() {
        case 0: state = .imported
        case 1: state = .unfiled
        case 2: state = .filed(unit: try reader.string(), year: Int(try reader.signed()))
        case 3: state = .retracted
        default: throw reader.corrupt("has an unknown state")
        }
    }
}
