/// ANSI styling for terminal text, or none: the CLI decides (colour only on a TTY), renderers
/// just ask.
public struct TextStyle: Sendable {
    public var colour: Bool

    public init(colour: Bool) {
        self.colour = colour
    }

    public static let plain = TextStyle(colour: false)
    public static let ansi = TextStyle(colour: true)

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func warning(_ text: String) -> String { wrap(text, "33") }
    /// Red for a decrease, green for an increase: the colour of a signed change.
    public func signed(_ text: String, negative: Bool) -> String { wrap(text, negative ? "31" : "32") }

    private func wrap(_ text: String, _ code: String) -> String {
        colour && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

import Disclosure

/// How amounts, changes and percents are printed in text and markdown.
enum Figures {
    /// 2,345.22
    static func amount(_ value: Amount?) -> String { value?.grouped ?? "—" }

    /// +40.66 / -220.84
    static func delta(_ value: Amount?) -> String {
        guard let value else { return "—" }
        return (value.hundredths > 0 ? "+" : "") + value.grouped
    }

    /// -18.63%
    static func percent(_ value: Amount?) -> String {
        guard let value else { return "—" }
        return (value.hundredths > 0 ? "+" : "") + value.description + "%"
    }

    static func lines(_ evidence: Evidence) -> String {
        "\(String(evidence.document.prefix(12))) \(evidence.lineLabel)"
    }

    /// "doc b2023… line 189 (narrative)" for every piece of evidence, deduplicated.
    static func evidence(_ list: [Evidence]) -> String {
        var seen: [String] = []
        for item in list {
            let text = item.origin == .implied && item.statedDelta != nil
                ? "\(lines(item)) stated change \(delta(item.statedDelta))"
                : "\(lines(item)) \(item.origin.rawValue)"
            if !seen.contains(text) { seen.append(text) }
        }
        return seen.joined(separator: "; ")
    }

    static func keyLabel(_ key: FactKey) -> String {
        switch key {
        case .grandTotal: "收支总计 grand.total"
        case .incomeTotal: "收入合计 income.total"
        case .expenseTotal: "支出合计 expense.total"
        default: key.rawValue
        }
    }
}
