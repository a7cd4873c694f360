/// Why a directory could not be opened as a store, with what to do about it.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Nothing at the path.
    case missing(path: String)
    /// Something at the path that a store is not.
    case notAStore(path: String, reason: String)
    /// A store written by a newer build.
    case newerFormat(path: String, found: UInt32, supported: UInt32)
    /// A projection name this build does not keep.
    case unknownProjection(String, known: [String])

    public var description: String {
        switch self {
        case .missing(let path):
            "no store at \(path): `history import FILE…` creates one there (choose another with --store DIR or HISTORY_STORE)"
        case .notAStore(let path, let reason):
            "\(path) is not a history store (\(reason)); choose another directory with --store DIR"
        case .newerFormat(let path, let found, let supported):
            "the store at \(path) has format \(found), newer than this build reads (\(supported)); upgrade history"
        case .unknownProjection(let name, let known):
            "no projection named \(name); this build keeps \(known.joined(separator: ", "))"
        }
    }
}
