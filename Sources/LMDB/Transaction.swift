import CLMDB

/// A read-only transaction: a consistent snapshot, valid only inside the closure given to
/// ``Environment/read(_:)`` (or, as its superclass, ``Environment/write(_:)``).
///
/// Memory LMDB hands out lives only as long as the transaction: ``get(_:in:)`` returns a copy,
/// ``withValue(forKey:in:_:)`` lends the mapped bytes to a closure for zero-copy reading.
/// Using a transaction after its closure returned is a programming error and traps.
public class ReadTransaction {
    private var _handle: OpaquePointer?
    private let pageBudget: MappedPageBudget

    init(handle: OpaquePointer, pageBudget: MappedPageBudget) {
        _handle = handle
        self.pageBudget = pageBudget
    }

    var handle: OpaquePointer {
        guard let _handle else { preconditionFailure("LMDB transaction used after it ended") }
        return _handle
    }

    /// Ends a read transaction or abandons a write transaction.
    func abort() {
        if let _handle { mdb_txn_abort(_handle) }
        _handle = nil
    }

    /// Commits, and forgets the handle whatever the outcome: `mdb_txn_commit` frees it.
    func commit(using commit: (OpaquePointer) -> Int32) -> Int32 {
        let code = commit(handle)
        _handle = nil
        return code
    }

    /// Counts bytes lent from the map, so a long scan releases the pages it has finished with.
    func didRead(_ count: Int) { pageBudget.spend(count) }

    /// What one lookup costs the resident set: the kernel maps up to 64 KiB of cached pages
    /// around each page fault (fault-around), so a lookup that touches one new page may map
    /// sixteen. Counting less let an import of the 100k store reach 780 MB between releases.
    static let mappedPerLookup = 64 << 10

    /// Records a result code; a write transaction remembers `MDB_MAP_FULL` here.
    func check(_ code: Int32, _ operation: @autoclosure () -> String) throws {
        try LMDBError.check(code, operation())
    }

    /// Opens the existing database called `name` (`nil`: the main database) without creating
    /// it; fails with `MDB_NOTFOUND` when it does not exist. The handle outlives this
    /// transaction only inside ``Environment/openDatabases(_:)`` or ``Environment/write(_:)``.
    public func openExistingDatabase(_ name: String?) throws -> Database {
        var dbi: MDB_dbi = 0
        try check(mdb_dbi_open(handle, name, 0, &dbi), "mdb_dbi_open \(name ?? "main")")
        return Database(name: name, dbi: dbi)
    }

    /// A copy of the value stored under `key`, or `nil`.
    public func get(_ key: [UInt8], in database: Database) throws -> [UInt8]? {
        try withValue(forKey: key, in: database) { $0.map { Array($0) } }
    }

    /// Lends the value stored under `key` (or `nil`) to `body` without copying it.
    ///
    /// The buffer points into the memory map and must not escape `body`.
    public func withValue<R>(
        forKey key: [UInt8], in database: Database, _ body: (UnsafeRawBufferPointer?) throws -> R
    ) throws -> R {
        var data = MDB_val()
        let code = key.withUnsafeBytes { keyBytes in
            var keyValue = MDB_val(bytes: keyBytes)
            return mdb_get(handle, database.dbi, &keyValue, &data)
        }
        if code == MDB_NOTFOUND { return try body(nil) }
        try check(code, "mdb_get in \(database.name ?? "main")")
        didRead(data.mv_size + Self.mappedPerLookup)
        return try body(data.buffer)
    }

    /// Whether `key` is stored in `database`.
    public func contains(_ key: [UInt8], in database: Database) throws -> Bool {
        try withValue(forKey: key, in: database) { $0 != nil }
    }

    /// The number of entries in `database`.
    public func count(of database: Database) throws -> Int {
        try statistics(of: database).entries
    }

    public func statistics(of database: Database) throws -> DatabaseStatistics {
        var stat = MDB_stat()
        try check(mdb_stat(handle, database.dbi, &stat), "mdb_stat \(database.name ?? "main")")
        return DatabaseStatistics(
            entries: stat.ms_entries, depth: Int(stat.ms_depth), branchPages: stat.ms_branch_pages,
            leafPages: stat.ms_leaf_pages, overflowPages: stat.ms_overflow_pages, pageSize: Int(stat.ms_psize))
    }

    /// Runs `body` with a cursor over `database`, closed when `body` returns.
    public func withCursor<R>(on database: Database, _ body: (Cursor) throws -> R) throws -> R {
        var cursor: OpaquePointer?
        try check(mdb_cursor_open(handle, database.dbi, &cursor), "mdb_cursor_open \(database.name ?? "main")")
        let wrapper = Cursor(handle: cursor!, transaction: self)
        defer { wrapper.close() }
        return try body(wrapper)
    }

    /// A copy of the greatest key in `database`, or `nil` when it is empty.
    public func lastKey(in database: Database) throws -> [UInt8]? {
        try withCursor(on: database) { cursor in try cursor.last() ? cursor.key : nil }
    }

    /// Visits entries in key order, starting at the first key ≥ `start` (or the first key),
    /// lending each key and value without copying, until `body` returns `false`.
    public func scan(
        _ database: Database, from start: [UInt8]? = nil,
        _ body: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws -> Bool
    ) throws {
        try withCursor(on: database) { cursor in
            var positioned = try start.map { try cursor.seek(atLeast: $0) } ?? cursor.first()
            while positioned {
                guard try cursor.withCurrent(body) else { return }
                positioned = try cursor.next()
            }
        }
    }

    /// Copies of every entry whose key starts with `prefix`, in key order.
    public func entries(in database: Database, prefix: [UInt8] = []) throws -> [(key: [UInt8], value: [UInt8])] {
        var result: [(key: [UInt8], value: [UInt8])] = []
        try scan(database, from: prefix.isEmpty ? nil : prefix) { key, value in
            guard key.starts(with: prefix) else { return false }
            result.append((Array(key), Array(value)))
            return true
        }
        return result
    }
}

extension MDB_val {
    /// A view of caller-owned bytes; valid only while those bytes are.
    init(bytes: UnsafeRawBufferPointer) {
        self.init(mv_size: bytes.count, mv_data: UnsafeMutableRawPointer(mutating: bytes.baseAddress))
    }

    var buffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: mv_data, count: mv_size) }
}
