import Disclosure
import EventLog
import Foundation
import LMDB

/// Imports files into a store: keeps each file's bytes, records DocumentImported, and records
/// what the parser made of them (DocumentParsed) or why it could not (DocumentParseFailed).
///
/// Bytes already in the store append nothing, unless their document was retracted: importing
/// them again appends DocumentImported and a fresh parse, which brings it back. Decoding and parsing run outside the write
/// transaction; documents are then committed in batches (``batchDocuments`` or
/// ``batchBytes``, whichever fills first), since a durable commit costs about as much as
/// appending a few dozen documents (README, "Append throughput").
public struct Importer: Sendable {
    public let store: Store
    public var batchDocuments: Int
    public var batchBytes: Int
    /// A larger file is refused before it is read, so memory stays bounded (README, "Reliability").
    public var maximumDocumentBytes: Int
    public var pdf: PDFTextExtractor
    public var parser: VersionedParser
    /// What the user said every imported file is (`--unit`, `--year`, `--kind`), with the
    /// command that said it: recorded as DocumentIdentified and laid over each parse.
    public var stated: (identity: StatedIdentity, said: String)?

    /// The default ``maximumDocumentBytes``: real disclosures are 20 KB to 10 MB, as text or PDF.
    public static let defaultMaximumDocumentBytes = 64 << 20

    public init(
        store: Store, batchDocuments: Int = 64, batchBytes: Int = 16 << 20,
        maximumDocumentBytes: Int = Importer.defaultMaximumDocumentBytes, pdf: PDFTextExtractor = PDFTextExtractor(),
        parser: VersionedParser = .current
    ) {
        self.store = store
        self.parser = parser
        self.batchDocuments = max(1, batchDocuments)
        self.batchBytes = batchBytes
        self.maximumDocumentBytes = maximumDocumentBytes
        self.pdf = pdf
    }

    /// Imports `paths` in order, reporting each file's outcome to `progress` once it is final
    /// (committed, skipped or failed). Returns the outcomes in the order of `paths`.
    @discardableResult
    public func importFiles(_ paths: [String], progress: (ImportOutcome) -> Void = { _ in }) -> [ImportOutcome] {
        var outcomes: [ImportOutcome] = []
        var pending: [PreparedDocument] = []
        var pendingBytes = 0
        var pendingHashes: Set<ContentHash> = []

        func flush() {
            guard !pending.isEmpty else { return }
            for outcome in commit(pending) {
                outcomes.append(outcome)
                progress(outcome)
            }
            pending = []
            pendingBytes = 0
            pendingHashes = []
        }
        func finish(_ outcome: ImportOutcome) {
            // Keep the order of `paths`: what is waiting to be committed goes first.
            flush()
            outcomes.append(outcome)
            progress(outcome)
        }

        // Reading, hashing, decoding, parsing and encoding run on every core, a chunk of paths at
        // a time (one batch's worth); what each file became is then settled in `paths` order.
        // The next chunk is read while this one commits: the fold and the durable commit run on
        // one thread, and the cores would otherwise wait for them (import was 54% of parse-only).
        // Bytes read before the previous chunk committed may turn out stored: the commit's own
        // check (putBlob) then reports them as already imported.
        var chunkStart = 0
        func readNextChunk() -> BackgroundMap<ReadFile>? {
            guard chunkStart < paths.count else { return nil }
            let chunk = Array(paths[chunkStart..<min(paths.count, chunkStart + batchDocuments)])
            chunkStart += chunk.count
            return BackgroundMap(chunk) { self.read($0) }
        }
        var reading = readNextChunk()
        while let current = reading {
            let files = current.wait()
            reading = readNextChunk()
            for file in files {
                switch file {
                case .failed(let path, let reason):
                    finish(.failed(path: path, reason: reason))
                case .stored(let path, let hash):
                    finish(.alreadyImported(path: path, hash: hash))
                case .prepared(let document):
                    if pendingHashes.contains(document.hash) {
                        finish(.alreadyImported(path: document.path, hash: document.hash))
                        continue
                    }
                    pending.append(document)
                    pendingHashes.insert(document.hash)
                    pendingBytes += document.bytes.count
                    if pending.count >= batchDocuments || pendingBytes >= batchBytes { flush() }
                }
            }
        }
        flush()
        return outcomes
    }

    /// What one file became before its batch is committed.
    enum ReadFile: Sendable {
        case failed(path: String, reason: String)
        case stored(path: String, hash: ContentHash)
        case prepared(PreparedDocument)
    }

    /// Reads, hashes, and unless the store has the bytes already, decodes, parses and encodes one
    /// file; safe to run on several threads at once (parsing is pure, reads are LMDB readers).
    func read(_ path: String) -> ReadFile {
        let bytes: [UInt8]
        do {
            bytes = try DocumentFile.read(path, limit: maximumDocumentBytes)
        } catch {
            return .failed(path: path, reason: error.description)
        }
        let hash = ContentHash(of: bytes)
        if (try? store.read { try isKept(hash, in: $0) }) ?? false {
            return .stored(path: path, hash: hash)
        }
        do {
            var document = try prepare(path: path, bytes: bytes, hash: hash)
            document.encoded = try document.events.map { try $0.encoded() }
            document.prepared = document.events.map(PreparedFold.init)
            return .prepared(document)
        } catch {
            return .failed(path: path, reason: "\(error)")
        }
    }

    /// Decodes and parses one document; throws only when it cannot be imported at all.
    func prepare(path: String, bytes: [UInt8], hash: ContentHash) throws -> PreparedDocument {
        let isPDF = DocumentReading.isPDF(bytes, fileName: path)
        let imported = DocumentImported(
            contentHash: hash.hex, sourceName: URL(fileURLWithPath: path).lastPathComponent,
            mediaType: isPDF ? "application/pdf" : "text/plain", size: bytes.count)
        let reading: DocumentReading
        do {
            reading = try DocumentReading.read(bytes, isPDF: isPDF, name: imported.sourceName, parser: parser, pdf: pdf)
        } catch PDFTextError.toolMissing {
            // Not the document's fault: import nothing, so a rerun after installing works.
            throw PDFTextError.toolMissing
        } catch {
            let failed = DocumentParseFailed(contentHash: hash.hex, parserVersion: parser.version, error: "\(error)")
            return PreparedDocument(path: path, bytes: bytes, hash: hash, events: [.documentImported(imported), .documentParseFailed(failed)])
        }
        guard let stated, !stated.identity.isEmpty else {
            let parsed = DocumentParsed(
                contentHash: hash.hex, parserVersion: parser.version, textEncoding: reading.encoding, parsed: reading.parsed)
            return PreparedDocument(path: path, bytes: bytes, hash: hash, events: [.documentImported(imported), .documentParsed(parsed)])
        }
        let parsed = DocumentParsed(contentHash: hash.hex, parserVersion: parser.version, textEncoding: reading.encoding,
                                    parsed: stated.identity.apply(to: reading.parsed, said: stated.said))
        let identified = DocumentIdentified(contentHash: hash.hex, stated: stated.identity, said: stated.said)
        return PreparedDocument(path: path, bytes: bytes, hash: hash,
                                events: [.documentImported(imported), .documentIdentified(identified), .documentParsed(parsed)])
    }

    /// Whether the bytes are in the store as a document that has not been retracted.
    private func isKept(_ hash: ContentHash, in txn: ReadTransaction) throws -> Bool {
        try store.log.containsBlob(hash, in: txn) && !isRetracted(hash, in: txn)
    }

    private func isRetracted(_ hash: ContentHash, in txn: ReadTransaction) throws -> Bool {
        try store.projection(DocumentsProjection.self)?.record(hash.hex, in: txn)?.retracted ?? false
    }

    /// Stores a batch in one write transaction.
    private func commit(_ batch: [PreparedDocument]) -> [ImportOutcome] {
        do {
            let inserted = try store.write { txn in
                try batch.map { document -> Bool in
                    guard try store.log.putBlob(document.bytes, hash: document.hash, in: txn) || isRetracted(document.hash, in: txn) else {
                        return false
                    }
                    try store.append(document.events, encoded: document.encoded, prepared: document.prepared, in: txn)
                    return true
                }
            }
            return zip(batch, inserted).map { document, inserted in
                inserted ? .imported(path: document.path, hash: document.hash, parse: document.parseOutcome)
                    : .alreadyImported(path: document.path, hash: document.hash)
            }
        } catch {
            return batch.map { .failed(path: $0.path, reason: "could not store it: \(error)") }
        }
    }
}

/// A document decoded and parsed, waiting for its batch to commit.
struct PreparedDocument: Sendable {
    var path: String
    var bytes: [UInt8]
    var hash: ContentHash
    var events: [HistoryEvent]
    /// `events` as envelopes, encoded on the preparing thread (empty: encode when appending).
    var encoded: [NewEvent] = []
    /// The event-only work of folding `events`, done on the preparing thread (empty: fold it all when appending).
    var prepared: [PreparedFold] = []

    var parseOutcome: ParseOutcome {
        for event in events {
            if case .documentParsed(let parsed) = event {
                return .parsed(unit: parsed.parsed.identity.unit, year: parsed.parsed.identity.year,
                               facts: parsed.parsed.facts.count, warnings: parsed.parsed.warnings.count)
            }
            if case .documentParseFailed(let failed) = event { return .failed(failed.error) }
        }
        return .failed("no parse recorded")
    }
}

/// What happened to one file given to ``Importer/importFiles(_:progress:)``.
public enum ImportOutcome: Hashable, Sendable {
    /// Bytes stored and events appended; `parse` says what the parser made of them.
    case imported(path: String, hash: ContentHash, parse: ParseOutcome)
    /// The same bytes were already in the store; nothing was appended.
    case alreadyImported(path: String, hash: ContentHash)
    /// Nothing was stored: the file could not be read, or needs a missing tool.
    case failed(path: String, reason: String)

    public var path: String {
        switch self {
        case .imported(let path, _, _), .alreadyImported(let path, _), .failed(let path, _): path
        }
    }
}

/// The parse recorded for a newly imported document.
public enum ParseOutcome: Hashable, Sendable {
    case parsed(unit: String, year: Int, facts: Int, warnings: Int)
    /// DocumentParseFailed was recorded; the bytes are kept for a later parser.
    case failed(String)
}
