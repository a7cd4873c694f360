import Disclosure

/// A fact as scripts see it (FACTS.md): the fact, the canonical unit it is filed under, and the
/// document it was read from.
public struct FiledFact: Hashable, Sendable {
    public var unit: UnitID
    /// The canonical unit's name: the title its latest document prints.
    public var unitName: String
    /// Content hash of the document.
    public var document: String
    public var documentYear: Int
    public var kind: DisclosureKind
    public var fact: Fact

    public init(unit: UnitID, unitName: String, document: String, documentYear: Int, kind: DisclosureKind, fact: Fact) {
        self.unit = unit
        self.unitName = unitName
        self.document = document
        self.documentYear = documentYear
        self.kind = kind
        self.fact = fact
    }
}

/// One point of a series: a unit's value of a key (and code) in one year, the source preferred
/// for it, and the other values stated for the same point.
public struct TrendPoint: Hashable, Sendable {
    public var unit: UnitID
    public var unitName: String
    public var year: Int
    public var kind: DisclosureKind
    public var key: FactKey
    public var code: String?
    /// The preferred statement: the year's own document over a later one's implication, a
    /// table over a sentence.
    public var chosen: FiledFact
    /// Statements of other values for the same point, preferred first: never silently dropped.
    public var otherValues: [FiledFact]

    /// The chosen statement's origin, as FACTS.md names it.
    public var origin: Origin { chosen.fact.origin }
}

/// A unit name that matches no unit of the store, with the names that come closest.
public struct UnknownUnitError: Error, Hashable, Sendable, CustomStringConvertible {
    public var name: String
    public var closeMatches: [String]

    public var description: String {
        var text = "no unit named \(name) in this store"
        if !closeMatches.isEmpty { text += "; close matches: " + closeMatches.joined(separator: ", ") }
        return text + ". `history units` lists every unit and the names it is known by"
    }
}

/// A unit name that stands for more than one unit (another spelling printed by several).
public struct AmbiguousUnitError: Error, Hashable, Sendable, CustomStringConvertible {
    public var name: String
    public var units: [String]

    public var description: String {
        "\(name) is printed by documents of \(units.count) units (\(units.joined(separator: ", "))); name one of them"
    }
}
