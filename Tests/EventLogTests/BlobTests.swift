import LMDB
import Testing
import EventLog

@Suite struct BlobTests {
    @Test func blobsArePutOnceAndFoundByTheirHash() throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog(environment: Environment(path: directory.path))
        let document = [UInt8](repeating: 0x41, count: 200_000)
        let (first, second) = try log.environment.write { txn in
            (try log.putBlob(document, in: txn), try log.putBlob(document, in: txn))
        }
        #expect(first.inserted && !second.inserted)
        #expect(first.hash == second.hash)
        try log.environment.read { txn throws in
            #expect(try log.blob(first.hash, in: txn) == document)
            #expect(try log.containsBlob(first.hash, in: txn))
            #expect(try !log.containsBlob(ContentHash(of: bytes("other")), in: txn))
            #expect(try log.blobCount(in: txn) == 1)
        }
    }
}

@Suite struct ContentHashTests {
    @Test func hashOfKnownBytesMatchesSha256sum() {
        // printf abc | sha256sum
        let hash = ContentHash(of: bytes("abc"))
        #expect(hash.hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ContentHash(hex: hash.hex.uppercased()) == hash)
    }

    @Test func malformedHexIsRejected() {
        #expect(ContentHash(hex: "abc") == nil)
        #expect(ContentHash(hex: String(repeating: "g", count: 64)) == nil)
        #expect(ContentHash(bytes: [1, 2, 3]) == nil)
    }
}

@Suite struct CheckpointTests {
    @Test func checkpointsAndMetaNumbersRoundTrip() throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog(environment: Environment(path: directory.path))
        try log.environment.write { txn in
            try log.setCheckpoint(Checkpoint(version: 3, lastFoldedSequence: 1 << 40), named: "documents", in: txn)
            try log.setCheckpoint(Checkpoint(version: 1, lastFoldedSequence: 7), named: "units", in: txn)
            try log.setMetaNumber(2, forKey: "store-format", in: txn)
        }
        try log.environment.read { txn throws in
            #expect(try log.checkpoint(named: "documents", in: txn) == Checkpoint(version: 3, lastFoldedSequence: 1 << 40))
            #expect(try log.checkpoint(named: "absent", in: txn) == nil)
            #expect(try log.checkpoints(in: txn).keys.sorted() == ["documents", "units"])
            #expect(try log.metaNumber("store-format", in: txn) == 2)
        }
    }
}
