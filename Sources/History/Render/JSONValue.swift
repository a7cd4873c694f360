import Disclosure

/// A JSON document with ordered keys and exact decimal numbers, written by hand so the output
/// is byte-stable and 2263.86 is never printed as 2263.8599999.
public indirect enum JSONValue: Hashable, Sendable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    /// A number already in its exact decimal form.
    case number(String)
    case bool(Bool)
    case null

    public static func amount(_ value: Amount?) -> JSONValue { value.map { .number($0.description) } ?? .null }
    public static func int(_ value: Int) -> JSONValue { .number(String(value)) }
    public static func optional(_ text: String?) -> JSONValue { text.map { .string($0) } ?? .null }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    /// Pretty-printed with two-space indentation and a final newline; `compact` for NDJSON.
    public func serialized(compact: Bool = false) -> String {
        var output = ""
        write(into: &output, indent: compact ? nil : 0)
        if !compact { output += "\n" }
        return output
    }

    private func write(into output: inout String, indent: Int?) {
        switch self {
        case .object(let members):
            if members.isEmpty { output += "{}"; return }
            output += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output += "," }
                newline(&output, indent.map { $0 + 1 })
                Self.quote(key, into: &output)
                output += indent == nil ? ":" : ": "
                value.write(into: &output, indent: indent.map { $0 + 1 })
            }
            newline(&output, indent)
            output += "}"
        case .array(let values):
            if values.isEmpty { output += "[]"; return }
            let inline = values.allSatisfy { if case .number = $0 { true } else if case .string(let s) = $0 { s.count < 40 } else { false } }
            output += "["
            for (index, value) in values.enumerated() {
                if index > 0 { output += inline && indent != nil ? ", " : "," }
                if !inline { newline(&output, indent.map { $0 + 1 }) }
                value.write(into: &output, indent: indent.map { $0 + 1 })
            }
            if !inline { newline(&output, indent) }
            output += "]"
        case .string(let text): Self.quote(text, into: &output)
        case .number(let text): output += text
        case .bool(let flag): output += flag ? "true" : "false"
        case .null: output += "null"
        }
    }

    private func newline(_ output: inout String, _ indent: Int?) {
        guard let indent else { return }
        output += "\n" + String(repeating: "  ", count: indent)
    }

    private static func quote(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
