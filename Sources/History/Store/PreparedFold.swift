import Disclosure

/// The part of folding one event that depends on the event alone, worked out before the write
/// transaction on any thread, so that the single writer only reads, appends and puts.
///
/// The importer prepares it with each event's envelope on its workers; a rebuild prepares it
/// with each event's decoding. Today it holds the fact index's stored form of a parsed
/// document without its filing header (``FiledDocumentCoding/body(_:)``), and the start of the
/// key each of its fact keys is counted under: encoding and collecting them was two thirds of
/// the writer's work in an import of generated documents (callgrind, 200 documents).
public struct PreparedFold: Sendable {
    /// The fact index's value for a DocumentParsed, after the header; nil for other events.
    let filedBody: [UInt8]?
    /// `IndexKeys.factKeyPrefixes` of a DocumentParsed's facts; nil for other events.
    let factKeyPrefixes: [[UInt8]]?

    public init(_ event: HistoryEvent) {
        if case .documentParsed(let parsed) = event {
            filedBody = FiledDocumentCoding.body(parsed.parsed)
            factKeyPrefixes = IndexKeys.factKeyPrefixes(of: parsed.parsed.facts)
        } else {
            filedBody = nil
            factKeyPrefixes = nil
        }
    }
}
