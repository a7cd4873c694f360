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

    public init(contentHash: String, sequence: UInt64, sourceName: String, disclosure: ParsedDisclosure) {
        self.contentHash = contentHash
        self.sequence = sequence
        self.sourceName = sourceName
        self.disclosure = disclosure
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
            }
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

    public init(contentHash: String, sequence: UInt64, sourceName: String, identity: DocumentIdentity,
                counterparties: [CounterpartyMention]) {
        self.contentHash = contentHash
        self.sequence = sequence
        self.sourceName = sourceName
        self.identity = identity
        self.counterparties = counterparties
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
