import Foundation
import Testing
import Disclosure

@Suite struct TextDecoderTests {
    static let sample = "武昌区医疗保障局2023年度部门决算\n一、收入支出决算总体情况：483.99万元（占40%）\n"

    @Test func plainUTF8() throws {
        let decoded = try TextDecoder.decode(Array(Self.sample.utf8))
        #expect(decoded == DecodedText(text: Self.sample, encoding: .utf8))
    }

    @Test func utf8WithByteOrderMark() throws {
        let decoded = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array(Self.sample.utf8))
        #expect(decoded == DecodedText(text: Self.sample, encoding: .utf8WithBOM))
    }

    @Test(arguments: [false, true]) func utf16WithAndWithoutByteOrderMark(bigEndian: Bool) throws {
        let units = Array(Self.sample.utf16)
        let body = units.flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let expected: TextEncoding = bigEndian ? .utf16BigEndian : .utf16LittleEndian
        let mark: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        #expect(try TextDecoder.decode(mark + body) == DecodedText(text: Self.sample, encoding: expected))
        #expect(try TextDecoder.decode(body) == DecodedText(text: Self.sample, encoding: expected))
    }

    @Test func gb18030BytesWrittenByIconv() throws {
        // `printf '武昌区€𠀀\n' | iconv -f UTF-8 -t GB18030`: two-byte GBK, the euro sign, a four-byte sequence.
        let bytes: [UInt8] = [0xCE, 0xE4, 0xB2, 0xFD, 0xC7, 0xF8, 0xA2, 0xE3, 0x95, 0x32, 0x82, 0x36, 0x0A]
        #expect(try TextDecoder.decode(bytes) == DecodedText(text: "武昌区€𠀀\n", encoding: .gb18030))
    }

    @Test func aWholeDisclosureConvertedToGB18030DecodesBackExactly() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Corpus/wuchang-medical-security-bureau-2023-final-account.txt").standardized
        let original = try String(contentsOf: corpus, encoding: .utf8)
        let converted = try iconv(original, to: "GB18030")
        #expect(String(validating: converted, as: UTF8.self) == nil)
        #expect(try TextDecoder.decode(converted) == DecodedText(text: original, encoding: .gb18030))
    }

    @Test func pngIsRefusedNotDecoded() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        #expect(throws: TextDecodingError.binary("a PNG image")) { try TextDecoder.decode(png) }
    }

    @Test func randomBytesAreRefused() {
        var generator = SplitMix(seed: 42)
        let noise = (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        #expect(throws: TextDecodingError.self) { try TextDecoder.decode(noise) }
        // Without NULs too: high bytes that GB18030 might swallow, plus control characters.
        let noNULs = noise.map { $0 == 0 ? 1 : $0 }
        #expect(throws: TextDecodingError.self) { try TextDecoder.decode(noNULs) }
    }

    /// Controls are counted wherever they fall against the decoder's eight-byte words: U+FFFD
    /// (EF BF BD), a C1 control (C2 85), DEL; full-width punctuation (EF BC xx) is no control.
    @Test func controlsAreCountedAtEveryOffset() throws {
        for shift in 0..<8 {
            let lead = String(repeating: "a", count: shift) + String(repeating: "支出合计，", count: 40)
            let marks = ["\u{FFFD}", "\u{85}", "\u{7F}"]
            let nine = lead + (0..<9).map { "预算" + marks[$0 % 3] + String(repeating: "b", count: $0) }.joined()
            let error = #expect(throws: TextDecodingError.self) { try TextDecoder.decode(Array(nine.utf8)) }
            #expect(error?.description.contains("9 control characters") == true, "shifted by \(shift)")
            let eight = lead + (0..<8).map { "预算" + marks[$0 % 3] + String(repeating: "b", count: $0) }.joined()
            #expect(try TextDecoder.decode(Array(eight.utf8)).text == eight)
        }
    }

    @Test func invalidBytesNameTheirOffset() {
        let bytes = Array("总计".utf8).prefix(4) + [0xFF, 0xFF]
        let error = #expect(throws: TextDecodingError.self) { try TextDecoder.decode(Array(bytes)) }
        #expect(error?.description.contains("offset") == true)
    }
}

/// A small deterministic generator, so the noise is the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Converts with the iconv command, as a person preparing test data would.
func iconv(_ text: String, to encoding: String) throws -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
    process.arguments = ["-f", "UTF-8", "-t", encoding]
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    // Write on another thread so a full output pipe cannot block the writer.
    let data = Array(text.utf8)
    let writer = Thread {
        input.fileHandleForWriting.write(Data(data))
        try? input.fileHandleForWriting.close()
    }
    writer.start()
    let result = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return Array(result)
}
