import CLMDB
import Glibc

/// A result code of liblmdb: one of LMDB's own (negative, `MDB_KEYEXIST` … `MDB_BAD_DBI`) or an
/// `errno` value (`ENOENT`, `EACCES`, `ENOMEM` …).
///
/// Callers match it where they catch, as GRDB's `ResultCode`:
///
/// ```swift
/// do { … } catch LMDBResultCode.notFound { … } catch LMDBResultCode.mapFull { … }
/// ```
public struct LMDBResultCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// `mdb_strerror` of the code: LMDB's own message, or the system's for an errno value.
    public var description: String { String(cString: mdb_strerror(rawValue)) }

    public static let keyExists = LMDBResultCode(rawValue: MDB_KEYEXIST)
    public static let notFound = LMDBResultCode(rawValue: MDB_NOTFOUND)
    public static let mapFull = LMDBResultCode(rawValue: MDB_MAP_FULL)
    public static let mapResized = LMDBResultCode(rawValue: MDB_MAP_RESIZED)
    public static let readersFull = LMDBResultCode(rawValue: MDB_READERS_FULL)
    public static let databasesFull = LMDBResultCode(rawValue: MDB_DBS_FULL)
    public static let badTransaction = LMDBResultCode(rawValue: MDB_BAD_TXN)
    public static let incompatible = LMDBResultCode(rawValue: MDB_INCOMPATIBLE)
    public static let invalid = LMDBResultCode(rawValue: MDB_INVALID)
    public static let versionMismatch = LMDBResultCode(rawValue: MDB_VERSION_MISMATCH)
    /// The store's files may not be opened or written by this process (EACCES, EPERM, EROFS).
    public static let accessDenied = LMDBResultCode(rawValue: EACCES)
    public static let notPermitted = LMDBResultCode(rawValue: EPERM)
    public static let readOnlyFileSystem = LMDBResultCode(rawValue: EROFS)
    public static let inputOutput = LMDBResultCode(rawValue: EIO)
    public static let outOfMemory = LMDBResultCode(rawValue: ENOMEM)

    /// Whether `error` is an ``LMDBError`` with this code: what lets `catch LMDBResultCode.notFound` match.
    public static func ~= (code: LMDBResultCode, error: any Error) -> Bool {
        (error as? LMDBError)?.resultCode == code
    }
}

/// An error reported by liblmdb: its result code, the library's message for it, and what the
/// wrapper was doing.
public struct LMDBError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The code a liblmdb function returned.
    public let resultCode: LMDBResultCode
    /// `mdb_strerror(resultCode)`.
    public let message: String
    /// What the wrapper was doing when the code came back (`mdb_env_open /path`), for the reader.
    public let operation: String

    public init(resultCode: LMDBResultCode, operation: String) {
        self.resultCode = resultCode
        self.message = resultCode.description
        self.operation = operation
    }

    init(code: Int32, operation: String) {
        self.init(resultCode: LMDBResultCode(rawValue: code), operation: operation)
    }

    public var description: String { "LMDB error \(resultCode.rawValue) in \(operation): \(message)" }

    /// Throws an `LMDBError` unless `code` is `MDB_SUCCESS`.
    @inline(__always)
    static func check(_ code: Int32, _ operation: @autoclosure () -> String) throws(LMDBError) {
        if code != MDB_SUCCESS { throw LMDBError(code: code, operation: operation()) }
    }
}
