import CLMDB

/// A read-write transaction, valid only inside the closure given to ``Environment/write(_:)``.
///
/// A failing call throws ``LMDBError``; after most failures liblmdb marks the transaction
/// unusable, so let the error propagate: the closure's throw aborts the whole transaction.
public final class WriteTransaction: ReadTransaction {
    /// Set when any call hit `MDB_MAP_FULL`, so ``Environment/write(_:)`` grows the map and
    /// retries even if the body caught the error.
    private(set) var sawMapFull = false

    override func check(_ code: Int32, _ operation: @autoclosure () -> String) throws {
        if code == MDB_MAP_FULL { sawMapFull = true }
        try super.check(code, operation())
    }

    /// Opens the database called `name` (`nil`: the main database), creating it when
    /// `flags` contains `.create`. Fails with `MDB_NOTFOUND` when it does not exist.
    public func openDatabase(_ name: String?, flags: DatabaseFlags = [.create]) throws -> Database {
        var dbi: MDB_dbi = 0
        try check(mdb_dbi_open(handle, name, flags.rawValue, &dbi), "mdb_dbi_open \(name ?? "main")")
        return Database(name: name, dbi: dbi)
    }

    /// The flags `database` was created with (`mdb_dbi_flags`).
    public func flags(of database: Database) throws -> DatabaseFlags {
        var raw: UInt32 = 0
        try check(mdb_dbi_flags(handle, database.dbi, &raw), "mdb_dbi_flags")
        return DatabaseFlags(rawValue: raw)
    }

    /// Stores `value` under `key`. Returns `false` when `.noOverwrite` found the key present.
    @discardableResult
    public func put(_ value: [UInt8], forKey key: [UInt8], in database: Database, flags: WriteFlags = []) throws -> Bool {
        let code = key.withUnsafeBytes { keyBytes in
            value.withUnsafeBytes { valueBytes in
                var keyValue = MDB_val(bytes: keyBytes)
                var data = MDB_val(bytes: valueBytes)
                return mdb_put(handle, database.dbi, &keyValue, &data, flags.rawValue)
            }
        }
        if code == MDB_KEYEXIST && flags.contains(.noOverwrite) { return false }
        try check(code, "mdb_put in \(database.name ?? "main")")
        // The leaf it changed was read from the map before being copied to a dirty page.
        didRead(Self.mappedPerLookup)
        return true
    }

    /// Reserves `count` bytes under `key` and lets `fill` write them in place (`MDB_RESERVE`),
    /// which saves assembling the value in a separate buffer first. Not for `.duplicateSort`
    /// databases, which liblmdb refuses to reserve in.
    /// Returns `false`, without calling `fill`, when `.noOverwrite` found the key present.
    @discardableResult
    public func put(
        count: Int, forKey key: [UInt8], in database: Database, flags: WriteFlags = [],
        fill: (UnsafeMutableRawBufferPointer) throws -> Void
    ) throws -> Bool {
        var data = MDB_val(mv_size: count, mv_data: nil)
        let code = key.withUnsafeBytes { keyBytes in
            var keyValue = MDB_val(bytes: keyBytes)
            return mdb_put(handle, database.dbi, &keyValue, &data, flags.rawValue | UInt32(MDB_RESERVE))
        }
        if code == MDB_KEYEXIST && flags.contains(.noOverwrite) { return false }
        try check(code, "mdb_put in \(database.name ?? "main")")
        didRead(Self.mappedPerLookup)
        try fill(UnsafeMutableRawBufferPointer(start: data.mv_data, count: count))
        return true
    }

    /// Stores `value` under a key greater than every key in `database` (`MDB_APPEND`);
    /// a key out of order fails with `MDB_KEYEXIST`.
    public func append(_ value: [UInt8], forKey key: [UInt8], in database: Database) throws {
        try put(value, forKey: key, in: database, flags: .append)
    }

    /// Removes `key`; returns `false` when it was not there.
    @discardableResult
    public func delete(_ key: [UInt8], in database: Database) throws -> Bool {
        let code = key.withUnsafeBytes { keyBytes in
            var keyValue = MDB_val(bytes: keyBytes)
            return mdb_del(handle, database.dbi, &keyValue, nil)
        }
        if code == MDB_NOTFOUND { return false }
        try check(code, "mdb_del in \(database.name ?? "main")")
        didRead(Self.mappedPerLookup)
        return true
    }

    /// Removes every entry of `database`, keeping the database.
    ///
    /// Entry by entry, not with `mdb_drop`: dropping reads the first page of every large value
    /// to free it, and the kernel maps the cached pages around each read (fault-around, 64 KiB),
    /// so emptying a projection of 10,000 documents made 435 MB of the file resident in one
    /// call. Deleting through a cursor counts each value read, so the pages are released as
    /// it goes (``MappedPageBudget``).
    public func empty(_ database: Database) throws {
        var cursor: OpaquePointer?
        try check(mdb_cursor_open(handle, database.dbi, &cursor), "mdb_cursor_open (empty) \(database.name ?? "main")")
        defer { mdb_cursor_close(cursor) }
        var key = MDB_val(), value = MDB_val()
        while true {
            let code = mdb_cursor_get(cursor, &key, &value, MDB_FIRST)
            if code == MDB_NOTFOUND { return }
            try check(code, "mdb_cursor_get (empty) \(database.name ?? "main")")
            didRead(max(value.mv_size, Self.mappedPerLookup))
            try check(mdb_cursor_del(cursor, 0), "mdb_cursor_del (empty) \(database.name ?? "main")")
        }
    }

    /// Deletes `database` itself; once this transaction commits its handle is invalid.
    public func drop(_ database: Database) throws {
        try check(mdb_drop(handle, database.dbi, 1), "mdb_drop (delete) \(database.name ?? "main")")
    }
}
