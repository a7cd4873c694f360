/// How the normaliser sees one unicode scalar: its folded form, its printed width, its role.
///
/// Folding is one scalar to one scalar, so a folded text and the printed text line up index by
/// index and a snippet can always be cut from the printed form.
enum ScalarFolding {
    /// Full-width ASCII (ＡＢＣ１２３（）：，％．) becomes ASCII; the ideographic space and the
    /// no-break space become a space; the minus sign becomes a hyphen. Everything else is kept,
    /// including 。、“” which carry meaning of their own.
    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        switch value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(value - 0xFEE0)!
        case 0x3000, 0x00A0, 0x2002, 0x2003, 0x2009: return " "
        case 0x2212, 0x2013: return "-"
        case 0x3014: return "("   // 〔
        case 0x3015: return ")"   // 〕
        default: return scalar
        }
    }

    /// Display width as a PDF lays it out: CJK and full-width forms take two cells.
    @inline(__always)
    static func width(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x1100 { return 1 }
        switch value {
        case 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x201C, 0x201D, 0x2026:
            return 2
        default:
            return 1
        }
    }


    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value == 0x20 || value == 0x3000 || value == 0xA0 || value == 0x0C || value == 0x2002
            || value == 0x2003 || value == 0x2009 || value == 0xFEFF
    }

    @inline(__always)
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }

    /// ASCII letters and digits, after folding: the only neighbours between which a space is kept.
    @inline(__always)
    static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
    }

    /// CJK unified ideographs: the letters of a name.
    @inline(__always)
    static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value >= 0x4E00 && value <= 0x9FFF) || (value >= 0x3400 && value <= 0x4DBF)
    }

    /// Chinese numerals used in headings (一、 … 十三、, (一), 第三部分).
    @inline(__always)
    static func isChineseNumeral(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "〇", "零", "百": return true
        default: return false
        }
    }

    /// Writes the scalars of a line into `buffer` from `start`, decoding its UTF-8 storage
    /// directly (a String's own scalar view validates every index, which costs more than the
    /// rest of normalisation); returns the index after the last one written. The buffer must
    /// hold as many scalars as the line has UTF-8 bytes.
    static func decode(_ line: Substring, into buffer: UnsafeMutableBufferPointer<Unicode.Scalar>, at start: Int) -> Int {
        var written = start
        let decoded: Void? = line.utf8.withContiguousStorageIfAvailable { bytes in
            var index = 0
            let count = bytes.count
            while index < count {
                let lead = UInt32(bytes[index])
                var value: UInt32
                if lead < 0x80 {
                    value = lead
                    index += 1
                } else if lead < 0xE0, index + 1 < count {
                    value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                    index += 2
                } else if lead < 0xF0, index + 2 < count {
                    value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                    index += 3
                } else if index + 3 < count {
                    value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                        | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                    index += 4
                } else {
                    value = 0xFFFD
                    index = count
                }
                buffer[written] = Unicode.Scalar(value) ?? "\u{FFFD}"
                written += 1
            }
        }
        if decoded == nil {
            for scalar in line.unicodeScalars {
                buffer[written] = scalar
                written += 1
            }
        }
        return written
    }
}
