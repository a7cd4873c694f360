/// Groups the lines of a section without codes into rows, where a row may hold text alone.
///
/// A line is a row of its own unless it continues a wrapped cell: every piece of it (its words
/// in one column) stands under a piece of a line a little above that runs from the column's left
/// (an indent allowed) to its right edge — the cell wrapped there, where a label centred in its
/// cell (当年收入小计) stops short of the left — and no piece starts like an item of its own (二、,
/// 1., （一）, 其中：). Once lines are joined, a row lying between the first and last line of a wrapped row,
/// in columns that row leaves empty, is that row's vertically centred rest.
enum WrappedCells {
    /// For each line index, the indices of the lines forming the row it heads (empty for lines
    /// that joined another row).
    static func rows(of lines: [VisualLine], anchored: [Bool], columns: [TableColumn]) -> [[Int]] {
        let pieces = lines.map { line in Dictionary(grouping: line.words) { ColumnFinder.column(of: $0, in: columns) } }
        let edges = edges(lines, pieces: pieces)
        var owner = Array(lines.indices)
        for index in lines.indices where !anchored[index] {
            if let above = continued(index, lines: lines, pieces: pieces, edges: edges) { owner[index] = owner[above] }
        }
        var members = Array(repeating: [Int](), count: lines.count)
        for index in lines.indices { members[owner[index]].append(index) }
        joinCentredRests(&members, lines: lines, pieces: pieces)
        return members
    }

    /// The line above that `index` continues, if it continues one.
    private static func continued(_ index: Int, lines: [VisualLine], pieces: [[Int: [PositionedWord]]],
                                  edges: [Int: [Int: (left: Double, right: Double)]]) -> Int? {
        let line = lines[index]
        let height = max(line.box.height, 1)
        var found: Int?
        for (column, words) in pieces[index] {
            let text = words.map(\.text).joined()
            if startsAnItem(text) { return nil }
            // A piece that opens a bracket it does not close (便携式计算机（20万以 / 下）) starts a
            // name whose rest is below it, not the rest of the complete name above (台式计算机
            // （20万以下）: 江苏省人大常委会办公厅 2019, 政府采购预算表).
            if opensUnclosedBracket(text) { return nil }
            // The nearest line above on the page with words in this column, at most two lines away
            // (double-spaced lines, as 江苏省人大常委会办公厅 2017 prints them, included).
            guard let above = lines[..<index].indices.last(where: { lines[$0].page == line.page && pieces[$0][column] != nil }),
                  line.box.yMin - lines[above].box.yMin <= height * 3.5,
                  let edge = edges[line.page]?[column], let upper = pieces[above][column],
                  let upperLeft = upper.map(\.box.xMin).min(), let upperRight = upper.map(\.box.xMax).max(),
                  upperRight >= edge.right - height else { return nil }
            // An item indented under its group (2.政府性基金预 under 一、财政拨款, 30 points in:
            // 江苏省人大常委会办公厅 2018) wraps back to the cell's left edge (算).
            let indentedItem = startsAnItem(upper.map(\.text).joined())
                && (words.map(\.box.xMin).min() ?? .infinity) <= edge.left + height * 0.5
            guard upperLeft <= edge.left + height * 2.5 || indentedItem else { return nil }
            if found.map({ $0 != above }) ?? false { return nil }
            found = above
        }
        return found
    }

    /// Per page and column, the left and right edges of its text: where a wrapped cell starts and stops.
    private static func edges(_ lines: [VisualLine], pieces: [[Int: [PositionedWord]]]) -> [Int: [Int: (left: Double, right: Double)]] {
        var edges: [Int: [Int: (left: Double, right: Double)]] = [:]
        for (index, line) in lines.enumerated() {
            for (column, words) in pieces[index] {
                let left = words.map(\.box.xMin).min() ?? 0, right = words.map(\.box.xMax).max() ?? 0
                let known = edges[line.page]?[column] ?? (left, right)
                edges[line.page, default: [:]][column] = (min(known.left, left), max(known.right, right))
            }
        }
        return edges
    }

    /// A row of one line whose middle lies between the first and last line of a wrapped row, on
    /// its page, in columns the wrapped row leaves empty, joins it.
    private static func joinCentredRests(_ members: inout [[Int]], lines: [VisualLine], pieces: [[Int: [PositionedWord]]]) {
        for head in members.indices where members[head].count >= 2 {
            let first = lines[members[head].first!], last = lines[members[head].last!]
            guard first.page == last.page else { continue }
            var used = Set(members[head].flatMap { pieces[$0].keys })
            for other in members.indices where other != head && members[other].count == 1 {
                let line = lines[other]
                guard line.page == first.page, line.box.midY > first.box.midY, line.box.midY < last.box.midY else { continue }
                let columns = Set(pieces[other].keys)
                guard used.isDisjoint(with: columns) else { continue }
                used.formUnion(columns)
                members[head].append(other)
                members[head].sort()
                members[other] = []
            }
        }
    }

    /// Whether the text opens more brackets than it closes.
    static func opensUnclosedBracket(_ text: String) -> Bool {
        var depth = 0
        for scalar in text.unicodeScalars {
            if scalar == "（" || scalar == "(" { depth += 1 } else if scalar == "）" || scalar == ")" { depth = max(0, depth - 1) }
        }
        return depth > 0
    }

    /// Whether a cell's text starts like an item of its own: 二、 十八、 1. 2． （一） (1) 其中.
    static func startsAnItem(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars.prefix(6))
        guard let first = scalars.first else { return false }
        if first == "（" || first == "(" || text.hasPrefix("其中") { return true }
        let numerals: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]
        var index = 0
        while index < scalars.count, numerals.contains(scalars[index]) { index += 1 }
        guard index > 0, index < scalars.count else { return false }
        return ["、", ".", "．", "，"].contains(scalars[index])
    }
}
