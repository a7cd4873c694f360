/// One thing a disclosure states, with the place in the text it was read from.
///
/// A value type: facts are compared, hashed and stored as they are. The document hash and the
/// canonical unit are not part of a fact; the engine adds them when it files the fact.
public struct Fact: Hashable, Sendable, Codable {
    /// Version of the public fact vocabulary (FACTS.md). Bump only when a key changes meaning.
    public static let schema = 1

    public var key: FactKey
    /// The fiscal year the value belongs to (for an implied fact, the earlier year it implies).
    public var year: Int
    /// Classification code (3, 5 or 7 digits for function, 3 or 5 for economic), when the key has one.
    public var code: String?
    /// Classification or project name as printed (or as the catalogue names the code).
    public var name: String?
    public var value: FactValue
    public var measure: Measure
    public var origin: Origin
    public var source: SourceSpan

    // Fields of statements (`change.stated`, `reason.variance`, `transfer.*`).
    /// The key a stated change is about (e.g. `grand.total`).
    public var of: FactKey?
    /// The year a stated change compares against.
    public var baseYear: Int?
    /// Signed change stated by the document (negative for 减少/下降).
    public var delta: Amount?
    /// Signed percent change stated by the document.
    public var pct: Amount?
    /// The unit's own words for why (主要原因是……).
    public var reason: String?
    /// The other unit of a transfer (区民政局).
    public var counterparty: String?
    /// What a stated change compares against when that is not `of` itself in the base year:
    /// `operating_cost.budget` for "比年初预算数减少0.11万元", `function.actual` for
    /// "比2023年预算执行数减少57.14%". Nil: `of` in `baseYear`.
    public var base: FactKey?
    /// The share of a parent total the document states with the amount, in percent
    /// ("基本支出266.03万元，占本年支出55.5%" → 55.5).
    public var share: Amount?
    /// The project (or 部门整体) a performance indicator belongs to.
    public var project: String?

    public init(
        key: FactKey, year: Int, code: String? = nil, name: String? = nil,
        value: FactValue, measure: Measure = .wanYuan, origin: Origin, source: SourceSpan,
        of: FactKey? = nil, baseYear: Int? = nil, delta: Amount? = nil, pct: Amount? = nil,
        reason: String? = nil, counterparty: String? = nil,
        base: FactKey? = nil, share: Amount? = nil, project: String? = nil
    ) {
        self.key = key
        self.year = year
        self.code = code
        self.name = name
        self.value = value
        self.measure = measure
        self.origin = origin
        self.source = source
        self.of = of
        self.baseYear = baseYear
        self.delta = delta
        self.pct = pct
        self.reason = reason
        self.counterparty = counterparty
        self.base = base
        self.share = share
        self.project = project
    }

    /// The amount, when the value is one.
    public var amount: Amount? {
        if case .amount(let amount) = value { return amount }
        return nil
    }
}

/// A fact's value: an exact amount, or text where the document states no number
/// (an indicator's "据实", a stated reason).
///
/// In the log and JSON: `{"amount": "2263.86"}` (in the fact's `measure`), `{"text": "据实"}`, or
/// `{}` for none. The first release wrote Swift's synthesised form, `{"amount": {"_0":
/// {"hundredths": 226386}}}`, `{"text": {"_0": "据实"}}`, `{"none": {}}`; both are read.
public enum FactValue: Hashable, Sendable, Codable {
    case amount(Amount)
    case text(String)
    case none

    private enum CodingKeys: String, CodingKey { case amount, text }
    private enum FirstReleaseKeys: String, CodingKey { case _0 }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .amount(let amount): try container.encode(amount, forKey: .amount)
        case .text(let text): try container.encode(text, forKey: .text)
        case .none: break
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if container.contains(.amount) {
            if let wrapped = try? container.nestedContainer(keyedBy: FirstReleaseKeys.self, forKey: .amount) {
                self = .amount(try wrapped.decode(Amount.self, forKey: ._0))
            } else {
                self = .amount(try container.decode(Amount.self, forKey: .amount))
            }
        } else if container.contains(.text) {
            if let wrapped = try? container.nestedContainer(keyedBy: FirstReleaseKeys.self, forKey: .text) {
                self = .text(try wrapped.decode(String.self, forKey: ._0))
            } else {
                self = .text(try container.decode(String.self, forKey: .text))
            }
        } else {
            self = .none
        }
    }
}

/// Where a fact came from.
public enum Origin: String, Hashable, Sendable, Codable, CaseIterable {
    /// A row of a 公开表.
    case table
    /// A sentence of the narrative.
    case narrative
    /// Derived from a stated change: last year's total = this year's total − the stated delta.
    case implied
}

/// The unit a value is measured in, as printed.
public enum Measure: String, Hashable, Sendable, Codable, CaseIterable {
    case wanYuan = "万元"
    case yuan = "元"
    case qianYuan = "千元"
    case yiYuan = "亿元"
    case percent = "%"
    case count = "个"
    case vehicles = "辆"
    case persons = "人"
    case personTimes = "人次"
    case sets = "台(套)"
    case yuanPerMonth = "元/月"
    case times = "次"
    /// A value that is text, not a quantity.
    case text = ""
}

/// The lines of the source text a fact (or warning) was read from.
public struct SourceSpan: Hashable, Sendable, Codable {
    /// 1-based line numbers in the decoded document text, first and last inclusive.
    public var firstLine: Int
    public var lastLine: Int
    /// The source snippet (wrapped lines joined), for showing where a figure came from.
    public var text: String
    /// 1-based PDF page, when the document was a PDF.
    public var page: Int?

    public init(firstLine: Int, lastLine: Int, text: String, page: Int? = nil) {
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.text = text
        self.page = page
    }

    public init(line: Int, text: String) {
        self.init(firstLine: line, lastLine: line, text: text)
    }
}
