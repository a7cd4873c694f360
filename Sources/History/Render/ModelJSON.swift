import Disclosure

// The JSON form of the engine's model, shared by every `--format json` output. The schema is a
// contract with scripts (README "JSON output"): add members freely, never rename or retype one
// without bumping `JSONSchemaVersion.current`.

/// Version of the JSON documents `history timeline|diff|check|units --format json` write.
public enum JSONSchemaVersion {
    public static let current = 1
}

extension Evidence {
    /// `{"doc", "year", "kind", "key", "origin", "lines": [first, last], "text", "stated_delta"?}`
    var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("doc", .string(document)), ("year", .int(documentYear)), ("kind", .string(documentKind.rawValue)),
            ("key", .string(key.rawValue)), ("origin", .string(origin.rawValue)),
            ("lines", .array([.int(firstLine), .int(lastLine)])), ("text", .string(text)),
        ]
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
                 ("printed_unit", .string(printedUnit)), ("year", .int(year)), ("kind", .string(kind.rawValue))])
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
