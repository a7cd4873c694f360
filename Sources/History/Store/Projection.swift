import LMDB

/// A view of the log kept in databases of its own, updated in the write transaction that
/// appends each event, so it is never out of step with the log.
///
/// To add one: write a type that opens its databases in `init(opening:)` (name them
/// `projection/<name>…`), folds events in `fold(_:in:)`, and empties them in `reset(in:)`;
/// then add it to ``Store/standardProjections``. The store records, in the same transaction,
/// the last sequence each projection folded and its `version`. When `version` changes the
/// projection is emptied and refolded from the whole log the next time the store opens;
/// when it is behind the log (a build without it appended) it catches up first.
///
/// `fold` must be deterministic and depend only on the events and the projection's own
/// state: a rebuild must reach the state incremental folding reached.
public protocol Projection: Sendable {
    /// The projection's name in checkpoints and `history status`.
    static var name: String { get }
    /// Bump whenever `fold` would produce different state from the same log.
    static var version: UInt32 { get }
    /// Opens, creating when missing, the databases the projection keeps its state in.
    init(opening txn: WriteTransaction) throws
    /// Opens the databases when they all exist, without writing (a read-only command's open);
    /// nil, the default, makes the store open the projection with ``init(opening:)`` in a write.
    init?(existingIn txn: ReadTransaction) throws
    /// Removes all state, before a rebuild.
    func reset(in txn: WriteTransaction) throws
    /// Applies one event; called in sequence order, exactly once per event between resets.
    func fold(_ event: RecordedHistoryEvent, in txn: WriteTransaction) throws
    /// The same, with the event-only part of the work done already (``PreparedFold``, made from
    /// this event on another thread); the default ignores it.
    func fold(_ event: RecordedHistoryEvent, prepared: PreparedFold, in txn: WriteTransaction) throws
}

extension Projection {
    public init?(existingIn txn: ReadTransaction) throws { return nil }
    public func fold(_ event: RecordedHistoryEvent, prepared: PreparedFold, in txn: WriteTransaction) throws {
        try fold(event, in: txn)
    }
}
