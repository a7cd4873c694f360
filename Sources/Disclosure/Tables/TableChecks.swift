/// What a table reader reports about a table besides its facts: lost tables, rows it could not
/// place, codes the catalogue does not know, and sums that do not add up.
enum TableChecks {
    static func check(_ table: LocatedTable, catalogue: ClassificationCatalogue, seenCodes: inout Set<[UInt8]>,
                      warnings: inout [ParseWarning]) {
        if table.rows.isEmpty && table.statedEmpty == nil {
            warnings.append(ParseWarning(
                rule: .tableMissing,
                message: "\(table.title) (line \(table.titleLine)) has a title but no rows: the table was lost when the document was turned into text",
                source: SourceSpan(line: table.titleLine, text: table.title)))
        }
        for span in table.unplaced {
            warnings.append(ParseWarning(rule: .unreadableRow,
                                         message: "\(table.title) line \(span.firstLine): numbers that belong to no row were not read",
                                         source: span))
        }
        checkCodes(table, catalogue: catalogue, seenCodes: &seenCodes, warnings: &warnings)
        checkSums(table, warnings: &warnings)
    }

    /// Codes a table should not print, once per document and code and name.
    ///
    /// The shipped catalogue is a start, not a limit: no complete national catalogue exists, and
    /// every year and region add 项. A well-formed code printed with its name is a fact of the
    /// document, so a code the catalogue lacks is learnt, not warned about. `unknown-code` is for
    /// a code no scheme has (1xx, 8 digits) or one of the other scheme (301 in a function table),
    /// `name-mismatch` for a known code printed under a name the catalogue never gave it.
    private static func checkCodes(_ table: LocatedTable, catalogue: ClassificationCatalogue, seenCodes: inout Set<[UInt8]>,
                                   warnings: inout [ParseWarning]) {
        guard let scheme = table.kind.scheme else { return }
        for row in table.rows {
            guard let code = row.code else { continue }
            let core = TableLabel.core(row.label)
            // Bytes, not a String: hashing a String normalises it (NFC), which showed in profiles;
            // appended, not interpolated, which showed next.
            var key = Array(scheme.rawValue.utf8)
            key.reserveCapacity(key.count + code.utf8.count + core.count + 2)
            key.append(0x20)
            key += code.utf8
            key.append(0x20)
            key += core
            guard seenCodes.insert(key).inserted else { continue }
            let name = String(decoding: core, as: UTF8.self)
            let shape = ClassificationCatalogue.scheme(ofCode: code)
            if shape != scheme {
                let what = shape.map { "a \($0.rawValue) code in a \(scheme.rawValue) table" } ?? "not a code of either classification"
                warnings.append(ParseWarning(
                    rule: .unknownCode,
                    message: "\(table.title) line \(row.source.firstLine): \(code) (\(name)) is \(what); its figures have no key",
                    source: row.source))
            } else if let entry = catalogue.entry(scheme: scheme, code: code),
                      !name.isEmpty && !catalogue.isKnownName(name, scheme: scheme, code: code) {
                warnings.append(ParseWarning(
                    rule: .nameMismatch,
                    message: "\(table.title) line \(row.source.firstLine): code \(code) is printed as \(name), the catalogue names it \(entry.name)",
                    source: row.source))
            }
        }
    }

    /// Each 类 against its 款, each 款 against its 项, and a 合计 line against the 类 lines, per column,
    /// allowing 0.01 of rounding per addend.
    ///
    /// Each group is summed once: a code printed many times (a garbled table) must not make the
    /// check quadratic.
    private static func checkSums(_ table: LocatedTable, warnings: inout [ParseWarning]) {
        let width = table.columns.count
        if table.kind.isCoded {
            var children: [String: [TableRow]] = [:]
            var topLevel: [Int: [TableRow]] = [:]
            for row in table.rows {
                guard let code = row.code else { continue }
                if let parent = ClassificationCatalogue.parentCode(of: code) {
                    children[parent, default: []].append(row)
                } else if code.utf8.count == 3 {
                    topLevel[row.panel, default: []].append(row)
                }
            }
            let childSums = children.mapValues { ColumnSums($0, width: width) }
            let topSums = topLevel.mapValues { ColumnSums($0, width: width) }
            for row in table.rows {
                if let code = row.code, let sums = childSums[code] {
                    compare(row, with: sums, what: "the items under \(code)", table: table, warnings: &warnings)
                } else if row.code == nil {
                    let core = TableLabel.core(row.label)
                    if TableBytes.equals(core, "合计") || TableBytes.equals(core, "总计"), let sums = topSums[row.panel] {
                        compare(row, with: sums, what: "the 类 lines", table: table, warnings: &warnings)
                    }
                }
            }
        } else if table.kind == .procurement {
            // 合计 → 一、货物 … → each 专项 (under one 经济科目) → its items. Levels may be skipped
            // (a kind listing items directly): a line is checked against the lines one level below.
            let levels = table.rows.map(PurchaseRows.level)
            for (index, row) in table.rows.enumerated() {
                guard let level = levels[index], level < 3 else { continue }
                var children: [TableRow] = []
                for next in table.rows.indices.dropFirst(index + 1) {
                    guard let other = levels[next] else { continue }
                    if other <= level { break }
                    if other == level + 1 { children.append(table.rows[next]) }
                }
                guard !children.isEmpty else { continue }
                compare(row, with: ColumnSums(children, width: width), what: "the lines under it", table: table, warnings: &warnings)
            }
        } else if table.kind == .summary {
            let classes = table.rows.filter { $0.panel == 1 && TableBytes.hasSuffix(TableLabel.core($0.label), "支出")
                && !["基本支出", "项目支出"].contains(String(decoding: TableLabel.core($0.label), as: UTF8.self)) }
            if let total = table.rows.first(where: { $0.panel == 1 && TableBytes.equals(TableLabel.core($0.label), "本年支出合计") }) {
                compare(total, with: ColumnSums(classes, width: width), what: "the 类 lines", table: table, warnings: &warnings)
            }
        }
    }

    private static func compare(_ total: TableRow, with parts: ColumnSums, what: String, table: LocatedTable,
                                warnings: inout [ParseWarning]) {
        for column in table.columnIndices(panel: total.panel) where column < total.cells.count {
            let stated = total.cells[column]
            guard stated != nil || parts.present[column] else { continue }
            let sum = parts.sums[column]
            if sum.map({ !TableIdentities.agrees(stated ?? .zero, $0, addends: parts.counts[column]) }) ?? true {
                warnings.append(ParseWarning(
                    rule: .sumMismatch,
                    message: "\(table.title) line \(total.source.firstLine): \(total.label.isEmpty ? "total" : total.label) \(table.columns[column].label) is \(stated.map(\.description) ?? "empty") but \(what) add up to \(sum.map(\.description) ?? "more than an amount can hold")",
                    source: total.source))
            }
        }
    }
}

/// The column totals of some rows.
private struct ColumnSums {
    /// Each column's sum; nil where it overflows (a garbled cell of 17 digits, many times).
    var sums: [Amount?]
    /// Whether any row has a value in the column.
    var present: [Bool]
    /// How many rows have a value in the column.
    var counts: [Int]

    init(_ rows: [TableRow], width: Int) {
        sums = Array(repeating: .zero, count: width)
        present = Array(repeating: false, count: width)
        counts = Array(repeating: 0, count: width)
        for row in rows {
            for (column, value) in row.cells.prefix(width).enumerated() {
                guard let value else { continue }
                present[column] = true
                counts[column] += 1
                if let sum = sums[column] {
                    let (added, overflow) = sum.hundredths.addingReportingOverflow(value.hundredths)
                    sums[column] = overflow ? nil : Amount(hundredths: added)
                }
            }
        }
    }
}
