import Foundation
import XCTest

/// A run killed (SIGKILL: no cleanup, as a power cut or the out-of-memory killer) at each rename
/// of its files: the outbox still holds one whole set, the last run's or this one's; the delivery
/// folder holds whole files; and the next run puts everything right, leaving no temporary name,
/// partial folder or spare copy behind. The points are CrashPoint's names.
final class CrashTests: XCTestCase {
    let points = [
        "staging replace", "outbox swap", "outbox swapped", "folder renamed schools.csv", "folder renamed sections.csv",
        "archive filled", "delivered renamed schools.csv", "delivered renamed staff.csv",
    ]

    func testAKillAtEachRenameLeavesWholeSetsAndTheNextRunRepairsThem() throws {
        for point in points {
            let work = try demoWork(self)
            XCTAssertEqual(try runCleverExport(["run", "-q"], in: work).status, 0, point)
            let first = try set(work.appending(path: "staging.db-files"))

            // The next night's extract differs: one student fewer (so does every file that names them).
            let students = work.appending(path: "extract/students.csv")
            let text = try String(contentsOf: students, encoding: .utf8)
            try text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("S1009,") }
                .joined(separator: "\n").write(to: students, atomically: true, encoding: .utf8)
            let killed = try runCleverExport(["run", "-q"], in: work, environment: ["CLEVER_EXPORT_CRASH_AT": point])
            XCTAssertEqual(killed.status, SIGKILL, "\(point): the run was not killed there")
            // The report is written after the delivery: a run killed before has none yet.
            let outbox = try set(work.appending(path: "staging.db-files")).filter { $0.key.hasSuffix(".csv") }

            XCTAssertEqual(try runCleverExport(["run", "-q"], in: work).status, 0, point)
            let last = try set(work.appending(path: "staging.db-files"))
            XCTAssertNotEqual(last["students.csv"], first["students.csv"], point)
            XCTAssertTrue([first, last].map { $0.filter { $0.key.hasSuffix(".csv") } }.contains(outbox),
                          "\(point): the outbox was neither the last set nor the new one: \(outbox.keys.sorted())")
            XCTAssertEqual(try set(work.appending(path: "out")), last, "\(point): the delivery folder is not the new set")
            XCTAssertEqual(try set(work.appending(path: "staging.db-delivered")), last.filter { $0.key != "report.html" }, point)
            // Nothing but the files, the archive's dated folders and the run's own files.
            let leftovers = try hidden(in: work)
            XCTAssertEqual(leftovers, [], "\(point): left behind")
        }
    }

    /// The CSV files (and report) of a folder, by name.
    func set(_ folder: URL) throws -> [String: Data] {
        var found: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !name.hasPrefix(".") {
            var isFolder: ObjCBool = false
            let path = folder.appending(path: name)
            if FileManager.default.fileExists(atPath: path.path, isDirectory: &isFolder), !isFolder.boolValue {
                found[name] = try Data(contentsOf: path)
            }
        }
        return found
    }

    /// Every hidden file or folder under `work`, and every name a run uses only while it runs.
    func hidden(in work: URL) throws -> [String] {
        let walker = FileManager.default.enumerator(atPath: work.path)
        var found: [String] = []
        while let path = walker?.nextObject() as? String {
            let name = URL(fileURLWithPath: path).lastPathComponent
            if name.hasPrefix(".") || name.hasSuffix(".new") || name.hasSuffix(".old") || name.hasSuffix(".aside")
                || name.hasSuffix(".partial") || name.hasSuffix("-journal") || name.hasSuffix("-wal") {
                found.append(path)
            }
        }
        return found.sorted()
    }
}
