import Disclosure
import EventLog

/// Key layouts of the projection databases (README "On-disk format"). Unit keys are the
/// ``UnitName`` comparison key in UTF-8; a `0x00` byte ends each text part, so a unit's entries
/// form one contiguous range and one unit's key can never run into another's.
enum IndexKeys {
    /// `unit 0x00 year(UInt32 BE) hash(32)`: one document of a unit, years ascending.
    static func document(unit: String, year: Int, hash: String) -> [UInt8] {
        unitYear(unit: unit, year: year) + ContentHash.bytes(hash)
    }

    /// `unit 0x00 year(UInt32 BE)`: the prefix of a unit's documents of one year.
    static func unitYear(unit: String, year: Int) -> [UInt8] {
        text(unit) + bigEndian(UInt32(clamping: year))
    }

    /// `text 0x00`: the prefix of every entry of a unit (or fact key, or name).
    static func text(_ text: String, reserving extra: Int = 0) -> [UInt8] {
        // One buffer, sized once: keys are made for every fact key of every document filed.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 1 + extra)
        for byte in text.utf8 where byte != 0 { bytes.append(byte) }
        bytes.append(0)
        return bytes
    }

    /// `unit 0x00 hash(32)`: a unit's member document in the registry.
    static func member(unit: String, hash: String) -> [UInt8] {
        text(unit) + ContentHash.bytes(hash)
    }

    /// The `factKey 0x00` start of `factKey(_:unit:year:)` for every fact key among `facts`,
    /// each once, in key order: a document's keys are counted once each under its unit and year.
    static func factKeyPrefixes(of facts: [Fact]) -> [[UInt8]] {
        Set(facts.map(\.key.rawValue)).sorted().map { text($0) }
    }

    /// `factKey 0x00 unit 0x00 year(UInt32 BE)`: a unit has the fact key in a document of that year.
    static func factKey(_ key: String, unit: String, year: Int) -> [UInt8] {
        var bytes = text(key, reserving: unit.utf8.count + 5)
        for byte in unit.utf8 where byte != 0 { bytes.append(byte) }
        bytes.append(0)
        bytes += bigEndian(UInt32(clamping: year))
        return bytes
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)]
    }

    static func readUInt32(_ bytes: some Collection<UInt8>) -> UInt32 {
        bytes.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// Splits `text 0x00 rest` into the text and the rest.
    static func splitText(_ bytes: [UInt8]) -> (text: String, rest: ArraySlice<UInt8>)? {
        guard let end = bytes.firstIndex(of: 0) else { return nil }
        return (String(decoding: bytes[..<end], as: UTF8.self), bytes[(end + 1)...])
    }

    /// The smallest key greater than every key starting with `prefix` (which ends in `0x00` or
    /// another byte below `0xFF`), for skipping a whole range with one seek.
    static func after(_ prefix: [UInt8]) -> [UInt8] {
        var key = prefix
        while let last = key.last, last == 0xFF { key.removeLast() }
        if !key.isEmpty { key[key.count - 1] += 1 }
        return key
    }
}

extension ContentHash {
    /// The 32 raw bytes of a hex hash; 32 zero bytes for text that is not one (never stored by
    /// the importer, which writes only hashes it computed).
    static func bytes(_ hex: String) -> [UInt8] {
        ContentHash(hex: hex)?.bytes ?? [UInt8](repeating: 0, count: 32)
    }

    static func hex(_ bytes: [UInt8]) -> String {
        ContentHash(bytes: bytes)?.hex ?? String(repeating: "0", count: 64)
    }
}
