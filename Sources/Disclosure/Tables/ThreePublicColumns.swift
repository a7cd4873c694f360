/// Which 三公 figure each column of a “三公”经费 table holds, settled by order and by sums where
/// the header's words alone mislead.
///
/// A provincial 三公经费、会议费、培训费支出预算表 (江苏 2017–2019) prints 合计 | “三公”经费
/// (小计 | 因公出国（境）费 | 公务用车购置及运行维护费 (小计 | 购置费 | 运行维护费) | 公务接待费) |
/// 会议费 | 培训费. Two columns say 小计, and the 合计 adds 会议费 and 培训费 to the 三公; their
/// group labels are centred over merged cells, so which group a 小计 is under cannot be read from
/// the header's positions. Order tells: the 三公 list their parts as 因公出国 first, so a 小计 left
/// of 因公出国 is the 三公's own subtotal, and one right of it the vehicles'. Once the 三公 have a
/// subtotal, a 合计 outside them sums more than the 三公 and no key names it: it is dropped.
///
/// A stacked header can also lose an empty column (购置费 printed in a narrow cell over nothing):
/// the vehicles' 小计 then stands under the 购置费 label. The figures' own sums decide: where no
/// column holds the vehicles' figure, and the one read as 购置费 is exactly 三公 − 因公出国 −
/// 公务接待 while 购置费 + 运行费 is not, that column is the vehicles' 小计.
enum ThreePublicColumns {
    static func settled(_ table: LocatedTable) -> LocatedTable {
        guard table.kind == .threePublic else { return table }
        var table = table
        for actual in [false, true] { settle(&table, actual: actual) }
        return table
    }

    private static func item(_ column: TableColumn, actual: Bool) -> ThreePublicItem? {
        if case .threePublic(let item, let isActual) = column.meaning, isActual == actual { return item }
        return nil
    }

    /// Whether the column's own label (the last of its path) is a 小计.
    private static func isSubtotal(_ column: TableColumn) -> Bool {
        let own = column.label.split(separator: "/").last.map { Array($0.utf8) } ?? []
        return TableBytes.contains(TableBytes.squeezed(own), "小计")
    }

    private static func settle(_ table: inout LocatedTable, actual: Bool) {
        let columns = table.columns
        guard let outbound = columns.firstIndex(where: { item($0, actual: actual) == .outbound }) else { return }
        let subtotals = columns.indices.filter { index in
            index < outbound && item(columns[index], actual: actual) == .vehicle && isSubtotal(columns[index])
        }
        for index in subtotals { table.columns[index].meaning = .threePublic(.total, actual: actual) }
        if !subtotals.isEmpty {
            let outside = columns.indices.filter { item(columns[$0], actual: actual) == .total && !subtotals.contains($0) }
            for index in outside.reversed() { remove(column: index, from: &table) }
        }
        settleLostColumn(&table, actual: actual)
    }

    private static func remove(column index: Int, from table: inout LocatedTable) {
        table.columns.remove(at: index)
        for row in table.rows.indices where index < table.rows[row].cells.count {
            table.rows[row].cells.remove(at: index)
        }
    }

    /// The vehicles' 小计 read as 购置费 because the empty 购置费 column was lost (see above).
    private static func settleLostColumn(_ table: inout LocatedTable, actual: Bool) {
        let figures = table.rows.filter { $0.cells.contains { $0 != nil } }
        guard figures.count == 1, let row = figures.first else { return }
        func column(_ wanted: ThreePublicItem) -> Int? { table.columns.firstIndex { item($0, actual: actual) == wanted } }
        func value(_ wanted: ThreePublicItem) -> Amount? { column(wanted).flatMap { $0 < row.cells.count ? row.cells[$0] : nil } }
        guard value(.vehicle) == nil, let purchaseColumn = column(.vehiclePurchase), let purchase = value(.vehiclePurchase),
              let total = value(.total) else { return }
        let vehicles = total - (value(.outbound) ?? .zero) - (value(.reception) ?? .zero)
        guard purchase == vehicles, purchase + (value(.vehicleOperation) ?? .zero) != vehicles else { return }
        table.columns[purchaseColumn].meaning = .threePublic(.vehicle, actual: actual)
    }
}
