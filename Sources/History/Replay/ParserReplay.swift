import Disclosure
import EventLog
import Foundation
import LMDB

/// Re-reads stored documents with a parser and records, as new events, where its results differ
/// from each document's latest parse: `history replay`.
///
/// Nothing is rewritten: a changed document gets a new DocumentParsed (or DocumentParseFailed)
/// carrying the parser's version, folded into every projection in the transaction that appends
/// it. Documents are taken in import order, `batchDocuments` at a time: the batch is read in one
/// read transaction, parsed on every core (documents are independent), then appended in one
/// write transaction that first checks nobody parsed or retracted them meanwhile.
public struct ParserReplay: Sendable {
    public let store: Store
    public var parser: VersionedParser
    public var pdf: PDFTextExtractor
    public var batchDocuments: Int

    public init(store: Store, parser: VersionedParser = .current, pdf: PDFTextExtractor = PDFTextExtractor(), batchDocuments: Int = 64) {
        self.store = store
        self.parser = parser
        self.pdf = pdf
        self.batchDocuments = max(1, batchDocuments)
    }

    /// Which documents to replay and whether to write.
    public struct Options: Sendable {
        /// Report what would change; append nothing.
        public var dryRun = false
        /// Append a new parse for every document, even an identical one (after a change the
        /// parser version does not capture, such as an edited classification catalogue).
        public var force = false
        /// Only documents whose latest parse names this unit (exactly, or as part of the name).
        public var unit: String?
        /// Only these documents (hex hashes).
        public var documents: Set<String>?

        public init(dryRun: Bool = false, force: Bool = false, unit: String? = nil, documents: Set<String>? = nil) {
            self.dryRun = dryRun
            self.force = force
            self.unit = unit
            self.documents = documents
        }
    }

    /// How far a replay has got, for progress output.
    public struct Progress: Sendable {
        public var done: Int
        public var total: Int
        public var changed: Int
    }

    /// Replays every selected document; `progress` is called after each batch.
    public func run(_ options: Options = Options(), progress: (Progress) -> Void = { _ in }) throws -> ReplayReport {
        let candidates = try selectDocuments(options)
        var report = ReplayReport(parserVersion: parser.version, dryRun: options.dryRun, examined: 0, changed: [], skipped: [], appended: 0)
        let parser = parser, pdf = pdf, force = options.force
        /// Reads a batch and starts parsing it on every core.
        func begin(_ batch: Range<Int>) throws -> (inputs: [ReplayInput], outcomes: BackgroundMap<ReplayOutcome>) {
            let inputs = try store.read { txn in try candidates[batch].map { try input(for: $0, in: txn) } }
            return (inputs, BackgroundMap(inputs) { Self.replay($0, parser: parser, pdf: pdf, force: force) })
        }
        let batches = stride(from: 0, to: candidates.count, by: batchDocuments).map { $0..<min($0 + batchDocuments, candidates.count) }
        var next = try batches.first.map(begin)
        for index in batches.indices {
            guard let current = next else { break }
            let (inputs, parsing) = current
            // The next batch parses while this one is compared and appended: the batches are
            // different documents, so appending this one cannot change what the next one read.
            next = index + 1 < batches.count ? try begin(batches[index + 1]) : nil
            let outcomes = parsing.wait()
            var pending: [PendingParse] = []
            for (input, outcome) in zip(inputs, outcomes) {
                switch outcome {
                case .unchanged: break
                case .skipped(let reason):
                    report.skipped.append(SkippedDocument(contentHash: input.record.contentHash, sourceName: input.sourceName, reason: reason))
                case .changed(let event, let encoded, let replay): pending.append(PendingParse(input: input, event: event, encoded: encoded, replay: replay))
                }
            }
            report.examined += inputs.count
            if options.dryRun || pending.isEmpty {
                report.changed += pending.map(\.replay)
            } else {
                let (appended, skipped) = try append(pending)
                report.changed += appended
                report.skipped += skipped
                report.appended += appended.count
            }
            progress(Progress(done: report.examined, total: candidates.count, changed: report.changed.count))
        }
        return report
    }

    /// The selected documents, in import order.
    private func selectDocuments(_ options: Options) throws -> [DocumentRecord] {
        guard let documents = store.projection(DocumentsProjection.self) else { return [] }
        return try store.read { txn in
            try documents.records(in: txn).filter { record in
                guard !record.retracted else { return false }
                if let wanted = options.documents, !wanted.contains(record.contentHash) { return false }
                if let unit = options.unit, !(record.unit.map { $0 == unit || $0.contains(unit) } ?? false) { return false }
                return true
            }.sorted { $0.importedSequence < $1.importedSequence }
        }
    }

    private func input(for record: DocumentRecord, in txn: ReadTransaction) throws -> ReplayInput {
        let bytes = try ContentHash(hex: record.contentHash).flatMap { try store.log.blob($0, in: txn) }
        // Copied raw: decoding its JSON is most of a replay's work, done on every core with the parse.
        let previous = try record.latestParseSequence.flatMap { try store.log.event(at: $0, in: txn) }
        return ReplayInput(record: record, bytes: bytes, previous: previous)
    }

    /// Parses one document and compares; pure apart from running pdftotext for a PDF.
    private static func replay(_ input: ReplayInput, parser: VersionedParser, pdf: PDFTextExtractor, force: Bool) -> ReplayOutcome {
        let hash = input.record.contentHash
        guard let bytes = input.bytes else { return .skipped("its bytes are missing from the store; run `history verify`") }
        var reading: DocumentReading?, readError: Error?
        do {
            let isPDF = input.record.mediaType == "application/pdf"
            let name = input.record.sourceNames.first ?? hash
            (reading, readError) = (try DocumentReading.read(bytes, isPDF: isPDF, name: name, parser: parser, pdf: pdf), nil)
        } catch PDFTextError.toolMissing {
            return .skipped(PDFTextError.toolMissing.description)
        } catch {
            (reading, readError) = (nil, error)
        }
        // What a user said the document is (history identify, import --year) holds for every
        // parser: the latest parse keeps it as `user` evidence, laid over the new reading.
        if var said = reading, let stored = input.previous, stored.payload.containsUserEvidence,
           case .documentParsed(let old)? = try? HistoryEvent(decoding: stored), let (stated, words) = StatedIdentity.said(in: old.parsed.identity) {
            said.parsed = stated.apply(to: said.parsed, said: words)
            reading = said
        }
        if let reading, let unchanged = unchangedParse(reading, input: input, parser: parser, force: force) { return unchanged }
        let previous: HistoryEvent?
        do {
            previous = try input.previous.map { try HistoryEvent(decoding: $0) }
        } catch {
            return .skipped("its latest parse (event \(input.previous?.sequence ?? 0)) cannot be read: \(error)")
        }
        let previousParse: ParsedDisclosure?, previousError: String?, previousVersion: Int?
        switch previous {
        case .documentParsed(let parsed)?: (previousParse, previousError, previousVersion) = (parsed.parsed, nil, parsed.parserVersion)
        case .documentParseFailed(let failed)?: (previousParse, previousError, previousVersion) = (nil, failed.error, failed.parserVersion)
        default: (previousParse, previousError, previousVersion) = (nil, nil, nil)
        }
        let event: HistoryEvent, transition: ParseTransition, diff: ParseDiff
        if let reading {
            let parsed = reading.parsed
            event = .documentParsed(DocumentParsed(contentHash: hash, parserVersion: parser.version, textEncoding: reading.encoding, parsed: parsed))
            if previousParse == nil {
                transition = .recovered
            } else if case .documentParsed(let old)? = previous, old.parsed == parsed, old.textEncoding == reading.encoding {
                // Comparing values first: much cheaper than matching facts for a diff.
                guard force else { return .unchanged }
                transition = .forced
            } else {
                transition = .reparsed
            }
            diff = ParseDiff(from: previousParse, to: parsed)
        } else {
            let message = readError.map { "\($0)" } ?? "no text"
            diff = ParseDiff(from: previousParse, to: nil)
            event = .documentParseFailed(DocumentParseFailed(contentHash: hash, parserVersion: parser.version, error: message))
            if previousParse != nil {
                transition = .nowFails
            } else if previousError == message && previous != nil {
                guard force else { return .unchanged }
                transition = .forced
            } else {
                transition = .failsDifferently
            }
        }
        return .changed(event, try? event.encoded(), DocumentReplay(
            contentHash: hash, sourceName: input.sourceName, previousParserVersion: previousVersion,
            transition: transition, diff: diff, appendedSequence: nil))
    }

    /// The outcome without reading the stored parse, when its bytes are what this parse encodes
    /// to; `nil` when they differ (or it is not a DocumentParsed of today's schema) and the values
    /// must be compared.
    ///
    /// Why: the encoding is deterministic (sorted keys), so equal bytes mean an equal parse, and
    /// comparing bytes costs a fraction of decoding the stored JSON. The candidate is encoded
    /// with the stored parse's parser version, which a replay by a newer parser ignores.
    private static func unchangedParse(_ reading: DocumentReading, input: ReplayInput, parser: VersionedParser, force: Bool) -> ReplayOutcome? {
        guard let stored = input.previous, stored.type == DocumentParsed.type.rawValue,
              stored.schemaVersion == DocumentParsed.schemaVersion, let storedVersion = input.record.parserVersion else { return nil }
        let hash = input.record.contentHash
        let candidate = DocumentParsed(contentHash: hash, parserVersion: storedVersion, textEncoding: reading.encoding, parsed: reading.parsed)
        guard DocumentParsedJSON.encode(candidate) == stored.payload else { return nil }
        guard force else { return .unchanged }
        var event = candidate
        event.parserVersion = parser.version
        return .changed(.documentParsed(event), try? HistoryEvent.documentParsed(event).encoded(), DocumentReplay(
            contentHash: hash, sourceName: input.sourceName, previousParserVersion: storedVersion,
            transition: .forced, diff: ParseDiff(unchanged: reading.parsed), appendedSequence: nil))
    }

    /// Appends the batch's new parses in one write transaction, in order, skipping a document
    /// whose latest parse or retraction changed since it was read.
    private func append(_ pending: [PendingParse]) throws -> ([DocumentReplay], [SkippedDocument]) {
        let documents = store.projection(DocumentsProjection.self)
        return try store.write { txn in
            var accepted: [PendingParse] = [], skipped: [SkippedDocument] = []
            for item in pending {
                let now = try documents?.record(item.input.record.contentHash, in: txn)
                if let now, !now.retracted, now.latestParseSequence == item.input.record.latestParseSequence {
                    accepted.append(item)
                } else {
                    skipped.append(SkippedDocument(contentHash: item.replay.contentHash, sourceName: item.replay.sourceName,
                                                   reason: "it was parsed again or retracted while replay ran; replay again"))
                }
            }
            // The envelopes were encoded with the parse, on every core; encode here only if one failed.
            let encoded = accepted.compactMap(\.encoded)
            let sequences = try store.append(accepted.map(\.event), encoded: encoded.count == accepted.count ? encoded : [], in: txn)
            return (zip(accepted, sequences).map { item, sequence in
                var replay = item.replay
                replay.appendedSequence = sequence
                return replay
            }, skipped)
        }
    }
}

/// A document as replay reads it from the store.
struct ReplayInput: Sendable {
    var record: DocumentRecord
    /// `nil` when the blob is missing (a damaged store).
    var bytes: [UInt8]?
    /// The latest DocumentParsed or DocumentParseFailed, as stored.
    var previous: RecordedEvent?

    var sourceName: String { record.sourceNames.first ?? record.contentHash }
}

/// A changed document waiting for the write transaction.
struct PendingParse {
    var input: ReplayInput
    var event: HistoryEvent
    var encoded: NewEvent?
    var replay: DocumentReplay
}

enum ReplayOutcome: Sendable {
    case unchanged
    /// The event with its envelope, encoded on the core that parsed it (`nil`: encode when appending).
    case changed(HistoryEvent, NewEvent?, DocumentReplay)
    case skipped(String)
}

private extension Array where Element == UInt8 {
    /// Whether a DocumentParsed payload holds identity evidence a user gave: `"source":"user"`.
    var containsUserEvidence: Bool {
        let needle = Array(#""source":"user""#.utf8)
        guard count >= needle.count else { return false }
        for start in 0...(count - needle.count) where self[start] == needle[0] && self[start..<(start + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }
}
