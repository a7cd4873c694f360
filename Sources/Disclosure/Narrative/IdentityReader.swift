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
            let marks = Marks(line.utf8)
            let mentionsUnit = marks.contains(.unit)
            let mentionsKind = year == 0 && marks.contains(.kind)
            let mightBeDate = published == nil && line.utf8.count <= 40 && marks.contains(.day)
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

    /// The words that make a line worth reading, found in one pass over its bytes (a search
    /// per word over every line showed in profiles). Each word is CJK, three bytes a character,
    /// and a lead byte never occurs inside another character, so a match is always on a boundary.
    struct Marks: OptionSet {
        let rawValue: UInt8
        /// 单位, 部分 or 部门：
        static let unit = Marks(rawValue: 1)
        /// 决算 or 预算
        static let kind = Marks(rawValue: 2)
        /// 日
        static let day = Marks(rawValue: 4)

        init(rawValue: UInt8) { self.rawValue = rawValue }

        init(_ bytes: Substring.UTF8View) {
            self = bytes.withContiguousStorageIfAvailable { Marks(buffer: $0) }
                ?? Array(bytes).withUnsafeBufferPointer { Marks(buffer: $0) }
        }

        private init(buffer: UnsafeBufferPointer<UInt8>) {
            var found: Marks = []
            let count = buffer.count
            // A character's three bytes as one number: 单 is 0xE58D95.
            func character(at index: Int) -> UInt32 {
                index + 2 < count ? UInt32(buffer[index]) << 16 | UInt32(buffer[index + 1]) << 8 | UInt32(buffer[index + 2]) : 0
            }
            var index = 0
            while index + 2 < count {
                let lead = buffer[index]
                guard lead == 0xE5 || lead == 0xE6 || lead == 0xE9 else {
                    index += 1
                    continue
                }
                switch character(at: index) {
                case 0xE5_8D95:   // 单
                    if character(at: index + 3) == 0xE4_BD8D { found.insert(.unit) }   // 位
                case 0xE9_83A8:   // 部
                    let next = character(at: index + 3)
                    if next == 0xE5_8886 || next == 0xE9_97A8 && character(at: index + 6) == 0xEF_BC9A { found.insert(.unit) }   // 分, 门：
                case 0xE5_86B3, 0xE9_A284:   // 决, 预
                    if character(at: index + 3) == 0xE7_AE97 { found.insert(.kind) }   // 算
                case 0xE6_97A5:   // 日
                    found.insert(.day)
                default:
                    break
                }
                index += 1
            }
            self = found
        }
    }

    /// A line folded (（）：→():) with spaces and tabs removed, cut at a TOC leader ("....." or "…").
    static func compact(_ line: Substring) -> [Unicode.Scalar] {
        // Decoded from the UTF-8 into the result's own storage and compacted in place (a
        // String's scalar view showed in profiles): the result never outruns the decoding.
        [Unicode.Scalar](unsafeUninitializedCapacity: line.utf8.count) { buffer, count in
            let decoded = ScalarFolding.decode(line, into: buffer, at: 0)
            var written = 0
            for index in 0..<decoded {
                let raw = buffer[index]
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
