import Foundation
import XCTest

/// The package's root folder, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// What a run of the built binary printed and returned.
struct CommandResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs the built `clever-export` (beside the test bundle) as a cron job would.
func runCleverExport(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> CommandResult {
    let process = Process()
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    }
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appending(path: "clever-export")
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(
        status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
        stderr: String(decoding: stderr, as: UTF8.self))
}

/// A folder of its own holding a copy of the demo extract and a config reading it (as of
/// 2026-10-15, delivering to `out/` when `delivering`); removed when the test ends.
func demoWork(_ test: XCTestCase, delivering: Bool = true) throws -> URL {
    let work = FileManager.default.temporaryDirectory.appending(path: "clever-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: work) }
    try FileManager.default.copyItem(at: packageRoot.appending(path: "fixtures/demo/extract"), to: work.appending(path: "extract"))
    try Data(("[source]\ndir = \"extract\"\n[export]\nas_of = 2026-10-15\n" + (delivering ? "[delivery.local]\ndir = \"out\"\n" : "")).utf8)
        .write(to: work.appending(path: "clever-export.toml"))
    return work
}

/// What the sqlite3 shell prints for `query` on the database at `path`.
func sqlite3(_ path: URL, _ query: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = [path.path, query]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: output, as: UTF8.self)
}
