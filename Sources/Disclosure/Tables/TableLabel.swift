/// The label of a table row reduced to what it names: "一、一般公共预算财政拨款收入" → "一般公共预算财政拨款收入".
enum TableLabel {
    /// 一 二 三 四 五 六 七 八 九 十 as UTF-8 (each three bytes).
    private static let numerals: [[UInt8]] = "一二三四五六七八九十".unicodeScalars.map { Array(String($0).utf8) }

    /// Whether the bytes start with an ordinal: 一、 十二、 1. 1、 2． (一) （一）.
    static func hasOrdinal(_ bytes: some Collection<UInt8>) -> Bool {
        ordinalLength(Array(bytes.prefix(24))) > 0
    }

    /// The label without its ordinal, spaces, quotes or full-width forms.
    static func core(_ label: String) -> [UInt8] {
        let bytes = Array(label.utf8)
        return TableBytes.squeezed(bytes[ordinalLength(bytes)...])
    }

    /// Number of bytes of a leading ordinal and the spaces after it (0 when there is none).
    private static func ordinalLength(_ bytes: [UInt8]) -> Int {
        func at(_ index: Int, _ word: String) -> Bool {
            index < bytes.count && TableBytes.hasPrefix(bytes[index...], word)
        }
        func numeral(_ index: Int) -> Int {
            if index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { return 1 }
            if index + 3 <= bytes.count, numerals.contains(where: { bytes[index..<(index + 3)].elementsEqual($0) }) { return 3 }
            return 0
        }
        var index = 0
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        var parenthesised = 0
        if at(index, "(") { parenthesised = 1 } else if at(index, "（") { parenthesised = 3 }
        index += parenthesised
        let bodyStart = index
        while case let step = numeral(index), step > 0 { index += step }
        guard index > bodyStart, index < bytes.count else { return 0 }
        let digit = bytes[bodyStart] >= 0x30 && bytes[bodyStart] <= 0x39
        var end: Int
        if parenthesised > 0 {
            if at(index, ")") { end = index + 1 } else if at(index, "）") { end = index + 3 } else { return 0 }
        } else if at(index, "、") || at(index, "．") {
            end = index + 3
        } else if digit && at(index, ".") {
            end = index + 1
        } else {
            return 0
        }
        while end < bytes.count, bytes[end] == 0x20 { end += 1 }
        return end
    }
}
