import Disclosure

/// A parsed disclosure as the engine sees it: the document's content hash, when it was filed,
/// and what the parser read from it.
///
/// This is the engine's only input besides declared aliases. The store builds these from
/// `DocumentImported` + the latest `DocumentParsed` of each non-retracted document; the engine
/// never reads the log or a file itself.
public struct FiledDocument: Hashable, Sendable {
    /// SHA-256 of the document's bytes, lowercase hex: the `doc` of every fact it yields.
    public var contentHash: String
    /// Sequence number of the event that imported it; later imports win ties.
    public var sequence: UInt64
    /// The file name it was imported from, for people (never used for identity).
    public var sourceName: String
    public var disclosure: ParsedDisclosure
    /// The other files of the same disclosure whose facts were joined to this one's (the tables
    /// a narrative was published without), each with its facts; empty for a single file.
    public var joined: [JoinedPart] = []

    public init(contentHash: String, sequence: UInt64, sourceName: String, disclosure: ParsedDisclosure) {
        self.contentHash = contentHash
        self.sequence = sequence
        self.sourceName = sourceName
        self.disclosure = disclosure
    }

    /// A file joined to another of its disclosure: which, and the facts it brought.
    public struct JoinedPart: Hashable, Sendable {
        public var contentHash: String
        public var sequence: UInt64
        public var sourceName: String
        public var facts: Set<Fact>
    }

    /// This document with the facts of `parts` (other files of the same disclosure) added; the
    /// identity stays this one's, each fact keeps the file it came from (``contentHash(of:)``).
    public func joining(_ parts: [FiledDocument]) -> FiledDocument {
        var whole = self
        for part in parts {
            whole.disclosure.facts += part.facts
            whole.joined.append(JoinedPart(contentHash: part.contentHash, sequence: part.sequence, sourceName: part.sourceName,
                                           facts: Set(part.facts)))
        }
        return whole
    }

    /// The file a fact of this document was read from: a joined part's, or this one's.
    public func contentHash(of fact: Fact) -> String {
        joined.first { $0.facts.contains(fact) }?.contentHash ?? contentHash
    }

    public var identity: DocumentIdentity { disclosure.identity }
    public var year: Int { disclosure.identity.year }
    public var kind: DisclosureKind { disclosure.identity.kind }
    public var facts: [Fact] { disclosure.facts }

    /// What the directory needs to know about this document, without its facts.
    public var card: DocumentCard {
        DocumentCard(
            contentHash: contentHash, sequence: sequence, sourceName: sourceName,
            identity: identity,
            counterparties: facts.compactMap { fact in
                guard fact.key == .transferOut || fact.key == .transferIn,
                      let name = fact.counterparty else { return nil }
                return CounterpartyMention(name: name, line: fact.source.firstLine)
            },
            contents: DocumentContents(disclosure)
        )
    }
}

/// A document's identity and the unit names it mentions: all the unit directory reads.
///
/// The store's unit registry can keep one of these per document, so resolving units never
/// loads facts.
public struct DocumentCard: Hashable, Sendable {
    public var contentHash: String
    public var sequence: UInt64
    public var sourceName: String
    public var identity: DocumentIdentity
    /// Other units named by the document's transfers (区民政局), with the line naming them.
    public var counterparties: [CounterpartyMention]
    /// What it holds, in brief: enough to see that it and another file are one disclosure.
    public var contents: DocumentContents

    public init(contentHash: String, sequence: UInt64, sourceName: String, identity: DocumentIdentity,
                counterparties: [CounterpartyMention], contents: DocumentContents = DocumentContents()) {
        self.contentHash = contentHash
        self.sequence = sequence
        self.sourceName = sourceName
        self.identity = identity
        self.counterparties = counterparties
        self.contents = contents
    }
}

/// How many facts a document read from tables and from its narrative, and the totals of its own
/// year each states: a narrative published without its tables, and those tables, complement
/// each other (``DisclosureJoin``).
public struct DocumentContents: Hashable, Sendable {
    public var tableFacts: Int
    public var narrativeFacts: Int
    /// The first table figure of each of ``UnitTimeline/totalKeys`` for the document's year, as
    /// money with the measure it was printed in (tables in 元 beside a narrative in 万元).
    public var tableTotals: [FactKey: PrintedMoney]
    /// The same, as the narrative states them.
    public var statedTotals: [FactKey: PrintedMoney]

    public init(tableFacts: Int = 0, narrativeFacts: Int = 0, tableTotals: [FactKey: PrintedMoney] = [:],
                statedTotals: [FactKey: PrintedMoney] = [:]) {
        self.tableFacts = tableFacts
        self.narrativeFacts = narrativeFacts
        self.tableTotals = tableTotals
        self.statedTotals = statedTotals
    }

    public init(_ disclosure: ParsedDisclosure) {
        self.init()
        for fact in disclosure.facts {
            switch fact.origin {
            case .table: tableFacts += 1
            case .narrative: narrativeFacts += 1
            case .implied: continue
            }
            guard fact.code == nil, fact.year == disclosure.identity.year,
                  UnitTimeline.totalKeys.contains(fact.key), let amount = PrintedMoney(fact) else { continue }
            if fact.origin == .table {
                if tableTotals[fact.key] == nil { tableTotals[fact.key] = amount }
            } else if statedTotals[fact.key] == nil {
                statedTotals[fact.key] = amount
            }
        }
    }
}

/// A unit named inside a document as the other side of a transfer.
public struct CounterpartyMention: Hashable, Sendable {
    public var name: String
    public var line: Int

    public init(name: String, line: Int) {
        self.name = name
        self.line = line
    }
}

/// A user's statement that two names are the same unit (`history alias ALIAS CANONICAL`).
public struct DeclaredAlias: Hashable, Sendable {
    public var alias: String
    public var canonical: String
    /// Sequence of the `UnitAliasDeclared` event, for the explanation; later declarations win.
    public var sequence: UInt64

    public init(alias: String, canonical: String, sequence: UInt64 = 0) {
        self.alias = alias
        self.canonical = canonical
        self.sequence = sequence
    }
}
