/// Which of the standard 公开表 a table is, recognised by its title.
///
/// 部门决算 number their tables 公开01–09表; 部门预算 print the same content under other titles
/// and numbers (部门财务收支预算总表 is the 01表 of a budget, 部门一般公共预算基本支出部门预算经济
/// 分类预算表 its 06表). A kind names the content, so both map to one case, and the document's
/// kind (决算 or 预算) says whether the figures are actual or planned.
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

    /// The 公开NN表 number a 部门决算 gives this table.
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
        }
    }

    package init?(standardFormNumber number: Int) {
        guard let kind = Self.allCases.first(where: { $0.standardFormNumber == number }) else { return nil }
        self = kind
    }

    /// Whether rows carry a classification code (function, or economic for `.basicEconomic`).
    var isCoded: Bool {
        switch self {
        case .income, .expense, .generalExpense, .basicEconomic, .fundExpense, .capitalExpense: true
        case .summary, .appropriationSummary, .threePublic: false
        }
    }

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

    private static func has(_ bytes: [UInt8], _ words: String...) -> Bool {
        words.allSatisfy { TableBytes.contains(bytes, $0) }
    }

    /// The kind of table a line titles, or nil when the line is not a table title.
    package static func kind(of line: ArraySlice<UInt8>) -> TableKind? {
        guard line.count <= 180, TableBytes.contains(line, biao) else { return nil }
        // A tab followed by a page number is a table-of-contents entry.
        if let tab = line.lastIndex(of: TableBytes.tab), TableBytes.isDigits(line[(tab + 1)...].filter { $0 != 0x20 }) { return nil }
        let title = TableBytes.squeezed(line)
        guard endings.contains(where: { TableBytes.hasSuffix(title, $0) }) else { return nil }
        guard !refusals.contains(where: { TableBytes.contains(title, $0) }) else { return nil }
        if has(title, "三公") { return .threePublic }
        if has(title, "基本支出") && (has(title, "经济分类") || has(title, "明细")) { return .basicEconomic }
        if has(title, "政府性基金") { return .fundExpense }
        if has(title, "国有资本经营") { return .capitalExpense }
        if has(title, "一般公共预算") && has(title, "支出") { return .generalExpense }
        let twoSided = has(title, "收支") || has(title, "收入支出")
        if twoSided && has(title, "总表") { return has(title, "财政拨款") ? .appropriationSummary : .summary }
        if has(title, "收入") && !has(title, "支出") { return .income }
        if has(title, "支出") && !has(title, "收入") { return .expense }
        return nil
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
