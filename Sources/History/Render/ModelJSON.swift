import Disclosure

// The JSON form of the engine's model, shared by every `--format json` output. The schema is a
// contract with scripts: add members freely, never rename or retype one without bumping
// `JSONSchemaVersion.current`. docs/schemas has the JSON Schema of every output (the shapes
// below in common.schema.json), the reference; a member added here is added there, where
// AnalystEngineTests checks real output against it.

/// Version of the JSON documents `history timeline|diff|execution|check|coverage|units|replay
/// --format json` write.
///
/// Every document is an object opening with `"schema": 1` and `"type"` (`timeline`, `diff`,
/// `check`, `units`, …). Amounts of money in timeline, diff and execution documents are exact JSON
/// numbers in the document's `"measure"` (万元), whatever measure each figure was printed in: a
/// table in 元 gives 16497.864 for 164,978,640元, never a rounded or binary-float value (evidence
/// says the measure it was printed in, `printed_measure`). Percents are numbers in percent
/// (-18.63); a missing value is `null`, never 0. `doc` is a content hash, `lines` is `[first,
/// last]` (1-based), `text` the source snippet.
///
/// - evidence: `{"value"?, "doc", "year", "kind", "key", "origin": "table"|"narrative"|"implied",
///   "printed_measure"?, "lines", "text", "stated_delta"?}` (`year`/`kind` are the citing document's; `stated_delta`
///   is the change that implies an implied figure)
/// - figure: `{"key", "value", "basis": "document"|"implied", "values": [...], "evidence": [...]}`;
///   `values` holds more than one number exactly when sources disagree (preferred first)
/// - reason: `{"explains": "year-over-year", "keys", "base_year"}` or `{"explains":
///   "budget-variance", "code", "name"}`, then `"year", "text", "evidence"`
/// - transfer: `{"year", "name", "from": {"unit", "name"}, "to": {...}, "value", "other_values",
///   "stated_by": ["sender"|"receiver"], "evidence"}`
/// - timeline: `{"unit", "unit_key", "disclosure", "measure", "years": [{"year", "document", "superseded_documents",
///   "totals": [figure], "implied_disagreements", "items": [{"code", "name", "printed_names", "level",
///   "value", "figure", "budget", "variance_reason"}], "stated_changes", "reasons", "transfers_out",
///   "transfers_in"}]}`
/// - diff: `{"from", "to", "disclosure", "measure", "units": [{"unit", "unit_key", "from_document", "to_document",
///   "totals": [{"key", "from": figure, "to": figure, "delta", "percent", "stated"}], "items": [{"code",
///   "name", "status": "changed"|"unchanged"|"added"|"removed", "from", "to", "delta", "percent",
///   "reasons"}], "reasons", "transfers", "missing_evidence": [{"year", "need", "message"}]}],
///   "moves": [{"year", "from", "to", "transfer", "code", "code_name", "from_value", "to_value"}]}`
/// - check: `{"findings": [{"rule", "severity": "error"|"warning"|"notice", "source":
///   "parser"|"engine", "unit", "unit_key", "year", "message", "values", "citations": [{"doc",
///   "year", "lines", "text", "page"?}]}]}` (`values` as printed, in the figure's own measure)
/// - units: `{"units": [{"unit", "unit_key", "documents", "names": [{"name", "rule", "explanation",
///   "doc"}], "mentioned_by"}]}`
public enum JSONSchemaVersion {
    public static let current = 1
}

extension Evidence {
    /// `{"doc", "year", "kind", "key", "origin", "printed_measure"?, "lines": [first, last], "text", "stated_delta"?}`
    var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("doc", .string(document)), ("year", .int(documentYear)), ("kind", .string(documentKind.rawValue)),
            ("key", .string(key.rawValue)), ("origin", .string(origin.rawValue)),
        ]
        if measure.isMoney { members.append(("printed_measure", .string(measure.rawValue))) }
        members += [("lines", .array([.int(firstLine), .int(lastLine)])), ("text", .string(text))]
        if let statedDelta { members.append(("stated_delta", .amount(statedDelta))) }
        return .object(members)
    }
}

extension Figure {
    /// `{"key", "value", "basis": "document"|"implied", "values": [...], "evidence": [...]}`;
    /// `values` has more than one member exactly when sources disagree.
    var json: JSONValue {
        .object([
            ("key", .string(key.rawValue)), ("value", .amount(value)), ("basis", .string(basis.rawValue)),
            ("values", .array(values.map { .amount($0) })),
            ("evidence", .array(sources.map { source in
                guard case .object(var members) = source.evidence.json else { return .null }
                members.insert(("value", .amount(source.value)), at: 0)
                return .object(members)
            })),
        ])
    }
}

extension DocumentRef {
    var json: JSONValue {
        .object([("doc", .string(contentHash)), ("sequence", .number(String(sequence))), ("source", .string(sourceName)),
                 ("printed_unit", .string(printedUnit)), ("year", .int(year)), ("kind", .string(kind.rawValue))]
                + (joined.isEmpty ? [] : [("joined", .array(joined.map { .object([("doc", .string($0.contentHash)), ("source", .string($0.sourceName))]) }))]))
    }
}

extension StatedReason {
    /// `{"explains": "year-over-year", "keys", "base_year"}` or `{"explains": "budget-variance",
    /// "code", "name"}`, plus `"year", "text", "evidence"`.
    var json: JSONValue {
        var members: [(String, JSONValue)] = [("explains", .string(label))]
        switch subject {
        case .yearOverYear(let keys, let baseYear):
            members += [("keys", .array(keys.map { .string($0.rawValue) })), ("base_year", .int(baseYear))]
        case .budgetVariance(let code, let name):
            members += [("code", code.isEmpty ? .null : .string(code)), ("name", name.isEmpty ? .null : .string(name))]
        }
        members += [("year", .int(year)), ("text", .string(text)), ("evidence", .array(evidence.map(\.json)))]
        return .object(members)
    }
}

extension StatedChange {
    var json: JSONValue {
        .object([("of", .string(of.rawValue)), ("year", .int(year)), ("base_year", .int(baseYear)),
                 ("delta", .amount(delta)), ("pct", .amount(pct)), ("reason", .optional(reason)), ("evidence", evidence.json)])
    }
}

extension Transfer {
    /// `{"year", "name", "from": {"unit", "name"}, "to": {...}, "value", "other_values", "stated_by", "evidence"}`
    var json: JSONValue {
        .object([
            ("year", .int(year)), ("name", .string(name)),
            ("from", .object([("unit", .string(from.key)), ("name", .string(fromName))])),
            ("to", .object([("unit", .string(to.key)), ("name", .string(toName))])),
            ("value", .amount(value)), ("other_values", .array(otherValues.map { .amount($0) })),
            ("stated_by", .array(statedBy.map { .string($0.rawValue) })),
            ("evidence", .array(evidence.map(\.json))),
        ])
    }
}

extension ItemFigure {
    /// `{"code", "name", "printed_names", "level", "value", "figure", "budget", "variance_reason"}`
    var json: JSONValue {
        .object([
            ("code", .string(code)), ("name", .string(name)), ("printed_names", .array(printedNames.map { .string($0) })),
            ("level", .int(level)), ("value", .amount(figure.value)), ("figure", figure.json),
            ("budget", budget?.json ?? .null), ("variance_reason", varianceReason?.json ?? .null),
        ])
    }
}
