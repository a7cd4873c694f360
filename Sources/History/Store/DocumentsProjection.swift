import EventLog
import Foundation
import LMDB

/// What the store knows about one imported document, kept by ``DocumentsProjection``.
public struct DocumentRecord: Codable, Hashable, Sendable {
    public var contentHash: String
    /// Every file name the bytes were imported under, first first.
    public var sourceNames: [String]
    public var mediaType: String
    public var size: Int
    public var importedSequence: UInt64
    /// The sequence of the latest DocumentParsed or DocumentParseFailed.
    public var latestParseSequence: UInt64?
    public var parserVersion: Int?
    /// Whether the latest parse attempt failed.
    public var parseFailed: Bool
    /// From the latest successful parse.
    public var unit: String?
    public var year: Int?
    public var retracted: Bool
    /// Why, from the DocumentRetracted; `nil` when not retracted.
    public var retractionReason: String?
}

/// Documents by content hash: source names, latest parse, retraction.
///
/// Database `projection/documents`: key = the 32 raw bytes of the SHA-256, value = the
/// ``DocumentRecord`` in ``DocumentRecordCoding``'s binary form.
public struct DocumentsProjection: Projection {
    public static let name = "documents"
    /// 2: a DocumentImported of a retracted document brings it back; the retraction's reason is kept.
    /// 3: records are binary (``DocumentRecordCoding``), not JSON.
    public static let version: UInt32 = 3
    let database: Database

    public init(opening txn: WriteTransaction) throws { try self.init { try txn.openDatabase($0) } }
    public init(existingIn txn: ReadTransaction) throws { try self.init { try txn.openExistingDatabase($0) } }

    private init(databases open: (String) throws -> Database) throws {
        database = try open("projection/documents")
    }

    public func reset(in txn: WriteTransaction) throws { try txn.empty(database) }

    public func fold(_ recorded: RecordedHistoryEvent, in txn: WriteTransaction) throws {
        switch recorded.event {
        case .documentImported(let imported):
            if var record = try record(imported.contentHash, in: txn) {
                if !record.sourceNames.contains(imported.sourceName) { record.sourceNames.append(imported.sourceName) }
                // Importing a retracted document's bytes again is how it comes back.
                record.retracted = false
                record.retractionReason = nil
                try save(record, in: txn)
            } else {
                try save(DocumentRecord(
                    contentHash: imported.contentHash, sourceNames: [imported.sourceName], mediaType: imported.mediaType,
                    size: imported.size, importedSequence: recorded.sequence, latestParseSequence: nil, parserVersion: nil,
                    parseFailed: false, unit: nil, year: nil, retracted: false, retractionReason: nil), in: txn)
            }
        case .documentParsed(let parsed):
            try update(parsed.contentHash, in: txn) { record in
                record.latestParseSequence = recorded.sequence
                record.parserVersion = parsed.parserVersion
                record.parseFailed = false
                record.unit = parsed.parsed.identity.unit
                record.year = parsed.parsed.identity.year
            }
        case .documentParseFailed(let failed):
            try update(failed.contentHash, in: txn) { record in
                record.latestParseSequence = recorded.sequence
                record.parserVersion = failed.parserVersion
                record.parseFailed = true
            }
        case .documentRetracted(let retracted):
            try update(retracted.contentHash, in: txn) { record in
                record.retracted = true
                record.retractionReason = retracted.reason
            }
        case .unitAliasDeclared, .documentIdentified:
            // What a user said of a document is folded with the DocumentParsed that follows it.
            break
        }
    }

    /// The record of the document with hex hash `contentHash`.
    public func record(_ contentHash: String, in txn: ReadTransaction) throws -> DocumentRecord? {
        guard let hash = ContentHash(hex: contentHash) else { return nil }
        return try txn.withValue(forKey: hash.bytes, in: database) { bytes in
            try bytes.map { try DocumentRecordCoding.decode(Array($0)) }
        }
    }

    /// Every document, in hash order.
    public func records(in txn: ReadTransaction) throws -> [DocumentRecord] {
        try txn.entries(in: database).map { try DocumentRecordCoding.decode($0.value) }
    }

    public func count(in txn: ReadTransaction) throws -> Int { try txn.count(of: database) }

    private func update(_ contentHash: String, in txn: WriteTransaction, _ change: (inout DocumentRecord) -> Void) throws {
        // An event about a document never imported is kept in the log but has nothing to change here.
        guard var record = try record(contentHash, in: txn) else { return }
        change(&record)
        try save(record, in: txn)
    }

    private func save(_ record: DocumentRecord, in txn: WriteTransaction) throws {
        guard let hash = ContentHash(hex: record.contentHash) else { return }
        try txn.put(DocumentRecordCoding.encode(record), forKey: hash.bytes, in: database)
    }
}
