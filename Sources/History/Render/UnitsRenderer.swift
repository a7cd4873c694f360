import Disclosure

/// `history units`: every unit, its years and documents, and how each name was resolved. Pure.
public struct UnitsRenderer: Sendable {
    public init() {}

    public func text(_ directory: UnitDirectory, style: TextStyle = .plain) -> String {
        var lines: [String] = []
        for unit in directory.units {
            let years = unit.documents.map { "\($0.identity.year) \($0.identity.title)" }
            lines.append(style.bold(unit.name) + "  " + style.dim(years.isEmpty ? "no documents" : years.joined(separator: ", ")))
            var table = TextTable([.init("name"), .init("rule"), .init("why")])
            for name in unit.names { table.append([name.name, name.rule.rawValue, name.explanation]) }
            lines += table.lines(indent: "  ", style: style)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"schema", "type": "units", "units": [{"unit", "unit_key", "documents": [...], "names":
    /// [{"name", "rule", "explanation", "doc"}], "mentioned_by": [...]}]}`.
    public func json(_ directory: UnitDirectory) -> String {
        JSONValue.object([
            ("schema", .int(JSONSchemaVersion.current)), ("type", .string("units")),
            ("units", .array(directory.units.map { unit in
                .object([
                    ("unit", .string(unit.name)), ("unit_key", .string(unit.id.key)),
                    ("documents", .array(unit.documents.map { card in
                        .object([("doc", .string(card.contentHash)), ("year", .int(card.identity.year)),
                                 ("kind", .string(card.identity.kind.rawValue)), ("scope", .string(card.identity.scope.rawValue)),
                                 ("printed_unit", .string(card.identity.unit)),
                                 ("source", .string(card.sourceName))])
                    })),
                    ("names", .array(unit.names.map { name in
                        .object([("name", .string(name.name)), ("rule", .string(name.rule.rawValue)),
                                 ("explanation", .string(name.explanation)), ("doc", .optional(name.document))])
                    })),
                    ("mentioned_by", .array(unit.mentionedBy.map { .string($0) })),
                ])
            })),
        ]).serialized()
    }
}
