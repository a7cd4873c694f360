import Foundation

/// An event to append: its type, the schema version of that type, and its encoded payload.
///
/// The log does not interpret the payload; the layer above chooses its encoding (History
/// writes JSON). The sequence number and the time recorded are given by the log at append.
public struct NewEvent: Hashable, Sendable {
    /// The event type's name, 1–255 bytes of UTF-8 (`DocumentImported`).
    public var type: String
    /// The version of `type`'s payload schema, so old payloads can be upcast on read.
    public var schemaVersion: UInt16
    public var payload: [UInt8]

    public init(type: String, schemaVersion: UInt16, payload: [UInt8]) {
        self.type = type
        self.schemaVersion = schemaVersion
        self.payload = payload
    }
}

/// An event as the log holds it: a copy, independent of any transaction.
public struct RecordedEvent: Hashable, Sendable {
    /// Position in the log, from 1, without gaps.
    public var sequence: UInt64
    public var type: String
    public var schemaVersion: UInt16
    /// When the event was appended, in whole milliseconds since 1970-01-01T00:00:00Z.
    public var recordedAtMilliseconds: Int64
    public var payload: [UInt8]

    public init(sequence: UInt64, type: String, schemaVersion: UInt16, recordedAtMilliseconds: Int64, payload: [UInt8]) {
        self.sequence = sequence
        self.type = type
        self.schemaVersion = schemaVersion
        self.recordedAtMilliseconds = recordedAtMilliseconds
        self.payload = payload
    }

    public var recordedAt: Date { Date(timeIntervalSince1970: Double(recordedAtMilliseconds) / 1000) }
}

/// The byte layout of a log entry's value (envelope format 1), documented in README "On-disk format":
///
/// ```
/// offset  size  field
/// 0       1     envelope format, 1
/// 1       2     schema version of the event type, UInt16 big-endian
/// 3       8     time recorded, Int64 big-endian, milliseconds since the Unix epoch (UTC)
/// 11      1     N = length of the type name in bytes (1…255)
/// 12      N     type name, UTF-8
/// 12+N    …     payload, to the end of the value
/// ```
///
/// Python: `fmt, version, ms, n = struct.unpack(">BHqB", value[:12])`.
enum Envelope {
    static let format: UInt8 = 1
    static let fixedHeaderSize = 12

    static func size(of event: NewEvent) -> Int { fixedHeaderSize + event.type.utf8.count + event.payload.count }

    /// Writes `event` into `buffer`, which holds exactly `size(of: event)` bytes.
    static func write(_ event: NewEvent, recordedAtMilliseconds: Int64, into buffer: UnsafeMutableRawBufferPointer) {
        buffer[0] = format
        withUnsafeBytes(of: event.schemaVersion.bigEndian) { buffer.baseAddress!.advanced(by: 1).copyMemory(from: $0.baseAddress!, byteCount: 2) }
        withUnsafeBytes(of: recordedAtMilliseconds.bigEndian) { buffer.baseAddress!.advanced(by: 3).copyMemory(from: $0.baseAddress!, byteCount: 8) }
        let typeBytes = Array(event.type.utf8)
        buffer[11] = UInt8(typeBytes.count)
        var offset = fixedHeaderSize
        for byte in typeBytes {
            buffer[offset] = byte
            offset += 1
        }
        UnsafeMutableRawBufferPointer(rebasing: buffer[offset...]).copyBytes(from: event.payload)
    }

    /// Reads an envelope, copying what it needs out of `bytes`.
    static func read(sequence: UInt64, from bytes: UnsafeRawBufferPointer) throws -> RecordedEvent {
        guard bytes.count >= fixedHeaderSize else {
            throw EventLogError.malformedEnvelope(sequence: sequence, reason: "\(bytes.count) bytes, shorter than the 12-byte header")
        }
        guard bytes[0] == format else { throw EventLogError.unsupportedEnvelopeFormat(sequence: sequence, format: bytes[0]) }
        let schemaVersion = bytes[1..<3].reduce(UInt16(0)) { $0 << 8 | UInt16($1) }
        let milliseconds = Int64(bitPattern: bytes[3..<11].reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
        let typeLength = Int(bytes[11])
        guard bytes.count >= fixedHeaderSize + typeLength else {
            throw EventLogError.malformedEnvelope(sequence: sequence, reason: "type name of \(typeLength) bytes runs past the value")
        }
        let typeBytes = UnsafeRawBufferPointer(rebasing: bytes[fixedHeaderSize..<(fixedHeaderSize + typeLength)])
        return RecordedEvent(
            sequence: sequence, type: String(decoding: typeBytes, as: UTF8.self), schemaVersion: schemaVersion,
            recordedAtMilliseconds: milliseconds, payload: Array(bytes[(fixedHeaderSize + typeLength)...]))
    }
}

/// Log keys: the sequence as 8 bytes big-endian, so byte order is numeric order.
enum SequenceKey {
    static func encode(_ sequence: UInt64) -> [UInt8] { withUnsafeBytes(of: sequence.bigEndian) { Array($0) } }

    static func decode(_ bytes: UnsafeRawBufferPointer) -> UInt64 { bytes.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
}
