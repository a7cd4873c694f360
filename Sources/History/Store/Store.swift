import EventLog
import Foundation
import LMDB

/// A `history` store: one directory holding an LMDB environment with the event log, the
/// documents' bytes, and the projections folded from the log.
///
/// Writes go through ``append(_:in:)`` inside ``write(_:)``, which folds every projection in
/// the same transaction. Reads use ``read(_:)`` and the log or a projection.
public final class Store: Sendable {
    /// The version of the store's layout as a whole (databases and what they hold).
    public static let formatVersion: UInt32 = 1
    static let formatKey = "store-format"
    /// The projections every store keeps; later features add theirs here.
    public static let standardProjections: [any Projection.Type] = [
        DocumentsProjection.self, UnitRegistryProjection.self, FactIndexProjection.self,
    ]

    public let path: String
    public let log: EventLog
    public let projections: [any Projection]
    public var environment: Environment { log.environment }

    /// Opens the store at `path`, creating it (and the directory) when `create` is true.
    ///
    /// `writerWait` is told when a write has to wait for another process's transaction.
    public init(
        path: String, create: Bool = false, projections projectionTypes: [any Projection.Type] = Store.standardProjections,
        mapSize: Int = 64 << 20, writerWait: Environment.WriterWait? = nil
    ) throws {
        self.path = path
        let existed = FileManager.default.fileExists(atPath: path + "/data.mdb")
        try Self.prepareDirectory(path, create: create)
        let environment = try Self.openEnvironment(
            path, configuration: .init(maxDatabases: 64, mapSize: mapSize, writerWait: writerWait))
        // A store already at the current format with every projection folded to the end opens
        // in a read-only transaction; anything else (or any doubt) takes the writing path below,
        // which gives the authoritative answer about what the directory holds.
        if existed, let current = (try? Self.openCurrent(path: path, environment: environment, projections: projectionTypes)) ?? nil {
            (log, projections) = current
            return
        }
        // One transaction decides whether this is a store and, when it is new, creates all of
        // it: a kill at any moment leaves either an LMDB file with nothing committed (made
        // into a store by the next import) or a whole store, never a log without a format.
        try environment.write { txn in try Self.recogniseOrCreate(path, create: create, in: txn) }
        log = try EventLog(environment: environment, create: false)
        projections = try environment.write { txn in try projectionTypes.map { try $0.init(opening: txn) } }
        try catchUp()
    }

    /// The store at `path` when it can be read exactly as it is — current format, every projection
    /// folded to the log's end — opened without a write transaction; nil otherwise (no store
    /// there, or one that would have to be brought up to date first). For shell completions,
    /// which must answer quickly and never change anything.
    public static func openedForReadingOnly(path: String) -> Store? {
        guard FileManager.default.fileExists(atPath: path + "/data.mdb"),
              let environment = try? openEnvironment(path, configuration: .init(maxDatabases: 64, mapSize: 64 << 20)),
              let current = (try? openCurrent(path: path, environment: environment, projections: standardProjections)) ?? nil
        else { return nil }
        return Store(path: path, log: current.0, projections: current.1)
    }

    private init(path: String, log: EventLog, projections: [any Projection]) {
        self.path = path
        self.log = log
        self.projections = projections
    }

    /// Brings every projection to the log's end after opening, a few thousand events per
    /// transaction (``foldEventsPerTransaction``): a projection of another version is emptied
    /// and folded again, one behind folds the rest.
    private func catchUp() throws {
        try foldForward(projections, start: .afreshWhenOutdated)
    }

    /// The log and projections of a store at the current format whose projections have all
    /// folded the whole log at their current version, opened in a read-only transaction: a
    /// read command then never takes the write lock (nor waits for an import holding it). Nil
    /// when anything needs a write — an older format, a projection missing, behind or of
    /// another version — and the caller opens with writes.
    private static func openCurrent(path: String, environment: Environment,
                                    projections types: [any Projection.Type]) throws -> (EventLog, [any Projection])? {
        try environment.openDatabases { txn -> (EventLog, [any Projection])? in
            let log: EventLog
            do {
                log = try EventLog(environment: environment, existingIn: txn)
            } catch LMDBResultCode.notFound, LMDBResultCode.incompatible {
                throw StoreError.notAStore(path: path, reason: "its LMDB file has no event log")
            }
            guard let format = try log.metaNumber(Self.formatKey, in: txn) else {
                throw StoreError.notAStore(path: path, reason: "its LMDB file records no store format")
            }
            guard format <= Self.formatVersion else {
                throw StoreError.newerFormat(path: path, found: format, supported: Self.formatVersion)
            }
            guard format == Self.formatVersion else { return nil }
            let last = try log.lastSequence(in: txn)
            var projections: [any Projection] = []
            for type in types {
                guard let checkpoint = try log.checkpoint(named: type.name, in: txn),
                      checkpoint.version == type.version, checkpoint.lastFoldedSequence == last else { return nil }
                do {
                    guard let projection = try type.init(existingIn: txn) else { return nil }
                    projections.append(projection)
                } catch LMDBResultCode.notFound {
                    return nil
                }
            }
            return (log, projections)
        }
    }

    /// Creates the directory when allowed; refuses a file, or a directory of other things.
    private static func prepareDirectory(_ path: String, create: Bool) throws {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: path, isDirectory: &isDirectory) else {
            guard create else { throw StoreError.missing(path: path) }
            try files.createDirectory(atPath: path, withIntermediateDirectories: true)
            return
        }
        guard isDirectory.boolValue else { throw StoreError.notAStore(path: path, reason: "it is a file, not a directory") }
        if files.fileExists(atPath: path + "/data.mdb") { return }
        // liblmdb makes lock.mdb before data.mdb: another import may be creating this store now.
        let contents = try files.contentsOfDirectory(atPath: path)
        guard contents.allSatisfy({ $0 == "lock.mdb" || $0 == "data.mdb" }) else {
            throw StoreError.notAStore(path: path, reason: "it holds other files and no data.mdb")
        }
        guard create else { throw StoreError.missing(path: path) }
    }

    /// Opens the LMDB environment, turning the errors a person can act on into ``StoreError``.
    private static func openEnvironment(_ path: String, configuration: Environment.Configuration) throws -> Environment {
        let lockFile = path + "/lock.mdb"
        let hadLockFile = FileManager.default.fileExists(atPath: lockFile)
        do {
            return try Environment(path: path, configuration: configuration)
        } catch let error as LMDBError {
            // liblmdb creates lock.mdb before it reads data.mdb: leave a directory we refuse as we found it.
            if !hadLockFile { try? FileManager.default.removeItem(atPath: lockFile) }
            switch error.resultCode {
            case .accessDenied, .notPermitted, .readOnlyFileSystem:
                throw StoreError.notWritable(path: path, reason: error.message)
            case .invalid, .versionMismatch:
                throw StoreError.notAStore(path: path, reason: "its data.mdb is not an LMDB file this build reads")
            default:
                throw error
            }
        }
    }

    /// Checks that the environment holds a store of a format this build reads; in an
    /// environment where nothing was ever committed, creates the log's databases and records
    /// the format when `create` is true.
    private static func recogniseOrCreate(_ path: String, create: Bool, in txn: WriteTransaction) throws {
        let main = try txn.openDatabase(nil, flags: [])
        let names = Set(try txn.entries(in: main).map { String(decoding: $0.key, as: UTF8.self) })
        if names.isEmpty {
            guard create else { throw StoreError.missing(path: path) }
            _ = try txn.openDatabase(EventLog.eventsDatabaseName)
            _ = try txn.openDatabase(EventLog.blobsDatabaseName)
            let meta = try txn.openDatabase(EventLog.metaDatabaseName)
            try txn.put(withUnsafeBytes(of: formatVersion.bigEndian) { Array($0) }, forKey: Array(formatKey.utf8), in: meta)
            return
        }
        guard names.isSuperset(of: [EventLog.eventsDatabaseName, EventLog.blobsDatabaseName, EventLog.metaDatabaseName]) else {
            throw StoreError.notAStore(path: path, reason: "its LMDB file has no event log")
        }
        let meta = try txn.openDatabase(EventLog.metaDatabaseName, flags: [])
        guard let bytes = try txn.get(Array(formatKey.utf8), in: meta), bytes.count == 4 else {
            throw StoreError.notAStore(path: path, reason: "its LMDB file records no store format")
        }
        let format = bytes.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard format <= formatVersion else {
            throw StoreError.newerFormat(path: path, found: format, supported: formatVersion)
        }
    }

    /// Runs `body` in a read transaction.
    @discardableResult
    public func read<T>(_ body: (ReadTransaction) throws -> T) throws -> T { try environment.read(body) }

    /// Runs `body` in a write transaction; `body` must be re-runnable (see ``Environment/write(_:)``).
    @discardableResult
    public func write<T>(_ body: (WriteTransaction) throws -> T) throws -> T { try environment.write(body) }

    /// Appends `events` and folds them into every projection, all in `txn`.
    @discardableResult
    public func append(_ events: [HistoryEvent], in txn: WriteTransaction, at time: Date = Date()) throws -> [UInt64] {
        try append(events, encoded: [], in: txn, at: time)
    }

    /// Appends `events` whose envelopes the caller encoded already (outside the transaction, on
    /// any thread: the importer does), and whose folds it may have prepared (``PreparedFold``);
    /// an empty `encoded` or `prepared` is worked out here.
    @discardableResult
    public func append(_ events: [HistoryEvent], encoded: [NewEvent], prepared: [PreparedFold] = [],
                       in txn: WriteTransaction, at time: Date = Date()) throws -> [UInt64] {
        precondition(encoded.isEmpty || encoded.count == events.count, "one envelope per event")
        precondition(prepared.isEmpty || prepared.count == events.count, "one prepared fold per event")
        try bringProjectionsUpToDate(in: txn)
        let sequences = try log.append(encoded.isEmpty ? events.map { try $0.encoded() } : encoded, in: txn, at: time)
        let milliseconds = Int64((time.timeIntervalSince1970 * 1000).rounded(.down))
        for (index, (sequence, event)) in zip(sequences, events).enumerated() {
            let recorded = RecordedHistoryEvent(sequence: sequence, recordedAtMilliseconds: milliseconds, event: event)
            if prepared.isEmpty {
                for projection in projections { try projection.fold(recorded, in: txn) }
            } else {
                for projection in projections { try projection.fold(recorded, prepared: prepared[index], in: txn) }
            }
        }
        if let last = sequences.last {
            for projection in projections {
                try log.setCheckpoint(Checkpoint(version: type(of: projection).version, lastFoldedSequence: last),
                                      named: type(of: projection).name, in: txn)
            }
        }
        return sequences
    }

    /// The projection of type `P`, when the store keeps one.
    public func projection<P: Projection>(_ type: P.Type) -> P? {
        projections.lazy.compactMap { $0 as? P }.first
    }

    /// Up to `limit` events from `sequence` on, decoded.
    public func events(from sequence: UInt64 = 1, limit: Int = .max, in txn: ReadTransaction) throws -> [RecordedHistoryEvent] {
        try log.events(from: sequence, limit: limit, in: txn).map(RecordedHistoryEvent.init(decoding:))
    }

    /// Empties every projection and folds the whole log again (``rebuildProjections(named:)``).
    @discardableResult
    public func rebuildProjections() throws -> RebuildSummary { try rebuildProjections(named: nil) }

    /// Rebuilds projections whose version changed; folds the events a projection has not seen.
    /// All in `txn`, the caller's append: normally nothing, as opening the store caught up, but
    /// another process may have appended or changed versions since.
    private func bringProjectionsUpToDate(in txn: WriteTransaction) throws {
        let last = try log.lastSequence(in: txn)
        var folded: [UInt64] = [], emptied = false
        for projection in projections {
            let kind = type(of: projection)
            let checkpoint = try log.checkpoint(named: kind.name, in: txn)
            if checkpoint?.version != kind.version {
                try projection.reset(in: txn)
                folded.append(0)
                emptied = true
            } else {
                folded.append(checkpoint?.lastFoldedSequence ?? 0)
            }
        }
        // One pass over what any projection lacks, as a rebuild folds: each event decoded once.
        guard let from = folded.min(), from < last || emptied else { return }
        _ = try fold(projections, after: folded, through: last, in: txn)
    }
}
