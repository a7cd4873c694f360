/// A unit name reduced to the form names are compared in, with the administrative prefix it
/// carried.
///
/// Matching is deliberately conservative: only width, whitespace, a leading province/city
/// before a district-level name (武汉市武昌区医疗保障局 ≡ 武昌区医疗保障局) and the three ways a
/// party organ is written (中国共产党江苏省委员会办公厅 ≡ 中共江苏省委办公厅 ≡ 江苏省委办公厅) are
/// ignored, and so is a closing (本级) (the unit's own level). Anything else, even one character
/// (武昌区医保障局), is a different name until a document or a user says otherwise.
public struct UnitName: Hashable, Sendable {
    /// The name as printed.
    public let printed: String
    /// Width folded (full-width ASCII to half-width) and whitespace removed.
    public let folded: String
    /// The comparison key: `folded` without `droppedPrefix`.
    public let key: String
    /// The province/city dropped because a district-level name follows (武汉市), if any.
    public let droppedPrefix: String?
    /// The district or county that opens the key (武昌区), if any.
    public let district: String?
    /// The rest of a name that is relative to the place of the document printing it: 区民政局 →
    /// 民政局. Such a name means "the 民政局 of this district" and is qualified by the reader.
    public let relativeRest: String?
    /// How a party organ's name was written in full, when it was (中国共产党…委员会, 中共…): the
    /// key is its short form (江苏省委办公厅).
    public let partyForm: String?
    /// Whether the name ended in (本级), the unit's own level: the key is the unit's name.
    public let ownLevel: Bool

    public init(_ printed: String) {
        self.printed = printed
        var folded = Self.fold(printed)
        self.folded = String(String.UnicodeScalarView(folded))
        ownLevel = folded.count > Self.ownLevelMark.count + 3 && folded.suffix(Self.ownLevelMark.count).elementsEqual(Self.ownLevelMark)
        if ownLevel { folded.removeLast(Self.ownLevelMark.count) }
        let (scalars, partyForm) = Self.partyOrgan(folded)
        self.partyForm = partyForm
        if let first = scalars.first, Self.districtMarkers.contains(first.value), scalars.count > 1 {
            relativeRest = String(String.UnicodeScalarView(scalars.dropFirst()))
            droppedPrefix = nil
            district = nil
            key = String(String.UnicodeScalarView(scalars))
            return
        }
        relativeRest = nil
        var index = 0
        var prefixEnd = 0
        if let end = Self.segmentEnd(scalars, from: index, markers: Self.provinceMarkers) { index = end }
        if let end = Self.segmentEnd(scalars, from: index, markers: Self.cityMarkers) { index = end }
        prefixEnd = index
        if let end = Self.segmentEnd(scalars, from: index, markers: Self.districtMarkers), end < scalars.count {
            district = String(String.UnicodeScalarView(scalars[index..<end]))
            droppedPrefix = prefixEnd > 0 ? String(String.UnicodeScalarView(scalars[0..<prefixEnd])) : nil
            key = String(String.UnicodeScalarView(scalars[prefixEnd...]))
        } else {
            district = nil
            droppedPrefix = nil
            key = String(String.UnicodeScalarView(scalars))
        }
    }

    private static let ownLevelMark = Array("(本级)".unicodeScalars)
    private static let communistParty = Array("中国共产党".unicodeScalars)
    private static let party = Array("中共".unicodeScalars)
    private static let committee = Array("委员会".unicodeScalars)

    /// A party organ's name in its short form: 中国共产党 or 中共 dropped before a place, and that
    /// place's 委员会 written 委 (中国共产党江苏省委员会办公厅 → 江苏省委办公厅). Only with the party
    /// written out: 政协江苏省委员会 and 江苏省商务委员会 are other bodies and stay as printed.
    private static func partyOrgan(_ scalars: [Unicode.Scalar]) -> ([Unicode.Scalar], String?) {
        let prefix: [Unicode.Scalar]
        if scalars.starts(with: communistParty) { prefix = communistParty }
        else if scalars.starts(with: party) { prefix = party }
        else { return (scalars, nil) }
        let rest = Array(scalars.dropFirst(prefix.count))
        let allMarkers = provinceMarkers.union(cityMarkers).union(districtMarkers)
        var placeEnd = 0
        while let end = segmentEnd(rest, from: placeEnd, markers: allMarkers) { placeEnd = end }
        guard placeEnd > 0, placeEnd < rest.count else { return (scalars, nil) }
        var short = Array(rest[..<placeEnd])
        let after = rest[placeEnd...]
        short += after.starts(with: committee) ? ["委"] + after.dropFirst(committee.count) : Array(after)
        return (short, String(String.UnicodeScalarView(prefix)))
    }

    /// This relative name read inside a document of `district`: 区民政局 in 武昌区 → 武昌区民政局.
    public func qualified(by district: String) -> String? {
        relativeRest.map { district + $0 }
    }

    // 省, 自治区 end with 省/区; 市 and 州 (自治州) end a city; 区, 县, 旗 end a district.
    private static let provinceMarkers: Set<UInt32> = [0x7701]            // 省
    private static let cityMarkers: Set<UInt32> = [0x5E02, 0x5DDE]        // 市 州
    private static let districtMarkers: Set<UInt32> = [0x533A, 0x53BF, 0x65D7]   // 区 县 旗

    /// The end of a place segment starting at `start`: two to six characters of name, then a
    /// marker. Two at least, so 城区 or 城市 inside a name are never taken for a place.
    private static func segmentEnd(_ scalars: [Unicode.Scalar], from start: Int, markers: Set<UInt32>) -> Int? {
        let limit = min(scalars.count, start + 7)
        var position = start + 2
        while position < limit {
            if markers.contains(scalars[position].value) { return position + 1 }
            position += 1
        }
        return nil
    }

    /// Full-width ASCII to half-width, whitespace and zero-width characters removed.
    static func fold(_ text: String) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x09, 0x0A, 0x0D, 0x20, 0xA0, 0x3000, 0x200B...0x200D, 0xFEFF:
                continue
            case 0xFF01...0xFF5E:
                result.append(Unicode.Scalar(value - 0xFEE0)!)
            default:
                result.append(scalar)
            }
        }
        return result
    }

    /// Levenshtein distance over unicode scalars, for explaining near-misses.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = Array(repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
