/// Assembles the rows of a space-aligned table that prints 收入 and 支出 side by side (01表, 04表).
///
/// A line holds up to two items, each a label and the numbers after it; a wide gap or a number
/// ends an item. Which side an item stands on is read from its label (…支出, 支出总计 and 年末… are
/// the expense side), because the left label is often missing and positions drift. A label that
/// wraps ("四、文化旅游体育与传媒" / numbers / "支出") is joined and takes the numbers between.
enum TwoSidedRows {
    private struct Item {
        var label: String
        var amounts: [LayoutLine.Token]
        var first: Int
        var last: Int
        var panel: Int
    }

    static func read(_ lines: [LayoutLine], text: TableText, positions: [Double], into grid: inout TableGrid) {
        var items: [Item] = []
        var pending: Int?   // index of the last item still waiting for its numbers
        for line in lines {
            if line.allAmounts {
                if let waiting = pending, line.number - items[waiting].last <= 2 {
                    items[waiting].amounts = line.amounts
                    items[waiting].last = line.number
                    pending = nil
                } else {
                    grid.unplaced.append(SourceSpan(line: line.number, text: text.text(line.number)))
                }
                continue
            }
            let pieces = split(line)
            if pieces.count == 1, pieces[0].amounts.isEmpty, !TableLabel.hasOrdinal(pieces[0].tokens[0].bytes),
               !isStandalone(pieces[0].label), let last = items.indices.last, line.number - items[last].last <= 2,
               items[last].label.utf8.count < maxWrappedLabel {
                items[last].label += pieces[0].label   // the rest of a wrapped label
                items[last].panel = side(of: items[last].label, first: items[last].panel == 0)
                items[last].last = line.number
                continue
            }
            for (index, piece) in pieces.enumerated() {
                items.append(Item(label: piece.label, amounts: piece.amounts, first: line.number, last: line.number,
                                  panel: side(of: piece.label, first: index == 0)))
                pending = piece.amounts.isEmpty ? items.count - 1 : pending
            }
        }
        for item in items {
            let columns = grid.columnIndices(panel: item.panel)
            var cells = [Amount?](repeating: nil, count: grid.columns.count)
            let source = SourceSpan(firstLine: item.first, lastLine: item.last,
                                    text: (item.first...item.last).map { text.text($0) }.joined(separator: "\n"))
            guard let fitted = ColumnFit.assign(item.amounts, to: columns.map { positions[$0] }, template: nil) else {
                grid.unplaced.append(source)
                continue
            }
            for (column, value) in zip(columns, fitted) { cells[column] = value }
            grid.rows.append(TableRow(panel: item.panel, code: nil, label: item.label, cells: cells, source: source))
        }
    }

    private static func split(_ line: LayoutLine) -> [(label: String, tokens: [LayoutLine.Token], amounts: [LayoutLine.Token])] {
        var pieces: [(label: String, tokens: [LayoutLine.Token], amounts: [LayoutLine.Token])] = []
        var previousEnd = 0
        for token in line.tokens {
            if token.amount != nil, !pieces.isEmpty {
                pieces[pieces.count - 1].amounts.append(token)
            } else if token.amount == nil {
                let startsNew = pieces.isEmpty || !pieces[pieces.count - 1].amounts.isEmpty || token.start - previousEnd >= 3
                if startsNew {
                    pieces.append((token.text, [token], []))
                } else {
                    pieces[pieces.count - 1].label += token.text
                    pieces[pieces.count - 1].tokens.append(token)
                }
            }
            previousEnd = token.end
        }
        return pieces
    }

    /// Bytes beyond which a label takes no more wrapped lines. Real labels wrap once or twice; without
    /// a bound, thousands of text-only lines would each re-read the whole joined label to find its side.
    private static let maxWrappedLabel = 300

    private static let expenseWords = ["支出合计", "支出总计", "年末", "结余分配"].map { Array($0.utf8) }
    private static let standalone = ["总计", "收入总计", "支出总计", "本年收入合计", "本年支出合计", "合计"].map { Array($0.utf8) }

    /// 0 for the income side, 1 for the expense side.
    static func side(of label: String, first: Bool) -> Int {
        let core = TableLabel.core(label)
        if expenseWords.contains(where: { TableBytes.contains(core, $0) }) { return 1 }
        if TableBytes.hasSuffix(core, "支出") { return 1 }
        if TableBytes.equals(core, "总计") || TableBytes.equals(core, "合计") { return first ? 0 : 1 }
        return 0
    }

    private static func isStandalone(_ label: String) -> Bool {
        standalone.contains(TableLabel.core(label))
    }
}
