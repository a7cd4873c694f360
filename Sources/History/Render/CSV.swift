/// Comma-separated values as RFC 4180 writes them, safe to hand to spreadsheet writers.
///
/// Fields hold no control characters: a form feed, vertical tab, line break or other C0 control
/// in a snippet becomes one space (openpyxl and Excel refuse cells holding them, and a line break
/// inside a field breaks line-oriented tools); a tab, which tables' snippets use between cells,
/// stays. The full text, controls and all, is in the JSON outputs.
public enum CSV {
    /// U+FEFF, written first by `--bom` so Excel opens the UTF-8 file as UTF-8, not as the
    /// system's code page (mojibake for every CJK character).
    public static let byteOrderMark = "\u{FEFF}"

    public static func document(_ rows: [[String]]) -> String {
        var output = ""
        for row in rows { output += row.map(field).joined(separator: ",") + "\r\n" }
        return output
    }

    /// One field: controls (but tab) made spaces, then quoted when it holds a comma or a quote.
    static func field(_ text: String) -> String {
        let utf8 = text.utf8
        let hasControl = utf8.contains { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }
        let needsQuotes = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") }
        guard hasControl || needsQuotes else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 2)
        if needsQuotes { bytes.append(UInt8(ascii: "\"")) }
        for byte in utf8 {
            if (byte < 0x20 && byte != 0x09) || byte == 0x7F {
                bytes.append(UInt8(ascii: " "))
            } else {
                if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                bytes.append(byte)
            }
        }
        if needsQuotes { bytes.append(UInt8(ascii: "\"")) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
