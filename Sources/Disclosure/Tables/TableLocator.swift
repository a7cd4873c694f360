/// Finds the 公开表 of a document by their titles (or "公开 NN 表" markers) and reads each one.
///
/// A table runs from its title to the first line that cannot be part of it: a note (注…, 说明…),
/// a sentence (。), or the next title. Its measure is the "单位：元" / "单位：万元" printed under
/// the title; a note saying it has no data (本表无数据, 故本表为空表, …年度无…支出) makes an empty
/// table expected rather than lost.
enum TableLocator {
    private static let biao = TableBytes.character("表")
    private static let stops = ["注", "说明", "第一部分", "第二部分", "第三部分", "第四部分", "第五部分", "第六部分"].map { Array($0.utf8) }
    private static let emptyWords = ["无数据", "空表", "年度无", "没有"].map { Array($0.utf8) }
    // Squeezing (which allocates) only when the raw line holds a character the words start with
    // or contain: squeezing drops spaces and folds full-width ASCII, it never makes a CJK character.
    private static let emptyMarks = ["无", "空", "没"].map(TableBytes.character)
    private static let stopMarks = ["注", "说", "第", "。"].map(TableBytes.character)
    private static let measureMarkSpaced = Array("单".utf8)

    static func locate(_ text: TableText) -> [LocatedTable] {
        var starts: [(line: Int, kind: TableKind, formNumber: Int?, numberOnly: Bool)] = []
        // Lines after the last start and before this one hold no data: a run of repeated titles
        // is scanned once, not once per title.
        var noDataBefore = 1
        for number in 1...max(1, text.lineCount) where number <= text.lineCount {
            let line = text.line(number)
            guard TableBytes.containsAny(line, [biao]) else { continue }
            if let kind = TableTitle.kind(of: line) {
                // A title printed twice (a page heading, then the table's own) is one table.
                if let last = starts.last, last.kind == kind, !hasData(text, max(last.line + 1, noDataBefore)..<number) {
                    noDataBefore = number
                    continue
                }
                // A title right under a 公开NN表 marker names the table the marker started: the
                // 决算 numbering the marker was read by is not every template's.
                if let last = starts.last, last.numberOnly, number - last.line <= 4 {
                    starts[starts.count - 1] = (number, kind, last.formNumber, false)
                    continue
                }
                starts.append((number, kind, nil, false))
            } else if let form = TableTitle.formNumber(in: line) {
                if let last = starts.last, number - last.line <= 4 {
                    starts[starts.count - 1].formNumber = form
                } else if let kind = TableTitle.kind(afterMarkerIn: line) ?? TableKind(standardFormNumber: form) {
                    // The words after the marker name the table even where the title wraps before
                    // its ending (公开 09 表：一般公共预算“三公”经费、会议费、培训费 / 支出预算表);
                    // the 决算 numbering is the last resort.
                    starts.append((number, kind, form, TableTitle.kind(afterMarkerIn: line) == nil))
                }
            }
        }
        var tables: [LocatedTable] = []
        for (index, start) in starts.enumerated() {
            let limit = index + 1 < starts.count ? starts[index + 1].line - 1 : text.lineCount
            tables.append(read(text, title: start.line, limit: limit, kind: start.kind, formNumber: start.formNumber))
        }
        // A title with nothing under it whose kind has rows further on was a contents entry or a
        // running heading, not a lost table. (The last title of each kind with content is found
        // first: thousands of empty titles must not each search all the others.)
        var lastWithContent: [TableKind: Int] = [:]
        for table in tables where !table.rows.isEmpty || table.statedEmpty != nil {
            lastWithContent[table.kind] = max(lastWithContent[table.kind] ?? 0, table.titleLine)
        }
        return tables.filter { table in
            !(table.rows.isEmpty && table.statedEmpty == nil && (lastWithContent[table.kind] ?? 0) > table.titleLine)
        }
    }

    private static func read(_ text: TableText, title: Int, limit: Int, kind: TableKind, formNumber: Int?) -> LocatedTable {
        var end = limit
        if title < limit {
            for number in (title + 1)...limit where isStop(text.line(number)) {
                end = number - 1
                break
            }
        }
        var measure = Measure.wanYuan
        for number in max(1, title - 2)...min(limit, title + 8) {
            let line = text.line(number)
            guard TableBytes.contains(line, measureMarkSpaced) else { continue }
            let squeezed = TableBytes.squeezed(line)
            if TableBytes.contains(squeezed, "单位:元") { measure = .yuan; break }
            if TableBytes.contains(squeezed, "单位:万元") { measure = .wanYuan; break }
            // Kept as printed: `Fact.money` converts 千元 exactly wherever amounts are compared.
            if TableBytes.contains(squeezed, "单位:千元") { measure = .qianYuan; break }
            if TableBytes.contains(squeezed, "单位:亿元") { measure = .yiYuan; break }
        }
        var statedEmpty: SourceSpan?
        if title < limit {
            for number in (title + 1)...min(limit, max(end, title) + 8) {
                let line = text.line(number)
                guard TableBytes.containsAny(line, emptyMarks) else { continue }
                let squeezed = TableBytes.squeezed(line)
                if emptyWords.contains(where: { TableBytes.contains(squeezed, $0) }) {
                    statedEmpty = SourceSpan(line: number, text: text.text(number))
                    break
                }
            }
        }
        let body = (title + 1)...max(title + 1, end)
        var tabbed = 0
        for number in body where number <= text.lineCount && text.line(number).contains(TableBytes.tab) { tabbed += 1 }
        let layout: TableLayout = tabbed >= 2 ? .tabs : .spaces
        var grid: TableGrid
        if end <= title {
            grid = TableGrid()
        } else if layout == .tabs {
            grid = TabTableReader.read(text, body: body, kind: kind)
        } else {
            grid = LayoutTableReader.read(text, body: body, kind: kind)
        }
        let titleBytes = text.line(title)
        return LocatedTable(
            kind: TableForms.kind(kind, confirmedBy: grid.rows), title: text.text(title).trimmingSpaces, titleLine: title, formNumber: formNumber,
            titleYear: TableTitle.year(in: titleBytes), measure: measure, layout: layout,
            panelHeadings: grid.panelHeadings, columns: grid.columns, rows: grid.rows,
            lines: title...max(title, end), statedEmpty: statedEmpty, unplaced: grid.unplaced)
    }

    /// A line that ends a table: a note, a sentence, a part heading.
    private static func isStop(_ line: ArraySlice<UInt8>) -> Bool {
        guard TableBytes.containsAny(line, stopMarks) else { return false }
        let squeezed = TableBytes.squeezed(line)
        if stops.contains(where: { TableBytes.hasPrefix(squeezed, $0) }) { return true }
        if TableBytes.contains(squeezed, "。") { return true }
        return TableBytes.hasSuffix(squeezed, "说明")
    }

    /// Whether any line in the range holds an amount with separators or decimals.
    private static func hasData(_ text: TableText, _ range: Range<Int>) -> Bool {
        for number in range {
            for byte in text.line(number) where byte == 0x2E || byte == 0x2C { return true }
        }
        return false
    }
}

extension String {
    /// The string without leading and trailing spaces (ASCII and U+3000).
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\u{3000}" && $0 != "\t" && $0 != "\u{0C}" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\u{3000}" && $0 != "\t" && $0 != "\u{0C}" }) else { return "" }
        return String(scalars[first...last])
    }
}
