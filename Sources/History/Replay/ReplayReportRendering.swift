import Disclosure

extension ReplayReport {
    /// The report for a person: one block per changed document, then a summary line.
    public func text() -> String {
        var lines: [String] = []
        for document in changed {
            lines.append(document.headline(parserVersion: parserVersion))
            let diff = document.diff
            if diff.identityChanged {
                lines.append("    identity: \(Self.describe(diff.identityBefore)) → \(Self.describe(diff.identityAfter))")
            }
            for fact in diff.added { lines.append("  + \(Self.describe(fact))") }
            for fact in diff.removed { lines.append("  - \(Self.describe(fact))") }
            for change in diff.changed { lines.append("  ~ \(Self.describe(change))") }
            for warning in diff.warningsGained { lines.append("  warning gained: \(Self.describe(warning))") }
            for warning in diff.warningsLost { lines.append("  warning lost: \(Self.describe(warning))") }
        }
        for skipped in skipped {
            lines.append("skipped \(skipped.contentHash.prefix(12))  \(skipped.sourceName): \(skipped.reason)")
        }
        lines.append(summary)
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line: how many documents, what changed, what was appended.
    public var summary: String {
        let verb = dryRun ? "would append" : "appended"
        let events = dryRun ? changed.count : appended
        return "Replayed \(examined) document\(examined == 1 ? "" : "s") with parser v\(parserVersion): \(changed.count) changed "
            + "(\(verb) \(events) event\(events == 1 ? "" : "s")); facts +\(factsAdded) -\(factsRemoved) ~\(factsChanged), "
            + "warnings +\(warningsGained) -\(warningsLost); \(skipped.count) skipped"
            + (dryRun ? " (dry run: nothing was written)" : "")
    }

    /// `{"schema": 1, "type": "replay", …}`: README "history replay" documents every member.
    public var json: JSONValue {
        .object([
            ("schema", .int(JSONSchemaVersion.current)), ("type", .string("replay")),
            ("parser_version", .int(parserVersion)), ("dry_run", .bool(dryRun)),
            ("examined", .int(examined)), ("appended", .int(appended)),
            ("totals", .object([
                ("changed", .int(changed.count)), ("skipped", .int(skipped.count)),
                ("facts_added", .int(factsAdded)), ("facts_removed", .int(factsRemoved)), ("facts_changed", .int(factsChanged)),
                ("warnings_gained", .int(warningsGained)), ("warnings_lost", .int(warningsLost)),
            ])),
            ("documents", .array(changed.map(\.json))),
            ("skipped", .array(skipped.map { .object([("doc", .string($0.contentHash)), ("source", .string($0.sourceName)), ("reason", .string($0.reason))]) })),
        ])
    }

    static func describe(_ identity: DocumentIdentity?) -> String {
        guard let identity else { return "(no parse)" }
        return "\(identity.unit.isEmpty ? "(unit not found)" : identity.unit) \(identity.year) \(identity.kind.rawValue)"
    }

    /// `function.expense.total 2024 2101199 其他行政事业单位医疗支出 = 2263.86 万元 (table, lines 112)`
    static func describe(_ fact: Fact) -> String {
        "\(subject(fact)) = \(value(fact)) (\(fact.origin.rawValue), \(lines(fact.source)))"
    }

    /// `grand.total 2024: 220.84 → 220.83 万元 (table, lines 40)`, naming what else moved.
    static func describe(_ change: FactChange) -> String {
        let (before, after) = (change.before, change.after)
        var text = "\(subject(after)): \(value(before)) → \(value(after)) (\(after.origin.rawValue), \(lines(after.source)))"
        var also: [String] = []
        if before.source.firstLine != after.source.firstLine || before.source.lastLine != after.source.lastLine {
            also.append("was \(lines(before.source))")
        }
        if before.source.text != after.source.text && before.source.firstLine == after.source.firstLine { also.append("source text") }
        if before.delta != after.delta { also.append("delta \(before.delta?.description ?? "none") → \(after.delta?.description ?? "none")") }
        if before.pct != after.pct { also.append("pct \(before.pct?.description ?? "none") → \(after.pct?.description ?? "none")") }
        if before.reason != after.reason { also.append("reason") }
        if !also.isEmpty { text += "; also \(also.joined(separator: ", "))" }
        return text
    }

    static func describe(_ warning: ParseWarning) -> String {
        "\(warning.rule.rawValue): \(warning.message)" + (warning.source.map { " (\(lines($0)))" } ?? "")
    }

    private static func subject(_ fact: Fact) -> String {
        var parts = [fact.key.rawValue, String(fact.year)]
        if let of = fact.of { parts.append("of \(of.rawValue)") }
        if let code = fact.code { parts.append(code) }
        if let name = fact.name { parts.append(name) }
        if let counterparty = fact.counterparty { parts.append("with \(counterparty)") }
        return parts.joined(separator: " ")
    }

    private static func value(_ fact: Fact) -> String {
        switch fact.value {
        case .amount(let amount): fact.measure == .text ? amount.description : "\(amount) \(fact.measure.rawValue)"
        case .text(let text): "\"\(text)\""
        case .none: "(no value)"
        }
    }

    private static func lines(_ span: SourceSpan) -> String {
        span.firstLine == span.lastLine ? "line \(span.firstLine)" : "lines \(span.firstLine)-\(span.lastLine)"
    }
}

extension DocumentReplay {
    func headline(parserVersion: Int) -> String {
        let identity = diff.identityAfter ?? diff.identityBefore
        let from = previousParserVersion.map { "v\($0)" } ?? "never parsed"
        return "\(contentHash.prefix(12))  \(sourceName)  \(ReplayReport.describe(identity))  parser \(from) → v\(parserVersion) (\(transition.rawValue))"
            + (appendedSequence.map { ", event \($0)" } ?? "")
    }

    var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("doc", .string(contentHash)), ("source", .string(sourceName)),
            ("transition", .string(transition.rawValue)),
            ("previous_parser_version", previousParserVersion.map { .int($0) } ?? .null),
            ("appended_sequence", appendedSequence.map { .number(String($0)) } ?? .null),
            ("identity_before", diff.identityBefore.map(Self.json) ?? .null),
            ("identity_after", diff.identityAfter.map(Self.json) ?? .null),
        ]
        members += [
            ("facts_added", .array(diff.added.map(Self.json))),
            ("facts_removed", .array(diff.removed.map(Self.json))),
            ("facts_changed", .array(diff.changed.map { .object([("before", Self.json($0.before)), ("after", Self.json($0.after))]) })),
            ("warnings_gained", .array(diff.warningsGained.map(Self.json))),
            ("warnings_lost", .array(diff.warningsLost.map(Self.json))),
        ]
        return .object(members)
    }

    static func json(_ identity: DocumentIdentity) -> JSONValue {
        .object([("unit", .string(identity.unit)), ("year", .int(identity.year)), ("kind", .string(identity.kind.rawValue))])
    }

    /// FACTS.md's form without the filing (the document carries it): every member, so a replay
    /// that changes only a share or a project shows it.
    static func json(_ fact: Fact) -> JSONValue { FactRecord(fact).json }

    static func json(_ warning: ParseWarning) -> JSONValue { WarningRecord(warning).json }
}
