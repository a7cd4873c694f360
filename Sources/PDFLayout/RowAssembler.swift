/// Turns the body words of one table section into rows.
///
/// Words are grouped into visual lines per page. A line that holds a code, a figure, or
/// anything outside the section's name columns anchors a row.
///
/// In a section with codes every row has its code or figures, so a line of name text alone is
/// a wrapped piece of a name: it joins the anchored line it is closest to (edge to edge, the one
/// above on a tie), which is the row whose code or figures it belongs to whether the cell is
/// top-aligned (figures on the first line of the name) or centred (figures between its lines).
///
/// In a section without codes (the 收支总表's 收入 | 功能分类 | 支出用途 panels) a row may be
/// text alone (六、科学技术支出 with nothing budgeted), so a line of text is a row of its own
/// unless it continues a cell: each of its pieces stands under a piece that fills its column
/// to the right edge (the name wrapped there) and none starts like an item (二、, 1., （一）,
/// 其中). A line lying between the first and last line of a wrapped row, in columns that row
/// leaves empty, is that row's centred rest (三、国防支出 and its figure beside 2.政府性基金预 | 算).
enum RowAssembler {
    static func rows(of words: [PositionedWord], section: Range<Int>, columns: [TableColumn]) -> [GridRow] {
        let lines = VisualLine.group(words)
        let anchored = lines.map { isAnchor($0, columns: columns) }
        let coded = section.contains { columns[$0].role == .code || columns[$0].role == .codePart }
        var members = Array(repeating: [Int](), count: lines.count)
        if coded {
            for index in lines.indices {
                if anchored[index] { members[index].append(index); continue }
                let owner = nearestAnchor(to: index, lines: lines, anchored: anchored) ?? index
                members[owner].append(index)
            }
        } else {
            members = WrappedCells.rows(of: lines, anchored: anchored, columns: columns)
        }
        var rows: [GridRow] = []
        for index in lines.indices where !members[index].isEmpty {
            rows.append(row(from: members[index].sorted().map { lines[$0] }, section: section, columns: columns))
        }
        inheritSplitCodes(&rows, section: section, columns: columns)
        return rows
    }

    private static func isAnchor(_ line: VisualLine, columns: [TableColumn]) -> Bool {
        for word in line.words {
            if WordShape(word.text).isNumber { return true }
            if columns[ColumnFinder.column(of: word, in: columns)].role != .text { return true }
        }
        return false
    }

    private static func nearestAnchor(to index: Int, lines: [VisualLine], anchored: [Bool]) -> Int? {
        let line = lines[index]
        func gap(_ other: Int) -> Double { -lines[other].box.verticalOverlap(line.box) }
        let above = lines[..<index].indices.last { anchored[$0] && lines[$0].page == line.page }
        let below = lines[(index + 1)...].indices.first { anchored[$0] && lines[$0].page == line.page }
        switch (above, below) {
        case let (up?, down?): return gap(down) < gap(up) - 0.5 ? down : up
        case let (up?, nil): return up
        case let (nil, down?): return down
        default: return nil
        }
    }

    private static func row(from lines: [VisualLine], section: Range<Int>, columns: [TableColumn]) -> GridRow {
        var grouped = Array(repeating: [PositionedWord](), count: columns.count)
        var breaks = Array(repeating: [Int](), count: columns.count)
        for line in lines {
            var seen = Set<Int>()
            for word in line.words {
                let column = ColumnFinder.column(of: word, in: columns)
                if !seen.contains(column), !grouped[column].isEmpty { breaks[column].append(grouped[column].count) }
                seen.insert(column)
                grouped[column].append(word)
            }
        }
        let cells = columns.indices.map { grouped[$0].isEmpty ? nil : GridCell(words: grouped[$0], lineBreaks: breaks[$0]) }
        let box = WordBox.union(of: lines.map(\.box))!
        return GridRow(cells: cells, code: code(cells, section: section, columns: columns), page: lines[0].page, box: box)
    }

    /// The code of a row: its code and code-part cells joined ("201" "06" "01" → 2010601), or
    /// the code column's text as printed when that is not digits (合计, 人员经费合计).
    private static func code(_ cells: [GridCell?], section: Range<Int>, columns: [TableColumn]) -> String? {
        let parts = section.filter { columns[$0].role == .code || columns[$0].role == .codePart }.compactMap { cells[$0]?.text }
        guard !parts.isEmpty else { return nil }
        if parts.allSatisfy({ WordShape($0).isNumber }) { return parts.joined() }
        return parts.joined(separator: " ")
    }

    /// A row printing only its 款/项 parts ("    06   01") under a 类 printed once above takes
    /// that 类 — the convention of tables that do not repeat the 类 on every line.
    private static func inheritSplitCodes(_ rows: inout [GridRow], section: Range<Int>, columns: [TableColumn]) {
        guard let first = section.first(where: { columns[$0].role == .code }),
              section.contains(first + 1), columns[first + 1].role == .codePart else { return }
        var lastClass: String?
        for index in rows.indices {
            if let text = rows[index].cells[first]?.text, WordShape(text) == .integer(digits: 3) {
                lastClass = text
            } else if rows[index].cells[first] == nil, let inherited = lastClass, let code = rows[index].code,
                      WordShape(code).isNumber {
                rows[index].code = inherited + code
            }
        }
    }
}
