import Disclosure

/// Where a figure was read: a document, its lines, and whether a table, a sentence or a stated
/// change gave it.
public struct Evidence: Hashable, Sendable {
    /// Content hash of the document.
    public var document: String
    /// The year and kind of that document (an implied 2022 figure comes from the 2023 决算).
    public var documentYear: Int
    public var documentKind: DisclosureKind
    /// The unit's name as that document prints it.
    public var printedUnit: String
    public var key: FactKey
    public var origin: Origin
    public var firstLine: Int
    public var lastLine: Int
    public var text: String
    /// The measure the figure was printed in (元, 万元, …); its value is compared as ``Money``.
    public var measure: Measure
    /// For an implied figure: the stated change (delta against this year) that implies it.
    public var statedDelta: Money?

    public init(document: FiledDocument, fact: Fact, statedDelta: Money? = nil) {
        self.document = document.contentHash(of: fact)
        self.documentYear = document.year
        self.documentKind = document.kind
        self.printedUnit = document.identity.unit
        self.key = fact.key
        self.origin = fact.origin
        self.firstLine = fact.source.firstLine
        self.lastLine = fact.source.lastLine
        self.text = fact.source.text
        self.measure = fact.measure
        self.statedDelta = statedDelta
    }

    /// "lines 189–191" or "line 112".
    public var lineLabel: String {
        firstLine == lastLine ? "line \(firstLine)" : "lines \(firstLine)–\(lastLine)"
    }
}

/// How a figure is known: the unit's own document for that year, or a later document's stated
/// change.
public enum FigureBasis: String, Hashable, Sendable {
    case document
    case implied
}

/// One figure of a year (a total or an item), every value stated for it, and where each came from.
///
/// Nothing is silently picked: when sources disagree all values stay, the preferred one first
/// (a table over a sentence, the unit's own document over an implication).
public struct Figure: Hashable, Sendable {
    public var key: FactKey
    public var basis: FigureBasis
    /// Every source, the preferred first.
    public var sources: [FigureSource]

    public init(key: FactKey, basis: FigureBasis, sources: [FigureSource]) {
        precondition(!sources.isEmpty, "a figure has at least one source")
        self.key = key
        self.basis = basis
        self.sources = sources
    }

    /// The preferred value.
    public var value: Money { sources[0].value }
    /// Distinct values stated, preferred first. A value printed in another measure that agrees
    /// within that measure's rounding (164,978,640元 and 16,497.86万元) is the same value, not a
    /// second one.
    public var values: [Money] { distinct.map(\.money) }

    /// The sources stating `value` (one of ``values``), in whatever measure each printed it.
    public func sources(stating value: Money) -> [FigureSource] {
        let distinct = distinct
        return sources.filter { source in distinct.first { $0.agrees(with: source.printed) }?.money == value }
    }

    private var distinct: [PrintedMoney] {
        var distinct: [PrintedMoney] = []
        for source in sources where !distinct.contains(where: { $0.agrees(with: source.printed) }) { distinct.append(source.printed) }
        return distinct
    }
    /// More than one value is stated for the same figure.
    public var isDisputed: Bool { values.count > 1 }
    public var evidence: [Evidence] { sources.map(\.evidence) }
}

/// One value of a figure with the place that states it.
public struct FigureSource: Hashable, Sendable {
    /// The value as exact money in 元, whatever measure the document printed it in.
    public var value: Money
    public var evidence: Evidence

    public init(value: Money, evidence: Evidence) {
        self.value = value
        self.evidence = evidence
    }

    /// The value with the measure whose rounding it carries.
    var printed: PrintedMoney { PrintedMoney(money: value, measure: evidence.measure) }
    /// The value in the measure it was printed in (in 元 where that is not exact: a figure
    /// implied from a total and a change printed in two measures).
    var printedAmount: Amount { value.printed(in: evidence.measure) }
}
