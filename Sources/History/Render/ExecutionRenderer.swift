import Disclosure

/// `history execution`: a unit's 预算 against its 决算 of one year, as text or JSON.
public struct ExecutionRenderer: Sendable {
    /// How many items the text lists, largest gaps first (JSON lists all).
    public var items: Int

    public init(items: Int = 12) {
        self.items = items
    }

    public func text(_ execution: BudgetExecution, style: TextStyle = .plain) -> String {
        var lines = [style.bold("\(execution.name)  \(execution.year)  预算 → 决算")
                     + style.dim("  (预算 \(execution.budgetDocument?.shortHash ?? "—"), 决算 \(execution.finalDocument?.shortHash ?? "—")), \(Figures.measureLabel)")]
        var totals = TextTable([.init("total"), .init("预算", .decimal), .init("决算", .decimal), .init("difference", .decimal), .init("execution", .decimal)])
        for line in execution.totals { totals.append(row(line, style: style, label: Figures.keyLabel(line.key))) }
        lines += totals.lines(indent: "  ", style: style)

        let compared = execution.items.filter { $0.difference != nil && $0.difference != .zero }
            .sorted { ($0.difference!.magnitude, $1.code ?? "") > ($1.difference!.magnitude, $0.code ?? "") }
        if !compared.isEmpty {
            lines.append("")
            lines.append(style.bold("items, largest gaps first") + style.dim(" (\(min(items, compared.count)) of \(compared.count) that differ)"))
            var table = TextTable([.init("code"), .init("item"), .init("预算", .decimal), .init("决算", .decimal), .init("difference", .decimal),
                                   .init("execution", .decimal), .init("决算's 年初预算", .decimal)])
            for line in compared.prefix(items) {
                table.append([line.code ?? ""] + row(line, style: style, label: line.name) + [Figures.amount(line.statedBudget?.value)])
            }
            lines += table.lines(indent: "  ", style: style)
        }
        if !execution.reasons.isEmpty {
            lines.append("")
            lines.append(style.bold("the 决算's reasons for the gap"))
            for reason in execution.reasons { lines.append("  " + TimelineRenderer.describe(reason, style: style)) }
        }
        for missing in execution.missing { lines.append(style.warning("  → " + missing)) }
        return lines.joined(separator: "\n") + "\n"
    }

    private func row(_ line: BudgetExecution.Line, style: TextStyle, label: String) -> [String] {
        let difference = line.difference.map { style.signed(Figures.delta($0), negative: $0.fen < 0) } ?? "—"
        return [label, BudgetExecution.figure(line.planned), BudgetExecution.figure(line.actual), difference,
                line.rate.map { $0.description + "%" } ?? "—"]
    }

    /// `{"schema", "type": "execution", "unit", "unit_key", "year", "measure", "budget_document", "final_document",
    /// "totals": [line], "items": [line], "reasons": [...], "missing": [...]}`; a line is
    /// `{"key", "code", "name", "planned", "actual", "difference", "execution_rate", "stated_budget", "reason"}`.
    public func json(_ execution: BudgetExecution) -> String {
        func line(_ line: BudgetExecution.Line) -> JSONValue {
            .object([("key", .string(line.key.rawValue)), ("code", .optional(line.code)), ("name", .string(line.name)),
                     ("planned", line.planned?.json ?? .null), ("actual", line.actual?.json ?? .null),
                     ("difference", .amount(line.difference)), ("execution_rate", .amount(line.rate)),
                     ("stated_budget", line.statedBudget?.json ?? .null), ("reason", line.reason?.json ?? .null)])
        }
        return JSONValue.object([
            ("schema", .int(JSONSchemaVersion.current)), ("type", .string("execution")),
            ("unit", .string(execution.name)), ("unit_key", .string(execution.unit.key)), ("year", .int(execution.year)),
            ("measure", .string(Figures.shownMeasure.rawValue)),
            ("budget_document", execution.budgetDocument?.json ?? .null), ("final_document", execution.finalDocument?.json ?? .null),
            ("totals", .array(execution.totals.map(line))), ("items", .array(execution.items.map(line))),
            ("reasons", .array(execution.reasons.map(\.json))), ("missing", .array(execution.missing.map { .string($0) })),
        ]).serialized()
    }
}

extension BudgetExecution {
    /// A figure's value for a table cell, `*` when its sources disagree.
    static func figure(_ figure: Figure?) -> String {
        guard let figure else { return "—" }
        return Figures.amount(figure.value) + (figure.isDisputed ? "*" : "")
    }
}
