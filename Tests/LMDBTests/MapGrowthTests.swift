import Testing
import LMDB

@Suite struct MapGrowthTests {
    @Test func aWriteLargerThanTheMapGrowsItInsteadOfFailing() throws {
        let directory = try TemporaryDirectory()
        let initial = 64 << 10
        let environment = try Environment(path: directory.path, configuration: .init(mapSize: initial))
        let blobs = try environment.write { try $0.openDatabase("blobs") }
        var runs = 0
        try environment.write { txn in
            runs += 1
            for index in 0..<64 {
                try txn.put([UInt8](repeating: UInt8(index), count: 40_000), forKey: bigEndian(UInt64(index)), in: blobs)
            }
        }
        #expect(runs > 1)
        #expect(environment.info.mapSize > initial)
        #expect(try environment.read { try $0.count(of: blobs) } == 64)
        #expect(try environment.read { try $0.get(bigEndian(63), in: blobs) } == [UInt8](repeating: 63, count: 40_000))
    }

    @Test func manySmallCommitsGrowTheMapAndSurviveReopening() throws {
        let directory = try TemporaryDirectory()
        do {
            let environment = try Environment(path: directory.path, configuration: .init(mapSize: 64 << 10))
            let log = try environment.write { try $0.openDatabase("log") }
            for index in 0..<200 {
                try environment.write { txn in
                    try txn.append([UInt8](repeating: 7, count: 9_000), forKey: bigEndian(UInt64(index)), in: log)
                }
            }
        }
        // A reopened environment starts from the size the file records, not the tiny default.
        let reopened = try Environment(path: directory.path, configuration: .init(mapSize: 64 << 10))
        let log = try reopened.write { try $0.openDatabase("log", flags: []) }
        #expect(try reopened.read { try $0.count(of: log) } == 200)
        try reopened.write { txn in try txn.append([1], forKey: bigEndian(200), in: log) }
        #expect(try reopened.read { try $0.count(of: log) } == 201)
    }

    @Test func aBodyThatSwallowsMapFullIsStillRetried() throws {
        let directory = try TemporaryDirectory()
        let environment = try Environment(path: directory.path, configuration: .init(mapSize: 64 << 10))
        let blobs = try environment.write { try $0.openDatabase("blobs") }
        var swallowed = 0
        try environment.write { txn in
            for index in 0..<32 {
                do {
                    try txn.put([UInt8](repeating: 1, count: 30_000), forKey: bigEndian(UInt64(index)), in: blobs)
                } catch LMDBResultCode.mapFull {
                    swallowed += 1
                    return
                }
            }
        }
        #expect(swallowed > 0)
        #expect(try environment.read { try $0.count(of: blobs) } == 32)
    }

    @Test func theMapNeverGrowsPastItsMaximum() throws {
        let directory = try TemporaryDirectory()
        let environment = try Environment(
            path: directory.path, configuration: .init(mapSize: 64 << 10, maximumMapSize: 256 << 10))
        let blobs = try environment.write { try $0.openDatabase("blobs") }
        let error = #expect(throws: LMDBError.self) {
            try environment.write { txn in
                try txn.put([UInt8](repeating: 1, count: 1 << 20), forKey: bytes("big"), in: blobs)
            }
        }
        #expect(error?.resultCode == .mapFull)
        #expect(try environment.read { try $0.count(of: blobs) } == 0)
    }
}
