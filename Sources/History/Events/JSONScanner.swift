/// A strict reader of JSON's UTF-8 bytes for hand-written decoders: one token at a time, no
/// intermediate tree.
///
/// It only reads what it can read exactly as Foundation's JSONDecoder would; anything else —
/// malformed JSON, a fraction where an integer belongs, a lone surrogate escape, an escaped key,
/// nesting deeper than ``maximumDepth`` — throws ``JSONScanner/Unread``, and the caller hands the
/// bytes to JSONDecoder, which either reads them or says precisely what is wrong.
struct JSONScanner {
    /// The bytes are not what this scanner reads; decode them with JSONDecoder instead.
    struct Unread: Error {}

    /// Deeper unknown values are left to JSONDecoder rather than risk a deep recursion here.
    static let maximumDepth = 64

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var isAtEnd: Bool {
        mutating get {
            skipWhitespace()
            return index == bytes.count
        }
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// The next byte after whitespace, not consumed; nil at the end.
    var next: UInt8? {
        mutating get {
            skipWhitespace()
            return index < bytes.count ? bytes[index] : nil
        }
    }

    /// Consumes `byte` (after whitespace) if it comes next.
    mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    mutating func expect(_ byte: UInt8) throws {
        guard consume(byte) else { throw Unread() }
    }

    /// Reads an object, calling `member` with each key's bytes; `member` must read the value.
    mutating func object(_ member: (inout JSONScanner, UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        if consume(UInt8(ascii: "}")) { return }
        repeat {
            let key = try key()
            try expect(UInt8(ascii: ":"))
            try member(&self, key)
        } while consume(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"))
    }

    /// Reads an array, calling `element` once per element; `element` must read it.
    mutating func array(_ element: (inout JSONScanner) throws -> Void) throws {
        try expect(UInt8(ascii: "["))
        if consume(UInt8(ascii: "]")) { return }
        repeat { try element(&self) } while consume(UInt8(ascii: ","))
        try expect(UInt8(ascii: "]"))
    }

    /// Consumes `null` if it comes next: Codable reads it as an absent optional.
    mutating func consumeNull() -> Bool {
        skipWhitespace()
        guard bytes.count - index >= 4, bytes[index] == UInt8(ascii: "n"), bytes[index + 1] == UInt8(ascii: "u"),
              bytes[index + 2] == UInt8(ascii: "l"), bytes[index + 3] == UInt8(ascii: "l") else { return false }
        index += 4
        return true
    }

    /// An integer written without fraction or exponent that fits `T`.
    mutating func integer<T: FixedWidthInteger & SignedInteger>(_: T.Type = T.self) throws -> T {
        skipWhitespace()
        let negative = index < bytes.count && bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        let start = index
        var value: T = 0
        while index < bytes.count, case let digit = bytes[index] &- 0x30, digit < 10 {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = negative ? times.subtractingReportingOverflow(T(digit)) : times.addingReportingOverflow(T(digit))
            guard !overflow1, !overflow2 else { throw Unread() }
            value = next
            index += 1
        }
        let digits = index - start
        // No digits, a leading zero, or a fraction or exponent: not an integer this reads.
        guard digits > 0, digits == 1 || bytes[start] != 0x30 else { throw Unread() }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] | 0x20 == UInt8(ascii: "e") { throw Unread() }
        return value
    }

    /// A string value, unescaped; invalid UTF-8 and lone surrogates are not read.
    mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""))
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                defer { index += 1 }
                return try Self.validated(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            guard byte >= 0x20 else { throw Unread() }
            index += 1
        }
        throw Unread()
    }

    /// A key's bytes between its quotes. Every key of the schemas is ASCII: a key with escapes
    /// or other bytes is left to JSONDecoder (which also rejects invalid UTF-8 in unknown keys).
    private mutating func key() throws -> UnsafeBufferPointer<UInt8> {
        try expect(UInt8(ascii: "\""))
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                defer { index += 1 }
                return UnsafeBufferPointer(rebasing: bytes[start..<index])
            }
            guard byte != UInt8(ascii: "\\"), byte >= 0x20, byte < 0x80 else { throw Unread() }
            index += 1
        }
        throw Unread()
    }

    private mutating func escapedString(from start: Int) throws -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(index - start + 64)
        var run = start
        while index < bytes.count {
            let byte = bytes[index]
            // Plain bytes are copied a run at a time; only quotes, escapes and controls stop the run.
            guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 else {
                index += 1
                continue
            }
            utf8.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return try utf8.withUnsafeBufferPointer { try Self.validated($0) }
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { throw Unread() }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"): utf8.append(contentsOf: String(try escapedScalar()).utf8)
                default: throw Unread()
                }
            default:
                throw Unread()
            }
            run = index
        }
        throw Unread()
    }

    /// The scalar of `\uXXXX` (the `\u` read), joining a surrogate pair written as two escapes.
    private mutating func escapedScalar() throws -> Unicode.Scalar {
        let first = try hexQuad()
        switch first {
        case 0xD800..<0xDC00:
            guard bytes.count - index >= 2, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else { throw Unread() }
            index += 2
            let second = try hexQuad()
            guard (0xDC00..<0xE000).contains(second) else { throw Unread() }
            return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))!
        case 0xDC00..<0xE000:
            throw Unread()
        default:
            return Unicode.Scalar(first)!
        }
    }

    private mutating func hexQuad() throws -> UInt32 {
        guard bytes.count - index >= 4 else { throw Unread() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw Unread()
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// The string of `utf8`, which must be valid UTF-8.
    ///
    /// `String(validating:as:)` is generic and not specialised across modules (a metadata lookup
    /// per string); `String(decoding:as:)` is the fast path but repairs invalid bytes, so a repair
    /// is detected by comparing the bytes.
    private static func validated(_ utf8: UnsafeBufferPointer<UInt8>) throws -> String {
        var string = String(decoding: utf8, as: UTF8.self)
        guard string.withUTF8({ $0.hasSameBytes(as: utf8) }) else { throw Unread() }
        return string
    }

    /// Reads and discards one value of any kind, strictly: a key Codable ignores must still be JSON.
    mutating func skipValue(depth: Int = 0) throws {
        guard depth < Self.maximumDepth else { throw Unread() }
        skipWhitespace()
        guard index < bytes.count else { throw Unread() }
        switch bytes[index] {
        case UInt8(ascii: "{"): try object { scanner, _ in try scanner.skipValue(depth: depth + 1) }
        case UInt8(ascii: "["): try array { try $0.skipValue(depth: depth + 1) }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: try skipNumber()
        }
    }

    private mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard bytes.count - index >= count,
              word.withUTF8Buffer({ $0.hasSameBytes(as: UnsafeBufferPointer(rebasing: bytes[index..<index + count])) }) else { throw Unread() }
        index += count
    }

    /// JSON's number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func skipNumber() throws {
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let whole = digits()
        guard whole > 0, whole == 1 || bytes[index - whole] != 0x30 else { throw Unread() }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw Unread() }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw Unread() }
        }
    }

    private mutating func digits() -> Int {
        let start = index
        while index < bytes.count, bytes[index] &- 0x30 < 10 { index += 1 }
        return index - start
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether these bytes spell `name`: how decoders match keys without making Strings.
    func spells(_ name: StaticString) -> Bool {
        name.withUTF8Buffer { $0.hasSameBytes(as: self) }
    }
}
