import ArgumentParser
import Disclosure
import History

/// The `--kind` option of the commands that read one kind of disclosure: given, or found as the
/// kind the store has documents of for the years asked.
struct KindOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "决算 (final accounts) or 预算 (budgets). Default: the kind the store has documents of for the years asked, 决算 when it has both.",
        valueName: "KIND"))
    var kind: DisclosureKind?

    /// The spelling before --kind existed, kept for scripts that use it.
    @Flag(help: .hidden)
    var budget = false

    func validate() throws {
        if budget, let kind, kind != .budget { throw ValidationError("--budget and --kind \(kind.rawValue) disagree; give one.") }
    }

    /// The kind to read, and when it was found rather than given, a note that says which and why
    /// (nil when the store holds only 决算 for those years, the kind everyone expects).
    func choose(_ evidence: () throws -> KindEvidence, for years: String) rethrows -> (kind: DisclosureKind, note: String?) {
        if let kind { return (kind, nil) }
        if budget { return (.budget, nil) }
        let found = try evidence()
        guard let preferred = found.preferred else { return (.finalAccount, nil) }
        let others = found.kinds.filter { $0 != preferred }
        if others.isEmpty {
            return (preferred, preferred == .finalAccount ? nil : "reading \(preferred.rawValue), the only kind with documents for \(years)")
        }
        let counts = found.kinds.map { "\(found.documents[$0, default: 0]) \($0.rawValue)" }.joined(separator: ", ")
        return (preferred, "reading \(preferred.rawValue) (documents for \(years): \(counts)); "
                    + others.map { "--kind \($0.rawValue) reads \($0.rawValue)" }.joined(separator: ", "))
    }
}

extension DisclosureKind: ExpressibleByArgument {
    /// A kind as typed: 决算 or 预算, or in Latin letters for a keyboard without Chinese input.
    public init?(argument: String) {
        guard let kind = Self.parse(argument) else { return nil }
        self = kind
    }

    /// The one place a typed kind is read; new kinds (部门/单位) add their spellings here.
    static func parse(_ text: String) -> DisclosureKind? {
        switch text.lowercased() {
        case "决算", "final", "final-account", "juesuan": .finalAccount
        case "预算", "budget", "yusuan": .budget
        default: nil
        }
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
    public static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}
