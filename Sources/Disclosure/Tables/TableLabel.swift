/// The label of a table row reduced to what it names: "一、一般公共预算财政拨款收入" → "一般公共预算财政拨款收入".
enum TableLabel {
    private static let numerals: Set<UInt32> = Set("一二三四五六七八九十".unicodeScalars.map(\.value))

    /// Whether the bytes start with an ordinal: 一、 十二、 1. 1、 2． (一) （一）.
    static func hasOrdinal(_ bytes: some Collection<UInt8>) -> Bool {
        let scalars = String(decoding: bytes.prefix(24), as: UTF8.self).unicodeScalars
        return ordinalLength(Array(scalars)) > 0
    }

    /// The label without its ordinal, spaces, quotes or full-width forms.
    static func core(_ label: String) -> [UInt8] {
        let scalars = Array(label.unicodeScalars)
        let start = ordinalLength(scalars)
        var rest = String.UnicodeScalarView()
        rest.append(contentsOf: scalars[start...])
        return TableBytes.squeezed(Array(String(rest).utf8))
    }

    /// Number of scalars of a leading ordinal (0 when there is none).
    private static func ordinalLength(_ scalars: [Unicode.Scalar]) -> Int {
        var index = 0
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\u{3000}" { index += 1 }
        let open = index
        if index < scalars.count, scalars[index] == "(" || scalars[index] == "（" { index += 1 }
        let bodyStart = index
        while index < scalars.count, numerals.contains(scalars[index].value) || ("0"..."9").contains(scalars[index]) { index += 1 }
        guard index > bodyStart, index < scalars.count else { return 0 }
        let mark = scalars[index]
        if index > open && bodyStart > open {
            return mark == ")" || mark == "）" ? index + 1 : 0
        }
        let isDigit = ("0"..."9").contains(scalars[bodyStart])
        if mark == "、" || mark == "．" || (isDigit && mark == ".") {
            index += 1
            while index < scalars.count, scalars[index] == " " { index += 1 }
            return index
        }
        return 0
    }
}
