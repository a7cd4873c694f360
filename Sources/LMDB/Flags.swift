import CLMDB

// Three distinct option sets because liblmdb reuses bit values across its flag families:
// MDB_RDONLY (environment) and MDB_APPEND (put) are both 0x20000; MDB_CREATE (database) and
// MDB_NOMETASYNC (environment) are both 0x40000. Passing one family's constant to another
// function compiles in C and silently means something else; here it does not compile.

/// Options of an LMDB environment, given to `mdb_env_open`.
public struct EnvironmentFlags: OptionSet, Hashable, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// The path names the data file itself, not a directory holding `data.mdb` and `lock.mdb`.
    public static let noSubdirectory = EnvironmentFlags(rawValue: UInt32(MDB_NOSUBDIR))
    /// Open for reading only; every write transaction fails with `EACCES`.
    public static let readOnly = EnvironmentFlags(rawValue: UInt32(MDB_RDONLY))
    /// Do not fsync after commit: faster, but the last transactions may be lost on a system crash.
    public static let noSync = EnvironmentFlags(rawValue: UInt32(MDB_NOSYNC))
    /// Fsync data but not the meta page: loses at most the last transaction on a system crash.
    public static let noMetaSync = EnvironmentFlags(rawValue: UInt32(MDB_NOMETASYNC))
    /// Write through a writable memory map.
    public static let writeMap = EnvironmentFlags(rawValue: UInt32(MDB_WRITEMAP))
    /// Disable OS read-ahead; helps random reads of a database larger than RAM.
    public static let noReadAhead = EnvironmentFlags(rawValue: UInt32(MDB_NORDAHEAD))
    /// Do not lock; the caller guarantees a single writer and no concurrent readers.
    public static let noLock = EnvironmentFlags(rawValue: UInt32(MDB_NOLOCK))
}

/// Options of a named database, given to `mdb_dbi_open`.
public struct DatabaseFlags: OptionSet, Hashable, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Create the database when it does not exist (only inside a write transaction).
    public static let create = DatabaseFlags(rawValue: UInt32(MDB_CREATE))
    /// Compare keys as strings read backwards.
    public static let reverseKey = DatabaseFlags(rawValue: UInt32(MDB_REVERSEKEY))
    /// Allow several sorted values per key.
    public static let duplicateSort = DatabaseFlags(rawValue: UInt32(MDB_DUPSORT))
    /// Keys are native-endian unsigned integers of one size.
    public static let integerKey = DatabaseFlags(rawValue: UInt32(MDB_INTEGERKEY))
    /// With `duplicateSort`: all values of a key have one size.
    public static let duplicateFixed = DatabaseFlags(rawValue: UInt32(MDB_DUPFIXED))
}

/// Options of a single `put`, given to `mdb_put`.
public struct WriteFlags: OptionSet, Hashable, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Leave an existing key alone; `put` then returns `false`.
    public static let noOverwrite = WriteFlags(rawValue: UInt32(MDB_NOOVERWRITE))
    /// The key sorts after every key in the database: store it at the end without a search.
    /// A key out of order fails with `MDB_KEYEXIST`.
    public static let append = WriteFlags(rawValue: UInt32(MDB_APPEND))
    /// With `duplicateSort`: leave an existing key/value pair alone.
    public static let noDuplicateData = WriteFlags(rawValue: UInt32(MDB_NODUPDATA))
}
