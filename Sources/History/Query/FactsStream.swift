/// `history facts` output written a unit at a time: the same bytes ``FactsRenderer`` gives for
/// the whole list, without holding the list. Pure: each call returns the text to write next.
public struct FactsStream: Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, ndjson, csv, json }

    public let format: Format
    public let style: TextStyle
    private let renderer = FactsRenderer()
    private var written = 0

    public init(format: Format, style: TextStyle = .plain) {
        self.format = format
        self.style = style
    }

    /// What comes before the first fact.
    public func opening() -> String {
        switch format {
        case .text, .ndjson: ""
        case .csv: CSV.document([FactRecord.csvHeader])
        case .json:
            "{\n  \"schema\": \(JSONSchemaVersion.current),\n  \"type\": \"facts\",\n  \"facts\": ["
        }
    }

    /// The facts of one unit (or any run of facts of whole units), in order.
    public mutating func next(_ facts: [FiledFact]) -> String {
        guard !facts.isEmpty else { return "" }
        defer { written += facts.count }
        switch format {
        case .ndjson: return renderer.ndjson(facts)
        case .csv: return renderer.csv(facts, header: false)
        case .text: return (written > 0 ? "\n" : "") + renderer.text(facts, style: style)
        case .json:
            var output = ""
            for (index, record) in FactRecord.records(facts).enumerated() {
                output += (written + index > 0 ? ",\n    " : "\n    ") + record.json.serialized(depth: 2)
            }
            return output
        }
    }

    /// What comes after the last fact.
    public func closing() -> String {
        switch format {
        case .text: written == 0 ? renderer.text([], style: style) : ""
        case .ndjson, .csv: ""
        case .json: written == 0 ? "]\n}\n" : "\n  ]\n}\n"
        }
    }
}
