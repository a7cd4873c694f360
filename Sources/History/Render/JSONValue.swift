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

    /// Pretty-printed as if nested `depth` levels deep in a larger document (no final newline):
    /// what lets a long array be written one element at a time.
    public func serialized(depth: Int) -> String {
        var output = ""
        write(into: &output, indent: depth)
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

    /// Quotes `text`, copying the runs between escapes whole: appending scalar by scalar made
    /// quoting most of a `history facts` dump's time.
    private static func quote(_ text: String, into output: inout String) {
        output += "\""
        var text = text, escaped = false
        text.withUTF8 { utf8 in
            var start = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                if start < index { output += String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<index]), as: UTF8.self) }
                start = index + 1
                escaped = true
                switch byte {
                case 0x22: output += "\\\""
                case 0x5C: output += "\\\\"
                case 0x0A: output += "\\n"
                case 0x0D: output += "\\r"
                case 0x09: output += "\\t"
                default:
                    let hex = String(byte, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            }
            if escaped && start < utf8.count {
                output += String(decoding: UnsafeBufferPointer(rebasing: utf8[start...]), as: UTF8.self)
            }
        }
        if !escaped { output += text }
        output += "\""
    }
}
