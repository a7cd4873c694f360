import CLMDB

/// An error reported by liblmdb: the C result code and the library's own message for it.
///
/// Codes are either LMDB's own (negative, `MDB_KEYEXIST` … `MDB_BAD_DBI`) or an `errno`
/// value (`ENOENT`, `EACCES`, `ENOMEM` …); `mdb_strerror` describes both.
public struct LMDBError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The raw result code a liblmdb function returned.
    public let resultCode: Int32
    /// `mdb_strerror(resultCode)`.
    public let message: String
    /// What the wrapper was doing when the code came back (`mdb_env_open /path`), for the reader.
    public let operation: String

    public init(resultCode: Int32, operation: String) {
        self.resultCode = resultCode
        self.message = String(cString: mdb_strerror(resultCode))
        self.operation = operation
    }

    public var description: String { "LMDB error \(resultCode) in \(operation): \(message)" }

    public static let keyExists = MDB_KEYEXIST
    public static let notFound = MDB_NOTFOUND
    public static let mapFull = MDB_MAP_FULL
    public static let mapResized = MDB_MAP_RESIZED
    public static let readersFull = MDB_READERS_FULL
    public static let databasesFull = MDB_DBS_FULL
    public static let badTransaction = MDB_BAD_TXN
    public static let incompatible = MDB_INCOMPATIBLE
    public static let invalid = MDB_INVALID
    public static let versionMismatch = MDB_VERSION_MISMATCH

    /// Throws an `LMDBError` unless `code` is `MDB_SUCCESS`.
    @inline(__always)
    static func check(_ code: Int32, _ operation: @autoclosure () -> String) throws(LMDBError) {
        if code != MDB_SUCCESS { throw LMDBError(resultCode: code, operation: operation()) }
    }
}
