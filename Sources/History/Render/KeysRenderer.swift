/// `history keys`: the fact vocabulary as text, markdown (docs/FACTS.md's "Every key" table),
/// CSV or JSON. Pure.
///
/// JSON: `{"schema", "type": "keys", "keys": [{"key", "label", "measure", "classified"}]}`;
/// `classified` is true for keys whose facts always carry a `code` and `name`.
public struct KeysRenderer: Sendable {
    public init() {}

    let vocabulary = FactVocabulary()

    public func text(style: TextStyle = .plain) -> String {
        var table = TextTable([.init("key"), .init("中文"), .init("measure")])
        for entry in vocabulary.entries { table.append([entry.key.rawValue, entry.label, entry.quantity.rawValue]) }
        return table.lines(style: style).joined(separator: "\n") + "\n"
    }

    /// The table docs/FACTS.md carries under "Every key", byte for byte.
    public func markdown() -> String {
        var lines = ["| key | 中文 | measure |", "|---|---|---|"]
        for entry in vocabulary.entries { lines.append("| `\(entry.key.rawValue)` | \(entry.label) | \(entry.quantity.rawValue) |") }
        return lines.joined(separator: "\n") + "\n"
    }

    public func csv() -> String {
        CSV.document([["key", "label", "measure", "classified"]]
                     + vocabulary.entries.map { [$0.key.rawValue, $0.label, $0.quantity.rawValue, $0.key.isClassified ? "true" : "false"] })
    }

    public func json() -> String {
        JSONValue.object([
            ("schema", .int(JSONSchemaVersion.current)), ("type", .string("keys")),
            ("keys", .array(vocabulary.entries.map {
                .object([("key", .string($0.key.rawValue)), ("label", .string($0.label)), ("measure", .string($0.quantity.rawValue)),
                         ("classified", .bool($0.key.isClassified))])
            })),
        ]).serialized()
    }
}
