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

    /// Unknown codes and names the catalogue does not give a code, once per document and code.
    private static func checkCodes(_ table: LocatedTable, catalogue: ClassificationCatalogue, seenCodes: inout Set<[UInt8]>,
                                   warnings: inout [ParseWarning]) {
        let scheme: ClassificationCatalogue.Scheme = table.kind == .basicEconomic ? .economic : .function
        for row in table.rows {
            guard let code = row.code else { continue }
            let core = TableLabel.core(row.label)
            // Bytes, not a String: hashing a String normalises it (NFC), which showed in profiles.
            guard seenCodes.insert(Array("\(scheme.rawValue) \(code) ".utf8) + core).inserted else { continue }
            let name = String(decoding: core, as: UTF8.self)
            if let entry = catalogue.entry(scheme: scheme, code: code) {
                if !name.isEmpty && !catalogue.isKnownName(name, scheme: scheme, code: code) {
                    warnings.append(ParseWarning(
                        rule: .nameMismatch,
                        message: "\(table.title) line \(row.source.firstLine): code \(code) is printed as \(name), the catalogue names it \(entry.name)",
                        source: row.source))
                }
            } else {
                warnings.append(ParseWarning(
                    rule: .unknownCode,
                    message: "\(table.title) line \(row.source.firstLine): \(scheme.rawValue) code \(code) (\(name)) is not in the classification catalogue; the figure is kept",
                    source: row.source))
            }
        }
    }

    /// Each 类 against its 款, each 款 against its 项, and a 合计 line against the 类 lines, per column.
    private static func checkSums(_ table: LocatedTable, warnings: inout [ParseWarning]) {
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
            for row in table.rows {
                if let code = row.code, let parts = children[code] {
                    compare(row, with: parts, what: "the items under \(code)", table: table, warnings: &warnings)
                } else if row.code == nil {
                    let core = TableLabel.core(row.label)
                    if TableBytes.equals(core, "合计") || TableBytes.equals(core, "总计"), let parts = topLevel[row.panel] {
                        compare(row, with: parts, what: "the 类 lines", table: table, warnings: &warnings)
                    }
                }
            }
        } else if table.kind == .summary {
            let classes = table.rows.filter { $0.panel == 1 && TableBytes.hasSuffix(TableLabel.core($0.label), "支出")
                && !["基本支出", "项目支出"].contains(String(decoding: TableLabel.core($0.label), as: UTF8.self)) }
            if let total = table.rows.first(where: { $0.panel == 1 && TableBytes.equals(TableLabel.core($0.label), "本年支出合计") }) {
                compare(total, with: classes, what: "the 类 lines", table: table, warnings: &warnings)
            }
        }
    }

    private static func compare(_ total: TableRow, with parts: [TableRow], what: String, table: LocatedTable,
                                warnings: inout [ParseWarning]) {
        for column in table.columnIndices(panel: total.panel) {
            let stated = total.cells[column]
            let values = parts.compactMap { $0.cells[column] }
            guard stated != nil || !values.isEmpty else { continue }
            let sum = values.reduce(Amount.zero, +)
            if sum != (stated ?? .zero) {
                warnings.append(ParseWarning(
                    rule: .sumMismatch,
                    message: "\(table.title) line \(total.source.firstLine): \(total.label.isEmpty ? "total" : total.label) \(table.columns[column].label) is \(stated.map(\.description) ?? "empty") but \(what) add up to \(sum)",
                    source: total.source))
            }
        }
    }
}
