import LMDB

/// The aliases users declared (`history alias`), as one projection keeps them: key = the
/// alias's ``UnitName`` key, value = sequence of the declaration (varint), the alias and the
/// canonical name as typed. A later declaration of the same alias replaces the earlier one.
///
/// Each projection that needs canonical units keeps its own copy, so each folds from the log
/// alone and can be rebuilt alone.
struct AliasTable {
    let database: Database

    init(projection: String, databases open: (String) throws -> Database) throws {
        database = try open("projection/\(projection)/aliases")
    }

    func declare(_ alias: UnitAliasDeclared, sequence: UInt64, in txn: WriteTransaction) throws {
        var writer = ByteWriter()
        writer.varint(sequence)
        writer.string(alias.alias)
        writer.string(alias.canonical)
        try txn.put(writer.bytes, forKey: Array(UnitName(alias.alias).key.utf8), in: database)
    }

    /// Every declaration in force, in declaration order.
    func all(in txn: ReadTransaction) throws -> [DeclaredAlias] {
        try txn.entries(in: database).map { try Self.decode($0.value) }.sorted { $0.sequence < $1.sequence }
    }

    /// The unit key `key` stands for: declared aliases followed to their end, as
    /// ``UnitDirectory`` does (a cycle stops where it would repeat).
    func canonical(_ key: String, in txn: ReadTransaction) throws -> String {
        // LMDB refuses empty keys; no alias has an empty name.
        guard !key.isEmpty else { return key }
        var current = key
        var seen: Set<String> = [key]
        while let bytes = try txn.get(Array(current.utf8), in: database) {
            let next = UnitName(try Self.decode(bytes).canonical).key
            if !seen.insert(next).inserted { break }
            current = next
        }
        return current
    }

    private static func decode(_ bytes: [UInt8]) throws -> DeclaredAlias {
        var reader = ByteReader(bytes, origin: "an aliases database")
        let sequence = try reader.varint()
        let alias = try reader.string()
        let canonical = try reader.string()
        return DeclaredAlias(alias: alias, canonical: canonical, sequence: sequence)
    }
}
