import CSQLite

/// A failed SQLite call: its result code and SQLite's message, with what we were doing.
struct SQLiteError: Error, CustomStringConvertible {
    var resultCode: Int32
    var message: String
    var operation: String

    var description: String { "SQLite error \(resultCode) in \(operation): \(message)" }
}

/// One SQLite connection, just enough for the append benchmark: statements run inside
/// closures that own the transaction, and pointers never leave the wrapper.
final class SQLiteDatabase {
    private let handle: OpaquePointer

    init(path: String) throws {
        var connection: OpaquePointer?
        let code = sqlite3_open_v2(path, &connection, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        guard code == SQLITE_OK, let connection else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(connection)
            throw SQLiteError(resultCode: code, message: message, operation: "open \(path)")
        }
        handle = connection
    }

    deinit { sqlite3_close_v2(handle) }

    /// Runs one or more statements that return no rows.
    func execute(_ sql: String) throws {
        try check(sqlite3_exec(handle, sql, nil, nil, nil), sql)
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    func inTransaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    func prepare(_ sql: String) throws -> SQLiteStatement {
        var statement: OpaquePointer?
        try check(sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil), "prepare \(sql)")
        guard let statement else { throw SQLiteError(resultCode: SQLITE_MISUSE, message: "empty statement", operation: sql) }
        return SQLiteStatement(handle: statement, database: self)
    }

    fileprivate func check(_ code: Int32, _ operation: String) throws {
        guard code == SQLITE_OK || code == SQLITE_DONE || code == SQLITE_ROW else {
            throw SQLiteError(resultCode: code, message: String(cString: sqlite3_errmsg(handle)), operation: operation)
        }
    }
}

/// A prepared statement, run again and again with new bindings.
final class SQLiteStatement {
    private let handle: OpaquePointer
    private let database: SQLiteDatabase

    fileprivate init(handle: OpaquePointer, database: SQLiteDatabase) {
        self.handle = handle
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds `blobs` (parameters 1…n: an Int64 or bytes) and steps the statement to its end.
    /// Bytes are bound without copying; SQLite reads them during the step only.
    func run(_ integer: Int64?, _ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer? = nil) throws {
        defer { sqlite3_reset(handle); sqlite3_clear_bindings(handle) }
        var index: Int32 = 1
        if let integer {
            try database.check(sqlite3_bind_int64(handle, index, integer), "bind")
            index += 1
        }
        try database.check(sqlite3_bind_blob64(handle, index, first.baseAddress, sqlite3_uint64(first.count), nil), "bind")
        if let second {
            try database.check(sqlite3_bind_blob64(handle, index + 1, second.baseAddress, sqlite3_uint64(second.count), nil), "bind")
        }
        try database.check(sqlite3_step(handle), "step")
    }
}
