/// What a reader found in the body of one table: its columns, its rows, and lines it could not place.
struct TableGrid: Sendable {
    var panelHeadings: [String] = [""]
    var columns: [TableColumn] = []
    var rows: [TableRow] = []
    var unplaced: [SourceSpan] = []

    /// The most value columns a table is read with. The 公开表 have a dozen at most; a "header" of
    /// thousands of labels is garbage, and taking it at its word would give every row that many
    /// cells (memory × rows) and make finding each column's spanning label quadratic.
    static let maxColumns = 64

    /// Indices into `columns` of one panel's columns, in order.
    func columnIndices(panel: Int) -> [Int] {
        columns.indices.filter { columns[$0].panel == panel }
    }
}

/// Reads a table whose cells are separated by tabs (text exported from a word processor).
///
/// Header cells give exact column indices, but exports are not consistent about them: the 合计
/// row of a 收入决算表 puts its label into the first value column and its amounts one cell further
/// right, and the 公用经费合计 of an 06表 lands three cells away from its column. So a row is read
/// as items (a label or code followed by amounts), each item is placed in the panel its label
/// stands in, and its amounts go to the panel's columns by index where they line up, by order
/// where they do not.
enum TabTableReader {
    private struct Cell {
        var index: Int
        var bytes: ArraySlice<UInt8>
    }

    private struct Item {
        var start: Int
        var code: String?
        var name: String = ""
        var amounts: [(index: Int, value: Amount)] = []
    }

    static func read(_ text: TableText, body: ClosedRange<Int>, kind: TableKind) -> TableGrid {
        var header: [[Cell]] = []
        var dataLines: [(line: Int, cells: [Cell])] = []
        for line in body {
            let bytes = text.line(line)
            guard bytes.contains(TableBytes.tab) else { continue }
            let cells = split(bytes)
            if isSequence(cells) || isPageNumber(cells) { continue }
            if dataLines.isEmpty && !isData(cells) { header.append(cells); continue }
            dataLines.append((line, cells))
        }
        var grid = TableGrid()
        var roles = columnRoles(header, kind: kind, grid: &grid)
        if grid.columns.isEmpty && kind.isCoded && !dataLines.isEmpty {
            // The header was lost (word boxes put it on the title's line): a coded table of one
            // figure per row (金额) is read by order into one total column.
            grid.columns = [TableColumn(label: "", meaning: .total, panel: 0)]
            roles.tabIndex = [-1]
        }
        let panelStarts = grid.panelHeadings.indices.map { panel in roles.panelStart[panel] }
        let purchaseFields = kind == .procurement ? self.purchaseFields(header) : []
        for (line, cells) in dataLines {
            var previousPanel = -1
            var purchase: PurchaseLine?
            var lineItems = items(cells, roles: roles.roles, coded: kind.isCoded)
            if kind == .procurement {
                // One line is one purchase: its texts stand in several label columns.
                let (item, texts) = purchaseItem(cells, fields: purchaseFields)
                lineItems = [item]
                purchase = texts
            }
            for item in lineItems {
                // Two items of one line never share a panel: when a text dropped the empty cells
                // of the 收入 side, the 支出 label that follows still belongs to the 支出 side.
                let placed = panelStarts.lastIndex { $0 <= item.start } ?? 0
                var panel = min(max(placed, previousPanel + 1), panelStarts.count - 1)
                // A 类 of expense alone on its line (the 收入 side has no more lines) is the 支出 side's.
                if kind.isTwoSided, panel == 0, panelStarts.count > 1, isExpenseClass(item.name) { panel = 1 }
                previousPanel = panel
                let columnIndices = grid.columnIndices(panel: panel)
                var values = [Amount?](repeating: nil, count: grid.columns.count)
                let tabIndices = columnIndices.map { roles.tabIndex[$0] }
                // A label in the first value column pushes its amounts one cell right (see above);
                // figures without a label stand where their header is.
                let labelled = item.code != nil || !item.name.isEmpty
                let shift = labelled ? tabIndices.first.map { item.start >= $0 ? item.start - $0 + 1 : 0 } ?? 0 : 0
                var unmatched: [Amount] = []
                for (index, value) in item.amounts {
                    if let position = tabIndices.firstIndex(of: index - shift) {
                        values[columnIndices[position]] = value
                    } else {
                        unmatched.append(value)
                    }
                }
                let source = SourceSpan(line: line, text: text.text(line))
                if !unmatched.isEmpty {
                    let free = columnIndices.filter { values[$0] == nil }
                    if unmatched.count <= free.count && unmatched.count == item.amounts.count {
                        for (value, column) in zip(unmatched, free) { values[column] = value }
                    } else {
                        grid.unplaced.append(source)
                    }
                }
                grid.rows.append(TableRow(panel: panel, code: item.code, label: item.name, cells: values, source: source, purchase: purchase))
            }
        }
        if kind == .procurement { grid.rows = PurchaseRows.joined(grid.rows) }
        return grid
    }

    /// The field of each column of a 政府采购预算表, from its header pieces joined top to bottom
    /// ("采 购 物" / "品名称"; "采购品目大" / "类").
    private static func purchaseFields(_ header: [[Cell]]) -> [PurchaseLine.Field?] {
        let width = min(TableGrid.maxColumns, header.map(\.count).max() ?? 0)
        return (0..<width).map { column in
            var joined: [UInt8] = []
            for row in header where column < row.count { joined += TableBytes.squeezed(row[column].bytes) }
            return PurchaseLine.Field.named(joined)
        }
    }

    /// A line of a 政府采购预算表 as one item: its texts by column, its figures in order. A text
    /// under no field (the letter A beside 一、货物) belongs with the text before it.
    private static func purchaseItem(_ cells: [Cell], fields: [PurchaseLine.Field?]) -> (Item, PurchaseLine) {
        var item = Item(start: 0)
        var line = PurchaseLine()
        var lastField: PurchaseLine.Field?
        for cell in cells where !cell.bytes.isEmpty {
            if TableBytes.isAmountShaped(cell.bytes), let amount = TableBytes.amount(cell.bytes) {
                item.amounts.append((cell.index, amount))
                continue
            }
            let field = (cell.index < fields.count ? fields[cell.index] : nil) ?? lastField ?? .category
            line.join(String(decoding: cell.bytes, as: UTF8.self), to: field)
            lastField = field
        }
        item.name = line.label
        return (item, line)
    }

    private struct Roles {
        var roles: [ColumnRole]
        /// Tab index of each value column of the grid.
        var tabIndex: [Int]
        var panelStart: [Int]
    }

    /// Decides each tab column's role from the header lines, and fills the grid's columns and panels.
    private static func columnRoles(_ header: [[Cell]], kind: TableKind, grid: inout TableGrid) -> Roles {
        let width = min(TableGrid.maxColumns, header.map { ($0.last?.index ?? -1) + 1 }.max() ?? 0)
        var roles: [ColumnRole] = []
        var tabIndex: [Int] = []
        var panelStart = [0]
        var headings: [String] = []
        var sawValue = false
        for column in 0..<width {
            var own: (row: Int, label: [UInt8])?
            for row in header.indices.reversed() where column < header[row].count {
                let cell = header[row][column].bytes
                if !cell.isEmpty && !TableBytes.isDigits(cell) { own = (row, TableBytes.squeezed(cell)); break }
            }
            let ownRow = own?.row ?? header.count
            var ancestors: [[UInt8]] = []
            for row in 0..<ownRow {
                if let spanning = header[row].prefix(column + 1).last(where: { !$0.bytes.isEmpty }) {
                    ancestors.append(TableBytes.squeezed(spanning.bytes))
                }
            }
            var role = ColumnRole(label: own?.label ?? [], ancestors: ancestors, kind: kind)
            if let label = own?.label, TableBytes.equals(label, "金额") || TableBytes.equals(label, "小计") && kind.scheme == .function {
                // 金额 under 事业收入 (beside 其中：教育收费) is the 事业收入, not the row's total, and
                // 小计 under 项目支出 (beside 其中：基本建设资金支出) the 项目支出: the nearest label
                // above it in its own column names it.
                for row in (0..<own!.row).reversed() where column < header[row].count && !header[row][column].bytes.isEmpty {
                    let named = ColumnRole.meaning(of: TableBytes.squeezed(header[row][column].bytes))
                    if named != .unknown { role = .value(named) }
                    break
                }
            }
            if role == .value(.unknown) || role == .none, own != nil {
                // A label wrapped over the header lines of its own column ("单位预留机动经" / "费"):
                // the column's pieces joined, top to bottom.
                var joined: [UInt8] = []
                for row in header.indices where column < header[row].count && !TableBytes.isDigits(header[row][column].bytes) {
                    joined += TableBytes.squeezed(header[row][column].bytes)
                }
                let wrapped = ColumnRole(label: joined, ancestors: [], kind: kind)
                if wrapped != .value(.unknown) && wrapped != .none {
                    role = wrapped
                    own = (own!.row, joined)
                    ancestors = []
                }
            }
            roles.append(role)
            switch role {
            case .label, .code:
                // A 政府采购预算表 has one panel: its text columns stand on both sides of 数量.
                if sawValue && kind != .procurement {
                    panelStart.append(column)
                    sawValue = false
                }
                if headings.count < panelStart.count { headings.append(heading(header, column: column)) }
            case .value(let meaning):
                if headings.count < panelStart.count { headings.append(heading(header, column: column)) }
                sawValue = true
                let label = (ancestors + [own?.label ?? []]).map { String(decoding: $0, as: UTF8.self) }.joined(separator: "/")
                grid.columns.append(TableColumn(label: label, meaning: meaning, panel: panelStart.count - 1))
                tabIndex.append(column)
            case .lineNumber, .none:
                break
            }
        }
        while headings.count < panelStart.count { headings.append("") }
        grid.panelHeadings = headings.count < 2 ? [""] : headings
        return Roles(roles: roles, tabIndex: tabIndex, panelStart: panelStart)
    }

    /// A panel's heading: the top header line's cell right above the panel's first column.
    private static func heading(_ header: [[Cell]], column: Int) -> String {
        guard let top = header.first, column < top.count, header.count > 1 else { return "" }
        return String(decoding: TableBytes.squeezed(top[column].bytes), as: UTF8.self)
    }

    /// Splits a row into items: a code and/or label, then the amounts that follow it.
    private static func items(_ cells: [Cell], roles: [ColumnRole], coded: Bool) -> [Item] {
        var items: [Item] = []
        // In a coded table, a line that opens with 3, 5 or 7 digits and then a name opens with a
        // code, whatever the header over that cell says (word boxes can shift a header's cells).
        let filled = cells.lazy.filter { !$0.bytes.isEmpty }
        var leadingCode: Int?
        if coded, let first = filled.first, TableBytes.isDigits(first.bytes), [3, 5, 7].contains(first.bytes.count),
           let second = filled.dropFirst().first, !TableBytes.isAmountShaped(second.bytes) {
            leadingCode = first.index
        }
        for cell in cells where !cell.bytes.isEmpty {
            let role = cell.index < roles.count ? roles[cell.index] : .none
            let digits = TableBytes.isDigits(cell.bytes)
            if role == .lineNumber && digits { continue }
            // Without a header, a row's first cell of 3, 5 or 7 digits is its code.
            let codeColumn = role == .code || role == .label || (roles.isEmpty && items.isEmpty) || cell.index == leadingCode
            if digits && cell.bytes.count <= 2, let last = items.last, let code = last.code,
               last.name.isEmpty, last.amounts.isEmpty, code.utf8.count == 3 || code.utf8.count == 5 {
                // A 款 or 项 part printed in a column of its own: "201⇥05⇥07⇥专项普查活动".
                items[items.count - 1].code = code + (cell.bytes.count == 1 ? "0" : "") + String(decoding: cell.bytes, as: UTF8.self)
                continue
            }
            if digits && codeColumn && [3, 5, 7].contains(cell.bytes.count) {
                items.append(Item(start: cell.index, code: String(decoding: cell.bytes, as: UTF8.self)))
                continue
            }
            if let amount = TableBytes.isAmountShaped(cell.bytes) ? TableBytes.amount(cell.bytes) : nil {
                if items.isEmpty { items.append(Item(start: cell.index)) }
                items[items.count - 1].amounts.append((cell.index, amount))
                continue
            }
            let name = String(decoding: cell.bytes, as: UTF8.self)
            if let last = items.last, last.name.isEmpty, last.amounts.isEmpty {
                items[items.count - 1].name = name
            } else if let last = items.last, last.code == nil, last.amounts.isEmpty, TableBytes.scalarCount(last.name.utf8) == 1 {
                // A label spaced out over two cells ("合⇥计"): no row is named by one character.
                items[items.count - 1].name += name
            } else {
                items.append(Item(start: cell.index, name: name))
            }
        }
        return items
    }

    private static func split(_ bytes: ArraySlice<UInt8>) -> [Cell] {
        var cells: [Cell] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        while true {
            if index == bytes.endIndex || bytes[index] == TableBytes.tab {
                var lower = start
                var upper = index
                while lower < upper, bytes[lower] == TableBytes.space || bytes[lower] == 0x0C { lower += 1 }
                while upper > lower, bytes[upper - 1] == TableBytes.space || bytes[upper - 1] == 0x0D { upper -= 1 }
                cells.append(Cell(index: cells.count, bytes: bytes[lower..<upper]))
                if index == bytes.endIndex { break }
                start = index + 1
            }
            index += 1
        }
        return cells
    }

    /// "十九、住房保障支出": a label that only the 支出 side of a two-sided table prints.
    private static func isExpenseClass(_ name: String) -> Bool {
        let core = TableLabel.core(name)
        return TableLabel.hasOrdinal(name.utf8) && TableBytes.hasSuffix(core, "支出")
            && !TableBytes.equals(core, "基本支出") && !TableBytes.equals(core, "项目支出")
    }

    /// A line whose only cell is a number of one to three digits: the page number between the
    /// rows of a table over pages, never a row (a row has a label or a decimal amount).
    private static func isPageNumber(_ cells: [Cell]) -> Bool {
        var only: Cell?
        for cell in cells where !cell.bytes.isEmpty {
            if only != nil { return false }
            only = cell
        }
        guard let only else { return false }
        return TableBytes.isDigits(only.bytes) && only.bytes.count <= 3
    }

    /// A 栏次 line ("栏次⇥⇥1⇥栏次⇥⇥2", "1⇥2⇥3⇥…⇥12"): column numbers, not data.
    private static func isSequence(_ cells: [Cell]) -> Bool {
        let lanci = "栏次"
        var expected = 1
        var numbers = 0
        for cell in cells where !cell.bytes.isEmpty {
            if TableBytes.contains(cell.bytes, lanci) { return true }
            guard TableBytes.isDigits(cell.bytes), cell.bytes.count <= 2 else {
                if TableBytes.isAmountShaped(cell.bytes) { return false }
                continue
            }
            let value = cell.bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            if value != expected { return false }
            expected += 1
            numbers += 1
        }
        return numbers >= 3
    }

    /// Whether a line is a row rather than a header: it has an amount with separators or decimals,
    /// a classification code in its first cell, or a label with an ordinal (一、).
    private static func isData(_ cells: [Cell]) -> Bool {
        for cell in cells where !cell.bytes.isEmpty {
            if TableBytes.isAmountShaped(cell.bytes) && (cell.bytes.contains(0x2E) || cell.bytes.contains(0x2C)) { return true }
        }
        if let first = cells.first(where: { !$0.bytes.isEmpty }) {
            if TableBytes.isDigits(first.bytes) && [3, 5, 7].contains(first.bytes.count) { return true }
            if TableLabel.hasOrdinal(first.bytes) { return true }
        }
        return false
    }
}
