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
    /// Money as an exact number in 万元 (the measure diff, timeline and execution JSON state in
    /// their `measure` field): 16497.864 for 164,978,640元.
    public static func amount(_ value: Money?) -> JSONValue {
        value.map { .number($0.decimal(in: .wanYuan, minimumDecimals: 0) ?? $0.description) } ?? .null
    }
    public static func int(_ value: Int) -> JSONValue { .number(String(value)) }
    public static func optional(_ text: String?) -> JSONValue { text.map { .string($0) } ?? .null }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    /// Pretty-printed with two-space indentation and a final newline; `compact` for NDJSON.
    public func serialized(compact: Bool = false) -> String {
        var output: [UInt8] = []
        write(into: &output, indent: compact ? nil : 0)
        if !compact { output.append(0x0A) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Pretty-printed as if nested `depth` levels deep in a larger document (no final newline):
    /// what lets a long array be written one element at a time.
    public func serialized(depth: Int) -> String {
        var output: [UInt8] = []
        write(into: &output, indent: depth)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the compact form (``serialized(compact:)`` without building a String), for
    /// writers of many lines into one buffer.
    public func appendCompact(to output: inout [UInt8]) {
        write(into: &output, indent: nil)
    }

    // Bytes, not a String: appending to a String checks capacity, ASCII-ness and breadcrumbs
    // on every call, which made most of the cost of a `history facts` dump.
    private func write(into output: inout [UInt8], indent: Int?) {
        switch self {
        case .object(let members):
            if members.isEmpty { output += "{}".utf8; return }
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(&output, indent.map { $0 + 1 })
                Self.quote(key, into: &output)
                output += indent == nil ? ":".utf8 : ": ".utf8
                value.write(into: &output, indent: indent.map { $0 + 1 })
            }
            newline(&output, indent)
            output.append(UInt8(ascii: "}"))
        case .array(let values):
            if values.isEmpty { output += "[]".utf8; return }
            let inline = values.allSatisfy { if case .number = $0 { true } else if case .string(let s) = $0 { s.count < 40 } else { false } }
            output.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { output += inline && indent != nil ? ", ".utf8 : ",".utf8 }
                if !inline { newline(&output, indent.map { $0 + 1 }) }
                value.write(into: &output, indent: indent.map { $0 + 1 })
            }
            if !inline { newline(&output, indent) }
            output.append(UInt8(ascii: "]"))
        case .string(let text): Self.quote(text, into: &output)
        case .number(let text): output += text.utf8
        case .bool(let flag): output += flag ? "true".utf8 : "false".utf8
        case .null: output += "null".utf8
        }
    }

    private func newline(_ output: inout [UInt8], _ indent: Int?) {
        guard let indent else { return }
        output.append(0x0A)
        for _ in 0..<indent { output += "  ".utf8 }
    }

    private static func quote(_ text: String, into output: inout [UInt8]) {
        JSONString.append(text, to: &output)
    }
}
