import Disclosure
import EventLog

extension HistoryQueries {
    /// How much of each document the reader read (of one unit's documents, when named), in
    /// import order; retracted documents are left out, documents without a unit are not.
    ///
    /// Reads each document's latest parse from the log one at a time, so memory stays flat over
    /// a whole store.
    public func coverage(unit name: String? = nil) throws -> [DocumentCoverage] {
        try store.read { txn in
            guard let documents = store.projection(DocumentsProjection.self) else { return [] }
            var records = try documents.records(in: txn).filter { !$0.retracted }
            if let name {
                let unit = try locate(name, in: txn)
                let members = Set(try registry.members(of: unit, in: txn).map(\.hash))
                records = records.filter { members.contains($0.contentHash) }
            }
            return try records.sorted { $0.importedSequence < $1.importedSequence }.map { record in
                var parsed: ParsedDisclosure?
                if !record.parseFailed, let sequence = record.latestParseSequence,
                   let event = try store.log.event(at: sequence, in: txn),
                   case .documentParsed(let parse) = try HistoryEvent(decoding: event) {
                    parsed = parse.parsed
                }
                return DocumentCoverage(contentHash: record.contentHash, sourceName: record.sourceNames.first ?? "",
                                        parsed: parsed)
            }
        }
    }
}
