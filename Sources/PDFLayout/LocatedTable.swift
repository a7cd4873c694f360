import Disclosure

/// A piece of text with the page and box it was read from.
public struct PlacedText: Hashable, Sendable, Codable {
    public var text: String
    /// 1-based page number.
    public var page: Int
    public var box: WordBox

    public init(text: String, page: Int, box: WordBox) {
        self.text = text
        self.page = page
        self.box = box
    }

    init(_ line: VisualLine) { self.init(text: line.text, page: line.page, box: line.box) }
}

/// A 公开表 recovered from word positions: its title, captions, columns, header and rows.
public struct LocatedTable: Hashable, Sendable {
    /// Which table the title names, as Disclosure recognises it.
    package var kind: TableKind
    /// The title line as printed ("2024 年度支出决算表").
    public var title: PlacedText
    /// The number printed as 公开NN表, when there is one.
    public var publicNumber: Int?
    /// The lines between title and header: 公开NN表, 单位：万元, 编制部门：….
    public var captions: [PlacedText]
    /// Columns left to right, from the header and from where figures align.
    public var columns: [TableColumn]
    /// Header lines, each cell under the column it starts in; `nil` where a column is empty.
    public var headerRows: [GridRow]
    /// The table's column groups: one for an ordinary table, several when groups stand side
    /// by side (公开06表: 人员经费 | 公用经费), each with its own rows.
    public var sections: [TableSection]

    /// Every page the table covers.
    public var pages: [Int] {
        var result = Set([title.page])
        for section in sections { for row in section.rows { result.insert(row.page) } }
        for row in headerRows { result.insert(row.page) }
        return result.sorted()
    }
}

/// One column of a table: where it lies across the page and what it holds.
public struct TableColumn: Hashable, Sendable, Codable {
    public var xMin: Double
    public var xMax: Double
    public var role: ColumnRole
}

/// What a column holds.
public enum ColumnRole: String, Hashable, Sendable, Codable {
    /// Whole classification codes (208, 20805, 2080505), or the 类 part of a split code.
    case code
    /// The 款 or 项 part of a code split over columns ("201 | 06 | 01").
    case codePart
    /// Figures: amounts, 行次 numbers.
    case figures
    /// Names and labels.
    case text
}

/// A group of adjacent columns with rows of its own.
public struct TableSection: Hashable, Sendable {
    /// What the header prints above the group (人员经费, 公用经费), when the table has several.
    public var label: String?
    /// Indices into `LocatedTable.columns`.
    public var columns: Range<Int>
    public var rows: [GridRow]
}

/// One row of a table: a cell per column of the table (nil where empty), the code joined from
/// its parts, and where it was read.
public struct GridRow: Hashable, Sendable {
    public var cells: [GridCell?]
    /// The classification code of the row, joined from split 类/款/项 columns ("20106" + "01"),
    /// or the code column's text as printed when it is not digits (合计).
    public var code: String?
    public var page: Int
    public var box: WordBox

    /// The text of a column, empty when the cell is.
    public func text(_ column: Int) -> String { cells[column]?.text ?? "" }
}

/// One cell: its text (a wrapped name joined) and the words it came from.
public struct GridCell: Hashable, Sendable {
    public var text: String
    public var page: Int
    public var box: WordBox
    public var words: [PositionedWord]

    init(words: [PositionedWord], lineBreaks: [Int]) {
        var text = ""
        for (index, word) in words.enumerated() {
            if index > 0 { text += lineBreaks.contains(index) ? GridCell.wrapJoiner(text, word.text) : " " }
            text += word.text
        }
        self.text = text
        self.page = words[0].page
        self.box = WordBox.union(of: words.map(\.box))!
        self.words = words
    }

    /// Wrapped CJK text joins without a space; Latin words and figures keep one.
    private static func wrapJoiner(_ before: String, _ after: String) -> String {
        guard let last = before.unicodeScalars.last, let first = after.unicodeScalars.first else { return "" }
        return last.isASCII && first.isASCII && last.properties.isAlphabetic && first.properties.isAlphabetic ? " " : ""
    }
}
