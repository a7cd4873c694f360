import Foundation
import Testing
import LMDB

@Suite struct MappedPageBudgetTests {
    static let valueSize = 64 << 10
    static let valueCount = 256 // 16 MiB in overflow pages
    /// Values made once: a value no other key shares, so a page read back from the wrong place shows.
    static let values: [[UInt8]] = (0..<valueCount).map { index in
        (0..<valueSize).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ index &* 7 &+ ($0 >> 8)) }
    }

    static func value(_ index: Int) -> [UInt8] { values[index] }

    private func filled(_ directory: TemporaryDirectory, budget: Int) throws -> (Environment, Database) {
        let environment = try Environment(path: directory.path, configuration: .init(mapSize: 64 << 20, residentReadBudget: budget))
        let database = try environment.write { txn in
            let database = try txn.openDatabase("values")
            for index in 0..<Self.valueCount { try txn.put(Self.value(index), forKey: bigEndian(UInt64(index)), in: database) }
            return database
        }
        return (environment, database)
    }

    /// Kilobytes of `data.mdb` under `directory` this process has resident (its mapping in
    /// /proc/self/smaps): other tests' files running alongside don't count.
    private func residentKilobytes(of directory: TemporaryDirectory) throws -> Int {
        // Read to the end: /proc files report a size of 0, and String(contentsOfFile:) stops short.
        guard let file = FileHandle(forReadingAtPath: "/proc/self/smaps") else { return 0 }
        defer { try? file.close() }
        let smaps = String(decoding: try file.readToEnd() ?? Data(), as: UTF8.self)
        var inMapping = false, total = 0
        for line in smaps.split(separator: "\n") {
            if let first = line.first, first.isHexDigit, line.contains("-") {
                inMapping = line.hasSuffix(directory.path + "/data.mdb")
            } else if inMapping, line.hasPrefix("Rss:") {
                total += Int(line.split(separator: " ")[1]) ?? 0
            }
        }
        return total
    }

    /// Scans every value, checking its bytes; returns the most of the map resident meanwhile.
    private func scanChecking(_ environment: Environment, _ database: Database, _ directory: TemporaryDirectory) throws -> Int {
        var index = 0, peak = 0
        try environment.read { txn in
            try txn.scan(database) { _, value in
                #expect(value.elementsEqual(Self.value(index)), "value \(index) read back wrong")
                index += 1
                if index % 16 == 0 { peak = max(peak, (try? residentKilobytes(of: directory)) ?? 0) }
                return true
            }
        }
        #expect(index == Self.valueCount)
        return peak
    }

    @Test func aScanWithinBudgetKeepsTheMapResident() throws {
        let directory = try TemporaryDirectory()
        let (environment, database) = try filled(directory, budget: .max)
        let peak = try scanChecking(environment, database, directory)
        #expect(peak >= 12 << 10, "the unbudgeted scan should hold most of its 16 MiB: \(peak) KiB")
    }

    @Test func aScanPastTheBudgetReleasesPagesAndReadsTheSameBytes() throws {
        let directory = try TemporaryDirectory()
        let (environment, database) = try filled(directory, budget: 1 << 20)
        let peak = try scanChecking(environment, database, directory)
        #expect(peak > 0 && peak < 6 << 10, "a 1 MiB budget should keep the scan small: \(peak) KiB")
        // A second pass faults the released pages back in from the page cache, unchanged.
        _ = try scanChecking(environment, database, directory)
    }

    @Test func bytesLentBeforeAReleaseStayReadable() throws {
        let directory = try TemporaryDirectory()
        let (environment, database) = try filled(directory, budget: 1 << 20)
        try environment.read { txn in
            try txn.withValue(forKey: bigEndian(0), in: database) { held in
                // Reading 4 MiB more spends the budget several times while `held` is lent.
                for index in 1...64 { _ = try txn.get(bigEndian(UInt64(index)), in: database) }
                #expect(held.map { $0.elementsEqual(Self.value(0)) } == true)
            }
        }
    }
}
