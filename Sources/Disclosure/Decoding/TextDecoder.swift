#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the encoding of a text file's bytes and decodes them: a pure function, no I/O.
///
/// Order: a byte-order mark decides; then known binary signatures and NUL bytes are refused
/// (unless the bytes read as BOM-less UTF-16 in one byte order);
/// then UTF-8, which is strict enough that valid UTF-8 is nearly always meant as such; then
/// GB18030 through iconv (Foundation on Linux has no GB18030 decoder). Whatever decodes must
/// also look like text: a run of control characters means binary, not mojibake to parse.
public enum TextDecoder {
    public static func decode(_ bytes: [UInt8]) throws(TextDecodingError) -> DecodedText {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try checked(try utf8(bytes.dropFirst(3)), .utf8WithBOM)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return try checked(try utf16(bytes.dropFirst(2), bigEndian: false), .utf16LittleEndian) }
        if bytes.starts(with: [0xFE, 0xFF]) { return try checked(try utf16(bytes.dropFirst(2), bigEndian: true), .utf16BigEndian) }
        if let format = binarySignature(bytes) { throw .binary(format) }
        if bytes.contains(0) {
            guard let bigEndian = utf16ByteOrderFromNULs(bytes) else { throw .binary("binary data (it contains NUL bytes)") }
            return try checked(try utf16(bytes[...], bigEndian: bigEndian), bigEndian ? .utf16BigEndian : .utf16LittleEndian)
        }
        if let text = String(validating: bytes, as: UTF8.self) { return try checked(text, .utf8) }
        return try checked(try gb18030(bytes), .gb18030)
    }

    private static func checked(_ text: String, _ encoding: TextEncoding) throws(TextDecodingError) -> DecodedText {
        var text = text
        // Counted on the UTF-8 bytes (iterating scalars showed in profiles): a scalar starts at
        // every byte that is not 10xxxxxx; C0 controls and DEL are one byte, C1 controls
        // (U+0080…U+009F) are C2 80…C2 9F, U+FFFD is EF BF BD.
        let (controls, scalars) = text.withUTF8 { utf8 -> (Int, Int) in
            var controls = 0, scalars = 0, index = 0
            let count = utf8.count
            // Eight bytes at a time: scalars are the bytes that are not continuation bytes, and
            // only a word holding a byte below 0x20, 0x7F, 0xC2 or 0xBF can hold a control (U+FFFD
            // is looked for at its BF, which full-width punctuation, EF BC xx, seldom has).
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            func has(_ word: UInt64, below limit: UInt64) -> Bool { (word &- ones &* limit) & ~word & highs != 0 }
            func has(_ word: UInt64, _ byte: UInt64) -> Bool { has(word ^ (ones &* byte), below: 1) }
            if let base = UnsafeRawPointer(utf8.baseAddress) {
                while index + 8 <= count {
                    let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    scalars += 8 - (word & ~(word << 1) & highs).nonzeroBitCount
                    if has(word, below: 0x20) || has(word, 0x7F) || has(word, 0xC2) || has(word, 0xBF) {
                        for at in index..<(index + 8) where Self.isControl(at: at, in: utf8) { controls += 1 }
                    }
                    index += 8
                }
            }
            while index < count {
                if utf8[index] & 0xC0 != 0x80 { scalars += 1 }
                if Self.isControl(at: index, in: utf8) { controls += 1 }
                index += 1
            }
            return (controls, scalars)
        }
        // Real disclosures have none; allow a stray few (a form feed variant, a bad byte).
        if controls > 8 && controls * 100 > scalars {
            throw .binary("binary data (\(controls) control characters in \(scalars) decoded as \(encoding.rawValue))")
        }
        return DecodedText(text: text, encoding: encoding)
    }

    /// Whether the byte at `index` is where a control character is counted: a C0 control other
    /// than tab, line feed, form feed and carriage return; DEL; the C2 of a C1 control; the BF of
    /// U+FFFD (EF BF BD: in valid UTF-8, EF only ever leads a character).
    @inline(__always)
    private static func isControl(at index: Int, in utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let byte = utf8[index]
        // Nearly every byte is printable ASCII or part of a CJK character: one test.
        if byte >= 0x20 && byte != 0x7F && byte != 0xC2 && byte != 0xBF { return false }
        switch byte {
        case 0x09, 0x0A, 0x0C, 0x0D: return false
        case 0x00...0x1F, 0x7F: return true
        case 0xC2: return index + 1 < utf8.count && (0x80...0x9F).contains(utf8[index + 1])
        default: return index >= 1 && index + 1 < utf8.count && utf8[index - 1] == 0xEF && utf8[index + 1] == 0xBD
        }
    }

    private static func utf8(_ bytes: ArraySlice<UInt8>) throws(TextDecodingError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .undecodable("a UTF-8 byte-order mark followed by invalid UTF-8")
        }
        return text
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) throws(TextDecodingError) -> String {
        guard bytes.count.isMultiple(of: 2) else { throw .undecodable("UTF-16 with an odd number of bytes") }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        guard let text = String(validating: units, as: UTF16.self) else {
            throw .undecodable("UTF-16 with an unpaired surrogate")
        }
        return text
    }

    /// UTF-16 without a BOM: decodes a sample both ways and keeps the order whose characters
    /// look like a disclosure (ASCII, CJK, CJK and full-width punctuation); `nil` when neither
    /// order does, for binary data that merely contains NULs.
    private static func utf16ByteOrderFromNULs(_ bytes: [UInt8]) -> Bool? {
        guard bytes.count.isMultiple(of: 2) else { return nil }
        let sample = bytes.prefix(16_384)
        func plausible(bigEndian: Bool) -> Int {
            var score = 0
            var index = sample.startIndex
            while index + 1 < sample.endIndex {
                let first = UInt16(sample[index]), second = UInt16(sample[index + 1])
                switch bigEndian ? first << 8 | second : second << 8 | first {
                case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0x3000...0x303F, 0x4E00...0x9FFF, 0xFF00...0xFFEF: score += 1
                default: break
                }
                index += 2
            }
            return score
        }
        let little = plausible(bigEndian: false), big = plausible(bigEndian: true)
        let units = sample.count / 2
        if little > big && little * 10 >= units * 9 { return false }
        if big > little && big * 10 >= units * 9 { return true }
        return nil
    }

    private static func binarySignature(_ bytes: [UInt8]) -> String? {
        let signatures: [([UInt8], String)] = [
            ([0x89, 0x50, 0x4E, 0x47], "a PNG image"), ([0xFF, 0xD8, 0xFF], "a JPEG image"),
            (Array("GIF8".utf8), "a GIF image"), (Array("%PDF".utf8), "a PDF (give it a .pdf name)"),
            ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (or a .docx/.xlsx)"), ([0x7F, 0x45, 0x4C, 0x46], "an executable"),
            ([0xD0, 0xCF, 0x11, 0xE0], "an old Office document (.doc/.xls)"), ([0x1F, 0x8B], "a gzip archive"),
        ]
        return signatures.first { bytes.starts(with: $0.0) }?.1
    }

    private static func gb18030(_ bytes: [UInt8]) throws(TextDecodingError) -> String {
        let converter = iconv_open("UTF-8", "GB18030")
        guard let converter, converter != iconv_t(bitPattern: -1) else {
            throw .undecodable("this system's iconv has no GB18030 converter")
        }
        defer { iconv_close(converter) }
        var input = bytes
        // GB18030 → UTF-8 at most doubles the size (2 bytes → 3, 4 → 4, 1 → 1).
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 4)
        let (result, inputLeft, produced): (Int, Int, Int) = input.withUnsafeMutableBytes { inBuffer in
            output.withUnsafeMutableBytes { outBuffer in
                var inPointer = inBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outPointer = outBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count, outLeft = outBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return (result, inLeft, outBuffer.count - outLeft)
            }
        }
        guard result != -1, inputLeft == 0 else {
            let offset = bytes.count - inputLeft
            let byte = offset < bytes.count ? " 0x" + String(bytes[offset], radix: 16, uppercase: true) : ""
            throw .undecodable("invalid byte\(byte) at offset \(offset)")
        }
        return String(decoding: output[..<produced], as: UTF8.self)
    }
}
