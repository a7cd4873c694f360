/// Chooses between readings of a table whose text cannot say which column a figure is in.
///
/// Text that lost its column gaps (single spaces, a `.pages.txt` export) gives a row's figures
/// in order but not their columns: "301 工资福利支出 21,123,668 21,123,668" under 合计 · 人员经费 ·
/// 公用经费 is 合计 and one of the two. The table's own rules decide: 人员经费 is 工资福利支出
/// (301) and 对个人和家庭的补助 (303), 公用经费 the other economic 类 (302 商品和服务支出,
/// 310 资本性支出 …), so a row of one 类 can only have its figure in that 类's column. Where no
/// such rule is known (基本支出 | 项目支出 of a function table), children must sum to their
/// parent: the figures whose column is in doubt are placed so that they do, when one placement
/// does and the reading as printed does not.
enum TableReadings {
    static func settled(_ table: LocatedTable) -> LocatedTable {
        var table = ThreePublicColumns.settled(table)
        // Only where the text guessed the column: a word-box or tab table that prints a 301 line
        // under 公用经费 is the document's own error, and is left for the checks to report.
        if table.kind.scheme == .economic && table.layout == .spaces { settleEconomicHalves(&table) }
        if table.kind.isCoded {
            settleBySums(&table, halves: (.basic, .project))
            settleBySums(&table, halves: (.personnel, .publicFunds))
        }
        return table
    }

    private static func settleEconomicHalves(_ table: inout LocatedTable) {
        let columns = table.columns
        for (index, row) in table.rows.enumerated() {
            guard let code = row.code, ClassificationCatalogue.scheme(ofCode: code) == .economic else { continue }
            let personnelClass = code.hasPrefix("301") || code.hasPrefix("303")
            let wanted: ColumnMeaning = personnelClass ? .personnel : .publicFunds
            let unwanted: ColumnMeaning = personnelClass ? .publicFunds : .personnel
            // Within the row's panel: the one column it has of the wrong half, and the empty one of the right half.
            let panel = columns.indices.filter { columns[$0].panel == row.panel && $0 < row.cells.count }
            guard let wrong = panel.first(where: { columns[$0].meaning == unwanted }),
                  let right = panel.first(where: { columns[$0].meaning == wanted }),
                  let value = row.cells[wrong], row.cells[right] == nil,
                  let total = panel.first(where: { columns[$0].meaning == .total }), row.cells[total] == value else { continue }
            table.rows[index].cells[right] = value
            table.rows[index].cells[wrong] = nil
        }
    }

    /// A sum that is nil once it overflows (garbled cells of 17 digits must not trap).
    private static func add(_ sum: Amount?, _ value: Amount) -> Amount? {
        guard let sum else { return nil }
        let (added, overflow) = sum.hundredths.addingReportingOverflow(value.hundredths)
        return overflow ? nil : Amount(hundredths: added)
    }

    /// The row's figure is in doubt when the row has its total and one half equal to it.
    private static func inDoubt(_ row: TableRow, total: Int, a: Int, b: Int) -> Bool {
        guard let value = row.cells[total] else { return false }
        return (row.cells[a] == value && row.cells[b] == nil) || (row.cells[b] == value && row.cells[a] == nil)
    }

    /// Top-down from the 合计 line through 类, 款 and 项: where a parent's halves are not the sums
    /// of its children's, the children in doubt are placed (by trying every placement of at most
    /// 12 of them) so that both halves add up; nothing moves when no placement or more than one does.
    private static func settleBySums(_ table: inout LocatedTable, halves: (ColumnMeaning, ColumnMeaning)) {
        let columns = table.columns
        guard !table.columns.contains(where: { $0.panel != 0 }),
              let total = columns.firstIndex(where: { $0.meaning == .total }),
              let a = columns.firstIndex(where: { $0.meaning == halves.0 }),
              let b = columns.firstIndex(where: { $0.meaning == halves.1 }) else { return }
        let rows = table.rows.indices.filter { max(total, a, b) < table.rows[$0].cells.count }
        guard rows.contains(where: { inDoubt(table.rows[$0], total: total, a: a, b: b) }) else { return }
        var children: [String: [Int]] = [:]
        for index in rows {
            guard let code = table.rows[index].code else { continue }
            children[ClassificationCatalogue.parentCode(of: code) ?? "", default: []].append(index)
        }
        let root = rows.first { index in
            let core = TableLabel.core(table.rows[index].label)
            return table.rows[index].code == nil && (TableBytes.contains(core, "合计") || TableBytes.contains(core, "总计"))
        }
        func settle(_ parent: Int?, key: String) {
            guard let kids = children[key] else { return }
            if let parent {
                let want = (table.rows[parent].cells[a] ?? .zero, table.rows[parent].cells[b] ?? .zero)
                place(kids, want: want)
            }
            for kid in kids { settle(kid, key: table.rows[kid].code ?? "") }
        }
        func place(_ kids: [Int], want: (Amount, Amount)) {
            func sum(_ column: Int, _ indices: [Int]) -> Amount? {
                indices.reduce(Amount?.some(.zero)) { total, index in
                    add(total, table.rows[index].cells[column] ?? .zero)
                }
            }
            guard sum(a, kids) != want.0 || sum(b, kids) != want.1 else { return }
            let doubtful = kids.filter { inDoubt(table.rows[$0], total: total, a: a, b: b) }
            guard !doubtful.isEmpty, doubtful.count <= 12 else { return }
            let fixed = kids.filter { !doubtful.contains($0) }
            guard let fixedA = sum(a, fixed), let fixedB = sum(b, fixed) else { return }
            var found: Int?
            for mask in 0..<(1 << doubtful.count) {
                var sumA: Amount? = fixedA, sumB: Amount? = fixedB
                for (bit, index) in doubtful.enumerated() {
                    let value = table.rows[index].cells[total]!
                    if mask & (1 << bit) != 0 { sumA = add(sumA, value) } else { sumB = add(sumB, value) }
                }
                guard sumA == want.0, sumB == want.1 else { continue }
                // Two placements that both add up leave the doubt where it was.
                guard found == nil else { return }
                found = mask
            }
            guard let found else { return }
            for (bit, index) in doubtful.enumerated() {
                let value = table.rows[index].cells[total]!
                let inA = found & (1 << bit) != 0
                table.rows[index].cells[a] = inA ? value : nil
                table.rows[index].cells[b] = inA ? nil : value
            }
        }
        if let root { settle(root, key: "") } else { settle(nil, key: "") }
    }
}
