import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many bytes of the memory map this process has read since it last let the kernel take
/// the mapped pages back; past a budget, it lets it.
///
/// Why: every page of the map a process touches counts in its resident set and stays there
/// while the map lives. A scan of a store larger than memory (rebuild, replay, verify, a whole
/// `facts` dump) would otherwise grow to the size of the store. The pages are clean copies
/// of the file (LMDB never writes through the map without `MDB_WRITEMAP`, and with it the
/// mapping is shared), so `MADV_DONTNEED` only drops them from this process: the next read
/// faults them in again from the page cache, with the same bytes, which is also why a
/// pointer into the map that another thread still holds stays valid.
final class MappedPageBudget: Sendable {
    /// Bytes read before the pages are released; small enough to keep a scan flat, large
    /// enough that the `madvise` (and the faults after it) cost nothing measurable.
    let budget: Int
    /// The data file's resolved path, as /proc/self/maps names its mapping.
    let dataFile: String
    private let read = Atomic<Int>(0)

    init(budget: Int, dataFile: String) {
        self.budget = budget
        self.dataFile = dataFile
    }

    /// Records `count` more bytes read from the map; releases the map's pages when the budget is spent.
    func spend(_ count: Int) {
        let total = read.add(count, ordering: .relaxed).newValue
        guard total >= budget else { return }
        // One thread releases; the others go on reading while it does.
        guard read.compareExchange(expected: total, desired: 0, ordering: .relaxed).exchanged else { return }
        release()
    }

    /// Lets the kernel take back every page of the data file's mappings this process holds.
    ///
    /// liblmdb does not say where it mapped the file (`me_mapaddr` is only set for
    /// `MDB_FIXEDMAP`), so the mappings are looked up by the file's path. Only those: a range
    /// worked out from the pointers lent could take in heap memory, which is where a write
    /// transaction's dirty pages live, and `MADV_DONTNEED` would zero it.
    func release() {
        for range in Self.mappings(of: dataFile) {
            _ = madvise(UnsafeMutableRawPointer(bitPattern: range.lowerBound), range.count, MADV_DONTNEED)
        }
    }

    /// The address ranges at which this process maps `file` (lines of /proc/self/maps ending in its path).
    static func mappings(of file: String) -> [Range<UInt>] {
        #if os(Linux)
        let descriptor = open("/proc/self/maps", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var text: [UInt8] = [], chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            text += chunk[..<count]
        }
        let suffix = Array((" " + file).utf8)
        var ranges: [Range<UInt>] = []
        for line in text.split(separator: UInt8(ascii: "\n")) where line.count > suffix.count {
            guard line.suffix(suffix.count).elementsEqual(suffix),
                  let dash = line.firstIndex(of: UInt8(ascii: "-")),
                  let space = line[dash...].firstIndex(of: UInt8(ascii: " ")),
                  let start = UInt(String(decoding: line[line.startIndex..<dash], as: UTF8.self), radix: 16),
                  let end = UInt(String(decoding: line[(dash + 1)..<space], as: UTF8.self), radix: 16),
                  start < end else { continue }
            ranges.append(start..<end)
        }
        return ranges
        #else
        return []
        #endif
    }
}
