import Disclosure

/// `history timeline UNIT`: a unit's years as terminal text, markdown or JSON. Pure: model in,
/// string out.
public struct TimelineRenderer: Sendable {
    /// How many items per year the text and markdown forms list (JSON lists all).
    public var largestItems: Int

    public init(largestItems: Int = 5) {
        self.largestItems = largestItems
    }

    public func text(_ timeline: UnitTimeline, style: TextStyle = .plain) -> String {
        var lines = [style.bold("\(timeline.name)  \(timeline.kind.rawValue) timeline") + style.dim("  (unit \(timeline.unit.key)), \(Figures.measureLabel)")]
        for year in timeline.years {
            lines.append("")
            let source = year.document.map { document in
                "document \(document.shortHash) \(document.sourceName)"
                    + document.joined.map { " + \($0.contentHash.prefix(12)) \($0.sourceName)" }.joined()
                    + (document.printedUnit == timeline.name ? "" : ", titled \(document.printedUnit)")
            } ?? "no document of its own"
            lines.append(style.bold(String(year.year)) + "  " + style.dim(source))
            if !year.totals.isEmpty {
                var table = TextTable([.init("total"), .init("amount", .decimal), .init("basis"), .init("evidence")])
                for figure in year.totals {
                    table.append([Figures.keyLabel(figure.key), Figures.amount(figure.value), figure.basis.rawValue,
                                  Figures.evidence(figure.sources(stating: figure.value).map(\.evidence))])
                    for other in figure.values.dropFirst() {
                        table.append(["", style.warning(Figures.amount(other)), "also stated",
                                      Figures.evidence(figure.sources(stating: other).map(\.evidence))])
                    }
                }
                lines += table.lines(indent: "  ", style: style)
            }
            for disagreement in year.impliedDisagreements {
                lines.append("  " + style.warning("! " + Self.describe(disagreement)))
            }
            let items = year.largestItems.prefix(largestItems)
            if !items.isEmpty {
                lines.append("  largest items")
                var table = TextTable([.init("code"), .init("name"), .init("amount", .decimal), .init("budget", .decimal), .init("evidence")])
                for item in items {
                    let printed = item.printedNames.first { UnitName($0).folded != UnitName(item.name).folded }
                    table.append([item.code, item.name + (printed.map { " (printed \($0))" } ?? ""), Figures.amount(item.figure.value), item.budget.map { Figures.amount($0.value) } ?? "",
                                  Figures.evidence(item.figure.evidence)])
                }
                lines += table.lines(indent: "    ", style: style)
            }
            if !year.reasons.isEmpty {
                lines.append("  reasons the unit gave")
                for reason in year.reasons { lines.append("    " + Self.describe(reason, style: style)) }
            }
            for transfer in year.transfersOut { lines.append("  transfer out: " + Self.describe(transfer)) }
            for transfer in year.transfersIn { lines.append("  transfer in:  " + Self.describe(transfer)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func markdown(_ timeline: UnitTimeline) -> String {
        var lines = ["# \(timeline.name) — \(timeline.kind.rawValue) timeline", "", "Amounts in \(Figures.shownMeasure.rawValue).", ""]
        for year in timeline.years {
            lines.append("## \(year.year)")
            lines.append("")
            lines.append(year.document.map { "Document `\($0.shortHash)` (\($0.sourceName))." } ?? "No document of its own.")
            lines.append("")
            if !year.totals.isEmpty {
                lines += ["| total | amount | basis | evidence |", "|---|--:|---|---|"]
                for figure in year.totals {
                    let values = figure.values.map { Figures.amount($0) }.joined(separator: " / ")
                    lines.append("| \(figure.key.rawValue) | \(values) | \(figure.basis.rawValue) | \(Figures.evidence(figure.evidence)) |")
                }
                lines.append("")
            }
            for disagreement in year.impliedDisagreements { lines += ["> " + Self.describe(disagreement), ""] }
            for reason in year.reasons { lines.append("- " + Self.describe(reason, style: .plain)) }
            for transfer in year.transfersOut { lines.append("- transfer out: " + Self.describe(transfer)) }
            for transfer in year.transfersIn { lines.append("- transfer in: " + Self.describe(transfer)) }
            if lines.last != "" { lines.append("") }
        }
        return lines.joined(separator: "\n")
    }

    /// The JSON document: `{"schema", "type": "timeline", "unit", "unit_key", "disclosure", "measure", "years": [...]}`;
    /// every amount is an exact number in `measure` (万元), whatever measure the document printed.
    public func json(_ timeline: UnitTimeline) -> String {
        JSONValue.object([
            ("schema", .int(JSONSchemaVersion.current)), ("type", .string("timeline")),
            ("unit", .string(timeline.name)), ("unit_key", .string(timeline.unit.key)), ("disclosure", .string(timeline.kind.rawValue)),
            ("measure", .string(Figures.shownMeasure.rawValue)),
            ("years", .array(timeline.years.map { year in
                .object([
                    ("year", .int(year.year)), ("document", year.document?.json ?? .null),
                    ("superseded_documents", .array(year.supersededDocuments.map(\.json))),
                    ("totals", .array(year.totals.map(\.json))),
                    ("implied_disagreements", .array(year.impliedDisagreements.map(\.json))),
                    ("items", .array(year.items.map(\.json))),
                    ("stated_changes", .array(year.statedChanges.map(\.json))),
                    ("reasons", .array(year.reasons.map(\.json))),
                    ("transfers_out", .array(year.transfersOut.map(\.json))),
                    ("transfers_in", .array(year.transfersIn.map(\.json))),
                ])
            })),
        ]).serialized()
    }

    static func describe(_ disagreement: ImpliedDisagreement) -> String {
        let readings = disagreement.readings.map { reading in
            "\(Figures.delta(reading.delta)) (\(reading.keys.map(\.rawValue).joined(separator: ", "))) implies \(Figures.amount(reading.value))"
        }
        return "the \(disagreement.statedIn.year) \(disagreement.statedIn.kind.rawValue) states different changes for the same total: "
            + readings.joined(separator: "; ")
    }

    static func describe(_ reason: StatedReason, style: TextStyle) -> String {
        var firstLines: [Int] = []
        for evidence in reason.evidence where !firstLines.contains(evidence.firstLine) { firstLines.append(evidence.firstLine) }
        let lines = (firstLines.count == 1 ? "line " : "lines ") + firstLines.map(String.init).joined(separator: ", ")
        switch reason.subject {
        case .yearOverYear(let keys, let baseYear):
            return style.dim("[year-over-year vs \(baseYear): \(keys.map(\.rawValue).joined(separator: ", "))]") + " \(reason.text)"
                + style.dim(" (\(lines))")
        case .budgetVariance(let code, let name):
            let what = code.isEmpty ? name : "\(code) \(name)"
            return style.dim("[budget variance: \(what)]") + " \(reason.text)" + style.dim(" (\(lines))")
        }
    }

    static func describe(_ transfer: Transfer) -> String {
        let sides = transfer.statedBy.map(\.rawValue).joined(separator: " and ")
        let others = transfer.otherValues.isEmpty ? "" : " (also stated: \(transfer.otherValues.map { Figures.amount($0) }.joined(separator: ", ")))"
        return "\(transfer.name) \(Figures.amount(transfer.value))\(others) \(transfer.fromName) → \(transfer.toName)"
            + " — stated by \(sides); \(Figures.evidence(transfer.evidence))"
    }
}

extension ImpliedDisagreement {
    var json: JSONValue {
        .object([
            ("year", .int(year)), ("stated_in", statedIn.json),
            ("readings", .array(readings.map { reading in
                .object([("value", .amount(reading.value)), ("keys", .array(reading.keys.map { .string($0.rawValue) })),
                         ("delta", .amount(reading.delta)), ("evidence", .array(reading.evidence.map(\.json)))])
            })),
        ])
    }
}
