import Foundation

/// Appends the compact binary form projections store their values in: LEB128 varints,
/// zig-zag signed integers, and UTF-8 strings prefixed with their byte length.
///
/// JSON would do, but a document's facts are read on every query of its unit and written on
/// every import; this form is about a third of the size and decodes without a parser.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func varint(_ value: Int) { varint(UInt64(max(0, value))) }

    /// Zig-zag: small negative numbers stay small (−1 → 1, 1 → 2).
    mutating func signed(_ value: Int64) { varint(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            varint(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func raw(_ value: [UInt8]) { bytes.append(contentsOf: value) }
}

/// Reads what ``ByteWriter`` wrote; every read checks the bounds and throws on a short value.
struct ByteReader {
    private let bytes: [UInt8]
    private(set) var offset = 0
    /// Which database the bytes came from, for the error.
    let origin: String

    init(_ bytes: [UInt8], origin: String) {
        self.bytes = bytes
        self.origin = origin
    }

    var isAtEnd: Bool { offset >= bytes.count }

    mutating func byte() throws -> UInt8 {
        guard offset < bytes.count else { throw corrupt("ends early") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw corrupt("has an over-long number") }
            result |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return result }
            shift += 7
        }
    }

    mutating func int() throws -> Int {
        let value = try varint()
        guard value <= UInt64(Int.max) else { throw corrupt("has a number out of range") }
        return Int(value)
    }

    mutating func signed() throws -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    mutating func string() throws -> String {
        let count = try int()
        guard count <= bytes.count - offset else { throw corrupt("has a string running past its end") }
        defer { offset += count }
        return String(decoding: bytes[offset..<offset + count], as: UTF8.self)
    }

    mutating func raw(_ count: Int) throws -> [UInt8] {
        guard count <= bytes.count - offset else { throw corrupt("ends early") }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    func corrupt(_ what: String) -> ProjectionDecodingError {
        ProjectionDecodingError(database: origin, problem: what)
    }
}

/// A projection value that this build cannot read: written by another build, or damaged.
public struct ProjectionDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    public var database: String
    public var problem: String

    public var description: String {
        "a value in \(database) \(problem); the projections can be rebuilt from the log: history rebuild"
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether both hold the same bytes: a `memcmp`, where `elementsEqual` compares byte by byte.
    func hasSameBytes(as other: UnsafeBufferPointer<UInt8>) -> Bool {
        guard count == other.count else { return false }
        guard count > 0, let left = baseAddress, let right = other.baseAddress else { return true }
        return memcmp(left, right, count) == 0
    }
}
