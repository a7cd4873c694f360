import Disclosure

/// One parser warning as every JSON output writes it (`coverage`'s notes, the replay report):
/// `{"rule", "message", "lines"}`, `lines` being `[first, last]` or null for a warning about the
/// whole document.
public struct WarningRecord: Sendable {
    public var warning: ParseWarning

    public init(_ warning: ParseWarning) {
        self.warning = warning
    }

    public var json: JSONValue {
        .object([("rule", .string(warning.rule.rawValue)), ("message", .string(warning.message)),
                 ("lines", warning.source.map { .array([.int($0.firstLine), .int($0.lastLine)]) } ?? .null)])
    }
}
