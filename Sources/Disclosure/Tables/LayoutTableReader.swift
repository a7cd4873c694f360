/// Reads a table whose columns are aligned with spaces, as `pdftotext -layout` prints them.
///
/// What such text does to a table, and what the reader does about it:
/// - the 类/款/项 code is split over three columns ("201   05   07   专项普查活动"): leading digit
///   tokens before the name are joined, a one-digit 款 ("301   2") is read as 02;
/// - a long name wraps onto the next line ("…缴费支" / "出"): a text-only line that is not a
///   header is appended to the row above;
/// - a row's numbers land on the line above or below it: a numbers-only line goes to the row on
///   the next or previous line that has none;
/// - headers repeat on every page and page numbers sit between rows: both are skipped;
/// - empty cells leave no trace: a row with fewer numbers than columns is matched to the columns
///   by the gaps between its numbers, measured against a complete row or the header.
enum LayoutTableReader {
    static func read(_ text: TableText, body: ClosedRange<Int>, kind: TableKind) -> TableGrid {
        var lines: [LayoutLine] = []
        for number in body {
            let line = LayoutLine(text.line(number), number: number)
            if line.isBlank || line.isPageNumber || line.isSequence { continue }
            let squeezed = line.squeezed
            if TableBytes.hasPrefix(squeezed, "编制部门") || TableBytes.hasPrefix(squeezed, "单位:") { continue }
            lines.append(line)
        }
        let firstData = lines.firstIndex { isData($0, kind: kind) } ?? lines.count
        let header = Array(lines[..<firstData])
        let body = Array(lines[firstData...])
        var grid = TableGrid()
        let positions = columns(header, kind: kind, grid: &grid)
        if kind.isTwoSided {
            TwoSidedRows.read(body, text: text, positions: positions, into: &grid)
        } else if kind == .threePublic {
            readSingleLine(body, text: text, positions: positions, into: &grid)
        } else {
            CodedRows.read(body, text: text, kind: kind, positions: positions, into: &grid)
        }
        return grid
    }

    /// A line that starts the data: a code row, a 合计 row with numbers, an ordinal label, numbers.
    static func isData(_ line: LayoutLine, kind: TableKind) -> Bool {
        if line.hasAmount && line.tokens.contains(where: { $0.amount != nil && !$0.isDigits }) { return true }
        if let first = line.tokens.first, first.isDigits, [3, 5, 7].contains(first.bytes.count),
           line.tokens.contains(where: { $0.amount == nil }) { return true }
        if let first = line.tokens.first, TableLabel.hasOrdinal(first.bytes) { return true }
        if kind == .threePublic && line.allAmounts && line.tokens.count >= 3 { return true }
        return line.hasAmount && line.tokens.contains { $0.amount == nil } && !line.isHeaderLike
    }

    /// Finds the value columns in the header lines and returns each column's centre.
    ///
    /// The columns are the value labels of the lowest header line that has two or more, plus
    /// value labels of other header lines that overlap none of those (a label split over two lines,
    /// such as 事业单位 / 经营收入, or one printed beside a group). Labels over several columns
    /// (一般公共预算支出 over 合计 / 基本支出 / 项目支出) overlap and are dropped.
    private static func columns(_ header: [LayoutLine], kind: TableKind, grid: inout TableGrid) -> [Double] {
        var found: [(line: Int, token: LayoutLine.Token, meaning: ColumnMeaning)] = []
        var valueLabels = [Int](repeating: 0, count: header.count)
        var secondLabel: Int?
        // Where the name and code columns are headed: no value column stands there.
        var nameColumns: [Range<Int>] = []
        for (index, line) in header.enumerated() {
            var labels = 0
            for token in line.tokens {
                switch ColumnRole(label: TableBytes.squeezed(token.bytes), ancestors: [], kind: kind) {
                case .value(let meaning) where meaning != .unknown:
                    found.append((index, token, meaning))
                    valueLabels[index] += 1
                case .label:
                    labels += 1
                    if labels == 2 { secondLabel = token.start }
                    if nameColumns.count < TableGrid.maxColumns { nameColumns.append(token.start..<token.end) }
                case .code:
                    if nameColumns.count < TableGrid.maxColumns { nameColumns.append(token.start..<token.end) }
                default: break
                }
            }
        }
        // Counted, not searched per line, and capped before the overlap test: a garbled header of
        // thousands of lines or labels must not make this quadratic.
        let columnLine = header.indices.reversed().first { valueLabels[$0] >= 2 }
        var chosen = Array(found.filter { $0.line == columnLine }.prefix(TableGrid.maxColumns))
        for candidate in found where candidate.line != columnLine && !kind.isTwoSided && chosen.count < TableGrid.maxColumns {
            let overlaps = chosen.contains { $0.token.start < candidate.token.end && candidate.token.start < $0.token.end }
            // A value label under the names (石泉路's glued "经营收入其他收入", the rest of a header
            // line wrapped to the left margin) is a wrapped piece of the value labels, not a column.
            let underNames = nameColumns.contains { $0.overlaps(candidate.token.start..<candidate.token.end) }
            if !overlaps && !underNames { chosen.append(candidate) }
        }
        chosen.sort { $0.token.start < $1.token.start }
        chosen = Array(chosen.prefix(TableGrid.maxColumns))
        if chosen.isEmpty { chosen = defaultColumns(kind) }
        if kind.isTwoSided {
            let split = secondLabel ?? Int.max
            grid.panelHeadings = ["收入", "支出"]
            var columns = chosen.map { TableColumn(label: $0.token.text, meaning: $0.meaning, panel: $0.token.start >= split ? 1 : 0) }
            if !columns.contains(where: { $0.panel == 0 }) { columns.insert(TableColumn(label: "", meaning: .total, panel: 0), at: 0) }
            if !columns.contains(where: { $0.panel == 1 }) { columns.append(TableColumn(label: "", meaning: .total, panel: 1)) }
            grid.columns = columns
            return columns.map { column in chosen.first { $0.token.text == column.label }?.token.centre ?? 0 }
        }
        grid.columns = chosen.map { TableColumn(label: $0.token.text, meaning: $0.meaning, panel: 0) }
        return chosen.map(\.token.centre)
    }

    private static func defaultColumns(_ kind: TableKind) -> [(line: Int, token: LayoutLine.Token, meaning: ColumnMeaning)] {
        let meanings: [ColumnMeaning] = switch kind {
        case .expense, .generalExpense, .fundExpense, .capitalExpense: [.total, .basic, .project]
        case .basicEconomic: [.total]
        default: [.total]
        }
        return meanings.map { (0, LayoutLine.Token(bytes: [], start: 0, end: 0, amount: nil, isDigits: false), $0) }
    }

    /// A 三公 table prints one line of numbers under its header.
    private static func readSingleLine(_ body: [LayoutLine], text: TableText, positions: [Double], into grid: inout TableGrid) {
        guard let line = body.first(where: { $0.allAmounts && $0.tokens.count >= 2 }) else { return }
        let cells = ColumnFit.assign(line.amounts, to: positions, template: nil)
        grid.rows.append(TableRow(panel: 0, code: nil, label: "", cells: cells ?? [],
                                  source: SourceSpan(line: line.number, text: text.text(line.number))))
        if cells == nil { grid.unplaced.append(SourceSpan(line: line.number, text: text.text(line.number))) }
    }
}

/// Matches a row's numbers to columns when some cells are empty.
enum ColumnFit {
    /// Assigns amounts (left to right) to columns. With as many amounts as columns it is direct;
    /// with fewer, the first amount goes to the first column and each next one to the column whose
    /// offset from the first is nearest to the amount's own offset — offsets taken from a complete
    /// row's right edges when there is one, else from the header's centres. Nil when there are more
    /// amounts than columns.
    static func assign(_ amounts: [LayoutLine.Token], to positions: [Double], template: [Int]?) -> [Amount?]? {
        let count = positions.count
        guard amounts.count <= count else { return nil }
        var cells = [Amount?](repeating: nil, count: count)
        if amounts.count == count {
            for (index, token) in amounts.enumerated() { cells[index] = token.amount }
            return cells
        }
        guard let first = amounts.first else { return cells }
        let offsets: [Double]
        let own: [Double]
        if let template, template.count == count {
            offsets = template.map { Double($0 - template[0]) }
            own = amounts.map { Double($0.end - first.end) }
        } else {
            offsets = positions.map { $0 - positions[0] }
            own = amounts.map { $0.centre - first.centre }
        }
        var column = 0
        cells[0] = first.amount
        for (index, token) in amounts.enumerated().dropFirst() {
            let remaining = amounts.count - index - 1
            var best = column + 1
            var bestDistance = Double.infinity
            for candidate in (column + 1)..<(count - remaining) {
                let distance = abs(offsets[candidate] - own[index])
                if distance < bestDistance { bestDistance = distance; best = candidate }
            }
            cells[best] = token.amount
            column = best
        }
        return cells
    }
}
