import Disclosure

/// A laid-out PDF rendered as one text — narrative lines as read, each table row as
/// tab-separated cells (`code<TAB>name<TAB>col1<TAB>…`, the form of the 2024 sample) — with
/// the page and box every line, and every cell of a table line, came from.
///
/// This is the interchange a text parser reads when it cannot take `LocatedTable`s directly:
/// line *n* of `text` is `lines[n - 1]`, so a fact's line range maps back to the PDF.
public struct InterchangeText: Sendable {
    public var text: String
    public var lines: [InterchangeLine]

    /// Renders a document: blocks in document order; a table's title and captions as printed,
    /// then each section (人员经费, 公用经费 … one after the other, not side by side) with its
    /// header lines and rows; split 类/款/项 columns become one code cell.
    public init(_ document: LaidOutDocument) {
        var lines: [InterchangeLine] = []
        for block in document.blocks {
            switch block {
            case .narrative(let index):
                let line = document.narrative[index]
                lines.append(InterchangeLine(text: line.text, page: line.page, box: line.box, kind: .narrative, cells: []))
            case .table(let index):
                lines += Self.render(document.tables[index])
            }
        }
        self.lines = lines
        text = lines.map(\.text).joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
    }

    private static func render(_ table: LocatedTable) -> [InterchangeLine] {
        var lines = [InterchangeLine(text: table.title.text, page: table.title.page, box: table.title.box, kind: .tableTitle(table.kind), cells: [])]
        for caption in table.captions {
            lines.append(InterchangeLine(text: caption.text, page: caption.page, box: caption.box, kind: .tableCaption, cells: []))
        }
        let split = table.sections.count > 1
        for section in table.sections {
            var headers = table.headerRows
            if split, let label = section.label, let top = headers.first {
                lines.append(InterchangeLine(text: label, page: top.page, box: top.box, kind: .sectionLabel, cells: []))
                headers.removeFirst()
            }
            for row in codeHeadersJoined(headers, section: section, table: table) {
                if let line = line(row, section: section, table: table, kind: .tableHeader) { lines.append(line) }
            }
            for row in section.rows {
                if let line = line(row, section: section, table: table, kind: .tableRow(code: row.code)) { lines.append(line) }
            }
        }
        return lines
    }

    /// The header rows with a line printed over the code columns alone (经济分类科目编码 above
    /// 类 款) moved into the code cell of the lowest header line, where the code columns are
    /// named. Tab text has no cell ends: a text reader takes a header cell to span every empty
    /// cell on its right, so a code label alone on its line would seem to head the figures too.
    private static func codeHeadersJoined(_ rows: [GridRow], section: TableSection, table: LocatedTable) -> [GridRow] {
        let codeColumns = section.columns.filter { table.columns[$0].role == .code || table.columns[$0].role == .codePart }
        guard let first = codeColumns.first else { return rows }
        func holdsCode(_ row: GridRow) -> Bool { codeColumns.contains { row.cells[$0] != nil } }
        func codeOnly(_ row: GridRow) -> Bool { section.columns.allSatisfy { row.cells[$0] == nil || codeColumns.contains($0) } }
        guard let lowest = rows.indices.last(where: { holdsCode(rows[$0]) }),
              rows[..<lowest].contains(where: { holdsCode($0) && codeOnly($0) }) else { return rows }
        var rows = rows
        var words: [PositionedWord] = []
        var breaks: [Int] = []
        for index in rows.indices where index == lowest || (index < lowest && holdsCode(rows[index]) && codeOnly(rows[index])) {
            if !words.isEmpty { breaks.append(words.count) }
            for column in codeColumns {
                words += rows[index].cells[column]?.words ?? []
                rows[index].cells[column] = nil
            }
        }
        rows[lowest].cells[first] = GridCell(words: words, lineBreaks: breaks)
        return rows
    }

    /// A row's cells within a section, the code columns collapsed into one cell.
    private static func line(_ row: GridRow, section: TableSection, table: LocatedTable, kind: InterchangeLine.Kind) -> InterchangeLine? {
        let codeColumns = section.columns.filter { table.columns[$0].role == .code || table.columns[$0].role == .codePart }
        var texts: [String] = []
        var cells: [PlacedText] = []
        if !codeColumns.isEmpty {
            let parts = codeColumns.compactMap { row.cells[$0] }
            let box = WordBox.union(of: parts.map(\.box))
            let text = kind == .tableHeader ? parts.map(\.text).joined(separator: " ") : (row.code ?? "")
            texts.append(text)
            if let box { cells.append(PlacedText(text: text, page: row.page, box: box)) }
        }
        for column in section.columns where !codeColumns.contains(column) {
            texts.append(row.text(column))
            if let cell = row.cells[column] { cells.append(PlacedText(text: cell.text, page: cell.page, box: cell.box)) }
        }
        guard !cells.isEmpty else { return nil }
        let box = WordBox.union(of: cells.map(\.box))!
        return InterchangeLine(text: texts.joined(separator: "\t"), page: row.page, box: box, kind: kind, cells: cells)
    }
}

/// Where one line of an `InterchangeText` came from.
public struct InterchangeLine: Hashable, Sendable {
    public var text: String
    /// 1-based page number.
    public var page: Int
    /// The box around everything the line was read from.
    public var box: WordBox
    package var kind: Kind
    /// For table lines, each non-empty cell with its own box (the code cell spans its parts).
    public var cells: [PlacedText]

    /// What a line of the interchange text is.
    package enum Kind: Hashable, Sendable {
        case narrative
        case tableTitle(TableKind)
        /// 公开NN表, 单位：万元 and the like.
        case tableCaption
        /// The label over a side-by-side section (人员经费).
        case sectionLabel
        case tableHeader
        /// A body row, with its classification code when it has one.
        case tableRow(code: String?)
    }
}
