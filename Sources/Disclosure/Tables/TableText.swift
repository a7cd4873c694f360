/// The UTF-8 bytes of a document's lines, for reading tables without building Characters.
///
/// Tables are found and read by scanning bytes: a CJK character is three bytes that never contain
/// an ASCII byte, so tabs, spaces, digits and separators can be found directly, and the position
/// of a token in a `pdftotext -layout` line is the count of scalars before it.
struct TableText {
    let source: SourceText
    /// All lines' bytes, back to back.
    let bytes: [UInt8]
    /// Byte range of each line (index 0 is line 1).
    let ranges: [Range<Int>]

    init(_ source: SourceText) {
        self.source = source
        guard let first = source.lines.first else {
            bytes = []
            ranges = []
            return
        }
        // Every line is a slice of one string: copy its bytes once, and walk the line lengths
        // and terminators (\n, \r\n, \r) to find each line's offsets without searching.
        let base = first.base
        let bytes = Array(base.utf8)
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(source.lineCount)
        var start = base.utf8.distance(from: base.utf8.startIndex, to: first.startIndex)
        for line in source.lines {
            let end = start + line.utf8.count
            ranges.append(start..<end)
            start = end + (end + 1 < bytes.count && bytes[end] == 0x0D && bytes[end + 1] == 0x0A ? 2 : 1)
        }
        self.bytes = bytes
        self.ranges = ranges
    }

    var lineCount: Int { ranges.count }

    /// The text of a 1-based line.
    func text(_ line: Int) -> String { String(source[line]) }

    /// The bytes of a 1-based line.
    func line(_ line: Int) -> ArraySlice<UInt8> { bytes[ranges[line - 1]] }

    /// Whether a line has nothing but spaces.
    func isBlank(_ line: Int) -> Bool {
        for byte in self.line(line) where byte != 0x20 && byte != 0x09 && byte != 0x0D && byte != 0x0C { return false }
        return true
    }
}

/// Small byte-level tools shared by the table readers.
enum TableBytes {
    static let tab: UInt8 = 0x09
    static let space: UInt8 = 0x20

    /// UTF-8 of a literal, for searching.
    static func utf8(_ text: StaticString) -> [UInt8] {
        text.withUTF8Buffer { Array($0) }
    }

    /// A three-byte (BMP, CJK) character's UTF-8 as one number: 表 is 0xE8_A1A8.
    static func character(_ text: StaticString) -> UInt32 {
        text.withUTF8Buffer { bytes in
            precondition(bytes.count == 3 && bytes[0] & 0xF0 == 0xE0, "\(text) is not one three-byte character")
            return UInt32(bytes[0]) << 16 | UInt32(bytes[1]) << 8 | UInt32(bytes[2])
        }
    }

    /// Whether a line holds any of some three-byte characters (see `character`). One pass that
    /// steps from character to character, where a byte search per character read every line
    /// several times; valid UTF-8 puts a character's lead byte nowhere but at its start.
    static func containsAny(_ line: ArraySlice<UInt8>, _ characters: [UInt32]) -> Bool {
        line.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            while index + 2 < count {
                let lead = buffer[index]
                guard lead & 0xF0 == 0xE0 else {
                    index += 1
                    continue
                }
                let character = UInt32(lead) << 16 | UInt32(buffer[index + 1]) << 8 | UInt32(buffer[index + 2])
                if characters.contains(character) { return true }
                index += 3
            }
            return false
        }
    }

    /// Whether `needle` occurs in `haystack`.
    static func contains(_ haystack: some Collection<UInt8>, _ needle: [UInt8]) -> Bool {
        firstIndex(of: needle, in: haystack) != nil
    }

    /// Whether the UTF-8 of `needle` occurs in `haystack` (literals are searched without copying).
    static func contains(_ haystack: some Collection<UInt8>, _ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { firstIndex(of: $0, in: haystack) } != nil
    }

    /// Whether the bytes are exactly the UTF-8 of `word`.
    static func equals(_ bytes: some Collection<UInt8>, _ word: String) -> Bool {
        var word = word
        return word.withUTF8 { bytes.elementsEqual($0) }
    }

    /// Offset (from the collection's start) of the first occurrence of `needle`.
    static func firstIndex(of needle: some Collection<UInt8>, in haystack: some Collection<UInt8>) -> Int? {
        // Lines and literals are contiguous: searched through pointers, not generic indices.
        if let contiguous = haystack.withContiguousStorageIfAvailable({ bytes in
            needle.withContiguousStorageIfAvailable { firstIndex(of: $0, in: bytes) }
        }), let searched = contiguous {
            return searched
        }
        guard let first = needle.first else { return 0 }
        let count = haystack.count
        let length = needle.count
        guard count >= length else { return nil }
        var offset = 0
        var index = haystack.startIndex
        while offset + length <= count {
            if haystack[index] == first {
                var matches = true
                var probe = index
                for expected in needle {
                    if haystack[probe] != expected { matches = false; break }
                    probe = haystack.index(after: probe)
                }
                if matches { return offset }
            }
            offset += 1
            index = haystack.index(after: index)
        }
        return nil
    }

    private static func firstIndex(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = needle.first else { return 0 }
        let length = needle.count
        guard haystack.count >= length else { return nil }
        for offset in 0...(haystack.count - length) where haystack[offset] == first {
            var matched = 1
            while matched < length, haystack[offset + matched] == needle[matched] { matched += 1 }
            if matched == length { return offset }
        }
        return nil
    }

    static func hasPrefix(_ bytes: some Collection<UInt8>, _ prefix: some Collection<UInt8>) -> Bool {
        bytes.count >= prefix.count && zip(bytes, prefix).allSatisfy { $0 == $1 }
    }

    static func hasPrefix(_ bytes: some Collection<UInt8>, _ prefix: String) -> Bool {
        var prefix = prefix
        return prefix.withUTF8 { hasPrefix(bytes, $0) }
    }

    static func hasSuffix(_ bytes: [UInt8], _ suffix: some Collection<UInt8>) -> Bool {
        bytes.count >= suffix.count && bytes[(bytes.count - suffix.count)...].elementsEqual(suffix)
    }

    static func hasSuffix(_ bytes: [UInt8], _ suffix: String) -> Bool {
        var suffix = suffix
        return suffix.withUTF8 { hasSuffix(bytes, $0) }
    }

    /// The bytes without spaces (ASCII, tab, U+3000) and quotes (" “ ” 「 」), full-width ASCII folded:
    /// the form titles and header labels are compared in.
    static func squeezed(_ bytes: some Collection<UInt8>) -> [UInt8] {
        if let result = bytes.withContiguousStorageIfAvailable({ squeezed(buffer: $0) }) { return result }
        return Array(bytes).withUnsafeBufferPointer { squeezed(buffer: $0) }
    }

    private static func squeezed(buffer: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(buffer.count)
        var index = 0
        let count = buffer.count
        while index < count {
            let byte = buffer[index]
            if byte < 0x80 {
                if byte != 0x20 && byte != 0x09 && byte != 0x22 && byte != 0x0D && byte != 0x0C { result.append(byte) }
                index += 1
                continue
            }
            if byte >= 0xE0 && byte < 0xF0 && index + 2 < count {
                let second = buffer[index + 1]
                let third = buffer[index + 2]
                index += 3
                // U+3000 ideographic space, 「 」 (E3 80 8C/8D), “ ” (E2 80 9C/9D)
                if byte == 0xE3 && second == 0x80 && (third == 0x80 || third == 0x8C || third == 0x8D) { continue }
                if byte == 0xE2 && second == 0x80 && (third == 0x9C || third == 0x9D) { continue }
                // Full-width ASCII U+FF01…U+FF5E is EF BC 81 … EF BD 9E.
                if byte == 0xEF && (second == 0xBC || second == 0xBD) {
                    let scalar = (UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F)) | 0xF000
                    if scalar >= 0xFF01 && scalar <= 0xFF5E {
                        result.append(UInt8(scalar - 0xFF01 + 0x21))
                        continue
                    }
                }
                result.append(byte)
                result.append(second)
                result.append(third)
                continue
            }
            result.append(byte)
            index += 1
        }
        return result
    }

    /// Parses an amount printed in a cell: "2,345.22", "156,211,123", "0", "-3.5", "０.５".
    /// Returns nil for anything else, including a bare "-" placeholder.
    static func amount(_ bytes: some Collection<UInt8>) -> Amount? {
        // ASCII fast path; anything else (full-width digits) goes through the general parser.
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var sawDigit = false
        var sawPoint = false
        var negative = false
        var groupDigits = -1   // digits since the last comma; -1 before any comma
        var leadingDigits = 0
        for byte in bytes {
            switch byte {
            case 0x30...0x39:
                sawDigit = true
                let digit = Int64(byte - 0x30)
                if sawPoint {
                    fractionDigits += 1
                    if fractionDigits > 2 { return nil }
                    fraction = fraction * 10 + digit
                } else {
                    whole = whole * 10 + digit
                    // The bound of `Amount(parsing:)`: checked after the digit, so hundredths fit.
                    if whole > Int64.max / 1000 { return nil }
                    if groupDigits >= 0 { groupDigits += 1 } else { leadingDigits += 1 }
                }
            case 0x2C:
                if sawPoint || !sawDigit || (groupDigits >= 0 && groupDigits != 3) || (groupDigits < 0 && leadingDigits > 3) { return nil }
                groupDigits = 0
            case 0x2E:
                if sawPoint || !sawDigit || (groupDigits >= 0 && groupDigits != 3) { return nil }
                sawPoint = true
            case 0x2D:
                if sawDigit || negative { return nil }
                negative = true
            case 0x80...0xFF:
                return Amount(parsing: String(decoding: bytes, as: UTF8.self))
            default:
                return nil
            }
        }
        if !sawDigit || (!sawPoint && groupDigits >= 0 && groupDigits != 3) { return nil }
        if fractionDigits == 1 { fraction *= 10 }
        let total = whole * 100 + fraction
        return Amount(hundredths: negative ? -total : total)
    }

    /// Whether the bytes are ASCII digits only.
    static func isDigits(_ bytes: some Collection<UInt8>) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Whether the bytes are a number the way tables print amounts: digits with optional grouping
    /// commas, an optional point with decimals, an optional leading minus.
    static func isAmountShaped(_ bytes: some Collection<UInt8>) -> Bool {
        var sawDigit = false
        var first = true
        for byte in bytes {
            defer { first = false }
            switch byte {
            case 0x30...0x39: sawDigit = true
            case 0x2C, 0x2E: if !sawDigit { return false }
            case 0x2D: if !first { return false }
            default: return false
            }
        }
        return sawDigit
    }

    /// Number of scalars in the bytes (continuation bytes are 10xxxxxx).
    static func scalarCount(_ bytes: some Collection<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }
}
