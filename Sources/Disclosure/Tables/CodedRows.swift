/// Assembles the rows of a space-aligned table whose rows carry a classification code.
enum CodedRows {
    private struct Building {
        var code: String?
        var label: String
        var amounts: [LayoutLine.Token]
        var first: Int
        var last: Int
        var block: Int
    }

    static func read(_ lines: [LayoutLine], text: TableText, kind: TableKind, positions: [Double], into grid: inout TableGrid) {
        var rows: [Building] = []
        var orphan: LayoutLine?
        var previous = 0        // line number of the last line that belonged to the table
        var block = 0           // increments at every repeated header (a new page)
        for line in lines {
            if line.startsPage { block += 1 }
            if let (code, name, names) = code(of: line) {
                var row = Building(code: code, label: name, amounts: Array(line.tokens[names.upperBound...].filter { $0.amount != nil }),
                                   first: line.number, last: line.number, block: block)
                if row.amounts.isEmpty, let numbers = orphan, numbers.number == previous {
                    row.amounts = numbers.amounts   // drifted onto the line above
                    row.first = numbers.number
                    orphan = nil
                }
                if let stray = orphan { grid.unplaced.append(span(stray.number, text)); orphan = nil }
                rows.append(row)
            } else if line.allAmounts {
                if let last = rows.last, last.amounts.isEmpty, line.number - last.last <= 2 {
                    rows[rows.count - 1].amounts = line.amounts   // drifted onto the line below
                    rows[rows.count - 1].last = line.number
                } else {
                    if let stray = orphan { grid.unplaced.append(span(stray.number, text)) }
                    orphan = line
                }
            } else if line.hasAmount, let split = line.tokens.firstIndex(where: { $0.amount != nil }), split > 0 {
                // A labelled row without a code: 合计, 人员经费合计.
                if let stray = orphan { grid.unplaced.append(span(stray.number, text)); orphan = nil }
                rows.append(Building(code: nil, label: joinedText(line.tokens[..<split]), amounts: line.amounts,
                                     first: line.number, last: line.number, block: block))
            } else if line.isHeaderLike {
                block += 1
                continue
            } else if let last = rows.last, line.number - last.last <= 2, !line.hasAmount {
                rows[rows.count - 1].label += joinedText(line.tokens[...])   // a wrapped name
                rows[rows.count - 1].last = line.number
            } else {
                continue
            }
            previous = line.number
        }
        if let stray = orphan { grid.unplaced.append(span(stray.number, text)) }

        // Complete rows by block, in line order (rows are appended in order of their first line),
        // so each row finds its nearest complete neighbour by bisection, not by a scan of all rows.
        var full: [Int: [Building]] = [:]
        for row in rows where row.amounts.count == positions.count { full[row.block, default: []].append(row) }
        for row in rows {
            let template = full[row.block].flatMap { nearest(to: row.first, in: $0) }.map { $0.amounts.map(\.end) }
            let source = SourceSpan(firstLine: row.first, lastLine: row.last,
                                    text: (row.first...row.last).map { text.text($0) }.filter { !$0.allSatisfy { $0 == " " } }.joined(separator: "\n"))
            guard let cells = ColumnFit.assign(row.amounts, to: positions, template: template) else {
                grid.unplaced.append(source)
                continue
            }
            grid.rows.append(TableRow(panel: 0, code: row.code, label: row.label, cells: cells, source: source))
        }
    }

    /// The code at the start of a line, its 类/款/项 parts joined, the name and the range of the
    /// tokens the name ends with; nil when the line does not start with a code and a name.
    ///
    /// Parts come split by spaces ("201 06 01", "302 01") or glued to the name when the text lost
    /// the gap between columns ("2010506统计管理", "301 01基本工资"); a one-digit part is padded
    /// ("301 2" is 30102). An economic code stops at its 款 (5 digits).
    private static func code(of line: LayoutLine) -> (code: String, name: String, names: Range<Int>)? {
        let tokens = line.tokens
        guard let first = tokens.first else { return nil }
        let (lead, glued) = split(first.bytes)
        guard [3, 5, 7].contains(lead.count) else { return nil }
        var code = String(decoding: lead, as: UTF8.self)
        var name = String(decoding: glued, as: UTF8.self)
        let economic = lead.first == UInt8(ascii: "3") || lead.first == UInt8(ascii: "5")
        var index = 1
        while name.isEmpty, index < tokens.count, index <= 2, code.utf8.count < (economic ? 5 : 7) {
            let (part, rest) = split(tokens[index].bytes)
            guard (1...2).contains(part.count) else { break }
            code += (part.count == 1 ? "0" : "") + String(decoding: part, as: UTF8.self)
            name = String(decoding: rest, as: UTF8.self)
            index += 1
        }
        let nameStart = index
        while index < tokens.count, tokens[index].amount == nil { index += 1 }
        guard index > nameStart || !name.isEmpty else { return nil }
        return (code, name + joinedText(tokens[nameStart..<index]), nameStart..<index)
    }

    /// A token's leading ASCII digits and what follows them, when that is not ASCII (a CJK
    /// name glued to its code); the whole token as rest otherwise.
    private static func split(_ bytes: ArraySlice<UInt8>) -> (digits: ArraySlice<UInt8>, rest: ArraySlice<UInt8>) {
        let end = bytes.firstIndex { $0 < 0x30 || $0 > 0x39 } ?? bytes.endIndex
        if end == bytes.endIndex { return (bytes, bytes[end...]) }
        guard end > bytes.startIndex, bytes[end] >= 0x80 else { return (bytes[bytes.startIndex..<bytes.startIndex], bytes) }
        return (bytes[..<end], bytes[end...])
    }

    /// The row whose first line is nearest `line` (the earlier one on a tie); `rows` sorted by first line.
    private static func nearest(to line: Int, in rows: [Building]) -> Building? {
        var low = 0
        var high = rows.count
        while low < high {
            let middle = (low + high) / 2
            if rows[middle].first < line { low = middle + 1 } else { high = middle }
        }
        // rows[low] is the first at or after `line`; the one before it the last before.
        guard low > 0 else { return rows.first }
        guard low < rows.count else { return rows[low - 1] }
        return line - rows[low - 1].first <= rows[low].first - line ? rows[low - 1] : rows[low]
    }

    private static func joinedText(_ tokens: ArraySlice<LayoutLine.Token>) -> String {
        tokens.map(\.text).joined()
    }

    private static func span(_ line: Int, _ text: TableText) -> SourceSpan {
        SourceSpan(line: line, text: text.text(line))
    }
}
