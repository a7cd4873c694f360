/// A log entry, blob or meta record that this build cannot read or write.
public enum EventLogError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A log value too short or inconsistent to be an envelope.
    case malformedEnvelope(sequence: UInt64, reason: String)
    /// A log value written in an envelope format newer than this build knows.
    case unsupportedEnvelopeFormat(sequence: UInt64, format: UInt8)
    /// An event type name that is empty or longer than 255 bytes of UTF-8.
    case invalidEventType(String)
    /// A checkpoint record that is not 12 bytes.
    case malformedCheckpoint(name: String)

    public var description: String {
        switch self {
        case .malformedEnvelope(let sequence, let reason):
            "event \(sequence) is damaged: \(reason)"
        case .unsupportedEnvelopeFormat(let sequence, let format):
            "event \(sequence) uses envelope format \(format), newer than this build reads (1); upgrade history"
        case .invalidEventType(let type):
            "event type \"\(type)\" must be 1 to 255 bytes of UTF-8"
        case .malformedCheckpoint(let name):
            "the checkpoint of projection \(name) is damaged; run `history rebuild`"
        }
    }
}
