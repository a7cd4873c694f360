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
    /// Events folded per write transaction when a projection is rebuilt or catches up.
    ///
    /// LMDB keeps a write transaction's dirty pages in memory until it commits, and a filed
    /// document is a value of tens of kilobytes: one transaction for the whole log held the
    /// rebuilt projections in memory (600 MB for 10,000 documents, growing with the store).
    /// A thousand events hold some tens of megabytes and cost one durable commit (a few ms).
    static let foldEventsPerTransaction = 1024

    /// Empties the projections named `names` (every projection when `nil`) and folds the whole
    /// log into them again, ``foldEventsPerTransaction`` events per transaction.
    ///
    /// A log that short is rebuilt in one transaction, the switch-over: readers see the old
    /// projections until it commits, then the new. A longer one commits as it goes, each
    /// transaction recording how far the projections are folded (their checkpoints): what a
    /// reader sees then is the projections of a prefix of the log, never half a document; a
    /// process that opens the store meanwhile finishes the fold itself before it answers; and
    /// a failure or crash part-way leaves a prefix that the next open completes.
    @discardableResult
    public func rebuildProjections(named names: [String]?) throws -> RebuildSummary {
        try foldForward(try projections(named: names), start: .afresh)
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

    /// Empties `chosen` and records each at its current version with nothing folded.
    func restart(_ chosen: [any Projection], in txn: WriteTransaction) throws {
        for projection in chosen {
            let kind = type(of: projection)
            try projection.reset(in: txn)
            try log.setCheckpoint(Checkpoint(version: kind.version, lastFoldedSequence: 0), named: kind.name, in: txn)
        }
    }

    /// Where ``foldForward(_:start:)`` begins each projection.
    enum FoldStart {
        /// From its checkpoint.
        case checkpoint
        /// Emptied first when its checkpoint records another version (the code changed it).
        case afreshWhenOutdated
        /// Emptied first.
        case afresh
    }

    /// Folds the log into `chosen` from each one's checkpoint to the log's end,
    /// ``foldEventsPerTransaction`` events per committed write transaction; projections that
    /// `start` empties are emptied in the first of those transactions.
    @discardableResult
    func foldForward(_ chosen: [any Projection], start: FoldStart = .checkpoint) throws -> RebuildSummary {
        var total = RebuildSummary(projections: chosen.map { type(of: $0).name }, events: 0, facts: 0)
        var first = true
        while true {
            // Checkpoints are read afresh in each transaction: another process may have folded meanwhile.
            let step = try write { txn -> RebuildSummary? in
                var restarted = false
                if first {
                    let emptied = try chosen.filter { projection in
                        switch start {
                        case .checkpoint: return false
                        case .afresh: return true
                        case .afreshWhenOutdated:
                            let kind = type(of: projection)
                            return try log.checkpoint(named: kind.name, in: txn)?.version != kind.version
                        }
                    }
                    try restart(emptied, in: txn)
                    restarted = !emptied.isEmpty
                }
                let last = try log.lastSequence(in: txn)
                let folded = try chosen.map { try log.checkpoint(named: type(of: $0).name, in: txn)?.lastFoldedSequence ?? 0 }
                guard let from = folded.min(), from < last || restarted else { return nil }
                return try fold(chosen, after: folded, through: min(last, from + UInt64(Self.foldEventsPerTransaction)), in: txn)
            }
            first = false
            guard let step else { return total }
            total.events += step.events
            total.facts += step.facts
            if step.events == 0 { return total }
        }
    }

    /// Empties `chosen` and folds the whole log into them in `txn`, recording their checkpoints:
    /// for `history verify`, whose transaction is never committed.
    func refold(_ chosen: [any Projection], in txn: WriteTransaction) throws -> RebuildSummary {
        for projection in chosen { try projection.reset(in: txn) }
        return try fold(chosen, after: chosen.map { _ in 0 }, through: try log.lastSequence(in: txn), in: txn)
    }

    /// Folds the events after `folded[i]` through `end` into `chosen[i]`, in `txn`, and records
    /// `end` as each one's checkpoint.
    func fold(_ chosen: [any Projection], after folded: [UInt64], through end: UInt64,
                      in txn: WriteTransaction) throws -> RebuildSummary {
        var events = 0, facts = 0
        // One pass over the log, each event decoded once and handed to every projection that has
        // not folded it. Chunks of events are decoded, and their folds prepared, on every core
        // while this thread folds the chunk before, in order.
        var chunk: [RecordedEvent] = [], decoding: BackgroundMap<Result<(RecordedHistoryEvent, PreparedFold), any Error>>?
        func fold(_ decoding: BackgroundMap<Result<(RecordedHistoryEvent, PreparedFold), any Error>>?) throws {
            for decoded in decoding?.wait() ?? [] {
                let (recorded, prepared) = try decoded.get()
                for (projection, mark) in zip(chosen, folded) where recorded.sequence > mark {
                    try projection.fold(recorded, prepared: prepared, in: txn)
                }
                if case .documentParsed(let parsed) = recorded.event { facts += parsed.parsed.facts.count }
                events += 1
            }
        }
        if let start = folded.min(), start < end {
            try log.scan(from: start + 1, in: txn) { event in
                guard event.sequence <= end else { return false }
                chunk.append(event)
                if chunk.count == 256 {
                    let next = Self.decoding(chunk)
                    chunk.removeAll(keepingCapacity: true)
                    try fold(decoding)
                    decoding = next
                }
                return true
            }
        }
        try fold(decoding)
        try fold(Self.decoding(chunk))
        for (projection, mark) in zip(chosen, folded) where mark < end || end == 0 {
            let kind = type(of: projection)
            try log.setCheckpoint(Checkpoint(version: kind.version, lastFoldedSequence: end), named: kind.name, in: txn)
        }
        return RebuildSummary(projections: chosen.map { type(of: $0).name }, events: events, facts: facts)
    }

    private static func decoding(_ events: [RecordedEvent]) -> BackgroundMap<Result<(RecordedHistoryEvent, PreparedFold), any Error>> {
        BackgroundMap(events) { event in
            Result {
                let recorded = try RecordedHistoryEvent(decoding: event)
                return (recorded, PreparedFold(recorded.event))
            }
        }
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

