// libFuzzer entry point for `DisclosureParser.parse`, compiled together with Sources/Disclosure
// by Tools/fuzz/run.sh (one module, so no `import`). Not part of Package.swift: `swift test` never
// runs libFuzzer; the inputs it found live on as Tests/DisclosureTests/FuzzRegressionTests.swift.

/// Parses one fuzz input. Invalid UTF-8 is repaired (U+FFFD), as importing a document does.
@_cdecl("LLVMFuzzerTestOneInput")
public func parseFuzzInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)
    let text = String(decoding: bytes, as: UTF8.self)
    _ = DisclosureParser.parse(text)
    return 0
}
