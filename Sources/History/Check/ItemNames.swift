import Disclosure

/// The 类/款/项 names a narrative sentence gives an item, against the names its table prints
/// for the same figure: "文化体育与传媒支出（类）-体育（款）-群众体育（项）20万元" where the table
/// prints 207 文化旅游体育与传媒支出 › 20703 体育 › 2070308 群众体育 200,000.
///
/// The item is the table's when the figure agrees (in either measure) and at least one name of
/// the path is the table's; a name the table prints otherwise is then the document naming one
/// item two ways. A path none of whose names the table prints is another item that happens to
/// have the same figure, and is left alone.
struct ItemPath: Hashable, Sendable {
    /// The names before （类）, （款） and （项）, outermost first.
    var names: [String]
    /// The level each name is marked with: 0 for 类, 1 for 款, 2 for 项 (a path may start at 款:
    /// 检察（款）行政运行（项）, its 类 said in the heading above).
    var depths: [Int]

    private static let markers = ["(类)", "(款)", "(项)"]
    private static let separators: Set<Character> = ["-", "—", "－", "、", " ", "\u{3000}", "“", "”", "\"", ":", "："]

    /// The path a narrative item's name spells, or nil when it names fewer than two levels.
    init?(_ name: String) {
        var rest = name.replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")")
        var names: [String] = []
        var depths: [Int] = []
        while let (depth, marker) = Self.markers.enumerated().compactMap({ level, word in rest.range(of: word).map { (level, $0) } })
            .min(by: { $0.1.lowerBound < $1.1.lowerBound }) {
            let piece = rest[..<marker.lowerBound].drop { Self.separators.contains($0) }
            names.append(String(piece.reversed().drop { Self.separators.contains($0) }.reversed()))
            depths.append(depth)
            rest = String(rest[marker.upperBound...])
        }
        // Levels in order, each once (类 before 款 before 项), at least two of them.
        guard names.count >= 2, zip(depths, depths.dropFirst()).allSatisfy({ $0 < $1 }), !names.contains(where: \.isEmpty)
        else { return nil }
        self.names = names
        self.depths = depths
    }

    /// The codes of the levels the path names, for an item code of its deepest level:
    /// 2070308 → 207, 20703, 2070308.
    func levels(of code: String) -> [String]? {
        guard code.count == 3 + 2 * depths.last! else { return nil }
        return depths.map { String(code.prefix(3 + 2 * $0)) }
    }
}

extension DocumentRules {
    func itemNamedDifferently() -> [CheckFinding] {
        var rows: [String: Fact] = [:]
        var items: [FactKey: [Fact]] = [:]
        for fact in document.facts where fact.origin == .table && fact.year == document.year {
            guard let code = fact.code, fact.name != nil, PrintedMoney(fact) != nil else { continue }
            if rows[code] == nil { rows[code] = fact }
            items[fact.key, default: []].append(fact)
        }
        guard !rows.isEmpty else { return [] }
        var findings: [CheckFinding] = []
        var reported: Set<String> = []
        for fact in document.facts where fact.origin == .narrative && fact.year == document.year && fact.key != .changeStated {
            guard let name = fact.name, let path = ItemPath(name), let money = PrintedMoney(fact) else { continue }
            // The narrative's 支出决算为 is the 05表's figure.
            let key = fact.key == .functionActual ? FactKey.functionGeneralTotal : fact.key
            var best: (item: Fact, levels: [String], shared: Int)?
            var tied = false
            for item in items[key] ?? [] where PrintedMoney(item)!.agrees(with: money) {
                guard let levels = path.levels(of: item.code!) else { continue }
                let shared = levels.indices.filter { rows[levels[$0]]?.name.map(Self.folded) == Self.folded(path.names[$0]) }.count
                guard shared > 0 else { continue }
                if let current = best, current.shared >= shared {
                    tied = tied || (current.shared == shared && current.item.code != item.code)
                    continue
                }
                (best, tied) = ((item, levels, shared), false)
            }
            guard let best, !tied else { continue }
            for (index, code) in best.levels.enumerated() {
                guard let row = rows[code], let printed = row.name, Self.folded(printed) != Self.folded(path.names[index]),
                      reported.insert("\(code)|\(path.names[index])").inserted else { continue }
                findings.append(finding(
                    .itemNamedDifferently,
                    "\(code): the narrative names it “\(path.names[index])” (in “\(name)”, \(fact.amount!) \(fact.measure.rawValue)), "
                        + "the table “\(printed)” (over \(best.item.code!) \(best.item.name!))",
                    [fact.amount!, best.item.amount!],
                    [Evidence(document: document, fact: fact), Evidence(document: document, fact: row)]))
            }
        }
        return findings
    }

    /// A name without spaces and with ASCII brackets (ItemPath reads paths folded so), for
    /// comparing 政府办公厅（室）及相关机构事务 however it was printed.
    static func folded(_ name: String) -> String {
        String(name.unicodeScalars.compactMap { scalar -> Character? in
            switch scalar {
            case " ", "\u{3000}": nil
            case "（": "("
            case "）": ")"
            default: Character(scalar)
            }
        })
    }
}
