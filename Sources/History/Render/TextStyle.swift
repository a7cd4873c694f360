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
///
/// Money is shown in one measure, ``shownMeasure`` (万元), exactly: two decimals, or more where
/// the document printed the figure in 元 (164,978,640元 is 16,497.864). Outputs say so once
/// (``measureLabel``) rather than beside every figure.
enum Figures {
    /// The measure timelines, diffs, execution and the report show money in.
    static let shownMeasure = Measure.wanYuan
    /// "amounts in 万元", for headings.
    static let measureLabel = "amounts in \(shownMeasure.rawValue)"

    /// 2,345.22
    static func amount(_ value: Amount?) -> String { value?.grouped ?? "—" }

    /// 16,497.864 (in ``shownMeasure``)
    static func amount(_ value: Money?) -> String {
        guard let value else { return "—" }
        return value.decimal(in: shownMeasure, grouped: true) ?? value.description
    }

    /// +40.66 / -220.84 (in ``shownMeasure``)
    static func delta(_ value: Money?) -> String {
        guard let value else { return "—" }
        return (value.fen > 0 ? "+" : "") + amount(value)
    }

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
