import Disclosure

/// Text made safe for an HTML page: escaping for content and attributes, and the few number
/// forms the report prints (amounts exactly, SVG geometry rounded to a tenth of a pixel).
///
/// Reasons and snippets are document text, so everything that reaches a page passes through
/// `escape`; nothing else builds markup from data.
enum HTMLText {
    /// `&`, `<`, `>`, `"` and `'` as entities, so the text is safe in content and in quoted
    /// attributes alike. Control characters other than tab and newline are dropped: a stray
    /// form feed from a PDF would make the page invalid.
    static func escape(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A pixel coordinate with at most one decimal, printed the same on every machine (no
    /// locale, no shortest-representation differences between Double printers).
    static func px(_ value: Double) -> String {
        let tenths = Int64((value * 10).rounded())
        let negative = tenths < 0
        let magnitude = tenths.magnitude
        let text = magnitude % 10 == 0 ? String(magnitude / 10) : "\(magnitude / 10).\(magnitude % 10)"
        return negative ? "-" + text : text
    }

    /// 2,345.22 — amounts are always printed from hundredths, never through Double.
    static func amount(_ value: Amount?) -> String { Figures.amount(value) }
    /// Money in 万元, exact (16,497.864 for 164,978,640元): the report's one measure.
    static func amount(_ value: Money?) -> String { Figures.amount(value) }
    static func delta(_ value: Money?) -> String { Figures.delta(value) }
    /// Money as a bare exact number in 万元 for `data-` attributes: 16497.864.
    static func number(_ value: Money) -> String { value.decimal(in: .wanYuan, minimumDecimals: 0) ?? value.description }
    /// Money in hundredths of 万元, only to place chart marks (never printed).
    static func plotted(_ value: Money) -> Amount { Amount(hundredths: value.fen / 10_000) }

    /// +40.66 / -537.11
    static func delta(_ value: Amount?) -> String { Figures.delta(value) }

    /// -18.63%
    static func percent(_ value: Amount?) -> String { Figures.percent(value) }

    /// A file name for a unit that is ASCII, stable across runs and machines, and short:
    /// FNV-1a of the unit key (Swift's `Hasher` is seeded per process, so it cannot be used).
    static func slug(_ key: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// A unit key as a file name a reader recognises: the key itself, unless it holds a
    /// character a file system, a URL or a zip tool may take differently (`/ \ : * ? " < > | # %`,
    /// spaces, control characters, a leading dot) or is longer than 120 bytes; then those become
    /// `_`, the name is cut, and the key's ``slug(_:)`` keeps it apart from every other key.
    static func fileName(_ key: String) -> String {
        var name = ""
        var changed = false
        for scalar in key.unicodeScalars {
            let unsafe = scalar.value < 0x20 || scalar.value == 0x7F || "/\\:*?\"<>|#% ".unicodeScalars.contains(scalar)
                || (name.isEmpty && scalar == ".")
            if unsafe { changed = true }
            let kept: Unicode.Scalar = unsafe ? "_" : scalar
            guard name.utf8.count + String(kept).utf8.count <= 120 else { changed = true; break }
            name.unicodeScalars.append(kept)
        }
        return changed || name.isEmpty ? name + "-" + slug(key).prefix(8) : name
    }

    /// The id of the element showing a snippet: document hash prefix and lines.
    static func sourceID(_ evidence: Evidence) -> String {
        "src-\(evidence.document.prefix(16))-\(evidence.firstLine)-\(evidence.lastLine)"
    }
}
