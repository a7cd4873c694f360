import LMDB

/// How far a projection has folded the log, and with which version of its code.
///
/// Stored in the `meta` database under `checkpoint/<name>` as 12 bytes: the version (UInt32
/// big-endian) then the last folded sequence (UInt64 big-endian).
public struct Checkpoint: Hashable, Sendable {
    public var version: UInt32
    /// The last sequence folded; 0 before the first event.
    public var lastFoldedSequence: UInt64

    public init(version: UInt32, lastFoldedSequence: UInt64) {
        self.version = version
        self.lastFoldedSequence = lastFoldedSequence
    }
}

extension EventLog {
    static let checkpointPrefix = "checkpoint/"

    /// The checkpoint recorded for projection `name`, if any.
    public func checkpoint(named name: String, in txn: ReadTransaction) throws -> Checkpoint? {
        guard let bytes = try txn.get(Array((Self.checkpointPrefix + name).utf8), in: meta) else { return nil }
        return try Self.decodeCheckpoint(bytes, name: name)
    }

    /// Records `checkpoint` for projection `name`; call it in the transaction that folded.
    public func setCheckpoint(_ checkpoint: Checkpoint, named name: String, in txn: WriteTransaction) throws {
        var bytes = withUnsafeBytes(of: checkpoint.version.bigEndian) { Array($0) }
        withUnsafeBytes(of: checkpoint.lastFoldedSequence.bigEndian) { bytes += $0 }
        try txn.put(bytes, forKey: Array((Self.checkpointPrefix + name).utf8), in: meta)
    }

    /// Every recorded checkpoint by projection name.
    public func checkpoints(in txn: ReadTransaction) throws -> [String: Checkpoint] {
        var result: [String: Checkpoint] = [:]
        for (key, value) in try txn.entries(in: meta, prefix: Array(Self.checkpointPrefix.utf8)) {
            let name = String(decoding: key.dropFirst(Self.checkpointPrefix.utf8.count), as: UTF8.self)
            result[name] = try Self.decodeCheckpoint(value, name: name)
        }
        return result
    }

    /// A UInt32 stored in `meta` under `key` (big-endian), such as a format version.
    public func metaNumber(_ key: String, in txn: ReadTransaction) throws -> UInt32? {
        guard let bytes = try txn.get(Array(key.utf8), in: meta), bytes.count == 4 else { return nil }
        return bytes.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }

    public func setMetaNumber(_ value: UInt32, forKey key: String, in txn: WriteTransaction) throws {
        try txn.put(withUnsafeBytes(of: value.bigEndian) { Array($0) }, forKey: Array(key.utf8), in: meta)
    }

    private static func decodeCheckpoint(_ bytes: [UInt8], name: String) throws -> Checkpoint {
        guard bytes.count == 12 else { throw EventLogError.malformedCheckpoint(name: name) }
        return Checkpoint(
            version: bytes[0..<4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) },
            lastFoldedSequence: bytes[4..<12].reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
    }
}
