/// What a user said a document is, for a file that does not print it (a tables file without a
/// year): any of unit, year and kind, the rest left as the document says.
public struct StatedIdentity: Hashable, Sendable, Codable {
    public var unit: String?
    public var year: Int?
    public var kind: DisclosureKind?
    public var scope: DisclosureScope?

    public init(unit: String? = nil, year: Int? = nil, kind: DisclosureKind? = nil, scope: DisclosureScope? = nil) {
        self.unit = unit
        self.year = year
        self.kind = kind
        self.scope = scope
    }

    public var isEmpty: Bool { unit == nil && year == nil && kind == nil && scope == nil }

    /// What a user said of a document, read back from an identity it was laid over (its `user`
    /// evidence), with the words that said it: a re-parse lays it over the new reading again.
    public static func said(in identity: DocumentIdentity) -> (identity: StatedIdentity, said: String)? {
        let user = identity.evidence.filter { $0.source == .user }
        guard let said = user.first?.text else { return nil }
        var stated = StatedIdentity()
        for evidence in user {
            switch evidence.field {
            case .unit: stated.unit = identity.unit
            case .year: stated.year = identity.year
            case .kind: (stated.kind, stated.scope) = (identity.kind, identity.scope)
            }
        }
        return (stated, said)
    }

    /// Reads 部门决算, 部门预算, 单位决算, 单位预算, or 决算 / 预算 alone (scope left as read).
    public static func kind(_ text: String) -> (DisclosureKind, DisclosureScope?)? {
        let folded = text.filter { !$0.isWhitespace }
        for scope in DisclosureScope.allCases {
            for kind in DisclosureKind.allCases where folded == scope.rawValue + kind.rawValue { return (kind, scope) }
        }
        return DisclosureKind(rawValue: folded).map { ($0, nil) }
    }

    /// `parsed` with this identity laid over the one the parser read: each field given replaces
    /// the read one and its evidence (`said`, e.g. the command that said it, is the evidence
    /// text); a year moves every fact's year by as much (a table read against no year has its
    /// facts in year 0, its previous-year column in −1); a complete identity drops the
    /// parser's identity-missing warning. Pure.
    public func apply(to parsed: ParsedDisclosure, said: String) -> ParsedDisclosure {
        var result = parsed
        var identity = parsed.identity
        var fields: [IdentityField] = []
        if let unit, !unit.isEmpty {
            if unit != identity.unit, !identity.unit.isEmpty, !identity.otherNames.contains(identity.unit) {
                identity.otherNames.append(identity.unit)
            }
            identity.otherNames.removeAll { $0 == unit }
            identity.unit = unit
            fields.append(.unit)
        }
        if let year, year != 0 {
            let shift = year - identity.year
            if shift != 0 {
                result.facts = result.facts.map { fact in
                    var fact = fact
                    fact.year += shift
                    if let base = fact.baseYear { fact.baseYear = base + shift }
                    return fact
                }
            }
            identity.year = year
            fields.append(.year)
        }
        if kind != nil || scope != nil {
            identity.kind = kind ?? identity.kind
            identity.scope = scope ?? identity.scope
            fields.append(.kind)
        }
        identity.evidence.removeAll { fields.contains($0.field) }
        identity.evidence += fields.map { IdentityEvidence(field: $0, source: .user, line: 0, text: said) }
        result.identity = identity
        if !identity.unit.isEmpty && identity.year != 0 {
            result.warnings.removeAll { $0.rule == .identityMissing }
        }
        return result
    }
}
