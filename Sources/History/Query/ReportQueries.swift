import Disclosure

extension HistoryQueries {
    /// The HTML report of some units (any names they are known by), or of every unit, ready to
    /// turn into files with ``HTMLReport/files()``.
    ///
    /// For named units the report reads their neighbourhood (``UnitNeighbourhood``): their own
    /// documents and those tied to them by transfers, so the other side of a transfer is named
    /// as the whole store would name it; its corpus page lists those documents. Without names it
    /// reads every document once and builds every timeline from the one directory.
    public func report(units names: [String] = [], years: ClosedRange<Int>? = nil,
                       kind: DisclosureKind = .finalAccount) throws -> HTMLReport {
        try store.read { txn in
            if !names.isEmpty {
                var seeds: [String] = []
                for name in names {
                    let unit = try locate(name, in: txn)
                    if !seeds.contains(unit) { seeds.append(unit) }
                }
                let hood = try UnitNeighbourhood.load(seeds: Set(seeds), registry: registry, facts: factIndex, in: txn)
                return HTMLReport(timelines: seeds.map { hood.timeline(of: UnitID(key: $0), kind: kind) },
                                  overview: CorpusOverview(directory: hood.directory), years: years,
                                  findings: ConsistencyCheck.run(documents: hood.documents, directory: hood.directory))
            }
            let directory = UnitDirectory(cards: try registry.allCards(in: txn), aliases: try registry.declaredAliases(in: txn))
            // A year's figures come from its own document and, when implied, from the next year's.
            let read = years.map { $0.lowerBound...($0.upperBound + 1) }
            var byHash: [String: FiledDocument] = [:]
            for entry in try factIndex.allDocuments(years: read, in: txn) where byHash[entry.document.contentHash] == nil {
                byHash[entry.document.contentHash] = entry.document
            }
            let timelines = directory.units.map { record in
                UnitTimeline(unit: record.id, directory: directory,
                             documents: directory.documentsConcerning(record.id).compactMap { byHash[$0] }, kind: kind)
            }
            // Each unit's findings page: every document read, checked as `history check` checks the store.
            return HTMLReport(timelines: timelines, overview: CorpusOverview(directory: directory), years: years,
                              findings: ConsistencyCheck.run(documents: byHash.keys.sorted().map { byHash[$0]! }, directory: directory))
        }
    }
}
