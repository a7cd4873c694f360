import EventLog
import Foundation
import Testing
@testable import History

/// Two stores built from the same imports hold the same projection bytes, after replay and
/// rebuild too: projections depend on the log's content, never on time or on the order work
/// finished on the cores.
@Suite struct ReplayDeterminismTests {
    @Test func twoStoresFromTheSameImportsHoldByteEqualProjections() throws {
        let directory = try StoreDirectory()
        let paths = try (0..<30).map { index in
            try directory.file("doc\(index).txt", Array("单位 局\(index % 7) 20\(20 + index % 5)\nincome.total 2024 = \(index).50\nnote 2024 = 1.00\n".utf8))
        } + Corpus.paths
        var contents: [[String: [[UInt8]]]] = []
        for name in ["one", "two"] {
            let store = try Store.forReplayTests(directory, name: name)
            Importer(store: store, batchDocuments: name == "one" ? 64 : 5, parser: ReplayTests.broken.versioned(1)).importFiles(paths)
            _ = try store.retract(ContentHash(of: Array(try Data(contentsOf: URL(fileURLWithPath: paths[3])))).hex, reason: "test")
            let imported = try store.projectionContents()
            _ = try ParserReplay(store: store, parser: ReplayTests.fixed.versioned(2), batchDocuments: name == "one" ? 64 : 3).run()
            let replayed = try store.projectionContents()
            #expect(replayed != imported)
            try store.rebuildProjections(named: nil)
            #expect(try store.projectionContents() == replayed)
            contents.append(replayed)
        }
        #expect(contents[0] == contents[1])
        #expect(contents[0]["projection/documents"]?.count == 2 * (30 + Corpus.paths.count))
    }
}
