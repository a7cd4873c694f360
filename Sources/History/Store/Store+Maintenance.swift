import EventLog
import Foundation
import LMDB

/// What a rebuild folded.
public struct RebuildSummary: Hashable, Sendable {
    /// The projections rebuilt, by name.
    public var projections: [String]
    /// Events folded (each projection folds every event; counted once).
    public var events: Int
    /// Facts carried by the DocumentParsed events folded.
    public var facts: Int
}

extension Store {
    /// Empties the projections named `names` (every projection when `nil`) and folds the whole
    /// log into them again, in one write transaction.
    ///
    /// That transaction is the switch-over: LMDB readers keep seeing the previous, complete
    /// projections until it commits, and then the rebuilt ones; a failure or crash part-way
    /// leaves the old ones untouched.
    @discardableResult
    public func rebuildProjections(named names: [String]?) throws -> RebuildSummary {
        let chosen = try projections(named: names)
        return try write { txn in try refold(chosen, in: txn) }
    }

    /// The projections named `names`, in the store's order; every one when `nil`.
    public func projections(named names: [String]?) throws -> [any Projection] {
        guard let names else { return projections }
        let known = projections.map { type(of: $0).name }
        if let unknown = names.first(where: { !known.contains($0) }) {
            throw StoreError.unknownProjection(unknown, known: known)
        }
        return projections.filter { names.contains(type(of: $0).name) }
    }

    /// Empties `chosen` and folds the whole log into them in `txn`, recording their checkpoints.
    func refold(_ chosen: [any Projection], in txn: WriteTransaction) throws -> RebuildSummary {
        for projection in chosen { try projection.reset(in: txn) }
        var events = 0, facts = 0, last: UInt64 = 0
        // One pass over the log, each event decoded once and handed to every projection. Chunks of
        // events are decoded on every core while this thread folds the chunk before, in order.
        var chunk: [RecordedEvent] = [], decoding: BackgroundMap<Result<RecordedHistoryEvent, any Error>>?
        func fold(_ decoding: BackgroundMap<Result<RecordedHistoryEvent, any Error>>?) throws {
            for decoded in decoding?.wait() ?? [] {
                let recorded = try decoded.get()
                for projection in chosen { try projection.fold(recorded, in: txn) }
                if case .documentParsed(let parsed) = recorded.event { facts += parsed.parsed.facts.count }
                events += 1
                last = recorded.sequence
            }
        }
        try log.scan(from: 1, in: txn) { event in
            chunk.append(event)
            if chunk.count == 256 {
                let next = Self.decoding(chunk)
                chunk.removeAll(keepingCapacity: true)
                try fold(decoding)
                decoding = next
            }
            return true
        }
        try fold(decoding)
        try fold(Self.decoding(chunk))
        for projection in chosen {
            let kind = type(of: projection)
            try log.setCheckpoint(Checkpoint(version: kind.version, lastFoldedSequence: last), named: kind.name, in: txn)
        }
        return RebuildSummary(projections: chosen.map { type(of: $0).name }, events: events, facts: facts)
    }

    private static func decoding(_ events: [RecordedEvent]) -> BackgroundMap<Result<RecordedHistoryEvent, any Error>> {
        BackgroundMap(events) { event in Result { try RecordedHistoryEvent(decoding: event) } }
    }

    /// Withdraws the document with hex hash `contentHash` from every projection by appending
    /// DocumentRetracted; its events and bytes stay in the log. Returns the event's sequence.
    @discardableResult
    public func retract(_ contentHash: String, reason: String) throws -> UInt64 {
        try write { txn in
            try append([.documentRetracted(DocumentRetracted(contentHash: contentHash, reason: reason))], in: txn)[0]
        }
    }
}

