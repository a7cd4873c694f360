import Disclosure

/// The identity of a unit: the comparison key of its canonical name (武昌区医疗保障局).
public struct UnitID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let key: String

    public init(key: String) {
        self.key = key
    }

    public static func < (lhs: UnitID, rhs: UnitID) -> Bool { lhs.key < rhs.key }
    public var description: String { key }
}

/// How one printed name was tied to a unit, and why: what `history units` shows.
public struct NameResolution: Hashable, Sendable {
    public var name: String
    public var unit: UnitID
    public var rule: ResolutionRule
    /// One sentence for a person: which rule applied and on what evidence.
    public var explanation: String
    /// The document the name was read from, when it was read from one.
    public var document: String?

    public init(name: String, unit: UnitID, rule: ResolutionRule, explanation: String, document: String? = nil) {
        self.name = name
        self.unit = unit
        self.rule = rule
        self.explanation = explanation
        self.document = document
    }
}

/// The rules that tie a name to a unit; the raw value is shown to users and in JSON.
public enum ResolutionRule: String, Hashable, Sendable, CaseIterable {
    /// The name is the unit's key exactly.
    case sameName = "same-name"
    /// Equal once full-width characters and spaces are folded.
    case folded = "folded"
    /// Equal once a leading province/city before a district-level name is dropped.
    case prefixDropped = "prefix-dropped"
    /// A party organ written in full (中国共产党江苏省委员会办公厅, 中共江苏省委办公厅), equal to its
    /// short form (江苏省委办公厅).
    case partyOrgan = "party-organ"
    /// The unit's name with (本级) after it: its own level, as a 单位 disclosure names it.
    case ownLevel = "own-level"
    /// A user declared it (`history alias`); overrides every automatic rule.
    case declaredAlias = "declared-alias"
    /// Another spelling printed inside a document of the unit (a typo in a heading).
    case spelledInsideDocument = "spelled-inside-document"
    /// A short name (区民政局) qualified with the district of the document naming it.
    case counterpartyQualified = "counterparty-qualified"
    /// A short name matching exactly one documented unit of the same district by its ending.
    case counterpartySuffix = "counterparty-suffix"
    /// A name used only as the other side of a transfer, matching no documented unit.
    case counterpartyOnly = "counterparty-only"
}

/// One unit of the directory: its canonical name, every name resolved to it, and its documents.
public struct UnitRecord: Hashable, Sendable {
    public var id: UnitID
    /// The title printed by its latest document, or the declared or qualified name when it has none.
    public var name: String
    public var names: [NameResolution]
    /// Its own documents, ordered by year, then filing sequence.
    public var documents: [DocumentCard]
    /// Documents of other units that name this unit as the other side of a transfer.
    public var mentionedBy: [String]
    /// Its disclosures published in several files, each seen as one (``DisclosureJoin``).
    public var joined: [JoinedDisclosure] = []

    public var hasDocuments: Bool { !documents.isEmpty }
    /// Years with a document of the given kind (of either scope unless one is given).
    public func years(of kind: DisclosureKind = .finalAccount, scope: DisclosureScope? = nil) -> [Int] {
        Array(Set(documents.filter { $0.identity.kind == kind && (scope == nil || $0.identity.scope == scope) }
            .map(\.identity.year))).sorted()
    }
}

