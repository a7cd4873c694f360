import Disclosure

/// The lines of one table as the document scan collected them: title, captions, then header
/// and body lines (repeated headers of later pages already dropped), possibly over several pages.
struct TableRegion {
    var kind: TableKind
    var title: VisualLine
    var captions: [VisualLine] = []
    var lines: [VisualLine] = []
    /// The compact text of the header lines, to recognise a header repeated on the next page.
    var headerTexts: Set<String> = []
    var hasBody = false
    /// Opened at a 公开NN表 marker, not at a title: the title, if printed, is among the captions.
    var openedByNumber = false

    /// A line that starts or continues the body: it holds an amount or a whole code, or a
    /// 3-digit 类 followed by a 2-digit 款 (split codes).
    static func isBody(_ line: VisualLine) -> Bool {
        let shapes = line.words.map { WordShape($0.text) }
        if shapes.contains(.amount) || shapes.contains(where: \.isWholeCode) { return true }
        return false
    }
}

/// Builds the grid of a table from its region: columns, sections, header rows and body rows.
enum TableGridBuilder {
    static func build(_ region: TableRegion) -> LocatedTable? {
        guard !region.lines.isEmpty else { return nil }
        var firstBody = region.lines.firstIndex(where: TableRegion.isBody) ?? region.lines.count
        // The first row's name wrapped above its figures (一、财政 / 13,649.07 / 拨款) starts the
        // body, not the header: a line right above whose text starts like an item.
        while firstBody > 0, firstBody < region.lines.count, region.lines[firstBody - 1].page == region.lines[firstBody].page,
              region.lines[firstBody - 1].words.contains(where: { WrappedCells.startsAnItem($0.text) }),
              !region.lines[firstBody - 1].words.contains(where: { WordShape($0.text).isNumber }) {
            firstBody -= 1
        }
        let header = Array(region.lines[..<firstBody])
        let body = region.lines[firstBody...].map { $0.joiningLetterSpaced() }
        let columns = ColumnFinder.columns(header: header, body: body.isEmpty ? header : body)
        guard columns.count >= 2 else { return nil }

        let headerRows = wrappedHeaderRows(header, columns: columns) ?? header.map { headerRow($0, columns: columns) }
        var sections = sectionRanges(columns).map { range in
            TableSection(label: label(of: range, header: header, columns: columns), columns: range, rows: [])
        }
        let bodyWords = body.flatMap(\.words)
        for index in sections.indices {
            let range = sections[index].columns
            let words = bodyWords.filter { range.contains(ColumnFinder.column(of: $0, in: columns)) }
            sections[index].rows = RowAssembler.rows(of: words, section: range, columns: columns)
        }
        if sections.count > 1 { joinStraddlingTotals(&sections, columns: columns) }
        return LocatedTable(
            kind: region.kind, title: PlacedText(region.title),
            publicNumber: region.captions.lazy.compactMap { TableTitle.publicNumber(in: $0.compactText) }.first,
            captions: region.captions.map(PlacedText.init), columns: columns,
            headerRows: headerRows, sections: sections)
    }

    /// A header line as a row: each word under the first column it reaches.
    private static func headerRow(_ line: VisualLine, columns: [TableColumn]) -> GridRow {
        var grouped = Array(repeating: [PositionedWord](), count: columns.count)
        for word in line.words { grouped[ColumnFinder.firstColumn(of: word.box, in: columns)].append(word) }
        let cells = grouped.map { $0.isEmpty ? nil : GridCell(words: $0, lineBreaks: []) }
        return GridRow(cells: cells, code: nil, page: line.page, box: line.box)
    }

    /// The header rows of a header whose cells are centred over lines of their own (科目 / 编码
    /// beside 科目名称, half a line lower: 西南大学): each cell a word or two wrapped over lines
    /// closer together than header rows are. There a header row is no row of cells, so each
    /// column's own words, top to bottom, become one cell on the lowest line, where a text reader
    /// looks for a column's name; words spanning several columns (事业收入 over 金额 | 其中：教育
    /// 收费) or none stay on their lines, above. Nil for a header of rows (no cell wrapped).
    private static func wrappedHeaderRows(_ header: [VisualLine], columns: [TableColumn]) -> [GridRow]? {
        guard header.count >= 2 else { return nil }
        func columnsUnder(_ word: PositionedWord) -> [Int] {
            columns.indices.filter { min(columns[$0].xMax, word.box.xMax) - max(columns[$0].xMin, word.box.xMin) > 0 }
        }
        func ownColumn(_ word: PositionedWord) -> Int? {
            let under = columnsUnder(word)
            guard under.count == 1, !WordShape(word.text).isNumber else { return nil }
            return under[0]
        }
        // A wrapped piece lies close under the piece before it and overlaps it across the page;
        // a heading centred over a group (收入 over 项目 | 决算数) does not.
        func wraps(_ upper: PositionedWord, _ lower: PositionedWord) -> Bool {
            lower.box.yMin - upper.box.yMax < min(upper.box.height, lower.box.height) * 0.6 && lower.box.yMin > upper.box.yMax - 1
                && min(upper.box.xMax, lower.box.xMax) > max(upper.box.xMin, lower.box.xMin)
        }
        // A header line that numbers the columns (栏次 | 1 | 栏次 | 2) is a row of its own.
        let numbering = Set(header.indices.filter { index in header[index].words.contains { WordShape($0.text).isNumber } })
        // Words of one column, top to bottom.
        var stacks = Array(repeating: [PositionedWord](), count: columns.count)
        for (index, line) in header.enumerated() where !numbering.contains(index) {
            for word in line.words { if let column = ownColumn(word) { stacks[column].append(word) } }
        }
        guard stacks.contains(where: { stack in zip(stack, stack.dropFirst()).contains(where: wraps) }) else { return nil }
        // A column's cell is its lowest word and the words wrapped onto it; a word that does not
        // wrap onto the piece below heads a group (收入 over 项目 | 决算数), and so does every word of
        // its line (支出, though it overlaps the name column under it): that line stays a row.
        func runs(_ stacks: [[PositionedWord]]) -> [[PositionedWord]] {
            stacks.map { stack in
                guard var run = stack.last.map({ [$0] }) else { return [] }
                for word in stack.dropLast().reversed() {
                    guard wraps(word, run[0]) else { break }
                    run.insert(word, at: 0)
                }
                return run
            }
        }
        let firstRuns = Set(runs(stacks).flatMap { $0 })
        let headingLines = header.indices.filter { index in
            header[index].words.contains { ownColumn($0) != nil && !firstRuns.contains($0) && !numbering.contains(index) }
        }
        let headings = Set(headingLines.flatMap { header[$0].words })
        stacks = runs(stacks.map { $0.filter { !headings.contains($0) } })
        let stacked = Set(stacks.flatMap { $0 })
        // The joined cells go on the lowest line that names columns; a numbering line under it
        // stays a row of its own.
        guard let target = header.indices.last(where: { !numbering.contains($0) }) else { return nil }
        var rows: [GridRow] = []
        for (index, line) in header.enumerated() {
            let kept = VisualLine(page: line.page, words: line.words.filter { !stacked.contains($0) })
            guard index == target else {
                if !kept.words.isEmpty { rows.append(headerRow(kept, columns: columns)) }
                continue
            }
            var joined = headerRow(kept, columns: columns)
            for column in columns.indices where !stacks[column].isEmpty {
                let words = stacks[column]
                joined.cells[column] = GridCell(words: words, lineBreaks: Array(words.indices.dropFirst()))
            }
            joined.box = line.box
            rows.append(joined)
        }
        return rows
    }

    /// One section per code column when several stand side by side (公开06表: 301… | 302… | 310…);
    /// otherwise the whole table.
    private static func sectionRanges(_ columns: [TableColumn]) -> [Range<Int>] {
        let starts = columns.indices.filter { columns[$0].role == .code }
        guard starts.count >= 2 else { return [0..<columns.count] }
        var bounds = starts
        bounds[0] = 0
        return bounds.indices.map { bounds[$0]..<(($0 + 1 < bounds.count) ? bounds[$0 + 1] : columns.count) }
    }

    /// The text of the topmost header line above a section (人员经费, 公用经费), when the table
    /// has several sections; a label spanning two sections names both.
    private static func label(of range: Range<Int>, header: [VisualLine], columns: [TableColumn]) -> String? {
        guard let top = header.first, range != 0..<columns.count else { return nil }
        let left = columns[range.lowerBound].xMin, right = columns[range.upperBound - 1].xMax
        let words = top.words.filter { min($0.box.xMax, right) - max($0.box.xMin, left) > 0 }
        return words.isEmpty ? nil : words.map(\.text).joined(separator: " ")
    }

    /// A total whose label stands in one section and its figure in the next (公用经费合计 under
    /// 302… with the sum printed under 310…): the figure moves to the labelled row.
    private static func joinStraddlingTotals(_ sections: inout [TableSection], columns: [TableColumn]) {
        for index in sections.indices.dropLast() where sections[index].label != nil && [sections[index].label, nil].contains(sections[index + 1].label) {
            let figureColumns = sections[index].columns.filter { columns[$0].role == .figures }
            guard let target = figureColumns.last else { continue }
            var next = sections[index + 1]
            next.rows.removeAll { orphan in
                let onlyFigures = orphan.cells.indices.allSatisfy { orphan.cells[$0] == nil || columns[$0].role == .figures }
                guard onlyFigures, orphan.code == nil else { return false }
                guard let rowIndex = sections[index].rows.firstIndex(where: { row in
                    row.page == orphan.page && row.box.verticalOverlap(orphan.box) > 0
                        && figureColumns.allSatisfy { row.cells[$0] == nil }
                }) else { return false }
                let figure = orphan.cells.compactMap { $0 }
                guard figure.count == 1 else { return false }
                sections[index].rows[rowIndex].cells[target] = figure[0]
                sections[index].rows[rowIndex].box = sections[index].rows[rowIndex].box.union(figure[0].box)
                return true
            }
            sections[index + 1] = next
        }
    }
}
