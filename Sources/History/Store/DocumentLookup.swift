import EventLog
import Foundation
import LMDB

/// Why a reference to a document (`history retract DOC`, `log --doc`, `replay --doc`) names none or several.
public enum DocumentLookupError: Error, Hashable, Sendable, CustomStringConvertible {
    case notFound(String)
    case ambiguous(String, candidates: [String])

    public var description: String {
        switch self {
        case .notFound(let reference):
            "no imported document has a SHA-256 starting with \"\(reference)\" or was imported as a file named \"\(reference)\"; `history log` lists them"
        case .ambiguous(let reference, let candidates):
            "\"\(reference)\" names \(candidates.count) documents (\(candidates.prefix(5).joined(separator: ", "))\(candidates.count > 5 ? ", …" : "")); give more digits of the hash"
        }
    }
}

extension DocumentsProjection {
    /// The document `reference` names: its SHA-256 (64 hex digits), a prefix of at least 4 hex
    /// digits that only it has, or a file name (without directory) it was imported under.
    public func resolve(_ reference: String, in txn: ReadTransaction) throws -> DocumentRecord {
        let hex = reference.lowercased()
        if hex.count >= 4, hex.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) {
            // The keys are the raw hash bytes: seek to the whole bytes of the prefix, filter on the rest.
            let digits = Array(hex.utf8)
            let bytePrefix = stride(from: 0, to: digits.count - 1, by: 2).map { UInt8(String(decoding: digits[$0...$0 + 1], as: UTF8.self), radix: 16)! }
            let matches = try txn.entries(in: database, prefix: bytePrefix)
                .map { try DocumentRecordCoding.decode($0.value) }
                .filter { $0.contentHash.hasPrefix(hex) }
            if matches.count == 1 { return matches[0] }
            if matches.count > 1 { throw DocumentLookupError.ambiguous(reference, candidates: matches.map { String($0.contentHash.prefix(12)) }) }
        }
        let name = URL(fileURLWithPath: reference).lastPathComponent
        let named = try records(in: txn).filter { $0.sourceNames.contains(name) }
        if named.count == 1 { return named[0] }
        if named.isEmpty { throw DocumentLookupError.notFound(reference) }
        throw DocumentLookupError.ambiguous(reference, candidates: named.map { String($0.contentHash.prefix(12)) })
    }
}
