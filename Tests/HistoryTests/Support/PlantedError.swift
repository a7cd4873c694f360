@testable import Disclosure
import Foundation
@testable import History

/// One kind of error planted into a clean document's text, the way checkers are tested: an
/// edit of one line, and the rules `check` may answer it with.
///
/// A planter finds the first place the document offers for its error (a sentence with a 。, a
/// 截至 date, a table row the reader read as a fact …) and edits that line only, so every other
/// line keeps its number; `nil` when the document has no such place.
struct PlantedError: Sendable {
    var family: String
    /// Rule ids of which at least one must report the planted line.
    var expected: Set<String>
    var plant: @Sendable (_ lines: inout [String], _ clean: ParsedDisclosure) -> Planting?

    /// Where an error was planted: the 1-based line, the figure written there, if any, and the
    /// words by which a message names the place without citing its line ("the items under 20805"
    /// for a 项 of 款 20805: a table's sum is reported on its total row).
    struct Planting: Sendable {
        var line: Int
        var figure: String?
        var names: [String] = []
    }
}

extension PlantedError {
    static let all: [PlantedError] = [
        doubledStop, placeholder, guidance, asOfDate, narrativeFigure, tableCell, statedPercent, varianceWording,
        tableRemoved, contentsEntryRemoved, emptyTableNoteRemoved, itemRenamed, comparisonYear, titleYear,
    ]

    /// "。" typed twice at the end of a sentence.
    static let doubledStop = PlantedError(family: "punctuation", expected: ["repeated-punctuation"]) { lines, _ in
        guard let index = firstSentence(lines) else { return nil }
        lines[index] = replacingFirst("。", in: lines[index], with: "。。")
        return Planting(line: index + 1, figure: nil)
    }

    /// A template placeholder where the unit's name belongs.
    static let placeholder = PlantedError(family: "placeholder", expected: ["template-text"]) { lines, _ in
        guard let index = firstSentence(lines) else { return nil }
        lines[index] = replacingFirst("。", in: lines[index], with: "，由XX单位负责。")
        return Planting(line: index + 1, figure: nil)
    }

    /// The template's instruction to the filler, left after a sentence.
    static let guidance = PlantedError(family: "guidance", expected: ["template-text"]) { lines, _ in
        guard let index = firstSentence(lines) else { return nil }
        lines[index] = replacingFirst("。", in: lines[index], with: "。（按公开08表中实际发生事项填写）")
        return Planting(line: index + 1, figure: nil)
    }

    /// An "as of" date three years off.
    static let asOfDate = PlantedError(family: "year", expected: ["date-year-mismatch"]) { lines, _ in
        for (index, line) in lines.enumerated() {
            for mark in ["截至", "截止"] {
                guard let range = line.range(of: mark) else { continue }
                let after = line[range.upperBound...].drop { $0 == " " }
                let digits = after.prefix { $0.isASCII && $0.isNumber }
                guard digits.count == 4, let year = Int(digits) else { continue }
                lines[index] = line.replacingCharacters(in: digits.startIndex..<digits.endIndex, with: String(year - 3))
                return Planting(line: index + 1, figure: String(year - 3))
            }
        }
        return nil
    }

    /// A narrative total (收入合计, 支出合计, 总计…) that a table states too, one unit higher.
    static let narrativeFigure = PlantedError(
        family: "narrative vs tables",
        expected: ["narrative-vs-table", "narrative-table-mismatch", "conflicting-values", "stated-changes-disagree",
                   "sum-mismatch", "share-mismatch", "percent-mismatch", "stated-percent-vs-delta", "items-vs-total"]
    ) { lines, clean in
        let totals: Set<FactKey> = [.grandTotal, .incomeTotal, .expenseTotal, .expenseGeneralTotal, .incomeAppropriation]
        let tabled = Set(clean.facts.filter { $0.origin == .table && $0.year == clean.identity.year }.map(\.key))
        for fact in clean.facts where fact.origin == .narrative && totals.contains(fact.key) && fact.year == clean.identity.year
            && tabled.contains(fact.key) {
            guard let amount = fact.amount, amount.hundredths >= 100 else { continue }
            if let planting = bump(amount, onLines: fact.source.firstLine...fact.source.lastLine, in: &lines) { return planting }
        }
        return nil
    }

    /// A figure in a table row the reader read, one unit higher: the table's own sums break.
    static let tableCell = PlantedError(
        family: "arithmetic of tables",
        expected: ["sum-mismatch", "tables-disagree", "narrative-vs-table", "narrative-table-mismatch", "items-vs-total"]
    ) { lines, clean in
        // A 项 (seven-digit code) row: its 款 and 类 rows are printed above it and must add up.
        for fact in clean.facts where fact.origin == .table && fact.code?.count == 7 && fact.year == clean.identity.year {
            guard let code = fact.code, let amount = fact.amount, amount.hundredths >= 100,
                  fact.source.firstLine == fact.source.lastLine else { continue }
            if var planting = bump(amount, onLine: fact.source.firstLine, in: &lines) {
                planting.names = ["under \(code.prefix(5))", "under \(code.prefix(3))", code]
                return planting
            }
        }
        return nil
    }

    /// A stated percentage (增长/下降/完成年初预算的 …%) seven points off.
    static let statedPercent = PlantedError(
        family: "percentages",
        expected: ["percent-mismatch", "stated-percent-vs-delta", "share-mismatch"]
    ) { lines, clean in
        for fact in clean.facts where fact.origin == .narrative {
            let percent: Amount?
            switch fact.key {
            case .changeStated: percent = fact.pct
            case .functionExecutionRate, .budgetExecutionRate: percent = fact.amount
            default: percent = nil
            }
            guard let percent, percent.hundredths != 0 else { continue }
            for number in fact.source.firstLine...fact.source.lastLine {
                let printed = percent.magnitudeText
                guard let range = lines[number - 1].range(of: printed + "%") ?? lines[number - 1].range(of: printed + "％") else { continue }
                let magnitude = Int64(percent.hundredths.magnitude)
                let planted = Amount(hundredths: magnitude > 700 ? magnitude - 700 : magnitude + 700)
                let text = planted.magnitudeText
                lines[number - 1].replaceSubrange(range.lowerBound..<lines[number - 1].index(range.lowerBound, offsetBy: printed.count),
                                                  with: text)
                return Planting(line: number, figure: text)
            }
        }
        return nil
    }

    /// 大于 and 小于 swapped in a sentence explaining a budget variance, or, in a document without
    /// one, 增加 and 减少 swapped before a stated change's amount (its percentage keeps its word).
    static let varianceWording = PlantedError(
        family: "wording",
        expected: ["variance-wording", "direction-mismatch", "stated-percent-vs-delta", "percent-mismatch", "conflicting-values",
                   "stated-changes-disagree", "sum-mismatch"]
    ) { lines, clean in
        for (index, line) in lines.enumerated() where line.contains("年初预算数的主要原因") || line.contains("年初预算的主要原因") {
            for (from, to) in [("大于", "小于"), ("小于", "大于")] where line.contains(from) {
                lines[index] = replacingFirst(from, in: line, with: to)
                return Planting(line: index + 1, figure: nil)
            }
        }
        for fact in clean.facts where fact.key == .changeStated && fact.origin == .narrative {
            guard let delta = fact.delta, delta != .zero, let pct = fact.pct, pct != .zero else { continue }
            let magnitude = Amount(hundredths: Int64(delta.hundredths.magnitude))
            for number in fact.source.firstLine...fact.source.lastLine {
                let line = lines[number - 1]
                for (from, to) in [("增加", "减少"), ("减少", "增加")] {
                    for printed in [magnitude.grouped, magnitude.plainText, magnitude.description] {
                        for spacing in ["", " "] where line.contains(from + spacing + printed) {
                            lines[number - 1] = replacingFirst(from + spacing + printed, in: line, with: to + spacing + printed)
                            // A finding about this change may cite the sentence by its first line.
                            return Planting(line: number, figure: nil, names: ["(line \(fact.source.firstLine))"])
                        }
                    }
                }
            }
        }
        return nil
    }

    /// One "比Y年…" or "与Y年…" a year earlier, where the document compares with the year before
    /// its own at least four times with the same words after the year (比2022年预算执行数, 与2022年度相比).
    static let comparisonYear = PlantedError(family: "comparison year", expected: ["comparison-year-mismatch"]) { lines, clean in
        let year = clean.identity.year - 1
        // 比2022年, 与 2022 年: the mark, the year, and the words the check groups comparisons by
        // (up to the verb: 预算执行数, 度).
        let pattern = try! Regex("(比|与) *\(year) *年")
        var groups: [String: [(line: Int, range: Range<String.Index>)]] = [:]
        for (index, line) in lines.enumerated() where !line.contains("\t") {
            for match in line.matches(of: pattern) {
                let words = line[match.range.upperBound...].unicodeScalars.prefix { !WritingPhrases.endsComparedWhat($0) }
                    .prefix(WritingPhrases.longestComparedWhat)
                groups[String(String.UnicodeScalarView(words)), default: []].append((index, match.range))
            }
        }
        // The largest group, the earliest of equals: the same planting on every run.
        guard let members = groups.values.filter({ $0.count >= 4 }).max(by: { ($0.count, $1[0].line) < ($1.count, $0[0].line) })
        else { return nil }
        let (index, range) = members[0]
        lines[index].replaceSubrange(range, with: lines[index][range].replacingOccurrences(of: "\(year)", with: "\(year - 1)"))
        return Planting(line: index + 1, figure: "\(year - 1)")
    }

    /// The year in the last table title that prints the document's year, one earlier, where other
    /// titles print it too (a 江苏 tables file's only dated title is where its year is read from).
    static let titleYear = PlantedError(family: "title year", expected: ["title-year-mismatch"]) { lines, clean in
        let (_, body) = completenessBody(lines)
        let year = clean.identity.year
        let dated = body.filter { $0.table.titleYear == year }
        guard dated.count >= 2, let table = dated.last?.table,
              lines[table.titleLine - 1].contains("\(year)") else { return nil }
        lines[table.titleLine - 1] = replacingFirst("\(year)", in: lines[table.titleLine - 1], with: "\(year - 1)")
        return Planting(line: table.titleLine, figure: "\(year - 1)")
    }

    // MARK: Names

    /// A 项 name in a narrative 类/款/项 path given a character more (行政单位医疗 → 行政单位医疗费),
    /// where the table prints that item: the document now names one item two ways.
    static let itemRenamed = PlantedError(family: "names", expected: ["item-named-differently"]) { lines, clean in
        let tabled = Set(clean.facts.filter { $0.origin == .table && $0.year == clean.identity.year }.compactMap(\.code))
        for fact in clean.facts where fact.origin == .narrative && fact.year == clean.identity.year && fact.amount != nil {
            let leaf = fact.code.flatMap { tabled.contains($0) && $0.count == 7 ? fact.name : nil }
                ?? fact.name.flatMap(ItemPath.init).flatMap { $0.depths.last == 2 ? $0.names.last : nil }
            guard let leaf, !leaf.isEmpty else { continue }
            for number in max(1, fact.source.firstLine - 2)...fact.source.lastLine {
                for marker in ["（项）", "(项）", "(项)"] where lines[number - 1].contains(leaf + marker) {
                    let renamed = leaf + "费"
                    lines[number - 1] = replacingFirst(leaf + marker, in: lines[number - 1], with: renamed + marker)
                    return Planting(line: number, figure: nil, names: ["“\(renamed)”"])
                }
            }
        }
        return nil
    }

    // MARK: Completeness

    /// One table's lines blanked, title to last row (one the 目录 lists, or any where there is
    /// no 目录): the 目录 or the template now asks for a table the document lacks. The table
    /// with the fewest facts of its own goes, so that few sums lose a side.
    static let tableRemoved = PlantedError(family: "completeness", expected: ["table-absent"]) { lines, _ in
        let (contents, body) = completenessBody(lines)
        guard body.count > TableTemplates.fewestToJudge else { return nil }
        let listed = Set(contents?.entries.map(\.kind) ?? [])
        let order: [TableKind] = [.threePublic, .procurement, .operatingCost, .capitalExpense, .fundExpense, .appropriationBasicEconomic,
                                  .basicEconomic, .appropriationExpense, .generalExpense]
        for kind in order where (contents == nil || listed.contains(kind)) && body.filter({ $0.kind == kind }).count == 1 {
            let table = body.first { $0.kind == kind }!.table
            let end = body.first { $0.table.titleLine > table.titleLine }.map { $0.table.titleLine - 1 } ?? table.lines.upperBound
            for number in table.titleLine...end { lines[number - 1] = "" }
            return Planting(line: table.titleLine, figure: nil, names: [kind.name])
        }
        return nil
    }

    /// One 目录 entry of a table the body prints blanked: the table is now unlisted.
    static let contentsEntryRemoved = PlantedError(family: "contents", expected: ["table-unlisted"]) { lines, _ in
        let (contents, body) = completenessBody(lines)
        guard let contents, body.count >= TableTemplates.fewestToJudge else { return nil }
        for entry in contents.entries.reversed() where entry.text == lines[entry.line - 1].trimmingSpaces {
            guard let table = body.first(where: { $0.kind == entry.kind })?.table,
                  contents.entries.filter({ $0.kind == entry.kind }).count == 1 else { continue }
            lines[entry.line - 1] = ""
            return Planting(line: table.titleLine, figure: nil)
        }
        return nil
    }

    /// The note under an empty table (故本表无数据, 故本表为空表) blanked, where the narrative does
    /// not give the reason too: the table is now empty without a word.
    static let emptyTableNoteRemoved = PlantedError(family: "empty table", expected: ["empty-table-unexplained"]) { lines, _ in
        let text = TableText(SourceText(lines.joined(separator: "\n")))
        let (_, body) = completenessBody(lines)
        for (table, kind) in body {
            guard let note = table.statedEmpty, table.rows.allSatisfy({ $0.cells.allSatisfy { $0 == nil } }) else { continue }
            var blanked = lines
            blanked[note.firstLine - 1] = ""
            let after = TableText(SourceText(blanked.joined(separator: "\n")))
            guard !TableCompleteness.narrativeSaysNone(of: kind, text: after, outside: table.lines), text.lineCount == after.lineCount else { continue }
            lines = blanked
            return Planting(line: table.titleLine, figure: nil)
        }
        return nil
    }

    /// The 目录 of a text and the tables printed after it.
    static func completenessBody(_ lines: [String]) -> (TableContents?, [(table: LocatedTable, kind: TableKind)]) {
        let text = TableText(SourceText(lines.joined(separator: "\n")))
        let contents = TableContents.read(text)
        return (contents, TableCompleteness.body(of: TableLocator.locate(text), after: contents, text: text))
    }

    // MARK: Places

    /// The first line of prose: a sentence with a 。, no tab, long enough to be narrative.
    static func firstSentence(_ lines: [String]) -> Int? {
        lines.indices.first { index in
            let line = lines[index]
            return line.contains("。") && !line.contains("\t") && line.unicodeScalars.filter { $0.value >= 0x4E00 }.count >= 12
                && !line.contains("  ") // not a space-aligned table row
        }
    }

    static func replacingFirst(_ target: String, in line: String, with replacement: String) -> String {
        guard let range = line.range(of: target) else { return line }
        return line.replacingCharacters(in: range, with: replacement)
    }

    /// `amount` as printed on one of the lines (with or without grouping commas), raised by one unit.
    static func bump(_ amount: Amount, onLines numbers: ClosedRange<Int>, in lines: inout [String]) -> Planting? {
        for number in numbers {
            if let planting = bump(amount, onLine: number, in: &lines) { return planting }
        }
        return nil
    }

    /// `amount` as printed on the line (with or without grouping commas), raised by one unit.
    static func bump(_ amount: Amount, onLine number: Int, in lines: inout [String]) -> Planting? {
        guard number >= 1, number <= lines.count else { return nil }
        let raised = Amount(hundredths: amount.hundredths + 100)
        for (printed, replacement) in [(amount.grouped, raised.grouped), (amount.plainText, raised.plainText),
                                       (amount.description, raised.description)] {
            guard let range = lines[number - 1].range(of: printed) else { continue }
            // Not part of a longer number: 123.4 inside 1,123.45 is another figure.
            let line = lines[number - 1]
            let before = range.lowerBound > line.startIndex ? line[line.index(before: range.lowerBound)] : " "
            let after = range.upperBound < line.endIndex ? line[range.upperBound] : " "
            // ASCII digits only: 万 is a number to Character.isNumber.
            let partOfNumber = { (character: Character) in character.isASCII && (character.isNumber || character == "," || character == ".") }
            guard !partOfNumber(before), !partOfNumber(after) else { continue }
            lines[number - 1].replaceSubrange(range, with: replacement)
            return Planting(line: number, figure: replacement)
        }
        return nil
    }
}

extension Amount {
    /// Printed with two decimals and no grouping: 2345.22, 289.00.
    var plainText: String {
        let magnitude = hundredths.magnitude
        return (hundredths < 0 ? "-" : "") + "\(magnitude / 100)." + (magnitude % 100 < 10 ? "0" : "") + "\(magnitude % 100)"
    }

    /// The magnitude as the narrative prints percentages: 31.5, 100, 0.92 (no trailing zeros).
    var magnitudeText: String {
        let magnitude = hundredths.magnitude
        if magnitude % 100 == 0 { return "\(magnitude / 100)" }
        if magnitude % 10 == 0 { return "\(magnitude / 100).\(magnitude % 100 / 10)" }
        return "\(magnitude / 100)." + (magnitude % 100 < 10 ? "0" : "") + "\(magnitude % 100)"
    }
}
