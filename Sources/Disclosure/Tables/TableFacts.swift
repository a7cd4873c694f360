/// Turns located tables into facts: which key each cell is, by table kind, row and column.
///
/// Keys are the same for a 决算 and a 预算: a 部门预算's 一般公共预算支出功能分类预算表 yields
/// `function.general.total` like a 决算's 05表, and the document's kind says whether the figure
/// is planned or actual. Every non-empty cell becomes one fact (an explicit 0 too; an empty cell
/// never), with the table's measure (元 stays 元), origin `.table`, and the row's lines and text.
/// A cell no key names is not dropped silently: it is reported as `unmapped-cell`.
enum TableFacts {
    /// Appends the table's facts to `facts`: appended in place, not returned, because adding a
    /// returned array to the document's copied every fact (and retained its strings) once more.
    static func facts(_ table: LocatedTable, year: Int, catalogue: ClassificationCatalogue,
                      into facts: inout [Fact], warnings: inout [ParseWarning]) {
        var afterIncomeTotal = false
        var purchaseProject: String?
        for row in table.rows {
            if let line = row.purchase {
                // A 专项 is printed once, on its first line; its items and further 经济科目 follow.
                if line[.project] != nil || line[.category] != nil { purchaseProject = line[.project] }
            }
            let core = TableLabel.core(row.label)
            let name = row.code != nil || isClass(core, row: row, table: table) ? String(decoding: core, as: UTF8.self) : nil
            var code = row.code
            if code == nil, name != nil, table.kind.isTwoSided, row.cells.contains(where: { $0 != nil }) {
                code = catalogue.resolve(path: [name!])
                if code == nil {
                    warnings.append(ParseWarning(rule: .unresolvedName, message: "\(table.title): the 类 \(name!) is not in the classification catalogue; kept by name", source: row.source))
                }
            }
            for (index, column) in table.columns.enumerated() where column.panel == row.panel {
                guard index < row.cells.count, let value = row.cells[index] else { continue }
                if let line = row.purchase, column.meaning == .total, let purchase = purchaseKey(line, label: row.label) {
                    facts.append(Fact(key: purchase.key, year: year, name: purchase.name, value: .amount(value), measure: table.measure,
                                      origin: .table, source: row.source, project: purchaseProject))
                    continue
                }
                if let line = row.purchase, column.meaning == .quantity, let purchase = purchaseKey(line, label: row.label),
                   purchase.key == .procurementItem {
                    facts.append(Fact(key: .procurementItemQuantity, year: year, name: purchase.name, value: .amount(value), measure: .count,
                                      origin: .table, source: row.source, project: purchaseProject))
                    continue
                }
                guard let key = key(table: table, row: row, core: core, column: column, afterIncomeTotal: afterIncomeTotal) else {
                    if !isSilent(core, column: column, table: table) {
                        warnings.append(ParseWarning(
                            rule: .unmappedCell,
                            message: "\(table.title) line \(row.source.firstLine): \(row.label.isEmpty ? "row" : row.label) / \(column.label.isEmpty ? "column" : column.label) = \(value) \(table.measure.rawValue) has no fact key",
                            source: row.source))
                    }
                    continue
                }
                facts.append(Fact(key: key, year: year, code: code, name: key.isClassified ? name : nil,
                                  value: .amount(value), measure: table.measure, origin: .table, source: row.source))
            }
            if table.kind.isTwoSided && row.panel == 0 && (TableBytes.equals(core, "本年收入合计") || TableBytes.equals(core, "收入合计")) {
                afterIncomeTotal = true
            }
        }
    }

    /// Whether a two-sided table's row names a 类 of the function classification (九、卫生健康支出).
    private static func isClass(_ core: [UInt8], row: TableRow, table: LocatedTable) -> Bool {
        guard table.kind.isTwoSided, row.panel == 1, TableBytes.hasSuffix(core, "支出") else { return false }
        return !["基本支出", "项目支出"].contains { TableBytes.equals(core, $0) }
    }

    /// The sub-columns of a 总计 line (04表: 一般公共预算 of the grand total) repeat the columns'
    /// totals and are left without a key on purpose.
    private static func isSilent(_ core: [UInt8], column: ColumnMeaning, table: LocatedTable) -> Bool {
        table.kind == .appropriationSummary && column != .total
            && (TableBytes.contains(core, "总计") || TableBytes.contains(core, "结转"))
    }

    private static func isSilent(_ core: [UInt8], column: TableColumn, table: LocatedTable) -> Bool {
        isSilent(core, column: column.meaning, table: table)
    }

    static func key(table: LocatedTable, row: TableRow, core: [UInt8], column: TableColumn, afterIncomeTotal: Bool) -> FactKey? {
        let meaning = column.meaning
        if case .threePublic(let item, let actual) = meaning { return threePublicKey(item, actual: actual) }
        if meaning == .operatingCost {
            return TableBytes.contains(column.label.utf8, "决算") ? .operatingCostActual : .operatingCostBudget
        }
        if table.kind.isTwoSided {
            return TwoSidedKeys.key(kind: table.kind, panel: row.panel, core: core, meaning: meaning,
                                    isClass: isClass(core, row: row, table: table), afterIncomeTotal: afterIncomeTotal)
        }
        if let code = row.code {
            // An economic code is never filed under a function key, nor the other way round.
            guard let scheme = table.kind.scheme, ClassificationCatalogue.scheme(ofCode: code) == scheme else { return nil }
            return codedKey(table.kind, meaning)
        }
        if table.kind == .operatingCost && meaning == .total && (TableBytes.contains(core, "合计") || TableBytes.contains(core, "总计")) {
            return TableBytes.contains(table.title.utf8, "决算") ? .operatingCostActual : .operatingCostBudget
        }
        if table.kind == .procurement && meaning == .total && TableLabel.hasOrdinal(row.label.utf8) {
            // 一、货物 · 二、工程 · 三、服务: the three kinds of purchase; the items under them have no key.
            if TableBytes.hasPrefix(core, "货物") { return .procurementGoods }
            if TableBytes.hasPrefix(core, "工程") { return .procurementWorks }
            if TableBytes.hasPrefix(core, "服务") { return .procurementServices }
        }
        if table.kind == .income, meaning == .total, let key = incomeSourceKey(core) { return key }
        // A table that prints its totals as one line of figures without a label (a provincial
        // 支出预算总表) has no other row without a code: that line is the 合计.
        if row.label.isEmpty, table.rows.allSatisfy({ $0.code != nil || $0.source == row.source }) {
            return totalRowKey(table.kind, core: Array("合计".utf8), meaning: meaning)
        }
        let key = totalRowKey(table.kind, core: core, meaning: meaning)
        // A 收入预算表 that lists 上年结转 beside the year's sources (西南大学: 收入合计 | 上年结转 |
        // 财政拨款收入 | …) sums them in its 合计: that is the 收入总计, not the year's income.
        if key == .incomeTotal, !TableBytes.contains(column.label.utf8, "本年"),
           table.columns.contains(where: { $0.meaning == .openingCarryover }) { return .grandTotal }
        return key
    }

    /// The key of a 政府采购预算表 line below the kinds of purchase: an item bought (named as
    /// printed), or a 专项's money under one 经济科目 (named by the 经济科目). The 合计 and the
    /// kinds (一、货物 …) are keyed like other tables' total lines.
    private static func purchaseKey(_ line: PurchaseLine, label: String) -> (key: FactKey, name: String?)? {
        let core = TableLabel.core(label)
        guard line[.category] == nil, !TableLabel.hasOrdinal(label.utf8),
              !TableBytes.contains(core, "合计"), !TableBytes.contains(core, "总计") else { return nil }
        if let item = line[.item] { return (.procurementItem, item) }
        if line[.project] != nil || line[.economic] != nil { return (.procurementProject, line[.economic]) }
        return nil
    }

    /// A line of a 收入预算总表 that lists income by source rather than by code (a provincial
    /// 预算: 一般公共预算资金 / 公共财政拨款(补助)资金, 其他资金 / 其他收入): the source's key.
    /// 公共财政 is the older name of 一般公共预算. Group lines (…资金) and their 小计 get none:
    /// their words name a group, not one source.
    private static func incomeSourceKey(_ core: [UInt8]) -> FactKey? {
        func has(_ word: String) -> Bool { TableBytes.contains(core, word) }
        if has("合计") || has("总计") || has("小计") { return nil }
        if has("公共财政拨款") || has("一般公共预算拨款") { return .incomeAppropriationGeneral }
        if has("政府性基金拨款") { return .incomeAppropriationFund }
        if TableBytes.equals(core, "财政拨款收入") { return .incomeAppropriation }
        if TableBytes.equals(core, "上级补助收入") { return .incomeSuperiorSubsidy }
        if TableBytes.equals(core, "事业收入") { return .incomeBusiness }
        if TableBytes.equals(core, "经营收入") || TableBytes.equals(core, "事业单位经营收入") { return .incomeOperating }
        if TableBytes.equals(core, "附属单位上缴收入") { return .incomeAffiliated }
        if TableBytes.equals(core, "其他收入") { return .incomeOther }
        return nil
    }

    private static func codedKey(_ kind: TableKind, _ meaning: ColumnMeaning) -> FactKey? {
        switch (kind, meaning) {
        case (.income, .total): .functionIncomeTotal
        case (.income, .appropriation): .functionIncomeAppropriation
        case (.income, .superiorSubsidy): .functionIncomeSuperiorSubsidy
        case (.income, .business): .functionIncomeBusiness
        case (.income, .operating): .functionIncomeOperating
        case (.income, .affiliated): .functionIncomeAffiliated
        case (.income, .otherIncome): .functionIncomeOther
        case (.income, .tuition): .functionIncomeBusinessTuition
        case (.income, .openingCarryover): .functionIncomeCarryover
        case (.expense, .total): .functionExpenseTotal
        case (.expense, .basic): .functionExpenseBasic
        case (.expense, .project): .functionExpenseProject
        case (.generalExpense, .total): .functionGeneralTotal
        case (.generalExpense, .basic): .functionGeneralBasic
        case (.generalExpense, .project): .functionGeneralProject
        case (.fundExpense, .total): .functionFundTotal
        case (.fundExpense, .basic): .functionFundBasic
        case (.fundExpense, .project): .functionFundProject
        case (.capitalExpense, .total): .functionCapitalTotal
        case (.capitalExpense, .basic): .functionCapitalBasic
        case (.capitalExpense, .project): .functionCapitalProject
        case (.basicEconomic, .total): .economicBasic
        case (.basicEconomic, .personnel): .economicBasicPersonnel
        case (.basicEconomic, .publicFunds): .economicBasicPublic
        case (.appropriationExpense, .total): .functionAppropriationTotal
        case (.appropriationExpense, .basic): .functionAppropriationBasic
        case (.appropriationExpense, .project): .functionAppropriationProject
        case (.appropriationExpense, .construction): .functionAppropriationProjectConstruction
        case (.appropriationBasicEconomic, .total): .economicAppropriationBasic
        case (.operatingCost, .total): .economicOperatingCost
        default: nil
        }
    }

    /// Keys of a coded table's 合计 line (and 06表's 人员经费合计 / 公用经费合计).
    private static func totalRowKey(_ kind: TableKind, core: [UInt8], meaning: ColumnMeaning) -> FactKey? {
        func has(_ word: String) -> Bool { TableBytes.contains(core, word) }
        guard has("合计") || has("总计") else { return nil }
        if kind == .basicEconomic {
            if has("人员经费") { return meaning == .total || meaning == .personnel ? .expenseBasicPersonnel : nil }
            if has("公用经费") { return meaning == .total || meaning == .publicFunds ? .expenseBasicPublic : nil }
        }
        switch (kind, meaning) {
        case (.income, .total): return .incomeTotal
        case (.income, .appropriation): return .incomeAppropriation
        case (.income, .superiorSubsidy): return .incomeSuperiorSubsidy
        case (.income, .business): return .incomeBusiness
        case (.income, .operating): return .incomeOperating
        case (.income, .affiliated): return .incomeAffiliated
        case (.income, .otherIncome): return .incomeOther
        case (.income, .tuition): return .incomeBusinessTuition
        case (.income, .openingCarryover): return .carryoverOpening
        case (.expense, .total): return .expenseTotal
        case (.expense, .basic): return .expenseBasic
        case (.expense, .project): return .expenseProject
        case (.expense, .reserve): return .expenseReserve
        case (.expense, .closingCarryover): return .carryoverClosing
        case (.generalExpense, .total): return .expenseGeneralTotal
        case (.generalExpense, .basic): return .expenseGeneralBasic
        case (.generalExpense, .project): return .expenseGeneralProject
        case (.fundExpense, .total): return .expenseFundTotal
        case (.fundExpense, .basic): return .expenseFundBasic
        case (.fundExpense, .project): return .expenseFundProject
        case (.capitalExpense, .total): return .expenseCapitalTotal
        case (.capitalExpense, .basic): return .expenseCapitalBasic
        case (.capitalExpense, .project): return .expenseCapitalProject
        case (.basicEconomic, .total): return .expenseGeneralBasic
        case (.basicEconomic, .personnel): return .expenseBasicPersonnel
        case (.basicEconomic, .publicFunds): return .expenseBasicPublic
        case (.appropriationExpense, .total): return .expenseAppropriation
        case (.appropriationExpense, .basic): return .expenseAppropriationBasic
        case (.appropriationExpense, .project): return .expenseAppropriationProject
        case (.appropriationExpense, .construction): return .expenseAppropriationProjectConstruction
        case (.appropriationBasicEconomic, .total): return .expenseAppropriationBasic
        case (.procurement, .total): return .procurementTotal
        default: return nil
        }
    }

    private static func threePublicKey(_ item: ThreePublicItem, actual: Bool) -> FactKey {
        actual ? item.actualKey : item.budgetKey
    }
}
