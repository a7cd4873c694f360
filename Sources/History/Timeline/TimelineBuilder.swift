import Disclosure

extension UnitTimeline {
    /// The keys a timeline shows as a year's totals, in this order.
    public static let totalKeys: [FactKey] = [.grandTotal, .incomeTotal, .expenseTotal]

    /// Builds the timeline of `unit` from the documents concerning it.
    ///
    /// - Parameters:
    ///   - documents: the unit's own documents and those naming it in a transfer; others are
    ///     ignored, so passing more is harmless but slower.
    ///   - kind: 决算 timelines read 决算 only, 预算 timelines 预算 only.
    ///   - scope: 部门 or 单位 disclosures only; nil reads a year's 部门 disclosure, or its 单位
    ///     disclosure when it has no 部门 one (a unit's two are never each other's filings).
    ///   A disclosure published in several files is read as one (``DisclosureJoin``).
    public init(unit: UnitID, directory: UnitDirectory, documents: [FiledDocument],
                kind: DisclosureKind = .finalAccount, scope: DisclosureScope? = nil, catalogue: ClassificationCatalogue = .standard) {
        self.unit = unit
        self.name = directory.record(unit)?.name ?? unit.key
        self.kind = kind
        let ofKind = documents.filter { $0.kind == kind }
        let own = DisclosureJoin.apply(directory.record(unit)?.joined ?? [],
                                       to: ofKind.filter { directory.unit(ofDocument: $0.contentHash) == unit && (scope == nil || $0.identity.scope == scope) })
        var byYear: [Int: [FiledDocument]] = [:]
        for document in own { byYear[document.year, default: []].append(document) }
        for (year, filed) in byYear where scope == nil && Set(filed.map(\.identity.scope)).count > 1 {
            byYear[year] = filed.filter { $0.identity.scope == .department }
        }
        var primary: [Int: FiledDocument] = [:]
        for (year, filed) in byYear { primary[year] = filed.max { $0.sequence < $1.sequence } }

        // Implied figures: year → key → sources, from each primary document.
        var implied: [Int: [FactKey: [FigureSource]]] = [:]
        for document in primary.values {
            for entry in FactReading(document).implied(keys: Set(Self.totalKeys)) {
                implied[entry.year, default: [:]][entry.key, default: []].append(entry.source)
            }
        }
        let transfers = TransferLedger.transfers(in: ofKind, directory: directory)
            .filter { $0.from == unit || $0.to == unit }

        let years = Set(primary.keys).union(implied.keys).union(transfers.map(\.year)).sorted()
        self.years = years.map { year in
            let document = primary[year]
            let reading = document.map(FactReading.init)
            var totals: [Figure] = []
            for key in Self.totalKeys {
                let documented = reading?.own(key) ?? []
                let stated = (implied[year]?[key] ?? []).sorted { $0.evidence.firstLine < $1.evidence.firstLine }
                if !documented.isEmpty {
                    totals.append(Figure(key: key, basis: .document, sources: documented + stated))
                } else if !stated.isEmpty {
                    totals.append(Figure(key: key, basis: .implied, sources: stated))
                }
            }
            var reasons = reading?.yearOverYearReasons ?? []
            let items = reading?.items(catalogue: catalogue) ?? []
            reasons += items.compactMap(\.varianceReason)
            reasons += reading?.unclassifiedVarianceReasons ?? []
            return TimelineYear(
                year: year,
                document: document.map(DocumentRef.init),
                supersededDocuments: (byYear[year] ?? []).filter { $0.contentHash != document?.contentHash }
                    .sorted { $0.sequence < $1.sequence }.map(DocumentRef.init),
                totals: totals, items: items,
                statedChanges: reading?.statedChanges ?? [],
                reasons: reasons,
                transfersOut: transfers.filter { $0.year == year && $0.from == unit },
                transfersIn: transfers.filter { $0.year == year && $0.to == unit },
                impliedDisagreements: primary[year + 1].flatMap {
                    Self.impliedDisagreement(year: year, statedIn: $0, implied: implied[year] ?? [:])
                }.map { [$0] } ?? [])
        }
    }

    /// Two implied values for one year where the stating document's own figures for the keys
    /// involved are equal: the deltas, not the totals, disagree.
    private static func impliedDisagreement(year: Int, statedIn document: FiledDocument,
                                            implied: [FactKey: [FigureSource]]) -> ImpliedDisagreement? {
        let reading = FactReading(document)
        var readings: [ImpliedDisagreement.Reading] = []
        var currents: Set<Money> = []
        for key in totalKeys {
            for source in implied[key] ?? [] where source.evidence.document == document.contentHash {
                if let current = reading.own(key).first?.value { currents.insert(current) }
                if let index = readings.firstIndex(where: { $0.value == source.value }) {
                    if !readings[index].keys.contains(key) { readings[index].keys.append(key) }
                    readings[index].evidence.append(source.evidence)
                } else {
                    readings.append(.init(value: source.value, keys: [key], delta: source.evidence.statedDelta, evidence: [source.evidence]))
                }
            }
        }
        guard readings.count > 1, currents.count <= 1 else { return nil }
        return ImpliedDisagreement(year: year, statedIn: DocumentRef(document), readings: readings)
    }
}
