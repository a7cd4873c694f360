/// Finds who published a disclosure, for which year, of which kind, and when.
///
/// The unit is read from the places a document names itself: the 单位：/部门：/编制部门：/预算主管
/// 部门： lines of its tables, the 第X部分 headings, the title and the 单位名称 of its
/// self-evaluation tables. Names are compared without spaces (a title's "管理委员会 办公室" is the
/// same name as 管理委员会办公室). The name printed most often, label lines counting double, is the
/// unit; every other name found is kept in `otherNames` (a typo like 武汉市武昌区医保障局, a short
/// form like 武昌区医疗保障局) so the engine can offer them as aliases, never merge them silently.
enum IdentityReader {
    static func read(_ source: SourceText, warnings: inout [ParseWarning]) -> DocumentIdentity {
        var names: [String: (weight: Int, first: Int)] = [:]
        var year = 0
        var kind = DisclosureKind.finalAccount
        var published: String?
        for (index, line) in source.lines.enumerated() {
            let bytes = line.utf8
            let mentionsUnit = contains(bytes, Self.unitBytes) || contains(bytes, Self.sectionBytes) || contains(bytes, Self.departmentBytes)
            let mentionsKind = year == 0 && (contains(bytes, Self.finalBytes) || contains(bytes, Self.budgetBytes))
            let mightBeDate = published == nil && bytes.count <= 40 && contains(bytes, Self.dayBytes)
            guard mentionsUnit || mentionsKind || mightBeDate else { continue }
            let compact = Self.compact(line)
            if mentionsUnit {
                for (name, weight) in UnitNameExtraction.names(in: compact) {
                    let entry = names[name] ?? (0, index)
                    names[name] = (entry.weight + weight, entry.first)
                }
            }
            if mentionsKind, let (stated, statedKind) = Self.yearAndKind(compact) {
                if let name = UnitNameExtraction.title(compact) {
                    let entry = names[name] ?? (0, index)
                    names[name] = (entry.weight + 1, entry.first)
                }
                year = stated
                kind = statedKind
            }
            if mightBeDate, let date = Self.date(compact) { published = date }
        }
        let ranked = names.sorted { lhs, rhs in
            if lhs.value.weight != rhs.value.weight { return lhs.value.weight > rhs.value.weight }
            if lhs.key.count != rhs.key.count { return lhs.key.count > rhs.key.count }
            return lhs.value.first < rhs.value.first
        }
        let unit = ranked.first?.key ?? ""
        let others = ranked.dropFirst().sorted { $0.value.first < $1.value.first }.map(\.key)
        if unit.isEmpty || year == 0 {
            warnings.append(ParseWarning(
                rule: .identityMissing,
                message: unit.isEmpty
                    ? "no unit name was found (no 单位：, 部门： or 第X部分 line names one); the facts are kept without a unit"
                    : "no year was found (no title like “2023年度…部门决算”); the facts are filed under year 0"))
        }
        return DocumentIdentity(unit: unit, year: year, kind: kind, published: published, otherNames: others)
    }

    private static let unitBytes = Array("单位".utf8)
    private static let departmentBytes = Array("部门：".utf8)
    private static let sectionBytes = Array("部分".utf8)
    private static let finalBytes = Array("决算".utf8)
    private static let budgetBytes = Array("预算".utf8)
    private static let dayBytes = Array("日".utf8)

    static func contains(_ bytes: Substring.UTF8View, _ needle: [UInt8]) -> Bool {
        bytes.withContiguousStorageIfAvailable { search($0, needle) } ?? Array(bytes).withUnsafeBufferPointer { search($0, needle) }
    }

    private static func search(_ buffer: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        do {
            let count = needle.count
            guard count > 0, buffer.count >= count else { return false }
            var index = 0
            while index <= buffer.count - count {
                if buffer[index] == needle[0] {
                    var offset = 1
                    while offset < count, buffer[index + offset] == needle[offset] { offset += 1 }
                    if offset == count { return true }
                }
                index += 1
            }
            return false
        }
    }

    /// A line folded (（）：→():) with spaces and tabs removed, cut at a TOC leader ("....." or "…").
    static func compact(_ line: Substring) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(line.unicodeScalars.count)
        for raw in line.unicodeScalars {
            if raw == "\t" || ScalarFolding.isSpace(raw) { continue }
            let scalar = ScalarFolding.fold(raw)
            if scalar == "…" || (scalar == "." && result.last == ".") {
                if result.last == "." { result.removeLast() }
                break
            }
            result.append(scalar)
        }
        return result
    }

    /// "2023年度部门决算表", "2024年度武汉市…部门决算公开", "上海市普陀区2024年区级部门预算".
    static func yearAndKind(_ line: [Unicode.Scalar]) -> (Int, DisclosureKind)? {
        for index in line.indices.dropLast() where line[index] == "决" || line[index] == "预" {
            guard line[index + 1] == "算", index >= 2, line[index - 2] == "部" && line[index - 1] == "门"
                    || line[index - 2] == "单" && line[index - 1] == "位" else { continue }
            var position = index - 2
            while position >= 4 {
                if line[position] == "年", let year = UnitNameExtraction.year(endingAt: position, in: line) {
                    return (year, line[index] == "决" ? .finalAccount : .budget)
                }
                position -= 1
            }
        }
        return nil
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
