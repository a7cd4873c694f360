/// Which kind of 公开表 a table is: what its rows and columns hold, whatever its title or number.
///
/// 部门决算 number their tables 公开01–09表; 部门预算 print the same content under other titles
/// and numbers (部门财务收支预算总表 is the 01表 of a budget, 部门一般公共预算基本支出部门预算经济
/// 分类预算表 its 06表), and provincial templates add tables of their own (财政拨款支出预算表,
/// 机关运行经费支出预算表, 政府采购支出预算表). A kind names the content, so all wordings map to
/// one case, and the document's kind (决算 or 预算) says whether the figures are actual or planned.
/// The words that recognise each kind are data, in `TableForms`.
package enum TableKind: String, Sendable, Hashable, CaseIterable {
    /// 01 收入支出决算总表 · 部门财务收支预算总表: 收入 | 支出 side by side.
    case summary
    /// 02 收入决算表 · 部门收入预算总表: income by function code and source.
    case income
    /// 03 支出决算表 · 部门支出预算总表: expense by function code, 基本 and 项目.
    case expense
    /// 04 财政拨款收入支出决算总表 · 部门财政拨款收支预算总表.
    case appropriationSummary
    /// 05 一般公共预算财政拨款支出决算表 · 一般公共预算支出功能分类预算表.
    case generalExpense
    /// 06 一般公共预算财政拨款基本支出决算明细表 · 基本支出部门预算经济分类预算表.
    case basicEconomic
    /// 07 政府性基金预算财政拨款收入支出决算表 · 政府性基金预算支出功能分类预算表.
    case fundExpense
    /// 08 国有资本经营预算财政拨款支出决算表 · 国有资本经营预算支出功能分类预算表.
    case capitalExpense
    /// 09 财政拨款“三公”经费支出决算表 · 部门“三公”经费和机关运行经费预算表.
    case threePublic
    /// 财政拨款支出预算表 · 财政拨款支出决算表 (高等学校): all 财政拨款 expense by function code.
    case appropriationExpense
    /// 财政拨款基本支出预算表: the 基本支出 of all 财政拨款 by economic code.
    case appropriationBasicEconomic
    /// 一般公共预算机关运行经费支出预算表: 机关运行经费 by economic code.
    case operatingCost
    /// 政府采购支出预算表: purchases by item; only its 合计 has a key.
    case procurement

    /// The 公开NN表 number a 部门决算 gives this table (0 for the kinds it does not have).
    var standardFormNumber: Int {
        switch self {
        case .summary: 1
        case .income: 2
        case .expense: 3
        case .appropriationSummary: 4
        case .generalExpense: 5
        case .basicEconomic: 6
        case .fundExpense: 7
        case .capitalExpense: 8
        case .threePublic: 9
        case .appropriationExpense, .appropriationBasicEconomic, .operatingCost, .procurement: 0
        }
    }

    package init?(standardFormNumber number: Int) {
        guard number > 0, let kind = Self.allCases.first(where: { $0.standardFormNumber == number }) else { return nil }
        self = kind
    }

    /// Which classification the table's row codes belong to, or nil for a table without codes.
    var scheme: ClassificationCatalogue.Scheme? {
        switch self {
        case .income, .expense, .generalExpense, .fundExpense, .capitalExpense, .appropriationExpense: .function
        case .basicEconomic, .appropriationBasicEconomic, .operatingCost: .economic
        case .summary, .appropriationSummary, .threePublic, .procurement: nil
        }
    }

    /// Whether rows carry a classification code (function, or economic — see `scheme`).
    var isCoded: Bool { scheme != nil }

    /// Whether the table prints an income side and an expense side next to each other.
    var isTwoSided: Bool { self == .summary || self == .appropriationSummary }
}

/// Recognises a table title in one line: "2024 年度收入决算表", "  5．2024年部门一般公共预算支出功能分类预算表".
///
/// A title is a short line that ends in 决算表, 预算表, 总表 or 明细表 and names one of the standard
/// tables. Table-of-contents entries (dot leaders, a page number after a tab) and sentences are not
/// titles, and neither are the performance tables (绩效自评表, 绩效目标填报表).
package enum TableTitle {
    private static let biao = TableBytes.utf8("表")
    private static let endings = ["决算表", "预算表", "总表", "明细表"].map { Array($0.utf8) }
    private static let refusals = ["。", "，", "…", "...", "绩效", "说明", "目录"].map { Array($0.utf8) }

    /// The kind of table a line titles, or nil when the line is not a table title.
    package static func kind(of line: ArraySlice<UInt8>) -> TableKind? {
        guard line.count <= 180, TableBytes.contains(line, biao) else { return nil }
        // A tab followed by a page number is a table-of-contents entry.
        if let tab = line.lastIndex(of: TableBytes.tab), TableBytes.isDigits(line[(tab + 1)...].filter { $0 != 0x20 }) { return nil }
        if let kind = kind(ofTitle: TableBytes.squeezed(line)) { return kind }
        // Word boxes can put a title on one line with its captions (部门：… ⇥ 财政拨款支出预算表 ⇥
        // 单位：万元): a cell of its own that is a title makes the line one.
        guard line.contains(TableBytes.tab) else { return nil }
        let cells = line.split(separator: TableBytes.tab)
        for cell in cells where TableBytes.contains(cell, biao) {
            if let kind = kind(ofTitle: TableBytes.squeezed(cell)) { return kind }
        }
        // On a caption line (部门：, 单位：) the title can run into the unit's name
        // (财政拨款支出预算表（功能科目）江苏省人民检察院): cut after the title's qualifier.
        guard cells.contains(where: { TableBytes.hasPrefix(TableBytes.squeezed($0), "部门") || TableBytes.hasPrefix(TableBytes.squeezed($0), "单位") })
        else { return nil }
        for cell in cells where TableBytes.contains(cell, biao) {
            let squeezed = TableBytes.squeezed(cell)
            for ending in endings {
                guard let at = TableBytes.firstIndex(of: ending, in: squeezed) else { continue }
                var end = at + ending.count
                if end < squeezed.count, squeezed[end] == UInt8(ascii: "("), let close = squeezed[end...].firstIndex(of: UInt8(ascii: ")")) {
                    end = close + 1
                }
                if let kind = kind(ofTitle: Array(squeezed[..<end])) { return kind }
            }
        }
        return nil
    }

    private static let continued = Array("(续)".utf8)

    /// The kind a squeezed title names, a trailing qualifier such as （功能科目） or （经济科目）
    /// dropped; a continued table's （续） is no new title.
    private static func kind(ofTitle squeezed: [UInt8]) -> TableKind? {
        var title = squeezed
        if title.last == UInt8(ascii: ")"), !TableBytes.hasSuffix(title, continued),
           let open = title.lastIndex(of: UInt8(ascii: "(")) {
            title = Array(title[..<open])
        }
        guard endings.contains(where: { TableBytes.hasSuffix(title, $0) }) else { return nil }
        guard !refusals.contains(where: { TableBytes.contains(title, $0) }) else { return nil }
        return TableForms.kind(ofTitle: title)
    }

    /// The kind the words after a "公开 NN 表" marker name, when the line has any (a title whose
    /// ending wrapped onto the next line).
    static func kind(afterMarkerIn line: ArraySlice<UInt8>) -> TableKind? {
        let squeezed = TableBytes.squeezed(line)
        guard let start = TableBytes.firstIndex(of: Array("公开".utf8), in: squeezed),
              let end = TableBytes.firstIndex(of: biao, in: squeezed[(start + 6)...]) else { return nil }
        let rest = Array(squeezed[(start + 6 + end + biao.count)...])
        guard rest.count >= 12, !refusals.contains(where: { TableBytes.contains(rest, $0) }) else { return nil }
        return TableForms.kind(ofTitle: rest)
    }

    /// The number of a "公开 01 表" / "公开01表" marker in a line, if the line has one.
    package static func formNumber(in line: ArraySlice<UInt8>) -> Int? {
        let squeezed = TableBytes.squeezed(line)
        guard let start = TableBytes.firstIndex(of: Array("公开".utf8), in: squeezed) else { return nil }
        var index = start + 6
        var number = 0
        var digits = 0
        while index < squeezed.count, squeezed[index] >= 0x30, squeezed[index] <= 0x39, digits < 3 {
            number = number * 10 + Int(squeezed[index] - 0x30)
            digits += 1
            index += 1
        }
        guard digits > 0, TableBytes.hasPrefix(squeezed[index...], biao) else { return nil }
        return number
    }

    /// The year a title starts with ("2024 年度…", "2024年部门…"), if any.
    static func year(in line: ArraySlice<UInt8>) -> Int? {
        let squeezed = TableBytes.squeezed(line)
        var index = 0
        // Skip an ordinal such as "5." or "5．" before the year.
        while index < squeezed.count, !(squeezed[index] >= 0x30 && squeezed[index] <= 0x39) {
            if squeezed[index] >= 0x80 { return nil }
            index += 1
        }
        var best: Int?
        while index + 4 <= squeezed.count {
            let slice = squeezed[index..<(index + 4)]
            if TableBytes.isDigits(slice), TableBytes.hasPrefix(squeezed[(index + 4)...], "年") {
                best = slice.reduce(0) { $0 * 10 + Int($1 - 0x30) }
                break
            }
            if squeezed[index] >= 0x80 { break }
            index += 1
        }
        return best
    }
}
