import EventLog
import Foundation
import LMDB

/// Checks a store against itself: every event decodes, every blob hashes to its key, every
/// imported document has its bytes, and every projection is byte for byte what folding the
/// whole log again produces: `history verify`.
///
/// The refold runs in a write transaction that is always aborted: the projections are emptied and
/// folded again there, then compared, cursor against cursor, with a read transaction opened
/// inside it, which sees the store as last committed. Nothing is written, and memory stays flat
/// however large the projections are.
public struct StoreVerifier: Sendable {
    public let store: Store
    /// At most this many differing keys are listed per database.
    public var exampleLimit = 5

    public init(store: Store) { self.store = store }

    public func verify() throws -> VerificationReport {
        var report = VerificationReport()
        var imported: [String] = []
        try store.read { txn in
            try checkEvents(in: txn, into: &report, imported: &imported)
            try checkBlobs(in: txn, into: &report)
            for hash in Set(imported).sorted() {
                guard let key = ContentHash(hex: hash), try store.log.containsBlob(key, in: txn) else {
                    report.missingBlobs.append(hash)
                    continue
                }
            }
        }
        // Folding needs every event; with unreadable ones there is nothing sound to compare with.
        guard report.eventProblems.isEmpty else { return report }
        report.projectionsCompared = true
        let databases = try projectionDatabases()
        do {
            try store.write { txn in
                _ = try store.refold(store.projections, in: txn)
                var comparisons: [DatabaseComparison] = [], checkpointProblems: [String] = []
                try store.read { stored in
                    comparisons = try databases.map { try compare($0, refolded: txn, stored: stored) }
                    for projection in store.projections {
                        let name = type(of: projection).name
                        let expected = try store.log.checkpoint(named: name, in: txn)
                        let found = try store.log.checkpoint(named: name, in: stored)
                        if expected != found {
                            checkpointProblems.append("projection \(name) records \(Self.describe(found)) but the log gives \(Self.describe(expected)); run `history rebuild \(name)`")
                        }
                    }
                }
                throw Finished(databases: comparisons, checkpointProblems: checkpointProblems)
            }
        } catch let finished as Finished {
            report.databases = finished.databases
            report.checkpointProblems = finished.checkpointProblems
        }
        return report
    }

    /// Thrown to abort the refold's write transaction, carrying what it found.
    private struct Finished: Error {
        var databases: [DatabaseComparison]
        var checkpointProblems: [String]
    }

    private func checkEvents(in txn: ReadTransaction, into report: inout VerificationReport, imported: inout [String]) throws {
        var expected: UInt64 = 1
        try txn.scan(store.log.events) { key, value in
            let sequence = key.count == 8 ? key.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } : 0
            if sequence != expected {
                report.eventProblems.append(EventProblem(sequence: sequence, message: "expected sequence \(expected) here: the log has a gap or a foreign key"))
            }
            expected = sequence + 1
            report.events += 1
            return true
        }
        try store.log.scan(in: txn) { recorded in
            do {
                let event = try HistoryEvent(decoding: recorded)
                if case .documentImported(let document) = event { imported.append(document.contentHash) }
            } catch {
                report.eventProblems.append(EventProblem(sequence: recorded.sequence, message: "\(error)"))
            }
            return true
        }
    }

    private func checkBlobs(in txn: ReadTransaction, into report: inout VerificationReport) throws {
        try txn.scan(store.log.blobs) { key, value in
            report.blobs += 1
            if ContentHash(of: value).bytes != Array(key) { report.corruptBlobs.append(Self.printable(Array(key), hex: true)) }
            return true
        }
    }

    /// Handles on every `projection/…` database, opened (not created) in a transaction of their
    /// own so that the read transaction inside the refold may use them too.
    private func projectionDatabases() throws -> [Database] {
        try store.write { txn in
            let main = try txn.openDatabase(nil, flags: [])
            let names = try txn.entries(in: main, prefix: Array("projection/".utf8)).map { String(decoding: $0.key, as: UTF8.self) }
            return try names.map { try txn.openDatabase($0, flags: []) }
        }
    }

    /// Walks both databases in key order at once.
    private func compare(_ database: Database, refolded: WriteTransaction, stored: ReadTransaction) throws -> DatabaseComparison {
        var comparison = DatabaseComparison(name: database.name ?? "main")
        // With several values per key, a different value is one entry missing and another unexpected.
        let duplicates = try refolded.flags(of: database).contains(.duplicateSort)
        try refolded.withCursor(on: database) { derived in
            try stored.withCursor(on: database) { kept in
                var haveDerived = try derived.first(), haveKept = try kept.first()
                while haveDerived || haveKept {
                    var order: Int
                    if !haveKept { order = -1 } else if !haveDerived { order = 1 } else {
                        order = derived.withCurrent { dk, dv in kept.withCurrent { kk, kv in Self.order(dk, dv, kk, kv) } }
                    }
                    if duplicates && abs(order) == 2 { order /= 2 }
                    switch order {
                    case 0:
                        comparison.entries += 1
                        haveDerived = try derived.next()
                        haveKept = try kept.next()
                    case -2, 2:
                        // Same key, different value.
                        comparison.entries += 1
                        comparison.differing += 1
                        note(kept.key, "differs", in: &comparison)
                        haveDerived = try derived.next()
                        haveKept = try kept.next()
                    case -1:
                        comparison.missing += 1
                        note(derived.key, "missing", in: &comparison)
                        haveDerived = try derived.next()
                    default:
                        comparison.entries += 1
                        comparison.unexpected += 1
                        note(kept.key, "not derived from the log", in: &comparison)
                        haveKept = try kept.next()
                    }
                }
            }
        }
        return comparison
    }

    private func note(_ key: [UInt8], _ what: String, in comparison: inout DatabaseComparison) {
        if comparison.examples.count < exampleLimit { comparison.examples.append("\(Self.printable(key, hex: false)): \(what)") }
    }

    /// -1/1: the derived entry's key sorts first/last; -2/2: same key, values differ (a
    /// duplicate-sorted database visits them in value order, so values order too); 0: equal.
    private static func order(_ dk: UnsafeRawBufferPointer, _ dv: UnsafeRawBufferPointer, _ kk: UnsafeRawBufferPointer, _ kv: UnsafeRawBufferPointer) -> Int {
        if !dk.elementsEqual(kk) { return dk.lexicographicallyPrecedes(kk) ? -1 : 1 }
        if dv.elementsEqual(kv) { return 0 }
        return dv.lexicographicallyPrecedes(kv) ? -2 : 2
    }

    private static func printable(_ bytes: [UInt8], hex: Bool) -> String {
        if !hex, let text = String(validating: bytes, as: UTF8.self), text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) {
            return text
        }
        return bytes.map { String(format: "%02x", $0) }.joined()
    }

    private static func describe(_ checkpoint: Checkpoint?) -> String {
        checkpoint.map { "version \($0.version) folded to \($0.lastFoldedSequence)" } ?? "no checkpoint"
    }
}
