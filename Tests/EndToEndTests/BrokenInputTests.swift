import Foundation
import XCTest

/// The corpus of broken extracts (fixtures/broken/<case>/): each case lays its files over a copy
/// of the demo extract (and removes those listed in `remove`), runs the binary, and must give
/// exactly the exit code and stderr of its expected.txt, and `validate` must list the lines of
/// its expected-findings.txt. A case that fails must leave the previous run's files and staging
/// data untouched.
final class BrokenInputTests: XCTestCase {
    let root = packageRoot

    func run(in directory: URL, _ arguments: [String] = ["run", "-q", "--output", "out"]) throws -> CommandResult {
        try runCleverExport(arguments, in: directory)
    }

    func testEveryBrokenExtractGivesItsExactMessages() throws {
        let cases = root.appending(path: "fixtures/broken")
        let names = try FileManager.default.contentsOfDirectory(atPath: cases.path).sorted()
            .filter { FileManager.default.fileExists(atPath: cases.appending(path: "\($0)/expected.txt").path) }
        XCTAssertGreaterThanOrEqual(names.count, 10)
        let files = FileManager.default
        for name in names {
            let fixture = cases.appending(path: name)
            let work = files.temporaryDirectory.appending(path: "clever-broken-\(UUID().uuidString)")
            defer { try? files.removeItem(at: work) }
            let extract = work.appending(path: "extract")
            try files.createDirectory(at: work, withIntermediateDirectories: true)
            try files.copyItem(at: root.appending(path: "fixtures/demo/extract"), to: extract)
            try Data("[source]\ndir = \"extract\"\n[export]\nas_of = 2026-10-15\n".utf8)
                .write(to: work.appending(path: "clever-export.toml"))
            let first = try run(in: work)
            XCTAssertEqual(first.status, 0, "\(name): the demo run before the broken one failed: \(first.stderr)")
            let before = try snapshot(work)

            // A case that only removes files has no extract/ folder (git keeps no empty folders).
            for file in (try? files.contentsOfDirectory(atPath: fixture.appending(path: "extract").path)) ?? [] {
                let target = extract.appending(path: file)
                try? files.removeItem(at: target)
                try files.copyItem(at: fixture.appending(path: "extract/\(file)"), to: target)
            }
            if let removed = try? String(contentsOf: fixture.appending(path: "remove"), encoding: .utf8) {
                for file in removed.split(separator: "\n") { try files.removeItem(at: extract.appending(path: String(file))) }
            }
            let expected = try String(contentsOf: fixture.appending(path: "expected.txt"), encoding: .utf8)
                .replacingOccurrences(of: "{extract}", with: extract.path)
            let result = try run(in: work)
            XCTAssertEqual("exit \(result.status)\n" + result.stderr, expected, name)
            if result.status != 0 {
                XCTAssertEqual(try snapshot(work), before, "\(name): a failed run changed the previous output or staging data")
            }
            // A case that passes may name the warnings `validate` must give, and (after "not: ")
            // those it must not give.
            if let findings = try? String(contentsOf: fixture.appending(path: "expected-findings.txt"), encoding: .utf8) {
                let validation = try run(in: work, ["validate"])
                for line in findings.split(separator: "\n") {
                    if line.hasPrefix("not: ") {
                        let absent = line.dropFirst(5)
                        XCTAssertFalse(validation.stdout.contains(absent), "\(name): validate says \(absent)")
                    } else {
                        XCTAssertTrue(validation.stdout.contains(line + "\n"), "\(name): validate does not say \(line)")
                    }
                }
            }
            // ... and the Clever files it must write, byte for byte.
            let expectedFiles = fixture.appending(path: "expected")
            for file in (try? files.contentsOfDirectory(atPath: expectedFiles.path)) ?? [] {
                XCTAssertEqual(
                    try String(contentsOf: work.appending(path: "out/\(file)"), encoding: .utf8),
                    try String(contentsOf: expectedFiles.appending(path: file), encoding: .utf8), "\(name): \(file)")
            }
        }
    }

    /// The delivered files and the staging tables' row counts.
    func snapshot(_ work: URL) throws -> [String] {
        let out = work.appending(path: "out")
        var state = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted().map { name in
            "\(name) \(try Data(contentsOf: out.appending(path: name)).hashValue)"
        }
        state.append(try sqlite3(work.appending(path: "staging.db"),
            "select (select count(*) from students), (select count(*) from enrollments), (select count(*) from export_students)"))
        return state
    }
}
