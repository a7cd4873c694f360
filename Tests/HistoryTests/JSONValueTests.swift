import Foundation
import Testing
@testable import History

@Suite struct JSONValueTests {
    /// What JSONSerialization reads back from our output is the string we wrote.
    private func roundTrip(_ text: String) throws -> String {
        let json = JSONValue.array([.string(text)]).serialized(compact: true)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
        return try #require(decoded?.first)
    }

    @Test func stringsNeedingNoEscapeAreCopiedWhole() throws {
        #expect(JSONValue.string("公费医疗 2,263.86万元").serialized(compact: true) == "\"公费医疗 2,263.86万元\"")
        #expect(JSONValue.string("").serialized(compact: true) == "\"\"")
    }

    @Test func escapesAreWrittenBetweenRunsOfText() throws {
        #expect(JSONValue.string("a\"b\\c\nd\re\tf").serialized(compact: true) == #""a\"b\\c\nd\re\tf""#)
        #expect(JSONValue.string("\u{01}起\u{1F}").serialized(compact: true) == #""\u0001起\u001f""#)
        #expect(JSONValue.string("末尾\"").serialized(compact: true) == #""末尾\"""#)
        for text in ["\"", "\\\\", "离休人员去世、就诊需求减少\n", "🙂\t😀", "\u{08}\u{0C}x"] {
            #expect(try roundTrip(text) == text)
        }
    }

    @Test func aNestedValueSerialisesAsItWouldInsideItsDocument() {
        let inner = JSONValue.object([("a", .int(1)), ("b", .array([.string("x")]))])
        let whole = JSONValue.object([("list", .array([inner]))]).serialized()
        #expect(whole == "{\n  \"list\": [\n    " + inner.serialized(depth: 2) + "\n  ]\n}\n")
    }

    /// One writer for hand-written JSON: it escapes as JSONEncoder (the log's payloads) does,
    /// \b and \f by name included, so the two never differ on a snippet holding a form feed.
    @Test func stringsAreWrittenAsJSONEncoderWritesThem() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let controls = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
        for text in [controls, "第\u{0C}页\u{08}", "a/b \"引\" \\", "公费医疗 2,263.86万元"] {
            var written: [UInt8] = []
            JSONString.append(text, to: &written)
            #expect(String(decoding: written, as: UTF8.self) == String(decoding: try encoder.encode(text), as: UTF8.self))
        }
        #expect(JSONValue.string("\u{0C}").serialized(compact: true) == #""\f""#)
    }
}
