import Testing
@testable import LMDB

@Suite struct FlagsTests {
    @Test func environmentAndWriteFlagsShareBitsButNotTypes() {
        // The trap the separate types exist for: equal bits, different meanings.
        #expect(EnvironmentFlags.readOnly.rawValue == WriteFlags.append.rawValue)
        #expect(EnvironmentFlags.noMetaSync.rawValue == DatabaseFlags.create.rawValue)
    }

    @Test func environmentReportsTheFlagsItWasOpenedWith() throws {
        let directory = try TemporaryDirectory()
        let environment = try Environment(path: directory.path, configuration: .init(flags: [.noSync]))
        #expect(environment.flags.contains(.noSync))
        #expect(!environment.flags.contains(.readOnly))
        #expect(!environment.flags.contains(.noMetaSync))
    }

    @Test func databaseReportsTheFlagsItWasCreatedWith() throws {
        let directory = try TemporaryDirectory()
        let environment = try Environment(path: directory.path)
        let flags = try environment.write { txn in
            try txn.flags(of: txn.openDatabase("sorted", flags: [.create, .duplicateSort]))
        }
        #expect(flags.contains(.duplicateSort))
        #expect(!flags.contains(.integerKey))
    }

    @Test func openingAMissingDatabaseWithoutCreateFails() throws {
        let directory = try TemporaryDirectory()
        let environment = try Environment(path: directory.path)
        let error = #expect(throws: LMDBError.self) {
            try environment.write { try $0.openDatabase("absent", flags: []) }
        }
        #expect(error?.resultCode == .notFound)
        #expect(error?.description.contains("absent") == true)
    }

    @Test func readOnlyEnvironmentRefusesWrites() throws {
        let directory = try TemporaryDirectory()
        do {
            let environment = try Environment(path: directory.path)
            try environment.write { txn in try txn.put(bytes("v"), forKey: bytes("k"), in: txn.openDatabase("names")) }
        }
        let readOnly = try Environment(path: directory.path, configuration: .init(flags: [.readOnly]))
        #expect(readOnly.flags.contains(.readOnly))
        #expect(throws: LMDBError.self) { try readOnly.write { _ in } }
    }

    @Test func openingAMissingDirectoryNamesIt() throws {
        let error = #expect(throws: LMDBError.self) {
            _ = try Environment(path: "/nonexistent/lmdb-tests-dir")
        }
        #expect(error?.description.contains("/nonexistent/lmdb-tests-dir") == true)
    }
}
