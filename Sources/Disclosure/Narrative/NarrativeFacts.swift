/// The facts read from one narrative so far, and what the reader does with repeats.
///
/// Narratives say the same thing many times: the 2023 sample names the transfer of 医疗救助
/// five times and 一般公共预算财政拨款支出 479.44 three times. A statement identical to an
/// earlier one (same key, year, code, name, value, measure, origin and statement fields) adds
/// nothing and is kept once, at its first place in the text; a share or reason that only the
/// repeat states is added to the first. A statement that differs in its value is never dropped:
/// both are kept and a `conflicting-values` warning points at the second.
struct NarrativeFacts {
    private(set) var facts: [Fact] = []
    var warnings: [ParseWarning] = []
    /// The statements made about each quantity, first to last, with the index of the fact that
    /// holds each. One hash per fact added: hashing a quantity hashes its names (NFC-normalised
    /// Strings), which showed in profiles when each fact was hashed four times; the statements
    /// of one quantity are few and compared one by one.
    private var statementsByQuantity: [Quantity: [(statement: Statement, index: Int)]] = [:]

    /// What makes two statements about the same quantity the same statement.
    private struct Statement: Equatable {
        var value: FactValue
        var measure: Measure
        var of: FactKey?
        var base: FactKey?
        var baseYear: Int?
        var delta: Amount?
        var pct: Amount?
        var counterparty: String?
    }

    /// What makes two statements about the same quantity.
    ///
    /// Hashed once, when made: the dictionary rehashes every key each time it grows, and hashing
    /// a quantity's names (NFC-normalised Strings) showed in profiles.
    private struct Quantity: Hashable {
        let key: FactKey
        let year: Int
        let code: String?
        let name: String?
        let origin: Origin
        let project: String?
        let of: FactKey?
        let counterparty: String?
        private let hash: Int

        init(key: FactKey, year: Int, code: String?, name: String?, origin: Origin,
             project: String? = nil, of: FactKey? = nil, counterparty: String? = nil) {
            self.key = key
            self.year = year
            self.code = code
            self.name = name
            self.origin = origin
            self.project = project
            self.of = of
            self.counterparty = counterparty
            var hasher = Hasher()
            hasher.combine(key)
            hasher.combine(year)
            hasher.combine(code)
            hasher.combine(name)
            hasher.combine(origin)
            hasher.combine(project)
            hasher.combine(of)
            hasher.combine(counterparty)
            hash = hasher.finalize()
        }

        static func == (lhs: Quantity, rhs: Quantity) -> Bool {
            lhs.hash == rhs.hash && lhs.key == rhs.key && lhs.year == rhs.year && lhs.code == rhs.code
                && lhs.name == rhs.name && lhs.origin == rhs.origin && lhs.project == rhs.project
                && lhs.of == rhs.of && lhs.counterparty == rhs.counterparty
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }
    }

    private static func quantity(_ fact: Fact) -> Quantity {
        Quantity(key: fact.key, year: fact.year, code: fact.code, name: fact.code == nil ? fact.name : nil,
                 origin: fact.origin, project: fact.project, of: fact.of, counterparty: fact.counterparty)
    }

    /// Adds a fact unless it repeats an earlier statement; returns the index of the fact that
    /// now holds the statement.
    @discardableResult
    mutating func add(_ fact: Fact) -> Int {
        let statement = Statement(value: fact.value, measure: fact.measure, of: fact.of, base: fact.base,
                                  baseYear: fact.baseYear, delta: fact.delta, pct: fact.pct, counterparty: fact.counterparty)
        let next = facts.count
        var earlier: Int?
        var repeated: Int?
        func record(_ statements: inout [(statement: Statement, index: Int)]) {
            earlier = statements.first?.index
            if let match = statements.first(where: { $0.statement == statement }) {
                repeated = match.index
            } else {
                statements.append((statement, next))
            }
        }
        record(&statementsByQuantity[Self.quantity(fact), default: []])
        if let index = repeated {
            if facts[index].share == nil { facts[index].share = fact.share }
            if facts[index].reason == nil { facts[index].reason = fact.reason }
            return index
        }
        // A performance table lists indicators, and one name may stand under several headings
        // (满意度 of two groups): two values of an indicator are two rows, not a contradiction.
        if fact.key != .changeStated && fact.key != .reasonVariance && fact.key != .indicatorTarget && fact.key != .indicatorActual,
           let earlier {
            let first = facts[earlier]
            warnings.append(ParseWarning(
                rule: .conflictingValues,
                message: "\(fact.key.rawValue)\(fact.code.map { " \($0)" } ?? "") for \(fact.year) is stated as \(Self.describe(first)) "
                    + "on line \(first.source.firstLine) and as \(Self.describe(fact)) on line \(fact.source.firstLine); both are kept",
                source: fact.source))
        }
        facts.append(fact)
        return next
    }

    subscript(index: Int) -> Fact {
        get { facts[index] }
        set { facts[index] = newValue }
    }

    /// The latest amount stated for a quantity of the given year, narrative before implied.
    /// (Figures printed in 千元 or 亿元 are left out: the narrative's own arithmetic is in 万元.)
    func amount(_ key: FactKey, year: Int, code: String? = nil, name: String? = nil) -> Amount? {
        for origin in [Origin.narrative, .implied] {
            if let index = statementsByQuantity[Quantity(key: key, year: year, code: code, name: code == nil ? name : nil, origin: origin)]?.first?.index,
               let amount = facts[index].amount, facts[index].measure != .qianYuan, facts[index].measure != .yiYuan {
                return amount
            }
        }
        return nil
    }

    /// Every fact of a key (in reading order).
    func all(_ key: FactKey) -> [Fact] { facts.filter { $0.key == key } }

    mutating func warn(_ rule: WarningRule, _ message: String, _ source: SourceSpan?) {
        warnings.append(ParseWarning(rule: rule, message: message, source: source))
    }

    static func describe(_ fact: Fact) -> String {
        switch fact.value {
        case .amount(let amount): return "\(amount) \(fact.measure.rawValue)"
        case .text(let text): return "“\(text)”"
        case .none: return "nothing"
        }
    }
}
