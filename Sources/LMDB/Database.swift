import CLMDB

/// A handle on one named database (or the unnamed main database) of an ``Environment``.
///
/// Obtained from ``WriteTransaction/openDatabase(_:flags:)``; once that transaction has
/// committed, the handle is valid in every later transaction of the same environment.
public struct Database: Hashable, Sendable {
    /// The database's name; `nil` for the main database.
    public let name: String?
    let dbi: MDB_dbi
}

/// Figures from `mdb_stat` for one database.
public struct DatabaseStatistics: Hashable, Sendable {
    public var entries: Int
    public var depth: Int
    public var branchPages: Int
    public var leafPages: Int
    public var overflowPages: Int
    public var pageSize: Int

    /// Bytes of pages the database occupies.
    public var bytes: Int { (branchPages + leafPages + overflowPages) * pageSize }
}
