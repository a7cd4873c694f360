/// One line of a `pdftotext -layout` table split into its space-separated tokens, with the scalar
/// column each token starts and ends at.
struct LayoutLine {
    struct Token {
        var bytes: ArraySlice<UInt8>
        /// First and one-past-last scalar column.
        var start: Int
        var end: Int
        var amount: Amount?
        var isDigits: Bool

        var centre: Double { Double(start + end) / 2 }
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    let number: Int
    let tokens: [Token]

    init(_ bytes: ArraySlice<UInt8>, number: Int) {
        self.number = number
        var tokens: [Token] = []
        var column = 0
        var index = bytes.startIndex
        var tokenStart: Int?
        var tokenColumn = 0
        var startsPage = false
        func close(_ end: Int, _ endColumn: Int) {
            guard let start = tokenStart else { return }
            let slice = bytes[start..<end]
            let amount = TableBytes.isAmountShaped(slice) ? TableBytes.amount(slice) : nil
            tokens.append(Token(bytes: slice, start: tokenColumn, end: endColumn, amount: amount, isDigits: TableBytes.isDigits(slice)))
            tokenStart = nil
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            // ASCII space, tab, and U+3000 (E3 80 80) separate tokens.
            let isIdeographicSpace = byte == 0xE3 && index + 2 < bytes.endIndex && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80
            if byte == 0x0C {
                // A form feed starts a new page; it takes no column.
                close(index, column)
                startsPage = true
                index += 1
                continue
            }
            if byte == 0x20 || byte == 0x09 || byte == 0x0D || isIdeographicSpace {
                close(index, column)
                index += isIdeographicSpace ? 3 : 1
                column += 1
                continue
            }
            if tokenStart == nil { tokenStart = index; tokenColumn = column }
            if byte & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        close(bytes.endIndex, column)
        self.tokens = tokens
        self.startsPage = startsPage
        self.squeezed = TableBytes.squeezed(bytes)
    }

    /// Whether a form feed (a new PDF page) precedes the line.
    let startsPage: Bool

    /// A 栏次 line of column numbers ("1 2 3 … 12"), not data.
    var isSequence: Bool {
        guard tokens.count >= 3 else { return false }
        for (index, token) in tokens.enumerated() {
            guard token.isDigits, token.bytes.count <= 2,
                  token.bytes.reduce(0, { $0 * 10 + Int($1 - 0x30) }) == index + 1 else { return false }
        }
        return true
    }

    var isBlank: Bool { tokens.isEmpty }
    var amounts: [Token] { tokens.filter { $0.amount != nil } }
    var allAmounts: Bool { !tokens.isEmpty && tokens.allSatisfy { $0.amount != nil } }
    var hasAmount: Bool { tokens.contains { $0.amount != nil } }

    /// The line without spaces, squeezed (see `TableBytes.squeezed`).
    let squeezed: [UInt8]

    /// A page number on its own ("8", "- 3 -", "第 3 页"): never part of a table.
    var isPageNumber: Bool {
        var digits = 0
        var others = 0
        for byte in squeezed {
            if byte >= 0x30 && byte <= 0x39 { digits += 1 } else if byte != 0x2D { others += 1 }
        }
        guard digits > 0, digits <= 3 else { return false }
        if others == 0 { return true }
        let rest = squeezed.filter { !($0 >= 0x30 && $0 <= 0x39) && $0 != 0x2D }
        return TableBytes.equals(rest, "第页") || TableBytes.equals(rest, "第页共页")
    }

    private static let headerWords = ["项目", "科目", "编码", "合计", "基本支出", "项目支出", "人员经费", "公用经费",
                                      "预算", "编制部门", "单位:", "收入", "经费", "决算数"].map { Array($0.utf8) }
    private static let codeHeads = ["类", "款", "项"].map { Array($0.utf8) }

    /// Whether a text-only line is (a piece of) a column header, as repeated on every page.
    var isHeaderLike: Bool {
        let squeezed = self.squeezed
        if Self.headerWords.contains(where: { TableBytes.contains(squeezed, $0) }) { return true }
        return tokens.contains { token in Self.codeHeads.contains { $0.elementsEqual(token.bytes) } }
    }
}
