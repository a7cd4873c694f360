import Disclosure

/// `history diff A B`: what changed and why, as terminal text, markdown or JSON. Pure.
public struct DiffRenderer: Sendable {
    /// How many item changes per unit the text and markdown forms list (JSON lists all).
    public var items: Int

    public init(items: Int = 8) {
        self.items = items
    }

    public func text(_ diff: YearDiff, style: TextStyle = .plain) -> String {
        var lines = [style.bold("\(diff.from) → \(diff.to)  \(diff.kind.rawValue)") + style.dim("  \(diff.units.count) unit(s), \(Figures.measureLabel)")]
        for unit in diff.units {
            lines.append("")
            lines.append(style.bold(unit.name))
            if !unit.totals.isEmpty {
                var table = TextTable([.init("total"), .init(String(diff.from), .decimal), .init(String(diff.to), .decimal),
                                       .init("change", .decimal), .init("%", .decimal), .init("evidence")])
                for total in unit.totals {
                    let negative = (total.delta?.fen ?? 0) < 0
                    table.append([Figures.keyLabel(total.key), Self.figure(total.from), Self.figure(total.to),
                                  style.signed(Figures.delta(total.delta), negative: negative),
                                  style.signed(Figures.percent(total.percent), negative: negative),
                                  Self.basis(total.from, year: diff.from) + " · " + Self.basis(total.to, year: diff.to)])
                }
                lines += table.lines(indent: "  ", style: style)
                for total in unit.totals {
                    for (figure, year) in [(total.from, diff.from), (total.to, diff.to)] {
                        guard let figure, figure.isDisputed else { continue }
                        for other in figure.values.dropFirst() {
                            let places = Figures.evidence(figure.sources(stating: other).map(\.evidence))
                            lines.append("  " + style.warning("* \(total.key.rawValue) \(year) is also stated as \(Figures.amount(other)): \(places)"))
                        }
                    }
                }
            }
            let shown = unit.items.filter { $0.status != .unchanged }.prefix(items)
            if !shown.isEmpty {
                lines.append("  items that moved most")
                var table = TextTable([.init("code"), .init("name"), .init(String(diff.from), .decimal), .init(String(diff.to), .decimal),
                                       .init("change", .decimal), .init("%", .decimal)])
                for item in shown {
                    let negative = item.delta.fen < 0
                    var name = item.name
                    if let old = item.from?.printedNames.first, UnitName(old).folded != UnitName(item.name).folded { name += " (was \(old))" }
                    table.append([item.code, name, Figures.amount(item.from?.figure.value), Figures.amount(item.to?.figure.value),
                                  style.signed(Figures.delta(item.delta), negative: negative), Figures.percent(item.percent)])
                }
                lines += table.lines(indent: "    ", style: style)
                for item in shown {
                    for reason in item.reasons where reason.year == diff.to || item.to == nil {
                        lines.append("    " + TimelineRenderer.describe(reason, style: style))
                    }
                }
            }
            for total in unit.totals {
                for change in total.stated where change.delta != nil && total.delta != nil && change.baseYear == diff.from && !Self.agrees(change, total) {
                    lines.append("  " + style.warning("! \(total.key.rawValue): the \(change.year) document states \(Figures.delta(change.delta)), the figures give \(Figures.delta(total.delta))"))
                }
            }
            if !unit.reasons.isEmpty {
                lines.append("  reasons the unit gave")
                for reason in unit.reasons { lines.append("    " + TimelineRenderer.describe(reason, style: style)) }
            }
            for transfer in unit.transfers { lines.append("  transfer: " + TimelineRenderer.describe(transfer)) }
            for missing in unit.missingEvidence { lines.append("  " + style.dim("→ " + missing.message)) }
        }
        if !diff.moves.isEmpty {
            lines.append("")
            lines.append(style.bold("moved between units"))
            for move in diff.moves { lines.append("  " + Self.describe(move)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func markdown(_ diff: YearDiff) -> String {
        var lines = ["# \(diff.from) → \(diff.to) (\(diff.kind.rawValue))", "", "\(Figures.measureLabel.prefix(1).uppercased() + Figures.measureLabel.dropFirst()).", ""]
        for unit in diff.units {
            lines += ["## \(unit.name)", ""]
            if !unit.totals.isEmpty {
                lines += ["| total | \(diff.from) | \(diff.to) | change | % | evidence |", "|---|--:|--:|--:|--:|---|"]
                for total in unit.totals {
                    lines.append("| \(total.key.rawValue) | \(Self.figure(total.from)) | \(Self.figure(total.to)) | \(Figures.delta(total.delta)) | "
                                 + "\(Figures.percent(total.percent)) | \(Self.basis(total.from, year: diff.from)) · \(Self.basis(total.to, year: diff.to)) |")
                }
                lines.append("")
            }
            let shown = unit.items.filter { $0.status != .unchanged }.prefix(items)
            if !shown.isEmpty {
                lines += ["| code | name | \(diff.from) | \(diff.to) | change | % |", "|---|---|--:|--:|--:|--:|"]
                for item in shown {
                    lines.append("| \(item.code) | \(item.name) | \(Figures.amount(item.from?.figure.value)) | \(Figures.amount(item.to?.figure.value)) | "
                                 + "\(Figures.delta(item.delta)) | \(Figures.percent(item.percent)) |")
                }
                lines.append("")
                for item in shown { for reason in item.reasons { lines.append("- " + TimelineRenderer.describe(reason, style: .plain)) } }
            }
            for reason in unit.reasons { lines.append("- " + TimelineRenderer.describe(reason, style: .plain)) }
            for transfer in unit.transfers { lines.append("- transfer: " + TimelineRenderer.describe(transfer)) }
            for missing in unit.missingEvidence { lines.append("- *\(missing.message)*") }
            if lines.last != "" { lines.append("") }
        }
        if !diff.moves.isEmpty {
            lines += ["## Moved between units", ""]
            for move in diff.moves { lines.append("- " + Self.describe(move)) }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// `{"schema", "type": "diff", "from", "to", "disclosure", "measure", "units": [...], "moves": [...]}`;
    /// every amount is an exact number in `measure` (万元), whatever measure the document printed.
    public func json(_ diff: YearDiff) -> String {
        JSONValue.object([
            ("schema", .int(JSONSchemaVersion.current)), ("type", .string("diff")), ("from", .int(diff.from)), ("to", .int(diff.to)),
            ("disclosure", .string(diff.kind.rawValue)), ("measure", .string(Figures.shownMeasure.rawValue)),
            ("units", .array(diff.units.map { unit in
                .object([
                    ("unit", .string(unit.name)), ("unit_key", .string(unit.unit.key)),
                    ("from_document", unit.fromDocument?.json ?? .null), ("to_document", unit.toDocument?.json ?? .null),
                    ("totals", .array(unit.totals.map { total in
                        .object([("key", .string(total.key.rawValue)), ("from", total.from?.json ?? .null), ("to", total.to?.json ?? .null),
                                 ("delta", .amount(total.delta)), ("percent", .amount(total.percent)),
                                 ("stated", .array(total.stated.map(\.json)))])
                    })),
                    ("items", .array(unit.items.map { item in
                        .object([("code", .string(item.code)), ("name", .string(item.name)), ("status", .string(item.status.rawValue)),
                                 ("from", item.from?.json ?? .null), ("to", item.to?.json ?? .null),
                                 ("delta", .amount(item.delta)), ("percent", .amount(item.percent)),
                                 ("reasons", .array(item.reasons.map(\.json)))])
                    })),
                    ("reasons", .array(unit.reasons.map(\.json))),
                    ("transfers", .array(unit.transfers.map(\.json))),
                    ("missing_evidence", .array(unit.missingEvidence.map { missing in
                        .object([("year", .int(missing.year)), ("need", .string(missing.need.rawValue)), ("message", .string(missing.message))])
                    })),
                ])
            })),
            ("moves", .array(diff.moves.map { move in
                .object([("year", .int(move.year)),
                         ("from", .object([("unit", .string(move.from.key)), ("name", .string(move.fromName))])),
                         ("to", .object([("unit", .string(move.to.key)), ("name", .string(move.toName))])),
                         ("transfer", move.transfer?.json ?? .null), ("code", .optional(move.code)), ("code_name", .optional(move.codeName)),
                         ("from_value", .amount(move.fromValue)), ("to_value", .amount(move.toValue))])
            })),
        ]).serialized()
    }

    /// Whether a stated change is the change the figures give, within the rounding of the
    /// measures they were printed in.
    static func agrees(_ change: StatedChange, _ total: TotalChange) -> Bool {
        guard let stated = change.delta, let computed = total.delta, let figure = total.to ?? total.from else { return true }
        return PrintedMoney(money: stated, measure: change.evidence.measure)
            .agrees(with: PrintedMoney(money: computed, measure: figure.sources[0].evidence.measure))
    }

    static func figure(_ figure: Figure?) -> String {
        guard let figure else { return "—" }
        return Figures.amount(figure.value) + (figure.isDisputed ? "*" : "")
    }

    /// "2023: implied by 2024 决算 c2024… line 349" or "2024: document table".
    static func basis(_ figure: Figure?, year: Int) -> String {
        guard let figure else { return "\(year): no evidence" }
        guard let first = figure.evidence.first else { return "\(year): —" }
        switch figure.basis {
        case .document: return "\(year): \(first.origin.rawValue) \(Figures.lines(first))"
        case .implied: return "\(year): implied by \(first.documentYear) \(first.documentKind.rawValue) \(Figures.lines(first))"
        }
    }

    static func describe(_ move: ItemMove) -> String {
        var text = "\(move.year): \(move.fromName) → \(move.toName)"
        if let transfer = move.transfer {
            text += ": \(transfer.name) \(Figures.amount(transfer.value)) (stated by \(transfer.statedBy.map(\.rawValue).joined(separator: " and ")))"
        }
        if let code = move.code {
            text += "; code \(code) \(move.codeName ?? "") left with \(Figures.amount(move.fromValue)) and arrived with \(Figures.amount(move.toValue))"
        }
        return text
    }
}
