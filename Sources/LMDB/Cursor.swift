import CLMDB

/// A position in one database, valid only inside ``ReadTransaction/withCursor(on:_:)``: closed
/// with it, and any use of it afterwards traps rather than read memory of an ended transaction.
///
/// Moves return whether the cursor now rests on an entry; ``key`` and ``value`` copy that
/// entry out, ``withCurrent(_:)`` lends it without copying.
public final class Cursor {
    private var handle: OpaquePointer?
    private unowned let transaction: ReadTransaction
    private var currentKey = MDB_val()
    private var currentValue = MDB_val()
    private var positioned = false

    init(handle: OpaquePointer, transaction: ReadTransaction) {
        self.handle = handle
        self.transaction = transaction
    }

    /// Closes the cursor when its closure returns; the entry it rested on was map memory of a
    /// transaction that is ending, so nothing of it may be read afterwards.
    func close() {
        if let handle { mdb_cursor_close(handle) }
        handle = nil
        positioned = false
        currentKey = MDB_val()
        currentValue = MDB_val()
    }

    /// Traps unless the cursor is open and on an entry: reading `currentKey` after the
    /// transaction ended would read memory LMDB no longer lends.
    private func requireEntry() {
        if handle == nil { preconditionFailure("LMDB cursor used after its closure returned (its transaction has ended)") }
        precondition(positioned, "cursor is not on an entry")
    }

    private func move(_ operation: MDB_cursor_op, key: [UInt8]? = nil) throws -> Bool {
        guard let handle else { preconditionFailure("LMDB cursor used after its closure returned") }
        var code: Int32
        if let key {
            code = key.withUnsafeBytes { keyBytes in
                var keyValue = MDB_val(bytes: keyBytes)
                let code = mdb_cursor_get(handle, &keyValue, &currentValue, operation)
                // MDB_SET_RANGE points keyValue at the stored key; keep that one, not ours.
                currentKey = keyValue
                return code
            }
        } else {
            code = mdb_cursor_get(handle, &currentKey, &currentValue, operation)
        }
        if code == MDB_NOTFOUND {
            positioned = false
            return false
        }
        try transaction.check(code, "mdb_cursor_get")
        positioned = true
        return true
    }

    /// Moves to the first entry.
    public func first() throws -> Bool { try move(MDB_FIRST) }
    /// Moves to the last entry.
    public func last() throws -> Bool { try move(MDB_LAST) }
    /// Moves to the next entry.
    public func next() throws -> Bool { try move(MDB_NEXT) }
    /// Moves to the previous entry.
    public func previous() throws -> Bool { try move(MDB_PREV) }
    /// Moves to the first entry whose key is ≥ `key`.
    public func seek(atLeast key: [UInt8]) throws -> Bool { try move(MDB_SET_RANGE, key: key) }

    /// A copy of the current key.
    public var key: [UInt8] {
        requireEntry()
        return Array(currentKey.buffer)
    }

    /// A copy of the current value.
    public var value: [UInt8] {
        requireEntry()
        return Array(currentValue.buffer)
    }

    /// Lends the current key and value to `body`; they must not escape it.
    public func withCurrent<R>(_ body: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        requireEntry()
        // A scan maps 64 KiB around each leaf it enters (fault-around), and a small database's
        // leaves lie scattered among the large values: counting only the bytes let a scan of the
        // 24 MB documents projection of a 100k store map 700 MB before a release. A page per
        // entry is about what a leaf of small entries costs.
        transaction.didRead(currentKey.mv_size + currentValue.mv_size + 4096)
        return try body(currentKey.buffer, currentValue.buffer)
    }
}
