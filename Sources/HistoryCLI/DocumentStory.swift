import EventLog
import History
import Disclosure

/// What `history log --doc` adds to the event lines: a header and, under each parse, how it
/// differs from the one before.
enum DocumentStory {
    /// A parse as the story compares it; `nil` facts for a failed parse.
    struct Parse {
        var parsed: ParsedDisclosure?

        init?(_ event: HistoryEvent) {
            switch event {
            case .documentParsed(let parsed): self.parsed = parsed.parsed
            case .documentParseFailed: parsed = nil
            default: return nil
            }
        }
    }

    static func header(_ record: DocumentRecord) -> String {
        var state: String
        if record.parseFailed {
            state = "its latest parse (parser v\(record.parserVersion ?? 0)) failed"
        } else {
            let unit = (record.unit ?? "").isEmpty ? "(unit not found)" : record.unit!
            state = "parsed by parser v\(record.parserVersion ?? 0) as \(unit) \(record.year.map(String.init) ?? "?")"
        }
        if record.retracted { state += "; RETRACTED: \(record.retractionReason ?? "no reason recorded")" }
        return """
            Document \(record.contentHash)
              imported as \(record.sourceNames.joined(separator: ", ")) (\(record.mediaType), \(record.size) bytes)
              now: \(state)
            """
    }

    /// Whether the raw event can be about `hash`, without decoding its payload (a cheap filter).
    static func mentions(_ event: RecordedEvent, _ hash: String) -> Bool {
        event.payload.withUnsafeBufferPointer { payload in
            let needle = Array(hash.utf8)
            guard payload.count >= needle.count else { return false }
            for start in 0...(payload.count - needle.count) where payload[start] == needle[0] {
                if payload[start..<(start + needle.count)].elementsEqual(needle) { return true }
            }
            return false
        }
    }

    /// `        against the previous parse: facts +1 -0 ~2, warnings +0 -1`
    static func comparison(_ previous: Parse, _ current: Parse) -> String {
        let diff = ParseDiff(from: previous.parsed, to: current.parsed)
        if diff.isEmpty { return "        against the previous parse: the same facts and warnings" }
        var text = "        against the previous parse: facts +\(diff.added.count) -\(diff.removed.count) ~\(diff.changed.count), "
            + "warnings +\(diff.warningsGained.count) -\(diff.warningsLost.count)"
        if diff.identityChanged {
            text += "; identity \(diff.identityBefore.map { "\($0.unit) \($0.year)" } ?? "none") → \(diff.identityAfter.map { "\($0.unit) \($0.year)" } ?? "none")"
        }
        return text
    }
}
