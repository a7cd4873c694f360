import Foundation
import Testing

/// Runs `/usr/bin/python3` (the system one: it has python3-lmdb; a pyenv python on PATH does
/// not) on `script` and returns what it printed; a failure is recorded with its standard error.
/// Shared by the tests that read the log as a Python user would.
public func runSystemPython(_ script: String, arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    process.arguments = ["-c", script] + arguments
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let stderr = String(decoding: errorData, as: UTF8.self)
    #expect(process.terminationStatus == 0, "python3 failed (is python3-lmdb installed? bash Tools/requirements.sh): \(stderr)")
    return String(decoding: data, as: UTF8.self)
}
