import ArgumentParser
import Disclosure
import Foundation
import History

/// What a shell completes from the store named on the command line: unit names and years.
/// Read only from a store that needs no write (``Store/openedForReadingOnly(path:)``), so a
/// TAB never changes anything nor waits for an import; anything else completes nothing.
enum StoreCompletion {
    /// Unit names (the title each unit's latest document prints) starting with what is typed.
    static let unitNames = CompletionKind.custom { words, _, prefix in
        matching(prefix, in: directory(words)?.units.map(\.name) ?? [])
    }

    /// Years with a document, starting with what is typed.
    static let years = CompletionKind.custom { words, _, prefix in
        let years = Set(directory(words)?.units.flatMap { $0.documents.map(\.identity.year) } ?? [])
        return matching(prefix, in: years.sorted().map(String.init))
    }

    /// Fact keys of the public vocabulary (docs/FACTS.md); needs no store.
    static let factKeys = CompletionKind.list(FactKey.allCases.map(\.rawValue))

    static func matching(_ prefix: String, in candidates: [String]) -> [String] {
        candidates.filter { $0.hasPrefix(prefix) }
    }

    /// The unit directory of the store `words` choose (--store DIR, else $HISTORY_STORE, else
    /// ./.history-store, as the command itself would), or nil.
    static func directory(_ words: [String]) -> UnitDirectory? {
        var options = StoreOptions()
        for (index, word) in words.enumerated() {
            if word == "--store", index + 1 < words.count { options.store = (words[index + 1] as NSString).expandingTildeInPath }
            else if word.hasPrefix("--store=") { options.store = (String(word.dropFirst("--store=".count)) as NSString).expandingTildeInPath }
        }
        guard let store = Store.openedForReadingOnly(path: options.path) else { return nil }
        return try? HistoryQueries(store: store).units()
    }
}
