// libFuzzer entry point for `DisclosureParser.parse`, compiled together with Sources/Disclosure
// by Tools/fuzz/run.sh (one module, so no `import`). Not part of Package.swift: `swift test` never
// runs libFuzzer; the inputs it found live on as Tests/DisclosureTests/FuzzRegressionTests.swift.

/// Parses one fuzz input as text twice over: its bytes as UTF-8 with invalid sequences repaired
/// (U+FFFD), and — when it gives different text — what `TextDecoder` makes of them (UTF-16,
/// GB18030), as importing a file does.
@_cdecl("LLVMFuzzerTestOneInput")
public func parseFuzzInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)
    let lossy = String(decoding: bytes, as: UTF8.self)
    _ = DisclosureParser.parse(lossy)
    if let decoded = try? TextDecoder.decode(Array(bytes)), decoded.text != lossy {
        _ = DisclosureParser.parse(decoded.text)
    }
    return 0
}
