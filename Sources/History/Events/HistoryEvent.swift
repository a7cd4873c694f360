import Disclosure

/// Something that happened to the store, as the log keeps it: an exhaustive enum of value types.
///
/// Each case's payload is a Codable struct with its own schema version, stored as JSON with
/// sorted keys (deterministic bytes) in an ``EventLog`` envelope whose type name is the case's
/// ``HistoryEventType`` raw value. A payload struct's fields may only be added (as optionals)
/// without a version bump; any other change bumps ``HistoryEventPayload/schemaVersion`` and
/// teaches ``HistoryEventPayload/upcast(from:json:)`` to read the old form.
public enum HistoryEvent: Hashable, Sendable {
    case documentImported(DocumentImported)
    case documentParsed(DocumentParsed)
    case documentParseFailed(DocumentParseFailed)
    case documentRetracted(DocumentRetracted)
    case unitAliasDeclared(UnitAliasDeclared)
    case documentIdentified(DocumentIdentified)

    public var type: HistoryEventType {
        switch self {
        case .documentImported: .documentImported
        case .documentParsed: .documentParsed
        case .documentParseFailed: .documentParseFailed
        case .documentRetracted: .documentRetracted
        case .unitAliasDeclared: .unitAliasDeclared
        case .documentIdentified: .documentIdentified
        }
    }

    /// The document the event is about (hex SHA-256), when it is about one.
    public var contentHash: String? {
        switch self {
        case .documentImported(let event): event.contentHash
        case .documentParsed(let event): event.contentHash
        case .documentParseFailed(let event): event.contentHash
        case .documentRetracted(let event): event.contentHash
        case .documentIdentified(let event): event.contentHash
        case .unitAliasDeclared: nil
        }
    }
}

/// The type names written into envelopes; they never change once released.
public enum HistoryEventType: String, Hashable, Sendable, CaseIterable, Codable {
    case documentImported = "DocumentImported"
    case documentParsed = "DocumentParsed"
    case documentParseFailed = "DocumentParseFailed"
    case documentRetracted = "DocumentRetracted"
    case unitAliasDeclared = "UnitAliasDeclared"
    case documentIdentified = "DocumentIdentified"
}

/// A history event with its place in the log.
public struct RecordedHistoryEvent: Hashable, Sendable {
    public var sequence: UInt64
    /// Milliseconds since the Unix epoch at which the log recorded the event.
    public var recordedAtMilliseconds: Int64
    public var event: HistoryEvent

    public init(sequence: UInt64, recordedAtMilliseconds: Int64, event: HistoryEvent) {
        self.sequence = sequence
        self.recordedAtMilliseconds = recordedAtMilliseconds
        self.event = event
    }
}

/// A document's bytes entered the store (they are in the `blobs` database under its hash).
public struct DocumentImported: HistoryEventPayload {
    public static let type = HistoryEventType.documentImported
    public static let schemaVersion: UInt16 = 1
    /// SHA-256 of the bytes, 64 lowercase hex digits.
    public var contentHash: String
    /// The file name it was imported from (no directory: paths differ between machines).
    public var sourceName: String
    /// `text/plain` or `application/pdf`.
    public var mediaType: String
    /// Size in bytes.
    public var size: Int

    public init(contentHash: String, sourceName: String, mediaType: String, size: Int) {
        self.contentHash = contentHash
        self.sourceName = sourceName
        self.mediaType = mediaType
        self.size = size
    }
}

/// The parser read a document; its facts and warnings as that parser version saw them.
///
/// Version 2 writes amounts as decimal strings (`"value":{"amount":"2263.86"}`, `"delta":"-220.84"`)
/// beside the fact's `measure`; version 1 wrote Swift's synthesised Codable
/// (`{"amount":{"_0":{"hundredths":226386}}}`). README "On-disk format" documents the payload.
public struct DocumentParsed: HistoryEventPayload {
    public static let type = HistoryEventType.documentParsed
    public static let schemaVersion: UInt16 = 2

    /// Version 1 differs only in how amounts and fact values are spelled, and the reader of
    /// version 2 reads those spellings too.
    public static func upcast(from version: UInt16, json: [UInt8]) throws -> DocumentParsed {
        guard version == 1 else { throw HistoryEventDecodingError.unknownSchemaVersion(type: type.rawValue, version: version) }
        do {
            return try DocumentParsedJSON.decode(json)
        } catch {
            throw HistoryEventDecodingError.malformedPayload(type: type.rawValue, reason: "\(error)")
        }
    }

    public var contentHash: String
    /// `DisclosureParser.version` of the parser that produced `parsed`.
    public var parserVersion: Int
    /// The encoding the text was decoded from (`TextEncoding` raw value; `pdftotext` for PDFs).
    public var textEncoding: String?
    public var parsed: ParsedDisclosure

    public init(contentHash: String, parserVersion: Int, textEncoding: String? = nil, parsed: ParsedDisclosure) {
        self.contentHash = contentHash
        self.parserVersion = parserVersion
        self.textEncoding = textEncoding
        self.parsed = parsed
    }
}

/// The document's bytes are kept but could not be turned into text or facts.
public struct DocumentParseFailed: HistoryEventPayload {
    public static let type = HistoryEventType.documentParseFailed
    public static let schemaVersion: UInt16 = 1
    public var contentHash: String
    public var parserVersion: Int
    /// What went wrong, for a person.
    public var error: String

    public init(contentHash: String, parserVersion: Int, error: String) {
        self.contentHash = contentHash
        self.parserVersion = parserVersion
        self.error = error
    }
}

/// A document is withdrawn from every projection; its events and bytes stay in the log.
public struct DocumentRetracted: HistoryEventPayload {
    public static let type = HistoryEventType.documentRetracted
    public static let schemaVersion: UInt16 = 1
    public var contentHash: String
    public var reason: String

    public init(contentHash: String, reason: String) {
        self.contentHash = contentHash
        self.reason = reason
    }
}

/// The user declared that `alias` names the same unit as `canonical`.
public struct UnitAliasDeclared: HistoryEventPayload {
    public static let type = HistoryEventType.unitAliasDeclared
    public static let schemaVersion: UInt16 = 1
    public var alias: String
    public var canonical: String

    public init(alias: String, canonical: String) {
        self.alias = alias
        self.canonical = canonical
    }
}

/// A user said what a document is (unit, year, kind) where it does not print it: `history
/// import --year …` or `history identify DOC --year …`. The DocumentParsed that follows it
/// carries the identity with this laid over it; a replay lays it over every later parse.
public struct DocumentIdentified: HistoryEventPayload {
    public static let type = HistoryEventType.documentIdentified
    public static let schemaVersion: UInt16 = 1
    public var contentHash: String
    public var stated: StatedIdentity
    /// The command that said it, as the identity's evidence shows it.
    public var said: String

    public init(contentHash: String, stated: StatedIdentity, said: String) {
        self.contentHash = contentHash
        self.stated = stated
        self.said = said
    }
}
