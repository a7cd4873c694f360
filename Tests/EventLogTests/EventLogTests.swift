import Foundation
import LMDB
import Testing
@testable import EventLog

@Suite struct EventLogTests {
    struct Boom: Error {}

    static func event(_ index: Int) -> NewEvent {
        NewEvent(type: index.isMultiple(of: 2) ? "Even" : "Odd", schemaVersion: UInt16(1 + index % 3), payload: bytes("payload \(index)"))
    }

    @Test func appendReadScanCountAndLast() throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog(environment: Environment(path: directory.path))
        #expect(try log.environment.read { try log.lastSequence(in: $0) } == 0)
        let time = Date(timeIntervalSince1970: 1_700_000_000.123)
        let sequences = try log.environment.write { txn in try log.append((0..<10).map(Self.event), in: txn, at: time) }
        #expect(sequences == Array(1...10))
        let more = try log.append([Self.event(10)])
        #expect(more == [11])
        try log.environment.read { txn throws in
            #expect(try log.count(in: txn) == 11)
            #expect(try log.lastSequence(in: txn) == 11)
            let fourth = try #require(try log.event(at: 4, in: txn))
            #expect(fourth.type == "Odd" && fourth.schemaVersion == 1 && fourth.payload == bytes("payload 3"))
            #expect(fourth.recordedAtMilliseconds == 1_700_000_000_123)
            #expect(try log.event(at: 12, in: txn) == nil)
            #expect(try log.events(from: 9, in: txn).map(\.sequence) == [9, 10, 11])
            #expect(try log.events(from: 2, limit: 2, in: txn).map(\.payload) == [bytes("payload 1"), bytes("payload 2")])
        }
    }

    @Test func appendJoinsTheCallersTransactionAndAbortsWithIt() throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog(environment: Environment(path: directory.path))
        let projection = try log.environment.write { try $0.openDatabase("projection") }
        #expect(throws: Boom.self) {
            try log.environment.write { txn in
                let sequence = try log.append(Self.event(0), in: txn)
                try txn.put(bytes("folded"), forKey: withUnsafeBytes(of: sequence.bigEndian) { Array($0) }, in: projection)
                _ = try log.putBlob(bytes("document"), in: txn)
                throw Boom()
            }
        }
        try log.environment.read { txn throws in
            #expect(try log.count(in: txn) == 0)
            #expect(try txn.count(of: projection) == 0)
            #expect(try log.blobCount(in: txn) == 0)
        }
        // Sequences continue from the log, not from the abandoned attempt.
        #expect(try log.append([Self.event(0)]) == [1])
    }

    @Test func reopeningSeesEveryCommittedEvent() throws {
        let directory = try TemporaryDirectory()
        do {
            let log = try EventLog(environment: Environment(path: directory.path))
            for index in 0..<50 { try log.append([Self.event(index)]) }
        }
        let log = try EventLog(environment: Environment(path: directory.path), create: false)
        let events = try log.environment.read { try log.events(in: $0) }
        #expect(events.count == 50)
        #expect(events.map(\.payload) == (0..<50).map { Self.event($0).payload })
    }

    @Test func envelopeBytesAreExactlyAsDocumented() throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog(environment: Environment(path: directory.path))
        try log.environment.write { txn in
            try log.append(NewEvent(type: "Hi", schemaVersion: 258, payload: [0xFF]), in: txn,
                           at: Date(timeIntervalSince1970: 1.5))
        }
        let stored = try log.environment.read { try $0.get([0, 0, 0, 0, 0, 0, 0, 1], in: log.events) }
        #expect(stored == [1, 0x01, 0x02, 0, 0, 0, 0, 0, 0, 0x05, 0xDC, 2, UInt8(ascii: "H"), UInt8(ascii: "i"), 0xFF])
    }

    @Test func invalidTypeNamesAreRefused() throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog(environment: Environment(path: directory.path))
        #expect(throws: EventLogError.invalidEventType("")) {
            try log.append([NewEvent(type: "", schemaVersion: 1, payload: [])])
        }
        #expect(throws: EventLogError.self) {
            try log.append([NewEvent(type: String(repeating: "x", count: 256), schemaVersion: 1, payload: [])])
        }
    }

    @Test func aDamagedEnvelopeIsAnErrorNamingItsSequence() throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog(environment: Environment(path: directory.path))
        try log.environment.write { txn in try txn.append([9, 9], forKey: [0, 0, 0, 0, 0, 0, 0, 1], in: log.events) }
        let error = #expect(throws: EventLogError.self) { try log.environment.read { try log.event(at: 1, in: $0) } }
        #expect(error?.description.contains("event 1") == true)
    }

    @Test func openingWithoutCreateInAnEmptyEnvironmentFails() throws {
        let directory = try TemporaryDirectory()
        #expect(throws: LMDBError.self) { _ = try EventLog(environment: Environment(path: directory.path), create: false) }
    }
}
