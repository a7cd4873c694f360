/// What `history verify` found: whether the log reads, the blobs match their hashes, and every
/// projection equals what folding the log again produces.
public struct VerificationReport: Hashable, Sendable {
    public var events = 0
    /// Entries that are not readable events, or sequences out of order.
    public var eventProblems: [EventProblem] = []
    public var blobs = 0
    /// Blobs whose bytes no longer hash to their key (hex of the key).
    public var corruptBlobs: [String] = []
    /// Documents imported whose bytes are not in `blobs` (hex hash).
    public var missingBlobs: [String] = []
    /// Whether the projections were folded again and compared (not when events are unreadable).
    public var projectionsCompared = false
    /// One entry per projection database compared.
    public var databases: [DatabaseComparison] = []
    /// Projections whose recorded checkpoint differs from what a refold records.
    public var checkpointProblems: [String] = []

    /// Whether everything holds: the exit status of `history verify`.
    public var holds: Bool {
        eventProblems.isEmpty && corruptBlobs.isEmpty && missingBlobs.isEmpty && checkpointProblems.isEmpty
            && databases.allSatisfy(\.matches)
    }
}

/// A log entry that could not be read.
public struct EventProblem: Hashable, Sendable {
    public var sequence: UInt64
    public var message: String
}

/// How one stored projection database compares with the same database folded again from the log.
public struct DatabaseComparison: Hashable, Sendable {
    /// `projection/…`.
    public var name: String
    /// Entries in the stored database.
    public var entries = 0
    /// Entries the refold produces that the stored database lacks.
    public var missing = 0
    /// Entries the stored database holds that the refold does not produce.
    public var unexpected = 0
    /// Keys present in both with different values.
    public var differing = 0
    /// The first few keys that differ, printable (UTF-8 when it is, else hex).
    public var examples: [String] = []

    public var matches: Bool { missing == 0 && unexpected == 0 && differing == 0 }
}
