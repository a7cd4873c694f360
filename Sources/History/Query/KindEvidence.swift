import Disclosure
import LMDB

/// How many documents of each kind (决算, 预算) a store holds for the years a question asks about:
/// what lets `diff`, `timeline` and `report` find the kind to read instead of demanding it.
public struct KindEvidence: Hashable, Sendable {
    public var documents: [DisclosureKind: Int]

    public init(documents: [DisclosureKind: Int]) { self.documents = documents }

    /// The kinds with at least one document, in the order of preference (决算 first).
    public var kinds: [DisclosureKind] { DisclosureKind.allCases.filter { documents[$0, default: 0] > 0 } }

    /// The kind to read: the first with documents (决算 before 预算), nil when there are none.
    public var preferred: DisclosureKind? { kinds.first }
}

extension HistoryQueries {
    /// The kinds of the documents of `years` (every year when nil), of one unit (any name it is
    /// known by) or of the whole store; reads only the registry's small member entries.
    public func kindEvidence(years: ClosedRange<Int>?, unit name: String? = nil) throws -> KindEvidence {
        try store.read { txn in
            let units = try name.map { [try locate($0, in: txn)] } ?? registry.documentedUnits(in: txn)
            var documents: [DisclosureKind: Int] = [:]
            for unit in units {
                for member in try registry.members(of: unit, in: txn) where years?.contains(member.year) ?? true {
                    documents[member.kind, default: 0] += 1
                }
            }
            return KindEvidence(documents: documents)
        }
    }
}
