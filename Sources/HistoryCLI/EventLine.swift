import Foundation
import History

/// How `history log` prints one event.
enum EventLine {
    static func timestamp(_ milliseconds: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
    }

    static func text(_ recorded: RecordedHistoryEvent) -> String {
        let head = "\(String(recorded.sequence).leftPadded(to: 6))  \(timestamp(recorded.recordedAtMilliseconds))  \(recorded.event.type.rawValue)"
        return head + "  " + summary(recorded.event)
    }

    static func summary(_ event: HistoryEvent) -> String {
        switch event {
        case .documentImported(let imported):
            "\(imported.contentHash.prefix(12))  \(imported.sourceName) (\(imported.mediaType), \(imported.size) bytes)"
        case .documentParsed(let parsed):
            "\(parsed.contentHash.prefix(12))  parser v\(parsed.parserVersion): \(parsed.parsed.identity.unit.isEmpty ? "(unit not found)" : parsed.parsed.identity.unit) \(parsed.parsed.identity.year) "
                + "\(parsed.parsed.identity.kind.rawValue), \(parsed.parsed.facts.count) facts, \(parsed.parsed.warnings.count) warnings"
        case .documentParseFailed(let failed):
            "\(failed.contentHash.prefix(12))  parser v\(failed.parserVersion) failed: \(failed.error)"
        case .documentRetracted(let retracted):
            "\(retracted.contentHash.prefix(12))  retracted: \(retracted.reason)"
        case .unitAliasDeclared(let alias):
            "\(alias.alias) → \(alias.canonical)"
        case .documentIdentified(let identified):
            "\(identified.contentHash.prefix(12))  said: \(identified.said)"
        }
    }

    /// One JSON object; keys in sorted order like the payloads themselves.
    static func ndjson(_ recorded: RecordedHistoryEvent) throws -> String {
        let encoded = try recorded.event.encoded()
        let payload = String(decoding: encoded.payload, as: UTF8.self)
        let type = recorded.event.type.rawValue
        return "{\"payload\":\(payload),\"recordedAt\":\"\(timestamp(recorded.recordedAtMilliseconds))\","
            + "\"schemaVersion\":\(encoded.schemaVersion),\"sequence\":\(recorded.sequence),\"type\":\"\(type)\"}"
    }
}

extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
