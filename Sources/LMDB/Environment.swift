import CLMDB
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An LMDB environment: one memory-mapped file of named databases, opened once per process.
///
/// All access goes through closure-scoped transactions:
///
/// ```swift
/// let environment = try Environment(path: "/tmp/store", configuration: .init(maxDatabases: 4))
/// let names = try environment.write { txn in try txn.openDatabase("names") }
/// try environment.write { txn in try txn.put(Array("v".utf8), forKey: Array("k".utf8), in: names) }
/// let value = try environment.read { txn in try txn.get(Array("k".utf8), in: names) }
/// ```
///
/// The map grows by itself: when a write fills it (`MDB_MAP_FULL`) the transaction is aborted,
/// the map doubled and the write body run again; when another process grew it
/// (`MDB_MAP_RESIZED`) the new size is adopted and the transaction started again. So a write
/// body must be re-runnable: it may run more than once and only its last run is committed.
///
/// Threads: an environment can be shared. Read transactions may run on any number of threads
/// at once, also nested on one thread; write transactions are serialised by LMDB. Do not start
/// a `write` inside another transaction on the same thread: LMDB does not nest writes, and the
/// map cannot grow while the outer transaction is open (such a write fails with MDB_MAP_FULL).
public final class Environment: @unchecked Sendable {
    /// How to open an environment.
    public struct Configuration: Sendable {
        /// Maximum number of named databases (`mdb_env_set_maxdbs`).
        public var maxDatabases: Int
        /// Initial size of the memory map in bytes; it grows on demand.
        public var mapSize: Int
        /// The map never grows beyond this; a write that needs more fails with `MDB_MAP_FULL`.
        public var maximumMapSize: Int
        /// Maximum number of concurrent read transactions of all processes (`mdb_env_set_maxreaders`).
        public var maxReaders: Int
        public var flags: EnvironmentFlags
        /// Permissions of created files before the process's umask is applied (`open(2)`
        /// masks them), so 0o666 gives the user's usual file permissions.
        public var fileMode: mode_t
        /// Called, on another thread, when a write transaction has waited this long for the
        /// writer lock that another transaction (in this or another process) holds.
        public var writerWait: WriterWait?
        /// Bytes of the map this process may read before the kernel is told it can take the
        /// mapped pages back: what bounds a scan's resident memory, not the store's size.
        public var residentReadBudget: Int

        public init(
            maxDatabases: Int = 16, mapSize: Int = 64 << 20, maximumMapSize: Int = 1 << 40,
            maxReaders: Int = 126, flags: EnvironmentFlags = [], fileMode: mode_t = 0o666,
            writerWait: WriterWait? = nil, residentReadBudget: Int = 64 << 20
        ) {
            self.maxDatabases = maxDatabases
            self.mapSize = mapSize
            self.maximumMapSize = maximumMapSize
            self.maxReaders = maxReaders
            self.flags = flags
            self.fileMode = fileMode
            self.writerWait = writerWait
            self.residentReadBudget = residentReadBudget
        }
    }

    /// What to do when a write transaction waits for LMDB's single writer lock.
    ///
    /// liblmdb has no non-blocking `mdb_txn_begin`; beginning a write transaction is otherwise
    /// a matter of microseconds, so one that takes longer than `after` is waiting for the lock.
    public struct WriterWait: Sendable {
        /// Seconds to wait silently; most waits end sooner, behind a commit of a few milliseconds.
        public var after: Double
        /// Called at most once per wait, on a Dispatch thread.
        public var notice: @Sendable () -> Void

        public init(after: Double = 0.5, notice: @escaping @Sendable () -> Void) {
            self.after = after
            self.notice = notice
        }
    }

    /// Figures from `mdb_env_info` and `mdb_env_stat`.
    public struct Info: Sendable, Hashable {
        public var mapSize: Int
        public var pageSize: Int
        /// Pages in use: the data file holds at least `(lastPageNumber + 1) * pageSize` bytes.
        public var lastPageNumber: Int
        public var lastTransactionID: Int
        public var maxReaders: Int
        public var readersInUse: Int
    }

    /// The directory (or, with `.noSubdirectory`, the file) the environment lives in.
    public let path: String
    public let configuration: Configuration
    let handle: OpaquePointer
    private let resizeLock = ResizeLock()
    /// Keeps a process that reads more of the map than memory holds from keeping it resident.
    let pageBudget: MappedPageBudget
    /// How a write transaction is committed: `mdb_txn_commit`, or a test's failing stand-in
    /// given at creation (never changed afterwards, so the environment stays safe to share).
    let commitTransaction: @Sendable (OpaquePointer) -> Int32
    /// What a failed commit leaves behind: the transaction freed. For tests' commit stand-ins.
    static func freeTransaction(_ handle: OpaquePointer) { mdb_txn_abort(handle) }

    /// Opens (creating the files when missing) the environment at `path`, which must exist
    /// as a directory unless `flags` has `.noSubdirectory`.
    public convenience init(path: String, configuration: Configuration = Configuration()) throws {
        try self.init(path: path, configuration: configuration, commit: { mdb_txn_commit($0) })
    }

    /// Opens the environment with a commit of the caller's: a test's stand-in for a commit that fails.
    init(path: String, configuration: Configuration = Configuration(), commit: @escaping @Sendable (OpaquePointer) -> Int32) throws {
        commitTransaction = commit
        var env: OpaquePointer?
        try LMDBError.check(mdb_env_create(&env), "mdb_env_create")
        guard let env else { throw LMDBError(resultCode: .outOfMemory, operation: "mdb_env_create") }
        do {
            try LMDBError.check(mdb_env_set_maxdbs(env, MDB_dbi(configuration.maxDatabases)), "mdb_env_set_maxdbs")
            try LMDBError.check(mdb_env_set_maxreaders(env, UInt32(configuration.maxReaders)), "mdb_env_set_maxreaders")
            try LMDBError.check(mdb_env_set_mapsize(env, configuration.mapSize), "mdb_env_set_mapsize")
            // MDB_NOTLS always: a read transaction belongs to its closure, not to a thread, so
            // Swift code may run several on one thread (nested reads) without MDB_BAD_RSLOT.
            let flags = configuration.flags.rawValue | UInt32(MDB_NOTLS)
            try LMDBError.check(mdb_env_open(env, path, flags, configuration.fileMode), "mdb_env_open \(path)")
        } catch {
            mdb_env_close(env)
            throw error
        }
        self.handle = env
        self.pageBudget = MappedPageBudget(budget: configuration.residentReadBudget,
                                           dataFile: Self.resolvedDataFile(path, flags: configuration.flags))
        self.path = path
        self.configuration = configuration
    }

    deinit { mdb_env_close(handle) }

    /// The data file's path with symbolic links and `..` resolved, as the kernel names its mapping.
    private static func resolvedDataFile(_ path: String, flags: EnvironmentFlags) -> String {
        let file = flags.contains(.noSubdirectory) ? path : path + "/data.mdb"
        guard let resolved = realpath(file, nil) else { return file }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The environment's flags as liblmdb reports them (`mdb_env_get_flags`).
    public var flags: EnvironmentFlags {
        var raw: UInt32 = 0
        mdb_env_get_flags(handle, &raw)
        return EnvironmentFlags(rawValue: raw & ~UInt32(MDB_NOTLS))
    }

    public var info: Info {
        var info = MDB_envinfo()
        mdb_env_info(handle, &info)
        var stat = MDB_stat()
        mdb_env_stat(handle, &stat)
        return Info(
            mapSize: info.me_mapsize, pageSize: Int(stat.ms_psize),
            lastPageNumber: info.me_last_pgno, lastTransactionID: info.me_last_txnid,
            maxReaders: Int(info.me_maxreaders), readersInUse: Int(info.me_numreaders))
    }

    /// Flushes buffers to disk; needed only with `.noSync` or `.noMetaSync`.
    public func sync(force: Bool = true) throws {
        try LMDBError.check(mdb_env_sync(handle, force ? 1 : 0), "mdb_env_sync")
    }

    /// Runs `body` in a read-only transaction: a consistent snapshot as of its start.
    ///
    /// Values obtained inside must be copied out (``ReadTransaction/get(_:in:)`` does); the
    /// transaction ends when `body` returns or throws.
    @discardableResult
    public func read<T>(_ body: (ReadTransaction) throws -> T) throws -> T {
        let transaction = try beginRead("mdb_txn_begin (read)")
        defer {
            transaction.abort()
            resizeLock.unlockShared()
        }
        return try body(transaction)
    }

    /// Begins a read-only transaction, adopting a map another process grew; returns with the
    /// resize lock held shared, which the caller releases once the transaction has ended.
    private func beginRead(_ operation: String) throws -> ReadTransaction {
        while true {
            resizeLock.lockShared()
            var txn: OpaquePointer?
            let code = mdb_txn_begin(handle, nil, UInt32(MDB_RDONLY), &txn)
            if code == MDB_MAP_RESIZED {
                resizeLock.unlockShared()
                try adoptResizedMap()
                continue
            }
            guard code == MDB_SUCCESS, let txn else {
                resizeLock.unlockShared()
                throw LMDBError(code: code, operation: operation)
            }
            return ReadTransaction(handle: txn, pageBudget: pageBudget)
        }
    }

    /// Runs `body` in a read-only transaction that may open existing databases
    /// (``ReadTransaction/openExistingDatabase(_:)``), and keeps their handles for every later
    /// transaction: no write transaction, so no wait for a writer of another process.
    ///
    /// LMDB keeps the handles a read-only transaction opened only when it is committed, which
    /// writes nothing; ``read(_:)`` aborts and would close them. Don't open databases from two
    /// threads at once (liblmdb's rule for `mdb_dbi_open`).
    @discardableResult
    public func openDatabases<T>(_ body: (ReadTransaction) throws -> T) throws -> T {
        let transaction = try beginRead("mdb_txn_begin (read, opening databases)")
        defer { resizeLock.unlockShared() }
        let result: T
        do {
            result = try body(transaction)
        } catch {
            transaction.abort()
            throw error
        }
        try LMDBError.check(transaction.commit(using: { mdb_txn_commit($0) }), "mdb_txn_commit (read, opening databases)")
        return result
    }

    /// Runs `body` in a write transaction and commits it; a throw from `body` aborts it and
    /// leaves the environment as it was.
    ///
    /// `body` must be re-runnable: when the map is full it is aborted, the map grows, and
    /// `body` runs again from the start. Don't perform side effects that cannot repeat.
    @discardableResult
    public func write<T>(_ body: (WriteTransaction) throws -> T) throws -> T {
        while true {
            resizeLock.lockShared()
            let mapSizeAtStart = info.mapSize
            var txn: OpaquePointer?
            let code = beginWrite(&txn)
            if code == MDB_MAP_RESIZED {
                resizeLock.unlockShared()
                try adoptResizedMap()
                continue
            }
            guard code == MDB_SUCCESS, let txn else {
                resizeLock.unlockShared()
                throw LMDBError(code: code, operation: "mdb_txn_begin (write)")
            }
            let transaction = WriteTransaction(handle: txn, pageBudget: pageBudget)
            let result: T
            do {
                result = try body(transaction)
            } catch {
                transaction.abort()
                resizeLock.unlockShared()
                // The body may have caught MDB_MAP_FULL and thrown something else; the
                // transaction remembers, so the retry does not depend on the body's error.
                if transaction.sawMapFull || (error as? LMDBError)?.resultCode == .mapFull {
                    try grow(from: mapSizeAtStart)
                    continue
                }
                throw error
            }
            if transaction.sawMapFull {
                // The body swallowed MDB_MAP_FULL; the transaction is unusable, start again.
                transaction.abort()
                resizeLock.unlockShared()
                try grow(from: mapSizeAtStart)
                continue
            }
            // mdb_txn_commit frees the transaction whether it succeeds or fails: from here on
            // the handle is never used again, and a failed commit is not followed by an abort.
            let commitCode = transaction.commit(using: commitTransaction)
            resizeLock.unlockShared()
            if commitCode == MDB_MAP_FULL {
                try grow(from: mapSizeAtStart)
                continue
            }
            try LMDBError.check(commitCode, "mdb_txn_commit")
            return result
        }
    }

    /// `mdb_txn_begin` for a write, with the ``WriterWait`` notice armed while it blocks.
    ///
    /// The timer is a thread of its own, not a Dispatch work item: when the process's Dispatch
    /// threads are all blocked (2 cores, busy callers) a work item would run only after the wait.
    private func beginWrite(_ txn: inout OpaquePointer?) -> Int32 {
        guard let wait = configuration.writerWait else { return mdb_txn_begin(handle, nil, 0, &txn) }
        let watch = WriterWatch(wait)
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { context in
            let watch = Unmanaged<WriterWatch>.fromOpaque(context!).takeRetainedValue()
            if watch.ended.wait(timeout: .now() + watch.wait.after) == .timedOut { watch.wait.notice() }
            return nil
        }, Unmanaged.passRetained(watch).toOpaque())
        if started == 0 { pthread_detach(thread) } else { Unmanaged.passUnretained(watch).release() }
        defer { watch.ended.signal() }
        return mdb_txn_begin(handle, nil, 0, &txn)
    }

    /// Doubles the map unless another writer already grew it past `observed`.
    private func grow(from observed: Int) throws {
        guard !resizeLock.heldByCurrentThread else {
            throw LMDBError(resultCode: .mapFull, operation: "growing the map inside another transaction of the same thread (nested write)")
        }
        resizeLock.lockExclusive()
        defer { resizeLock.unlockExclusive() }
        guard info.mapSize <= observed else { return }
        guard observed < configuration.maximumMapSize else {
            throw LMDBError(resultCode: .mapFull, operation: "growing the map beyond \(configuration.maximumMapSize) bytes")
        }
        let target = min(observed * 2, configuration.maximumMapSize)
        try LMDBError.check(mdb_env_set_mapsize(handle, target), "mdb_env_set_mapsize \(target)")
    }

    /// Takes the map size another process set (`MDB_MAP_RESIZED`).
    private func adoptResizedMap() throws {
        guard !resizeLock.heldByCurrentThread else {
            throw LMDBError(resultCode: .mapResized, operation: "adopting another process's map size inside another transaction of the same thread")
        }
        resizeLock.lockExclusive()
        defer { resizeLock.unlockExclusive() }
        try LMDBError.check(mdb_env_set_mapsize(handle, 0), "mdb_env_set_mapsize 0")
    }
}

/// What a write's wait timer shares with the thread that runs it.
private final class WriterWatch: Sendable {
    let wait: Environment.WriterWait
    let ended = DispatchSemaphore(value: 0)
    init(_ wait: Environment.WriterWait) { self.wait = wait }
}
