/// Whether a disclosure has every table it should: the tables its 目录 lists against those its
/// body prints, the tables its template requires, and a reason given for each empty table; and
/// whether each table's title names the document's year.
/// Pure: the text and its located tables in, warnings out.
///
/// The body is what follows the 目录, and a table of it is one whose title line is a title (a
/// sentence that cites "公开08表" is not). A file with fewer than `TableTemplates.fewestToJudge`
/// tables in its body is not held to its 目录 or a template: its tables were published in another
/// file (江苏's narrative and tables files), which `check` cannot see from this one. For the same
/// reason a tables file without its narrative (fewer than `fewestSentences` sentences) is not held
/// to explaining an empty table: 江苏 explain theirs in the narrative's 情况说明.
enum TableCompleteness {
    /// - Parameter year: the year the document reports on (0 when unknown: titles are not held to it).
    static func check(_ tables: [LocatedTable], text: TableText, year: Int = 0, warnings: inout [ParseWarning]) {
        let contents = TableContents.read(text)
        let body = Self.body(of: tables, after: contents, text: text)
        titleYears(body.map(\.table), year: year, warnings: &warnings)
        // A title wrapped before its ending is printed, though the locator did not take it for one.
        let present = Set(body.map(\.kind)).union(wrappedTitles(text, from: (contents?.lastLine ?? 0) + 1))
        guard present.count >= TableTemplates.fewestToJudge else { return }
        let listed = contents?.entries ?? []
        var reported: Set<TableKind> = []
        for entry in listed where !present.contains(entry.kind) && !reported.contains(entry.kind) {
            reported.insert(entry.kind)
            warnings.append(ParseWarning(
                rule: .tableAbsent,
                message: "the 目录 lists “\(entry.text)” (line \(entry.line)) but the document prints no \(entry.kind.name)",
                source: SourceSpan(line: entry.line, text: entry.text)))
        }
        if !listed.isEmpty {
            let kinds = Set(listed.map(\.kind))
            var unlisted: Set<TableKind> = []
            for (table, kind) in body where !kinds.contains(kind) && !unlisted.contains(kind) {
                unlisted.insert(kind)
                warnings.append(ParseWarning(
                    rule: .tableUnlisted,
                    message: "“\(table.title)” (line \(table.titleLine)) is printed but the 目录 (line \(contents!.heading)) does not list it",
                    source: SourceSpan(line: table.titleLine, text: table.title)))
            }
        } else {
            // Without a list of its own, the document is held to the template its tables fit.
            let templates = TableTemplates.fitting(present).joined(separator: "、")
            for kind in TableTemplates.missing(from: present) {
                warnings.append(ParseWarning(
                    rule: .tableAbsent,
                    message: "the document prints no \(kind.name), which its template (\(templates)) requires"))
            }
        }
        guard sentenceCount(text) >= fewestSentences else { return }
        for (index, (table, kind)) in body.enumerated() where isBlank(table, text: text) {
            let end = index + 1 < body.count ? body[index + 1].table.titleLine - 1 : min(text.lineCount, table.lines.upperBound + 8)
            guard !hasNote(text, lines: (table.titleLine + 1)..<max(table.titleLine + 1, end + 1)),
                  !narrativeSaysNone(of: kind, text: text, outside: table.lines) else { continue }
            warnings.append(ParseWarning(
                rule: .emptyTableUnexplained,
                message: "“\(table.title)” (line \(table.titleLine)) has no figures and no note saying why (本表无数据, 故本表为空表 …)",
                source: SourceSpan(line: table.titleLine, text: table.title)))
        }
    }

    /// A table whose title prints another year than the document reports on ("2022年度收入决算表"
    /// in the 2023 决算): the template's year left in, or another year's table.
    private static func titleYears(_ tables: [LocatedTable], year: Int, warnings: inout [ParseWarning]) {
        guard year > 0 else { return }
        for table in tables {
            guard let printed = table.titleYear, printed != year else { continue }
            warnings.append(ParseWarning(
                rule: .titleYearMismatch,
                message: "“\(table.title)” (line \(table.titleLine)) is titled \(printed), the document reports on \(year)",
                source: SourceSpan(line: table.titleLine, text: table.title)))
        }
    }

    /// A file with fewer sentences than this is tables without their narrative.
    static let fewestSentences = 10

    /// What a note under an empty table says (注：本部门无相关收支项目, 此表为空, （无政府性基金支出）,
    /// 故本表无数据, …年度无…支出).
    static let notes = ["无数据", "空表", "为空", "年度无", "没有", "无相关", "部门无", "单位无", "(无"].map { Array($0.utf8) }
    /// What the narrative says of a table's subject when it has none (本部门无政府性基金预算),
    /// near the subject's name; a zero amount (支出预算支出0万元) says it too (`statesZero`).
    static let none = ["无", "没有", "为零"].map { Array($0.utf8) }
    private static let wanYuan = Array("万元".utf8)

    /// The words a sentence names an empty table's subject by, for the kinds a unit often has none of.
    static func subject(of kind: TableKind) -> [UInt8]? {
        switch kind {
        case .fundExpense: Array("政府性基金".utf8)
        case .capitalExpense: Array("国有资本经营".utf8)
        case .threePublic: Array("三公".utf8)
        case .operatingCost: Array("机关运行经费".utf8)
        case .procurement: Array("政府采购".utf8)
        default: nil
        }
    }

    /// The tables printed after the 目录, each with the kind its title names: not the kind rows
    /// corrected it to, for the 目录 lists titles.
    static func body(of tables: [LocatedTable], after contents: TableContents?, text: TableText) -> [(table: LocatedTable, kind: TableKind)] {
        let bodyStart = (contents?.lastLine ?? 0) + 1
        return tables.filter { $0.titleLine >= bodyStart }.compactMap { table in
            titledKind(table, text: text).map { (table: table, kind: $0) }
        }
    }

    /// The kinds of the titles in the text from line `start` on that wrap before their ending
    /// (十一、一般公共预算“三公”经费、会议费、培训费支出预 / 算表).
    static func wrappedTitles(_ text: TableText, from start: Int) -> Set<TableKind> {
        var kinds: Set<TableKind> = []
        guard start < text.lineCount else { return kinds }
        for number in start..<text.lineCount {
            // Cheap tests first: this runs over every line of every document.
            let next = text.line(number + 1)
            guard next.count <= 60, TableBytes.contains(next, biao) else { continue }
            let line = text.line(number)
            guard line.count <= 180, !prose.contains(where: { TableBytes.contains(line, $0) }) else { continue }
            let squeezed = TableBytes.squeezed(line)
            guard let tail = TableContents.tail(after: number, of: squeezed, in: text),
                  let kind = TableTitle.kind(of: (squeezed + tail)[...]) else { continue }
            kinds.insert(kind)
        }
        return kinds
    }

    private static let biao = Array("表".utf8)

    /// Marks a title never has and a sentence does.
    private static let prose = ["。", "，", "；"].map { Array($0.utf8) }

    /// The kind a table's title line names, or nil when the line is no title (a sentence citing
    /// a 公开NN表). A bare "公开 NN 表" marker line keeps the kind the locator gave it.
    private static func titledKind(_ table: LocatedTable, text: TableText) -> TableKind? {
        let line = text.line(table.titleLine)
        guard !prose.contains(where: { TableBytes.contains(line, $0) }) else { return nil }
        if let kind = TableTitle.kind(of: line) ?? TableTitle.kind(afterMarkerIn: line) { return kind }
        let squeezed = TableBytes.squeezed(line)
        return TableTitle.formNumber(in: line) != nil && TableBytes.scalarCount(squeezed) <= 12 ? table.kind : nil
    }

    private static func sentenceCount(_ text: TableText) -> Int {
        let stop = Array("。".utf8)
        var count = 0
        for number in 1...max(1, text.lineCount) where number <= text.lineCount && TableBytes.contains(text.line(number), stop) {
            count += 1
            if count >= fewestSentences { break }
        }
        return count
    }

    private static func hasNote(_ text: TableText, lines: Range<Int>) -> Bool {
        lines.contains { number in
            number <= text.lineCount && notes.contains { TableBytes.contains(TableBytes.squeezed(text.line(number)), $0) }
        }
    }

    /// Whether a line outside the table names its subject and says there is none, the line after
    /// it read with it (a sentence wraps: "…政府性基金支出预算支出" / "0万元").
    static func narrativeSaysNone(of kind: TableKind, text: TableText, outside table: ClosedRange<Int>) -> Bool {
        guard let subject = subject(of: kind), text.lineCount > 0 else { return false }
        for number in 1...text.lineCount where !table.contains(number) && TableBytes.contains(text.line(number), subject) {
            var window = TableBytes.squeezed(text.line(number))
            if number < text.lineCount { window += TableBytes.squeezed(text.line(number + 1)) }
            if none.contains(where: { TableBytes.contains(window, $0) }) || statesZero(window) { return true }
        }
        return false
    }

    /// Words of a table's header or its total row: a table printed empty still prints them.
    static let frame = ["合计", "科目", "金额", "项目", "预算数", "决算数"].map { Array($0.utf8) }

    private static func hasFrame(_ table: LocatedTable, text: TableText) -> Bool {
        table.lines.dropFirst().contains { number in
            number <= text.lineCount && frame.contains { TableBytes.contains(TableBytes.squeezed(text.line(number)), $0) }
        }
    }

    /// Whether the bytes hold an amount of zero in 万元 (0万元, 0.00万元), not a figure that ends
    /// in zero (10万元, 0.50万元).
    static func statesZero(_ bytes: [UInt8]) -> Bool {
        var from = 0
        while from < bytes.count, let found = TableBytes.firstIndex(of: wanYuan, in: bytes[from...]) {
            let at = from + found
            var start = at
            while start > 0, bytes[start - 1] == UInt8(ascii: "0") || bytes[start - 1] == UInt8(ascii: ".") { start -= 1 }
            let digit = start > 0 && bytes[start - 1] >= 0x30 && bytes[start - 1] <= 0x39
            if start < at, !digit, bytes[start] == UInt8(ascii: "0") { return true }
            from = at + wanYuan.count
        }
        return false
    }

    /// A table printed with its header or rows but without a single figure, and without the note
    /// the locator knows (`statedEmpty`). A table whose figures the reader lost is not blank: its
    /// lines still hold amounts; nor is a title with nothing under it, which is an extraction
    /// that lost the whole table (the 武昌 sample's text), not a table printed empty.
    private static func isBlank(_ table: LocatedTable, text: TableText) -> Bool {
        guard table.statedEmpty == nil, table.unplaced.isEmpty, hasFrame(table, text: text),
              !table.rows.contains(where: { $0.cells.contains { $0 != nil } }) else { return false }
        // Header lines hold 行次 numbers (1, 2, 3) but never an amount with a point or separator.
        for number in table.lines where number > table.titleLine && number <= text.lineCount {
            let line = text.line(number)
            var previousDigit = false
            for byte in line {
                let digit = byte >= 0x30 && byte <= 0x39
                if previousDigit, byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") { return false }
                previousDigit = digit
            }
        }
        return true
    }
}
