/// The tables a document's 目录 (table of contents) lists: each entry's kind, line and text.
///
/// A 目录 is a line that says 目录 (目 录, 目      录) followed by short entries: parts (第一部分 部门概况,
/// 一、主要职能), tables (十二、政府采购支出预算表, 1. 2025年部门财务收支预算总表 ……… 5) and explanations
/// (三、决算报表说明). It ends where the body begins: at the first entry printed again (the body
/// opens with the 目录's first heading, or a tables file with its first table), at a sentence, or
/// after `longest` lines. An entry whose title wraps (…会议费、培训费支 / 出预算表) is joined with its
/// continuation. Entries are recognised as table titles the way `TableTitle` recognises them in
/// the body, after their dot leaders and page numbers are dropped.
struct TableContents: Sendable, Hashable {
    /// One table the 目录 lists.
    struct Entry: Sendable, Hashable {
        var kind: TableKind
        /// The entry's first line (1-based).
        var line: Int
        /// The entry as printed, wrapped lines joined, leaders and page number dropped.
        var text: String
    }

    /// The line that says 目录.
    var heading: Int
    /// The last line of the 目录 block: the body starts after it.
    var lastLine: Int
    /// The tables listed, in order.
    var entries: [Entry]

    /// A 目录 lists no more than this many lines before its body starts.
    static let longest = 60
    private static let heading = TableBytes.utf8("目录")
    private static let stop = TableBytes.utf8("。")
    private static let biao = TableBytes.utf8("表")
    private static let ellipsis = TableBytes.utf8("…")
    private static let middleDot = TableBytes.utf8("·")

    /// The first 目录 of the text and the tables it lists, or nil when the text has none.
    static func read(_ text: TableText) -> TableContents? {
        guard let heading = (1...max(1, text.lineCount)).first(where: { $0 <= text.lineCount && isHeading(text.line($0)) })
        else { return nil }
        var entries: [Entry] = []
        var seen: Set<[UInt8]> = []
        var last = heading
        var number = heading + 1
        while number <= min(text.lineCount, heading + longest) {
            defer { number += 1 }
            let squeezed = stripped(TableBytes.squeezed(text.line(number)))
            if squeezed.isEmpty { continue }
            // A long sentence is the body's prose (an entry may end in 。 too, but has its ordinal);
            // an entry printed again is the body's heading.
            let bare = withoutOrdinal(squeezed)
            if bare == squeezed && TableBytes.contains(squeezed, stop) && TableBytes.scalarCount(squeezed) > 24 { break }
            if seen.contains(bare) { break }
            seen.insert(bare)
            last = number
            let first = number
            var entry = squeezed
            var printed = text.text(number).trimmingSpaces
            if let tail = tail(after: number, of: entry, in: text) {
                entry += tail
                printed += text.text(number + 1).trimmingSpaces
                number += 1
                last = number
            }
            guard let kind = TableTitle.kind(of: entry[...]) else { continue }
            entries.append(Entry(kind: kind, line: first, text: printed))
        }
        return TableContents(heading: heading, lastLine: last, entries: entries)
    }

    /// The next line's text when it is the tail of a title wrapped before its ending (…培训费支出预
    /// / 算表, …支出预算 / 表): short, no ordinal, ending in 表, under a line that does not.
    static func tail(after number: Int, of squeezed: [UInt8], in text: TableText) -> [UInt8]? {
        guard number < text.lineCount, !TableBytes.hasSuffix(squeezed, biao) else { return nil }
        let next = text.line(number + 1)
        guard next.count <= 60, TableBytes.contains(next, biao) else { return nil }
        let tail = stripped(TableBytes.squeezed(next))
        guard !tail.isEmpty, TableBytes.hasSuffix(tail, biao), withoutOrdinal(tail) == tail, TableBytes.scalarCount(tail) <= 6 else { return nil }
        return tail
    }

    /// A line that is only 目录 (spaces between its characters).
    private static func isHeading(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.count <= 60, TableBytes.containsAny(line, [TableBytes.character("目")]) else { return false }
        return TableBytes.squeezed(line) == heading
    }

    /// An entry without its trailing page number and dot leaders ("……… 5", "....... 12").
    static func stripped(_ squeezed: [UInt8]) -> [UInt8] {
        var bytes = squeezed
        while let last = bytes.last, last >= 0x30 && last <= 0x39 { bytes.removeLast() }
        while true {
            if let last = bytes.last, last == UInt8(ascii: ".") || last == UInt8(ascii: "-") {
                bytes.removeLast()
            } else if TableBytes.hasSuffix(bytes, ellipsis) || TableBytes.hasSuffix(bytes, middleDot) {
                bytes.removeLast(3)
            } else {
                return bytes
            }
        }
    }

    /// An entry without its ordinal (一、 十二、 (一) 1. 4．): what the body prints again.
    static func withoutOrdinal(_ squeezed: [UInt8]) -> [UInt8] {
        var index = 0
        if squeezed.first == UInt8(ascii: "("), let close = squeezed.firstIndex(of: UInt8(ascii: ")")), close <= 16 {
            return Array(squeezed[(close + 1)...])
        }
        while index < squeezed.count, squeezed[index] >= 0x30, squeezed[index] <= 0x39 { index += 1 }
        if index > 0 {
            if index < squeezed.count, squeezed[index] == UInt8(ascii: ".") || squeezed[index] == UInt8(ascii: ",") { index += 1 }
            return Array(squeezed[index...])
        }
        // Chinese numerals (一 … 十) followed by 、.
        let numerals = "一二三四五六七八九十".unicodeScalars.map { Array(String($0).utf8) }
        var cursor = 0
        while cursor + 3 <= squeezed.count, numerals.contains(where: { $0.elementsEqual(squeezed[cursor..<(cursor + 3)]) }) { cursor += 3 }
        let comma = TableBytes.utf8("、")
        if cursor > 0, TableBytes.hasPrefix(squeezed[cursor...], comma) { return Array(squeezed[(cursor + comma.count)...]) }
        return squeezed
    }
}
