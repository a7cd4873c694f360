/// The classification catalogue: every 支出功能分类 and 部门经济分类 code the parser knows, with
/// the names it has been printed under across editions.
///
/// Narrative text names items by their path ("卫生健康支出(类)医疗保障管理事务(款)行政运行(项)") and
/// never by code; the same 项 name exists under many 款, so resolution always walks the whole path.
public struct ClassificationCatalogue: Sendable {
    /// Which classification a code belongs to.
    public enum Scheme: String, Sendable, Hashable, CaseIterable {
        /// 支出功能分类科目: 类 (3 digits), 款 (5), 项 (7).
        case function
        /// 部门经济分类科目: 类 (3 digits), 款 (5).
        case economic
    }

    /// One code of the catalogue.
    public struct Entry: Sendable, Hashable {
        public var scheme: Scheme
        public var code: String
        /// The current edition's name.
        public var name: String
        /// Names printed in earlier editions or by other regions.
        public var otherNames: [String]
    }

    private var entries: [Scheme: [String: Entry]]
    /// (scheme, parent code or "", normalised name) → code.
    private var childByName: [Scheme: [String: [String: String]]]

    /// The catalogue shipped with the package (Resources/classification.tsv).
    public static let standard: ClassificationCatalogue = {
        let bytes = PackageResources.classification_tsv
        return ClassificationCatalogue(tsv: String(decoding: bytes, as: UTF8.self))
    }()

    /// Reads the TSV form: `scheme<TAB>code<TAB>name<TAB>other|names`, `#` starts a comment line.
    public init(tsv: String) {
        entries = [:]
        childByName = [:]
        for line in tsv.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 3, let scheme = Scheme(rawValue: String(columns[0])) else { continue }
            let others = columns.count > 3
                ? columns[3].split(separator: "|").map { String($0) }.filter { !$0.isEmpty }
                : []
            add(Entry(scheme: scheme, code: String(columns[1]), name: String(columns[2]), otherNames: others))
        }
    }

    private mutating func add(_ entry: Entry) {
        entries[entry.scheme, default: [:]][entry.code] = entry
        let parent = Self.parentCode(of: entry.code) ?? ""
        for name in [entry.name] + entry.otherNames {
            childByName[entry.scheme, default: [:]][parent, default: [:]][Self.normalisedName(name)] = entry.code
        }
    }

    /// The entry for a code, if the catalogue knows it.
    public func entry(scheme: Scheme, code: String) -> Entry? {
        entries[scheme]?[code]
    }

    /// Every entry of a scheme, ordered by code.
    public func entries(of scheme: Scheme) -> [Entry] {
        (entries[scheme] ?? [:]).values.sorted { $0.code < $1.code }
    }

    /// Whether `name` is the current or an earlier name of `code`.
    public func isKnownName(_ name: String, scheme: Scheme, code: String) -> Bool {
        guard let entry = entry(scheme: scheme, code: code) else { return false }
        let wanted = Self.normalisedName(name)
        if Self.sameName(Self.normalisedName(entry.name), wanted) { return true }
        return entry.otherNames.contains { Self.sameName(Self.normalisedName($0), wanted) }
    }

    /// String equality, answered from the bytes when they are identical (comparing non-ASCII
    /// Strings normalises them, which showed in profiles; a known name is nearly always printed
    /// byte for byte as the catalogue has it).
    private static func sameName(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.elementsEqual(rhs.utf8) || lhs == rhs
    }

    /// Resolves a path of names, from 类 down, to the code of its last element:
    /// ["卫生健康支出", "医疗保障管理事务", "行政运行"] → "2101501". Nil when any step is unknown.
    public func resolve(path: [String], scheme: Scheme = .function) -> String? {
        var parent = ""
        var code: String?
        for name in path {
            guard let next = childByName[scheme]?[parent]?[Self.normalisedName(name)] else { return nil }
            code = next
            parent = next
        }
        return code
    }

    /// The code one level up: 2101501 → 21015 → 210 → nil.
    public static func parentCode(of code: String) -> String? {
        switch code.utf8.count {
        case 7: return String(code.prefix(5))
        case 5: return String(code.prefix(3))
        default: return nil
        }
    }

    /// The scheme a code's shape places it in, or nil for a malformed code.
    ///
    /// 支出功能分类 类 run 201–234 and have 类 (3 digits), 款 (5) and 项 (7); 部门经济分类 (301–399)
    /// and 政府经济分类 (501–599) have 类 (3) and 款 (5). So a 7-digit code is always a function
    /// code, and the first digit tells the schemes apart: no code of one is a code of the other.
    public static func scheme(ofCode code: String) -> Scheme? {
        let bytes = code.utf8
        guard [3, 5, 7].contains(bytes.count), bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        switch bytes.first! {
        case UInt8(ascii: "2"): return .function
        case UInt8(ascii: "3"), UInt8(ascii: "5"): return bytes.count == 7 ? nil : .economic
        default: return nil
        }
    }

    /// Names compare without spaces and with full-width brackets folded: 维修（护）费 = 维修(护)费.
    public static func normalisedName(_ name: String) -> String {
        // Most names have nothing to drop or fold: returned as they are, without a copy. A space
        // or tab is one byte; U+3000 is E3 80 80 and （） are EF BC 88/89, so their lead bytes say
        // whether to look closer.
        guard name.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0xE3 || $0 == 0xEF }) else { return name }
        var result = ""
        result.unicodeScalars.reserveCapacity(name.unicodeScalars.count)
        for scalar in name.unicodeScalars {
            switch scalar.value {
            case 0x20, 0x3000, 0x09: continue
            case 0xFF08: result.unicodeScalars.append("(")
            case 0xFF09: result.unicodeScalars.append(")")
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
