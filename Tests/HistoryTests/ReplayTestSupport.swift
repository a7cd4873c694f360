import Disclosure
import EventLog
import Foundation
import LMDB
import Testing
@testable import History

/// A small parser standing in for a real one before and after a fix, so replay tests do not
/// depend on what DisclosureParser reads today.
///
/// It reads a first line `单位 NAME YEAR` and lines `KEY YEAR = VALUE` (FactKey raw values).
/// `missing` keys are ignored (a rule the parser lacks); `misread` keys get `misreadValue`
/// instead of the printed one (a bug); lines `note YEAR = VALUE` become `other` facts unless
/// `ignoresNotes` (a false positive the fix removes). When `expense.total` was not read, a
/// sum-mismatch warning says so.
struct ToyParser {
    var missing: Set<FactKey> = []
    var misread: Set<FactKey> = []
    var misreadValue = Amount(hundredths: 9_000)
    var ignoresNotes = false

    func versioned(_ version: Int) -> VersionedParser {
        let parser = self
        return VersionedParser(version: version) { parser.parse($0) }
    }

    func parse(_ text: String) -> ParsedDisclosure {
        var identity = DocumentIdentity(unit: "", year: 0, kind: .finalAccount)
        var facts: [Fact] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let words = line.split(separator: " ").map(String.init)
            if words.count == 3, words[0] == "单位", let year = Int(words[2]) {
                identity = DocumentIdentity(unit: words[1], year: year, kind: .finalAccount)
                continue
            }
            guard words.count == 4, words[2] == "=", let year = Int(words[1]), var value = Amount(parsing: words[3]) else { continue }
            let key: FactKey
            if words[0] == "note" {
                guard !ignoresNotes else { continue }
                key = .expenseBasic
            } else {
                guard let known = FactKey(rawValue: words[0]), !missing.contains(known) else { continue }
                key = known
            }
            if misread.contains(key) { value = misreadValue }
            facts.append(Fact(key: key, year: year, value: .amount(value), origin: .table,
                              source: SourceSpan(line: index + 1, text: String(line))))
        }
        var warnings: [ParseWarning] = []
        if !facts.contains(where: { $0.key == .expenseTotal }) {
            warnings.append(ParseWarning(rule: .sumMismatch, message: "no expense.total to check the items against"))
        }
        return ParsedDisclosure(identity: identity, facts: facts, warnings: warnings)
    }
}

/// Documents for the toy parser.
enum ToyDocuments {
    /// Read differently by the broken and the fixed parser.
    static let affected = """
        单位 测试局 2024
        grand.total 2024 = 100.00
        expense.total 2024 = 80.00
        income.total 2024 = 99.00
        note 2024 = 5.00
        """
    /// Read alike by both.
    static let unaffected = """
        单位 另一局 2023
        grand.total 2023 = 50.00
        """
}

/// A test projection: per document, the sum in hundredths of the amounts of its latest parse,
/// gone on retraction. Stands for the fact index, to watch what replay and retraction do.
struct FactSumProjection: Projection {
    static let name = "fact-sum"
    static let version: UInt32 = 1
    let database: Database

    init(opening txn: WriteTransaction) throws { database = try txn.openDatabase("projection/fact-sum") }

    func reset(in txn: WriteTransaction) throws { try txn.empty(database) }

    func fold(_ recorded: RecordedHistoryEvent, in txn: WriteTransaction) throws {
        switch recorded.event {
        case .documentParsed(let parsed):
            let sum = parsed.parsed.facts.reduce(Int64(0)) { $0 + ($1.amount?.hundredths ?? 0) }
            try txn.put(Array(String(sum).utf8), forKey: Array(parsed.contentHash.utf8), in: database)
        case .documentParseFailed(let failed):
            try txn.put(Array("0".utf8), forKey: Array(failed.contentHash.utf8), in: database)
        case .documentRetracted(let retracted):
            try txn.delete(Array(retracted.contentHash.utf8), in: database)
        case .documentImported, .unitAliasDeclared, .documentIdentified:
            break
        }
    }

    static func sums(in store: Store) throws -> [String: Int] {
        let projection = try #require(store.projection(FactSumProjection.self))
        return try store.read { txn in
            Dictionary(uniqueKeysWithValues: try txn.entries(in: projection.database).map {
                (String(decoding: $0.key, as: UTF8.self), Int(String(decoding: $0.value, as: UTF8.self))!)
            })
        }
    }
}

extension Store {
    /// A store with the documents projection and the test fact counter.
    static func forReplayTests(_ directory: StoreDirectory, name: String = "s") throws -> Store {
        try Store(path: directory.path + "/" + name, create: true, projections: [DocumentsProjection.self, FactSumProjection.self])
    }

    /// Every entry of every `projection/…` database, by database name: for byte-for-byte comparisons.
    func projectionContents() throws -> [String: [[UInt8]]] {
        let databases = try write { txn in
            let main = try txn.openDatabase(nil, flags: [])
            return try txn.entries(in: main, prefix: Array("projection/".utf8))
                .map { try txn.openDatabase(String(decoding: $0.key, as: UTF8.self), flags: []) }
        }
        return try read { txn in
            Dictionary(uniqueKeysWithValues: try databases.map { database in
                (database.name!, try txn.entries(in: database).flatMap { [$0.key, $0.value] })
            })
        }
    }

    /// The latest DocumentParsed of each document, by hash.
    func latestParses() throws -> [String: DocumentParsed] {
        var latest: [String: DocumentParsed] = [:]
        for recorded in try read({ try events(in: $0) }) {
            if case .documentParsed(let parsed) = recorded.event { latest[parsed.contentHash] = parsed }
        }
        return latest
    }
}
