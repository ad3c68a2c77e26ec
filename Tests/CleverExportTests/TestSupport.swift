import Foundation
import XCTest

@testable import CleverExport

/// The package's root folder, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A fresh temporary folder, removed when the test ends.
func temporaryDirectory(_ test: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appending(path: "clever-export-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}

/// An empty database in a fresh temporary folder, with the folder.
func scratchDatabase(_ test: XCTestCase) throws -> (work: URL, database: Database) {
    let work = try temporaryDirectory(test)
    return (work, try Database(path: work.appending(path: "t.db").path))
}

func write(_ text: String, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
}

/// Runs the export for a config file into `work` (delivering despite validation findings, which
/// the validation tests look at), returning the output folder.
@discardableResult
func runExport(config: URL, work: URL, asOf: String? = nil) throws -> (report: RunReport, output: URL) {
    let configuration = try Configuration.load(path: config.path)
    let output = work.appending(path: "out")
    let request = RunRequest(
        configuration: configuration, databasePath: work.appending(path: "staging.db").path,
        outputDirectory: output.path, asOf: asOf, force: true)
    return (try ExportRun(request).run(), output)
}

/// Asserts two files are byte-identical; on a difference, names the first differing line.
func assertSameFile(_ actual: URL, _ expected: URL, file: StaticString = #filePath, line: UInt = #line) {
    guard let a = try? Data(contentsOf: actual) else {
        return XCTFail("\(actual.lastPathComponent) was not written", file: file, line: line)
    }
    guard let b = try? Data(contentsOf: expected) else {
        return XCTFail("no expected file \(expected.path)", file: file, line: line)
    }
    guard a != b else { return }
    let aLines = String(decoding: a, as: UTF8.self).components(separatedBy: "\r\n")
    let bLines = String(decoding: b, as: UTF8.self).components(separatedBy: "\r\n")
    let index = (0..<min(aLines.count, bLines.count)).first { aLines[$0] != bLines[$0] } ?? min(aLines.count, bLines.count)
    XCTFail(
        """
        \(expected.path) differs at line \(index + 1):
          expected: \(index < bLines.count ? bLines[index] : "<end of file>")
          actual:   \(index < aLines.count ? aLines[index] : "<end of file>")
        """, file: file, line: line)
}

/// A copy of the demo extract in a fresh temporary folder, with a config (as of 2026-10-15, plus
/// `extra` TOML) pointing at it.
func demoExtractCopy(_ test: XCTestCase, extra: String = "") throws -> (config: URL, extract: URL, work: URL) {
    let work = try temporaryDirectory(test)
    let extract = work.appending(path: "extract")
    try FileManager.default.copyItem(at: packageRoot.appending(path: "fixtures/demo/extract"), to: extract)
    let config = work.appending(path: "clever-export.toml")
    try write("[source]\ndir = \"extract\"\n[export]\nas_of = 2026-10-15\n" + extra, to: config)
    return (config, extract, work)
}

/// The problems the configuration loader reports for `toml`, one line each (empty: it loads).
func configurationProblems(_ toml: String) -> [String] {
    do {
        _ = try Configuration.parse(toml, name: "c.toml", baseDirectory: "/base")
        return []
    } catch let error as ConfigurationError {
        return error.problems
    } catch {
        return ["unexpected \(error)"]
    }
}
