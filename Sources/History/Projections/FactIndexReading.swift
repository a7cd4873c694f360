import Disclosure
import EventLog
import LMDB

extension FactIndexProjection {
    /// A unit's current documents, years ascending, optionally only those of `years`.
    public func documents(ofUnit unit: String, years: ClosedRange<Int>? = nil, in txn: ReadTransaction) throws -> [FiledDocument] {
        let prefix = IndexKeys.text(unit)
        var result: [FiledDocument] = []
        let start = years.map { IndexKeys.unitYear(unit: unit, year: max(0, $0.lowerBound)) } ?? prefix
        var failure: Error?
        try txn.scan(documents, from: start) { key, value in
            guard key.starts(with: prefix) else { return false }
            let year = Int(IndexKeys.readUInt32(key.dropFirst(prefix.count)))
            if let years, year > years.upperBound { return false }
            do { result.append(try FiledDocumentCoding.decode(Array(value))) } catch { failure = error; return false }
            return true
        }
        if let failure { throw failure }
        return result
    }

    /// Every current document (of `years` only, when given), by unit then year, with its unit
    /// key. Values outside `years` are skipped without being decoded.
    public func allDocuments(years: ClosedRange<Int>? = nil, in txn: ReadTransaction) throws -> [(unit: String, document: FiledDocument)] {
        var result: [(unit: String, document: FiledDocument)] = []
        try forEachDocument(years: years, in: txn) { result.append(($0, $1)) }
        return result
    }

    /// Visits every current document (of `years` only, when given) by unit then year, decoding
    /// one at a time: a whole-store reader holds a document, not the store.
    public func forEachDocument(years: ClosedRange<Int>? = nil, in txn: ReadTransaction,
                                _ body: (_ unit: String, _ document: FiledDocument) throws -> Void) throws {
        var failure: Error?
        try txn.scan(documents) { key, value in
            let bytes = Array(key)
            guard let (unit, rest) = IndexKeys.splitText(bytes) else { return true }
            if let years, !years.contains(Int(IndexKeys.readUInt32(rest))) { return true }
            do { try body(unit, try FiledDocumentCoding.decode(Array(value))) } catch { failure = error; return false }
            return true
        }
        if let failure { throw failure }
    }

    /// One document by content hash, when it is filed.
    public func document(_ hash: String, in txn: ReadTransaction) throws -> (unit: String, document: FiledDocument)? {
        guard let bytes = try txn.get(ContentHash.bytes(hash), in: located),
              case .filed(let unit, let year) = try Location(decoding: bytes).state,
              let value = try txn.get(IndexKeys.document(unit: unit, year: year, hash: hash), in: documents) else { return nil }
        return (unit, try FiledDocumentCoding.decode(value))
    }

    /// The (unit, document year) pairs with at least one fact of `key`: where `trend` looks.
    public func units(stating key: FactKey, in txn: ReadTransaction) throws -> [(unit: String, year: Int)] {
        let prefix = IndexKeys.text(key.rawValue)
        return try txn.entries(in: keys, prefix: prefix).compactMap { entry in
            guard let (unit, rest) = IndexKeys.splitText(Array(entry.key.dropFirst(prefix.count))) else { return nil }
            return (unit, Int(IndexKeys.readUInt32(rest)))
        }
    }

    /// How many documents are filed.
    public func count(in txn: ReadTransaction) throws -> Int { try txn.count(of: documents) }
}
