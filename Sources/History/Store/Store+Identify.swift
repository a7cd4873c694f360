import Disclosure
/// Why `history identify` could not record what the user said.
public struct IdentifyError: Error, CustomStringConvertible {
    public var description: String
}

extension Store {
    /// Records what a user says a document is (DocumentIdentified) and the document's latest
    /// parse with that laid over its identity (DocumentParsed), in one transaction; returns
    /// the two sequences and the identity now filed. Nothing is edited: both are new events.
    ///
    /// - Throws: ``IdentifyError`` when the document is retracted or has no parse to identify.
    public func identify(_ contentHash: String, stated: StatedIdentity, said: String) throws -> (sequences: [UInt64], identity: DocumentIdentity) {
        try write { txn in
            guard let record = try projection(DocumentsProjection.self)?.record(contentHash, in: txn) else {
                throw IdentifyError(description: "no document \(contentHash.prefix(12)) in the store; see `history log`")
            }
            guard !record.retracted else {
                throw IdentifyError(description: "\(contentHash.prefix(12)) is retracted; import its file again to bring it back first")
            }
            guard let sequence = record.latestParseSequence, !record.parseFailed,
                  let recorded = try log.event(at: sequence, in: txn),
                  case .documentParsed(var parsed) = try HistoryEvent(decoding: recorded) else {
                throw IdentifyError(description: "\(contentHash.prefix(12)) has no parse to identify (`history log --doc \(contentHash.prefix(12))` says why)")
            }
            parsed.parsed = stated.apply(to: parsed.parsed, said: said)
            let sequences = try append([.documentIdentified(DocumentIdentified(contentHash: contentHash, stated: stated, said: said)),
                                        .documentParsed(parsed)], in: txn)
            return (sequences, parsed.parsed.identity)
        }
    }
}
