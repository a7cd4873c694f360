/// Finds who published a disclosure, for which year, of which kind, and when, keeping the line
/// that said each.
///
/// The year, kind and scope come from the first title line ("西南大学 2024 年度部门决算",
/// "上海市普陀区2025年区级单位预算"; spaces ignored; a title broken over two lines is read joined);
/// a file printing no title (the tables half of a disclosure published in two files) takes them
/// from its table titles and 目录 lines ("2019年政府采购预算表"), the year most of them print.
/// A year is four digits followed by 年, never a run of digits that merely starts like one
/// (2010201 is a function code).
///
/// The unit is the name the first title prints (before the year, between the year and the kind,
/// or alone on the line above); without one, the name printed most often on the lines a
/// document names itself with — the 单位：/部门：/编制单位：/预算单位：/预算主管部门： labels of
/// its tables and cover (counting double), the 第X部分 headings, the 单位名称 of its
/// self-evaluation tables. A name the document also prints longer (省检察院 and
/// 江苏省人民检察院) is its short form: the longer one is the unit. Names are compared without
/// spaces; every other name found is kept in `otherNames` (a typo like 武汉市武昌区医保障局, a short
/// form like 省委办公厅) so the engine can offer them as aliases, never merge them silently.
enum IdentityReader {
    /// A name found, how much its places weigh, and the first line printing it.
    private struct Candidate {
        var weight: Int
        var first: Int
        var source: IdentitySource
    }

    /// The first title line: year, kind, scope and the lines saying them.
    private struct Title {
        var year: Int
        var kind: DisclosureKind
        var scope: DisclosureScope
        var lines: ClosedRange<Int>
    }

    static func read(_ source: SourceText, warnings: inout [ParseWarning]) -> DocumentIdentity {
        read(source, decoded: DecodedLines(source), warnings: &warnings)
    }

    /// The identity of `source`, whose lines `decoded` holds decoded.
    static func read(_ source: SourceText, decoded: DecodedLines, warnings: inout [ParseWarning]) -> DocumentIdentity {
        var names: [String: Candidate] = [:]
        var title: Title?
        var titleName: String?
        var tableYears: [Int: (count: Int, first: Int)] = [:]
        var tableKinds: [DisclosureKind: (count: Int, first: Int)] = [:]
        var published: String?
        var previous: Int?
        func add(_ name: String, weight: Int, line: Int, source: IdentitySource) {
            let entry = names[name] ?? Candidate(weight: 0, first: line, source: source)
            names[name] = Candidate(weight: entry.weight + weight, first: entry.first, source: entry.source)
        }
        for (index, line) in source.lines.enumerated() {
            let marks = Marks(decoded[index])
            defer { if marks.contains(.visible) { previous = index } }
            let mentionsUnit = marks.contains(.unit)
            let mentionsKind = marks.contains(.kind) && (title == nil || line.utf8.count <= 120)
            let mightBeDate = published == nil && line.utf8.count <= 40 && marks.contains(.day)
            guard mentionsUnit || mentionsKind || mightBeDate else { continue }
            let compact = Self.compact(decoded[index])
            if mentionsUnit {
                for (name, weight, labelled) in UnitNameExtraction.names(in: compact) {
                    add(name, weight: weight, line: index, source: labelled ? .label : .heading)
                }
            }
            if mentionsKind {
                var found = Self.title(compact) { previous.map { Self.compact(decoded[$0]) } }
                if found == nil, compact.count <= 20, let above = previous {
                    // A title broken after 部门: "…办公厅2018年度部门" over "预算公开"; titles are
                    // short, a sentence broken over two lines is not one.
                    let joined = Self.compact(decoded[above]) + compact
                    if joined.count <= 40 { found = Self.title(joined) { nil }.map { ($0.0, $0.1, $0.2, $0.3, true) } }
                }
                if let (year, kind, scope, name, usesAbove) = found {
                    let first = usesAbove ? previous ?? index : index
                    if title == nil {
                        title = Title(year: year, kind: kind, scope: scope, lines: first...index)
                        titleName = name
                        if let name { add(name, weight: 1, line: first, source: .title) }
                    } else if let name {
                        add(name, weight: 1, line: first, source: .heading)
                    }
                } else if title == nil, let (year, kind) = Self.tableTitle(compact) {
                    if let year {
                        let entry = tableYears[year] ?? (0, index)
                        tableYears[year] = (entry.count + 1, entry.first)
                    }
                    let entry = tableKinds[kind] ?? (0, index)
                    tableKinds[kind] = (entry.count + 1, entry.first)
                }
            }
            if mightBeDate, let date = Self.date(compact) { published = date }
        }

        var evidence: [IdentityEvidence] = []
        func say(_ field: IdentityField, _ origin: IdentitySource, lines: ClosedRange<Int>) {
            let text = lines.map { Self.trimmed(source.lines[$0]) }.filter { !$0.isEmpty }.joined(separator: " ")
            evidence.append(IdentityEvidence(field: field, source: origin, line: lines.lowerBound + 1, text: text))
        }
        var unit = titleName ?? Self.mostPrinted(names) ?? ""
        // Without a title, the document's own short form yields to the name it abbreviates.
        if titleName == nil, let longer = names.filter({ UnitNameExtraction.isShortForm(unit, of: $0.key) })
            .max(by: { ($0.value.weight, $0.key.unicodeScalars.count) < ($1.value.weight, $1.key.unicodeScalars.count) }) {
            unit = longer.key
        }
        var others = names.filter { $0.key != unit }.sorted { $0.value.first < $1.value.first }.map(\.key)
        if let candidate = names[unit] { say(.unit, candidate.source, lines: candidate.first...candidate.first) }
        if let own = UnitNameExtraction.withoutOwnLevel(unit) {
            others.insert(unit, at: 0)
            unit = own
        }

        var year = 0
        var kind = DisclosureKind.finalAccount
        var scope = DisclosureScope.department
        if let title {
            (year, kind, scope) = (title.year, title.kind, title.scope)
            say(.year, .title, lines: title.lines)
            say(.kind, .title, lines: title.lines)
        } else {
            if let (stated, entry) = tableYears.max(by: { ($0.value.count, -$0.value.first) < ($1.value.count, -$1.value.first) }) {
                year = stated
                say(.year, .tableTitle, lines: entry.first...entry.first)
            }
            if let (stated, entry) = tableKinds.max(by: { ($0.value.count, -$0.value.first) < ($1.value.count, -$1.value.first) }) {
                kind = stated
                say(.kind, .tableTitle, lines: entry.first...entry.first)
            }
        }
        if unit.isEmpty || year == 0 {
            warnings.append(ParseWarning(
                rule: .identityMissing,
                message: unit.isEmpty
                    ? "no unit name was found (no title, 单位：, 部门： or 第X部分 line names one); the facts are kept without a unit"
                    : "no year was found (no title like “2023年度…部门决算”, no table title like “2023年…预算表”); the facts are filed under year 0"))
        }
        return DocumentIdentity(unit: unit, year: year, kind: kind, scope: scope, published: published, otherNames: others, evidence: evidence)
    }

    /// The name printed most often (labels counting double); on a tie the longer, then the earlier.
    private static func mostPrinted(_ names: [String: Candidate]) -> String? {
        names.min { lhs, rhs in
            if lhs.value.weight != rhs.value.weight { return lhs.value.weight > rhs.value.weight }
            let left = lhs.key.unicodeScalars.count, right = rhs.key.unicodeScalars.count
            if left != right { return left > right }
            return lhs.value.first < rhs.value.first
        }?.key
    }

    /// A title on `line`: its year, kind, scope and name, the name taken from the line above
    /// when the line opens with the year ("西南大学" over "2021 年度部门预算").
    private static func title(_ line: [Unicode.Scalar], above: () -> [Unicode.Scalar]?)
        -> (Int, DisclosureKind, DisclosureScope, String?, Bool)? {
        guard let (year, kind, scope, yearStart) = yearAndKind(line) else { return nil }
        if let name = UnitNameExtraction.title(line, yearStart: yearStart) { return (year, kind, scope, name, false) }
        if yearStart == 0, let above = above(), let name = UnitNameExtraction.wholeLine(above) { return (year, kind, scope, name, true) }
        return (year, kind, scope, nil, false)
    }

    /// The line without the whitespace at either end. Trimmed by scalars, not Characters (a
    /// reversed Character view turned into a String showed in profiles).
    static func trimmed(_ line: Substring) -> String {
        let scalars = line.unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            guard scalars[before].properties.isWhitespace else { break }
            end = before
        }
        return String(scalars[start..<end])
    }

    /// The words that make a line worth reading, found in one pass over its scalars (a search
    /// per word over every line showed in profiles).
    struct Marks: OptionSet {
        let rawValue: UInt8
        /// 单位, 部分 or 部门：
        static let unit = Marks(rawValue: 1)
        /// 决算 or 预算
        static let kind = Marks(rawValue: 2)
        /// 日
        static let day = Marks(rawValue: 4)
        /// Anything but spaces, tabs and form feeds: the line is not blank.
        static let visible = Marks(rawValue: 8)

        init(rawValue: UInt8) { self.rawValue = rawValue }

        /// The marks of a line, from its decoded scalars (`DecodedLines`: a second pass over
        /// its UTF-8 showed in profiles).
        init(_ line: ArraySlice<Unicode.Scalar>) {
            var found: Marks = []
            // A visible scalar is nearly always the first or second: this loop seldom runs far.
            if line.contains(where: { $0 != " " && $0 != "\t" && $0 != "\u{0C}" }) { found.insert(.visible) }
            let end = line.endIndex
            func value(at index: Int) -> UInt32 { index < end ? line[index].value : 0 }
            var index = line.startIndex
            while index < end {
                let scalar = line[index].value
                index += 1
                guard scalar >= 0x4E00 else { continue }   // every word below is an ideograph
                switch scalar {
                case 0x5355:   // 单
                    if value(at: index) == 0x4F4D { found.insert(.unit) }   // 位
                case 0x90E8:   // 部
                    let next = value(at: index)
                    if next == 0x5206 || next == 0x95E8 && value(at: index + 1) == 0xFF1A { found.insert(.unit) }   // 分, 门：
                case 0x51B3, 0x9884:   // 决, 预
                    if value(at: index) == 0x7B97 { found.insert(.kind) }   // 算
                case 0x65E5:   // 日
                    found.insert(.day)
                default:
                    break
                }
            }
            self = found
        }
    }

    /// A line (its decoded scalars) folded (（）：→():) with spaces and tabs removed, cut at a
    /// TOC leader ("....." or "…").
    static func compact(_ line: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        // Written through a pointer into storage sized once (a String's scalar view, and
        // appending, showed in profiles): the result is never longer than the line.
        [Unicode.Scalar](unsafeUninitializedCapacity: line.count) { buffer, count in
            var written = 0
            for raw in line {
                if raw == "\t" || ScalarFolding.isSpace(raw) { continue }
                let scalar = ScalarFolding.fold(raw)
                if scalar == "…" || (scalar == "." && written > 0 && buffer[written - 1] == ".") {
                    if written > 0 && buffer[written - 1] == "." { written -= 1 }
                    break
                }
                buffer[written] = scalar
                written += 1
            }
            count = written
        }
    }

    /// "2023年度部门决算表", "2024年度武汉市…部门决算公开", "上海市普陀区2024年区级单位预算": the year,
    /// the kind, the scope and where the year starts.
    static func yearAndKind(_ line: [Unicode.Scalar]) -> (Int, DisclosureKind, DisclosureScope, Int)? {
        for index in line.indices.dropLast() where line[index] == "决" || line[index] == "预" {
            guard line[index + 1] == "算", index >= 2 else { continue }
            let scope: DisclosureScope
            if line[index - 2] == "部" && line[index - 1] == "门" { scope = .department }
            else if line[index - 2] == "单" && line[index - 1] == "位" { scope = .unit }
            else { continue }
            var position = index - 2
            while position >= 4 {
                if line[position] == "年", let year = UnitNameExtraction.year(endingAt: position, in: line) {
                    return (year, line[index] == "决" ? .finalAccount : .budget, scope, position - 4)
                }
                position -= 1
            }
        }
        return nil
    }

    /// A table title or 目录 line naming a table of one kind, "2019年政府采购预算表",
    /// "1. 2025年部门财务收支预算总表", "收支预算总表": its year when it prints one, and its kind.
    static func tableTitle(_ line: [Unicode.Scalar]) -> (Int?, DisclosureKind)? {
        guard line.count <= 40, let last = line.last, last == "表" else { return nil }
        var kind: DisclosureKind?
        for index in line.indices.dropLast() where line[index + 1] == "算" && (line[index] == "决" || line[index] == "预") {
            kind = line[index] == "决" ? .finalAccount : .budget
            break
        }
        guard let kind else { return nil }
        for index in line.indices where line[index] == "年" {
            if let year = UnitNameExtraction.year(endingAt: index, in: line) { return (year, kind) }
        }
        return (nil, kind)
    }

    /// A line that is only a date, "2025 年 12 月 3 日", as YYYY-MM-DD. "填报日期：2024.4.30" is not one.
    static func date(_ line: [Unicode.Scalar]) -> String? {
        var parts: [Int] = []
        var value = 0
        var digits = 0
        for scalar in line {
            if ScalarFolding.isDigit(scalar) {
                value = value * 10 + Int(scalar.value - 0x30)
                digits += 1
            } else if digits > 0, ["年", "月", "日"][min(parts.count, 2)] == scalar {
                parts.append(value)
                value = 0
                digits = 0
            } else {
                return nil
            }
        }
        guard parts.count == 3, digits == 0, parts[0] >= 1990, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
        func two(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }
        return "\(parts[0])-\(two(parts[1]))-\(two(parts[2]))"
    }
}
