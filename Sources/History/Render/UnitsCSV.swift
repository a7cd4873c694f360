/// `history units --format csv`: one row per unit and document, the table analysts join facts
/// to (`unit_key`, `doc`). A unit known only as the other side of a transfer has one row with the
/// document's columns empty. Pure.
///
/// Columns: `unit, unit_key, doc, year, kind, scope, printed_unit, source, names` (`names`: every
/// name the unit is known by, separated by `;`).
public struct UnitsCSV: Sendable {
    public init() {}

    public static let header = ["unit", "unit_key", "doc", "year", "kind", "scope", "printed_unit", "source", "names"]

    public func csv(_ directory: UnitDirectory) -> String {
        var rows = [Self.header]
        for unit in directory.units {
            let names = unit.names.map(\.name).joined(separator: ";")
            if unit.documents.isEmpty { rows.append([unit.name, unit.id.key, "", "", "", "", "", "", names]) }
            for card in unit.documents {
                rows.append([unit.name, unit.id.key, card.contentHash, String(card.identity.year), card.identity.kind.rawValue,
                             card.identity.scope.rawValue, card.identity.unit, card.sourceName, names])
            }
        }
        return CSV.document(rows)
    }
}
