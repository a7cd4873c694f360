import Disclosure

/// `history units`: every unit, its years and documents, and how each name was resolved. Pure.
public struct UnitsRenderer: Sendable {
    public init() {}

    public func text(_ directory: UnitDirectory, style: TextStyle = .plain) -> String {
        var lines: [String] = []
        for unit in directory.units {
            let parts = Set(unit.joined.flatMap(\.parts))
            let years = unit.documents.filter { !parts.contains($0.contentHash) }.map { card in
                let files = 1 + (unit.joined.first { $0.primary == card.contentHash }?.parts.count ?? 0)
                return "\(card.identity.year) \(card.identity.title)" + (files > 1 ? " (\(files) files)" : "")
            }
            lines.append(style.bold(unit.name) + "  " + style.dim(years.isEmpty ? "no documents" : years.joined(separator: ", ")))
            var table = TextTable([.init("name"), .init("rule"), .init("why")])
            for name in unit.names { table.append([name.name, name.rule.rawValue, name.explanation]) }
            lines += table.lines(indent: "  ", style: style)
            for join in unit.joined {
                let names = ([join.primary] + join.parts).map { hash in
                    unit.documents.first { $0.contentHash == hash }?.sourceName ?? String(hash.prefix(12))
                }
                lines.append("  joined as one \(join.year) \(join.title): " + names.joined(separator: " + "))
                for reason in join.reasons { lines.append("    " + style.dim("- " + reason)) }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"schema", "type": "units", "units": [{"unit", "unit_key", "documents": [...], "names":
    /// [{"name", "rule", "explanation", "doc"}], "mentioned_by": [...], "joined": [{"year", "title",
    /// "doc", "parts", "reasons"}]}]}`: a disclosure published in several files is joined as one.
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
                    ("joined", .array(unit.joined.map { join in
                        .object([("year", .int(join.year)), ("title", .string(join.title)), ("doc", .string(join.primary)),
                                 ("parts", .array(join.parts.map { .string($0) })), ("reasons", .array(join.reasons.map { .string($0) }))])
                    })),
                ])
            })),
        ]).serialized()
    }
}
