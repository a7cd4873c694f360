import Foundation
import Testing
import LMDB

@Suite struct CursorTests {
    private func filledEnvironment(_ directory: TemporaryDirectory) throws -> (Environment, Database) {
        let environment = try Environment(path: directory.path)
        let names = try environment.write { txn in
            let names = try txn.openDatabase("names")
            for key in ["apple", "apricot", "banana", "blueberry", "cherry"] {
                try txn.put(bytes(key.uppercased()), forKey: bytes(key), in: names)
            }
            return names
        }
        return (environment, names)
    }

    @Test func prefixEntriesAreCopiedInKeyOrder() throws {
        let directory = try TemporaryDirectory()
        let (environment, names) = try filledEnvironment(directory)
        let entries = try environment.read { try $0.entries(in: names, prefix: bytes("b")) }
        #expect(entries.map { String(decoding: $0.key, as: UTF8.self) } == ["banana", "blueberry"])
        #expect(entries.map { String(decoding: $0.value, as: UTF8.self) } == ["BANANA", "BLUEBERRY"])
        #expect(try environment.read { try $0.entries(in: names) }.count == 5)
        #expect(try environment.read { try $0.entries(in: names, prefix: bytes("z")) }.isEmpty)
    }

    @Test func scanStartsAtTheFirstKeyNotBelowAndStopsWhenAsked() throws {
        let directory = try TemporaryDirectory()
        let (environment, names) = try filledEnvironment(directory)
        var seen: [String] = []
        try environment.read { txn in
            try txn.scan(names, from: bytes("apz")) { key, _ in
                seen.append(String(decoding: key, as: UTF8.self))
                return seen.count < 2
            }
        }
        #expect(seen == ["banana", "blueberry"])
    }

    @Test func lastKeyAndMovingBothWays() throws {
        let directory = try TemporaryDirectory()
        let (environment, names) = try filledEnvironment(directory)
        #expect(try environment.read { try $0.lastKey(in: names) } == bytes("cherry"))
        let walk = try environment.read { txn in
            try txn.withCursor(on: names) { cursor -> [String] in
                var keys: [String] = []
                var onEntry = try cursor.last()
                while onEntry {
                    keys.append(String(decoding: cursor.key, as: UTF8.self))
                    onEntry = try cursor.previous()
                }
                return keys
            }
        }
        #expect(walk == ["cherry", "blueberry", "banana", "apricot", "apple"])
        let empty = try environment.write { try $0.openDatabase("empty") }
        #expect(try environment.read { try $0.lastKey(in: empty) } == nil)
    }

    /// A cursor kept past its closure is closed with its transaction: reading from it traps
    /// instead of reading map memory LMDB no longer lends (it used to check only "positioned").
    @Test func aCursorKeptPastItsClosureTrapsWhenRead() async throws {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let directory = NSTemporaryDirectory() + "cursor-escape-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let environment = try Environment(path: directory)
            let names = try environment.write { txn in
                let names = try txn.openDatabase("names")
                try txn.put(Array("A".utf8), forKey: Array("a".utf8), in: names)
                return names
            }
            var kept: Cursor?
            try environment.read { txn in
                try txn.withCursor(on: names) { cursor in
                    _ = try cursor.first()
                    kept = cursor
                }
            }
            FileHandle.standardError.write(Data("setup done\n".utf8))
            _ = kept!.key
        }
        let standardError = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(standardError.contains("setup done"))
        #expect(standardError.contains("LMDB cursor used after its closure returned"))
    }
}
