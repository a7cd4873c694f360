/// The arithmetic every table must satisfy besides children summing to their parent (that is
/// `TableChecks`' sum-mismatch): a row's 合计 is its halves (基本 + 项目, 人员经费 + 公用经费), and a
/// figure printed in two tables (05表 合计 and 04表's 一般公共预算 column, 01表's 基本支出 and
/// 03表's) is the same figure.
///
/// A failure is an `identity-mismatch` naming the identity and both values, so `check` and the
/// coverage view can tell a document's own error (the page shows it) from a misreading. Sums
/// allow 0.01 per addend: tables round each figure, not the total.
enum TableIdentities {
    /// The columns that split a row's 合计 between them: 基本 and 项目 (and what a template adds
    /// beside them: 单位预留机动经费, 结转下年资金), 人员经费 and 公用经费.
    static let partitions: [(parts: [ColumnMeaning], name: String)] = [
        ([.basic, .project, .reserve, .closingCarryover], "基本支出 + 项目支出"),
        ([.personnel, .publicFunds], "人员经费 + 公用经费"),
    ]

    /// Whether `sum` of `addends` figures is `stated`, allowing 0.01 of rounding per addend.
    static func agrees(_ stated: Amount, _ sum: Amount, addends: Int) -> Bool {
        let (difference, overflow) = stated.hundredths.subtractingReportingOverflow(sum.hundredths)
        return !overflow && difference.magnitude <= UInt64(max(1, addends))
    }

    /// 合计 = the halves, per row, where the row prints both halves (an empty half is not read as
    /// 0: a table that leaves 项目支出 blank on a row says nothing about it).
    static func checkRows(_ table: LocatedTable, warnings: inout [ParseWarning]) {
        guard !table.kind.isTwoSided else { return }
        for panel in Set(table.columns.map(\.panel)) {
            let indices = table.columnIndices(panel: panel)
            guard let total = indices.first(where: { table.columns[$0].meaning == .total }) else { continue }
            for (meanings, name) in partitions {
                let parts = indices.filter { meanings.contains(table.columns[$0].meaning) }
                guard parts.count >= 2 else { continue }
                for row in table.rows where row.panel == panel && row.cells.count > max(total, parts.max()!) {
                    let values = parts.compactMap { row.cells[$0] }
                    guard let stated = row.cells[total], values.count >= 2 else { continue }
                    var sum: Amount? = .zero
                    for value in values {
                        sum = sum.flatMap { sum in
                            let (added, overflow) = sum.hundredths.addingReportingOverflow(value.hundredths)
                            return overflow ? nil : Amount(hundredths: added)
                        }
                    }
                    if let sum, agrees(stated, sum, addends: values.count) { continue }
                    let named = parts.filter { row.cells[$0] != nil }.map { table.columns[$0].label }.joined(separator: " + ")
                    warnings.append(ParseWarning(
                        rule: .identityMismatch,
                        message: "\(table.title) line \(row.source.firstLine): \(row.label.isEmpty ? "row" : row.label) \(name): \(named) is \(sum.map(\.description) ?? "more than an amount can hold") (\(values.map(\.description).joined(separator: " + "))) but its 合计 is \(stated)",
                        source: row.source))
                }
            }
        }
    }

    /// The same key, code and year read from two tables with two values. Facts of one table are
    /// not compared with each other (a 收支总表 prints 总计 on both sides: that is the next check).
    static func checkAcross(_ facts: ArraySlice<Fact>, tableOf: (Int) -> Int, title: (Int) -> String, warnings: inout [ParseWarning]) {
        struct Quantity: Hashable { var key: FactKey; var code: String?; var year: Int }
        var first: [Quantity: (index: Int, amount: Amount)] = [:]
        var warned: Set<Quantity> = []
        for index in facts.indices {
            let fact = facts[index]
            guard case .amount(let amount) = fact.value else { continue }
            let quantity = Quantity(key: fact.key, code: fact.code, year: fact.year)
            guard let earlier = first[quantity] else { first[quantity] = (index, amount); continue }
            guard earlier.amount != amount, tableOf(earlier.index) != tableOf(index) || fact.key == .grandTotal || fact.key == .appropriationGrandTotal,
                  warned.insert(quantity).inserted else { continue }
            let other = facts[earlier.index]
            warnings.append(ParseWarning(
                rule: .identityMismatch,
                message: "\(fact.key.rawValue)\(fact.code.map { " \($0)" } ?? "") is \(earlier.amount) in \(title(tableOf(earlier.index))) line \(other.source.firstLine) but \(amount) in \(title(tableOf(index))) line \(fact.source.firstLine)",
                source: fact.source))
        }
    }
}
