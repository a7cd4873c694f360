import Foundation
import LMDB

/// An append-only log of typed envelopes, with content-addressed blobs and a small meta
/// database, in three named databases of one LMDB environment.
///
/// Every operation comes in a form that takes a transaction, so a caller can append and update
/// its own databases (projections) in the same write transaction: a crash then never leaves
/// them out of step with the log. The log knows nothing of what its events mean.
///
/// Databases (README, "On-disk format"):
/// - `events`: key = sequence (UInt64 big-endian, from 1), value = ``Envelope`` bytes.
/// - `blobs`: key = SHA-256 of the value (32 raw bytes), value = the bytes.
/// - `meta`: key = UTF-8 name, value = small binary records (format versions, checkpoints).
public struct EventLog: Sendable {
    public static let eventsDatabaseName = "events"
    public static let blobsDatabaseName = "blobs"
    public static let metaDatabaseName = "meta"

    public let environment: Environment
    public let events: Database
    public let blobs: Database
    public let meta: Database

    /// Opens the log's databases in `environment`, creating them when `create` is true.
    /// Without `create`, a missing database fails with `MDB_NOTFOUND`.
    public init(environment: Environment, create: Bool = true) throws {
        let flags: DatabaseFlags = create ? [.create] : []
        (events, blobs, meta) = try environment.write { txn in
            (try txn.openDatabase(Self.eventsDatabaseName, flags: flags),
             try txn.openDatabase(Self.blobsDatabaseName, flags: flags),
             try txn.openDatabase(Self.metaDatabaseName, flags: flags))
        }
        self.environment = environment
    }

    /// Opens the log's existing databases in `txn`, a transaction of
    /// ``Environment/openDatabases(_:)``: no write. A missing database fails with `MDB_NOTFOUND`.
    public init(environment: Environment, existingIn txn: ReadTransaction) throws {
        events = try txn.openExistingDatabase(Self.eventsDatabaseName)
        blobs = try txn.openExistingDatabase(Self.blobsDatabaseName)
        meta = try txn.openExistingDatabase(Self.metaDatabaseName)
        self.environment = environment
    }

    // MARK: Events

    /// Appends `events` in order and returns their sequence numbers.
    @discardableResult
    public func append(_ events: [NewEvent], in txn: WriteTransaction, at time: Date = Date()) throws -> [UInt64] {
        let milliseconds = Int64((time.timeIntervalSince1970 * 1000).rounded(.down))
        var sequence = try lastSequence(in: txn)
        var sequences: [UInt64] = []
        sequences.reserveCapacity(events.count)
        for event in events {
            let typeLength = event.type.utf8.count
            guard (1...255).contains(typeLength) else { throw EventLogError.invalidEventType(event.type) }
            sequence += 1
            try txn.put(count: Envelope.size(of: event), forKey: SequenceKey.encode(sequence), in: self.events, flags: .append) {
                Envelope.write(event, recordedAtMilliseconds: milliseconds, into: $0)
            }
            sequences.append(sequence)
        }
        return sequences
    }

    /// Appends one event and returns its sequence number.
    @discardableResult
    public func append(_ event: NewEvent, in txn: WriteTransaction, at time: Date = Date()) throws -> UInt64 {
        try append([event], in: txn, at: time)[0]
    }

    /// Appends `events` in a write transaction of their own.
    @discardableResult
    public func append(_ events: [NewEvent]) throws -> [UInt64] {
        try environment.write { try append(events, in: $0) }
    }

    /// The event at `sequence`, or `nil` when there is none.
    public func event(at sequence: UInt64, in txn: ReadTransaction) throws -> RecordedEvent? {
        try txn.withValue(forKey: SequenceKey.encode(sequence), in: events) { bytes in
            try bytes.map { try Envelope.read(sequence: sequence, from: $0) }
        }
    }

    /// Visits events in order from `sequence` until `body` returns `false`.
    public func scan(from sequence: UInt64 = 1, in txn: ReadTransaction, _ body: (RecordedEvent) throws -> Bool) throws {
        try txn.scan(events, from: SequenceKey.encode(sequence)) { key, value in
            try body(Envelope.read(sequence: SequenceKey.decode(key), from: value))
        }
    }

    /// Up to `limit` events from `sequence` on.
    public func events(from sequence: UInt64 = 1, limit: Int = .max, in txn: ReadTransaction) throws -> [RecordedEvent] {
        var result: [RecordedEvent] = []
        guard limit > 0 else { return result }
        try scan(from: sequence, in: txn) { event in
            result.append(event)
            return result.count < limit
        }
        return result
    }

    /// The number of events.
    public func count(in txn: ReadTransaction) throws -> Int { try txn.count(of: events) }

    /// The sequence of the last event; 0 when the log is empty.
    public func lastSequence(in txn: ReadTransaction) throws -> UInt64 {
        try txn.withCursor(on: events) { cursor in
            try cursor.last() ? cursor.withCurrent { key, _ in SequenceKey.decode(key) } : 0
        }
    }

    // MARK: Blobs

    /// Stores `bytes` under their SHA-256 unless already present; `inserted` says which.
    @discardableResult
    public func putBlob(_ bytes: [UInt8], in txn: WriteTransaction) throws -> (hash: ContentHash, inserted: Bool) {
        let hash = ContentHash(of: bytes)
        return (hash, try putBlob(bytes, hash: hash, in: txn))
    }

    /// Stores `bytes` under `hash`, already computed by the caller, unless present.
    public func putBlob(_ bytes: [UInt8], hash: ContentHash, in txn: WriteTransaction) throws -> Bool {
        try txn.put(bytes, forKey: hash.bytes, in: blobs, flags: .noOverwrite)
    }

    /// A copy of the bytes stored under `hash`.
    public func blob(_ hash: ContentHash, in txn: ReadTransaction) throws -> [UInt8]? {
        try txn.get(hash.bytes, in: blobs)
    }

    public func containsBlob(_ hash: ContentHash, in txn: ReadTransaction) throws -> Bool {
        try txn.contains(hash.bytes, in: blobs)
    }

    public func blobCount(in txn: ReadTransaction) throws -> Int { try txn.count(of: blobs) }
}
