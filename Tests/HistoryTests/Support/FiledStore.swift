import Disclosure
import EventLog
import LMDB
@testable import History

/// A store filled with hand-written documents through the log, as `history import` would fill
/// it: per document a DocumentImported and a DocumentParsed, then the declared aliases.
struct FiledStore {
    let directory: StoreDirectory
    let store: Store
    /// The documents as the store files them: sequences are their import events'.
    let documents: [FiledDocument]
    /// The aliases with their events' sequences.
    let aliases: [DeclaredAlias]

    init(_ documents: [FiledDocument], aliases: [DeclaredAlias] = [], batch: Bool = false) throws {
        directory = try StoreDirectory()
        let store = try Store(path: directory.path + "/s", create: true)
        var filed: [FiledDocument] = []
        var events: [HistoryEvent] = []
        for document in documents {
            events.append(.documentImported(DocumentImported(contentHash: document.contentHash, sourceName: document.sourceName,
                                                             mediaType: "text/plain", size: 1000)))
            events.append(.documentParsed(DocumentParsed(contentHash: document.contentHash, parserVersion: 1, parsed: document.disclosure)))
        }
        events += aliases.map { .unitAliasDeclared(UnitAliasDeclared(alias: $0.alias, canonical: $0.canonical)) }
        let sequences: [UInt64]
        if batch {
            sequences = try store.write { txn in try store.append(events, in: txn) }
        } else {
            sequences = try events.map { event in try store.write { txn in try store.append([event], in: txn) }[0] }
        }
        for (index, document) in documents.enumerated() {
            var copy = document
            copy.sequence = sequences[index * 2]
            filed.append(copy)
        }
        self.aliases = aliases.enumerated().map { index, alias in
            DeclaredAlias(alias: alias.alias, canonical: alias.canonical, sequence: sequences[documents.count * 2 + index])
        }
        self.store = store
        self.documents = filed
    }

    var queries: HistoryQueries { get throws { try HistoryQueries(store: store) } }

    /// The engine's answer over every document, to compare the store's per-unit answers with.
    var directoryOfEverything: UnitDirectory { UnitDirectory(documents: documents, aliases: aliases) }

    func expectedTimeline(_ key: String) -> UnitTimeline {
        let directory = directoryOfEverything
        let concerning = Set(directory.documentsConcerning(UnitID(key: key)))
        return UnitTimeline(unit: UnitID(key: key), directory: directory, documents: documents.filter { concerning.contains($0.contentHash) })
    }

    func expectedDiff(_ from: Int, _ to: Int, only unit: String? = nil) -> YearDiff {
        let directory = directoryOfEverything
        let timelines = directory.units.map { record in
            let concerning = Set(directory.documentsConcerning(record.id))
            return UnitTimeline(unit: record.id, directory: directory, documents: documents.filter { concerning.contains($0.contentHash) })
        }
        return YearDiff(from: from, to: to, timelines: timelines, only: unit.map { UnitID(key: $0) })
    }

    /// Every entry of every projection database, to compare a rebuild with incremental folding.
    func projectionContents() throws -> [String: [[UInt8]]] {
        try store.read { txn in
            var contents: [String: [[UInt8]]] = [:]
            for projection in store.projections {
                for database in Self.databases(of: projection) {
                    contents[database.name ?? ""] = try txn.entries(in: database).map { $0.key + [0xFF] + $0.value }
                }
            }
            return contents
        }
    }

    static func databases(of projection: any Projection) -> [LMDB.Database] {
        switch projection {
        case let registry as UnitRegistryProjection:
            [registry.documents, registry.members, registry.names, registry.mentions, registry.aliases.database]
        case let facts as FactIndexProjection:
            [facts.documents, facts.keys, facts.located, facts.aliases.database]
        default: []
        }
    }
}
