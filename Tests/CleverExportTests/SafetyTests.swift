import Foundation
import XCTest

@testable import CleverExport

/// The guards between building and delivering: validation errors and large drops hold the
/// delivery, --force overrides, --dry-run delivers nothing, two runs never overlap.
final class SafetyTests: XCTestCase {
    func demoCopy() throws -> (configuration: Configuration, extract: URL, work: URL) {
        let (config, extract, work) = try demoExtractCopy(self, extra: "[delivery.local]\ndir = \"out\"\narchive = false\n")
        return (try Configuration.load(path: config.path), extract, work)
    }

    func run(_ configuration: Configuration, force: Bool = false, dryRun: Bool = false) throws -> RunReport {
        try ExportRun(RunRequest(configuration: configuration, force: force, dryRun: dryRun)).run()
    }

    /// Two deliveries with the same start second keep two archived sets, and a folder that cannot
    /// be created is named in a plain message.
    func testEachDeliveredSetKeepsItsOwnArchiveFolder() throws {
        let work = try temporaryDirectory(self)
        let file = work.appending(path: "schools.csv")
        try write("School_id\r\n", to: file)
        let set = [ExportedFile(file: .schools, path: file.path, rows: 0)]
        let out = work.appending(path: "out")
        for _ in 1...2 { try LocalFolderDelivery(directory: out.path, archive: true, stamp: "2026-10-15T063000").deliver(set) }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.appending(path: "archive").path).sorted(),
            ["2026-10-15T063000", "2026-10-15T063000-2"])
        try write("", to: work.appending(path: "blocker"))
        XCTAssertThrowsError(try LocalFolderDelivery(directory: work.appending(path: "blocker/out").path, archive: false, stamp: "x").deliver(set)) { error in
            XCTAssertTrue("\(error)".hasPrefix("cannot write \(work.appending(path: "blocker/out").path)"), "\(error)")
            XCTAssertFalse("\(error)".contains("NSCocoaErrorDomain"), "\(error)")
        }
    }

    func testValidationErrorsHoldTheDeliveryUnlessForced() throws {
        let (configuration, extract, work) = try demoCopy()
        // Every teacher of section 030-BIO-1 leaves: Clever would drop a section without Teacher_id.
        let path = extract.appending(path: "section_teachers.csv")
        let kept = try String(contentsOf: path, encoding: .utf8).split(separator: "\n").filter { !$0.contains(",BIO,1,") }
        try write(kept.joined(separator: "\n") + "\n", to: path)
        XCTAssertThrowsError(try run(configuration)) { error in
            guard let held = error as? RunHeld else { return XCTFail("\(error)") }
            XCTAssertEqual(held.report.errors.map(\.description), [
                "sections: Section_id 030-BIO-1: Teacher_id is empty; Clever drops this row [required_field_missing]"
            ])
            XCTAssertEqual(held.report.outcome, .held)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appending(path: "out/sections.csv").path))
        XCTAssertThrowsError(try ExportRun(RunRequest(configuration: configuration)).redeliver()) { error in
            let message = (error as? DeliveryError)?.message ?? "\(error)"
            XCTAssertTrue(message.hasPrefix("the last run was held ("), message)
            XCTAssertTrue(message.hasSuffix("); fix the extract and run again, or deliver anyway with --force"), message)
        }
        let forced = try run(configuration, force: true)
        XCTAssertEqual(forced.outcome, .delivered)
        XCTAssertTrue(FileManager.default.fileExists(atPath: work.appending(path: "out/sections.csv").path))
        let database = try Database(path: forced.databasePath)
        XCTAssertEqual(try database.strings("select outcome from run order by run_id"), ["held", "delivered"])
        XCTAssertEqual(try database.strings("select count(*) from run_finding where severity = 'error'"), ["2"])
        let html = try String(contentsOfFile: work.appending(path: "out/report.html").path, encoding: .utf8)
        XCTAssertTrue(html.contains("<td>Section_id 030-BIO-1</td><td>Teacher_id is empty; Clever drops this row</td>"), html)
    }

    /// A delivered first run, then an extract that keeps the header and 40 of 60 students: a
    /// third of students.csv goes.
    func droppingAThirdOfTheStudents() throws -> Configuration {
        let (configuration, extract, _) = try demoCopy()
        _ = try run(configuration)
        let path = extract.appending(path: "students.csv")
        let lines = try String(contentsOf: path, encoding: .utf8).split(separator: "\n")
        try write(lines.prefix(41).joined(separator: "\n") + "\n", to: path)
        return configuration
    }

    func testLargeDropHoldsTheDeliveryAndDiffCounts() throws {
        let configuration = try droppingAThirdOfTheStudents()
        XCTAssertThrowsError(try run(configuration)) { error in
            guard let held = error as? RunHeld else { return XCTFail("\(error)") }
            XCTAssertEqual(held.report.errors.map(\.description), [])
            XCTAssertTrue(held.report.holds.contains { $0.hasPrefix("students.csv would drop from 59 to 40 rows (32.2%") }, "\(held.report.holds)")
            let students = held.report.changes.first { $0.file == .students }!
            XCTAssertEqual([students.added, students.removed, students.changed], [0, 19, 0])
        }
        let dry = try run(configuration, dryRun: true)
        XCTAssertEqual(dry.outcome, .dryRun)
        XCTAssertTrue(dry.deliveries.isEmpty)
        XCTAssertEqual(try run(configuration, force: true).outcome, .delivered)
        let after = try run(configuration)
        XCTAssertEqual(after.changes.first { $0.file == .students }?.removed, 0, "the forced delivery is the new baseline")
    }

    func testFilesSentByDeliverAreTheNewBaseline() throws {
        let configuration = try droppingAThirdOfTheStudents()
        XCTAssertEqual(try run(configuration, dryRun: true).outcome, .dryRun)
        let results = try ExportRun(RunRequest(configuration: configuration)).redeliver()
        XCTAssertEqual(results.map(\.target), ["folder \(configuration.baseDirectory)/out"])
        XCTAssertEqual(results.map(\.failure), [nil])
        // Sent again, the same files leave no temporary names behind.
        XCTAssertEqual(try ExportRun(RunRequest(configuration: configuration)).redeliver().map(\.failure), [nil])
        for folder in ["out", "staging.db-delivered"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: "\(configuration.baseDirectory)/\(folder)")
            XCTAssertEqual(names.filter { $0.hasPrefix(".") }, [], folder)
        }
        let after = try run(configuration)
        XCTAssertEqual(after.outcome, .delivered, "\(after.holds)")
        XCTAssertEqual(after.changes.first { $0.file == .students }.map { [$0.previousRows, $0.removed] }, [40, 0])
    }

    func testChangesAreCountedByKeyAgainstTheLastDelivery() throws {
        let (configuration, extract, work) = try demoCopy()
        _ = try run(configuration)
        let path = extract.appending(path: "students.csv")
        var lines = try String(contentsOf: path, encoding: .utf8).split(separator: "\n").map(String.init)
        // S1002 changes name, S1003 leaves, S1999 (a copy of S1004) arrives.
        lines = lines.filter { !$0.hasPrefix("S1003,") }.map { $0.replacingOccurrences(of: "S1002,010,010453,4829103002,Johnson,", with: "S1002,010,010453,4829103002,Jonsson,") }
        let copy = lines.first { $0.hasPrefix("S1004,") }!
        lines.append(copy.replacingOccurrences(of: "S1004,", with: "S1999,"))
        try write(lines.joined(separator: "\n") + "\n", to: path)
        var request = RunRequest(configuration: configuration, force: true)
        request.changeDetails = true
        let students = try ExportRun(request).run().changes.first { $0.file == .students }!
        XCTAssertEqual([students.addedKeys, students.removedKeys, students.changedKeys], [["S1999"], ["S1003"], ["S1002"]])
        XCTAssertEqual(try run(configuration).changes.map { $0.added + $0.removed + $0.changed }, [0, 0, 0, 0, 0, 0], "nothing changed since")

        // An option that adds a column changes every row that stays.
        try write(try String(contentsOf: work.appending(path: "clever-export.toml"), encoding: .utf8) + "[students]\nhome_language = true\n",
                  to: work.appending(path: "clever-export.toml"))
        let widened = try run(try Configuration.load(path: work.appending(path: "clever-export.toml").path), force: true)
        let all = widened.changes.first { $0.file == .students }!
        // 60 students in the extract, less the inactive S1052 and the removed S1003, plus S1999.
        XCTAssertEqual([all.rows, all.added, all.removed, all.changed], [59, 0, 0, 59])
    }

    func testEachRunReplacesTheDatabaseWithANewFileAndCarriesTheHistoryOver() throws {
        let (configuration, _, _) = try demoCopy()
        let first = try run(configuration)
        // What a run killed mid-build leaves behind.
        try write("not a database", to: URL(fileURLWithPath: first.databasePath + ".new"))
        try write("not a database", to: URL(fileURLWithPath: first.databasePath + ".new-scratch/import.db"))
        try write("half written", to: URL(fileURLWithPath: first.databasePath + "-files.new/students.csv"))
        try write("a last database killed while it was removed", to: URL(fileURLWithPath: first.databasePath + ".old"))
        let report = try run(configuration)
        // The last database's second name, removed in the background, is gone when the run ends.
        for leftover in [".new", ".new-journal", ".new-wal", ".new-scratch", ".old", "-wal", "-shm", "-journal", "-files.new", "-files.old"] {
            XCTAssertFalse(FileManager.default.fileExists(atPath: report.databasePath + leftover), leftover)
        }
        let database = try Database(path: report.databasePath)
        XCTAssertEqual(try database.strings("pragma journal_mode"), ["delete"])
        // `deliver` sends the files of the last run, counting their rows as the run did.
        XCTAssertEqual(try ExportRun(RunRequest(configuration: configuration)).builtFiles().map(\.rows), report.files.map(\.rows))
        XCTAssertEqual(try database.strings("pragma integrity_check"), ["ok"])
        XCTAssertEqual(try database.strings("select count(*) from export_students"), ["59"])
        XCTAssertEqual(try database.strings("select run_id || ' ' || outcome from run order by run_id"), ["1 delivered", "2 delivered"])
        XCTAssertEqual(try database.strings("select distinct run_id from run_option order by run_id"), ["1", "2"])
        XCTAssertEqual(try database.strings("select distinct run_id from run_file order by run_id"), ["1", "2"])
        // No model of the demo takes a second, so none is built alongside (CriticalPath.builtAlongside).
        XCTAssertEqual(try database.strings("select distinct run_id || ' ' || kind from run_step order by 1"),
                       ["1 check", "1 compare", "1 file", "1 import", "1 model", "1 phase",
                        "2 check", "2 compare", "2 file", "2 import", "2 model", "2 phase"])
        XCTAssertEqual(try database.strings("select step from run_step where run_id = 2 and kind = 'model' and step = 'export_students'"), ["export_students"])
        // The demo gives 5 warnings a run; both runs' findings are kept.
        XCTAssertEqual(first.findings.count, 5)
        XCTAssertEqual(try database.strings("select count(distinct run_id) from run_finding"), ["2"])
    }

    func testAFailedRunLeavesTheLastDatabaseAndRecordsTheFailure() throws {
        let (configuration, extract, _) = try demoCopy()
        let first = try run(configuration)
        try write("student_id,school_code\n", to: extract.appending(path: "students.csv"))
        XCTAssertThrowsError(try run(configuration)) { error in
            XCTAssertEqual((error as? ImportError)?.problems.map(\.description), [
                "students.csv:1 column last_name: required column is missing from the header",
                "students.csv:1 column first_name: required column is missing from the header",
                "students.csv:1 column grade_level: required column is missing from the header",
            ])
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: first.databasePath + ".new"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: first.databasePath + ".new-scratch"))
        let database = try Database(path: first.databasePath)
        XCTAssertEqual(try database.strings("select outcome from run order by run_id"), ["delivered", "failed"])
        XCTAssertEqual(try database.strings("select count(*) from export_students"), ["59"], "the last run's tables")
    }

    func testStagingDatabaseIsForItsOwnerOnly() throws {
        let (configuration, _, _) = try demoCopy()
        let report = try run(configuration)
        func mode(_ path: String) -> mode_t? {
            var info = stat()
            return stat(path, &info) == 0 ? info.st_mode & 0o777 : nil
        }
        XCTAssertEqual(mode(report.databasePath), 0o600)
        // The delivered files the next run is compared with.
        XCTAssertEqual(mode(report.databasePath + "-delivered"), 0o700)
        XCTAssertEqual(mode(report.databasePath + "-delivered/students.csv"), 0o600)
        XCTAssertEqual(mode(report.databasePath + "-files/report.html"), 0o600, "the report names students")
    }

    /// With umask 000 the folders a run makes are still its owner's alone.
    func testFoldersAreForTheOwnerWhateverTheUmask() throws {
        let (configuration, _, work) = try demoCopy()
        let previous = umask(0)
        defer { umask(previous) }
        let report = try run(configuration)
        func mode(_ path: String) -> mode_t? {
            var info = stat()
            return stat(path, &info) == 0 ? info.st_mode & 0o777 : nil
        }
        XCTAssertEqual(mode(report.databasePath + "-files"), 0o700, "the outbox")
        XCTAssertEqual(mode(work.appending(path: "out").path), 0o700, "the delivery folder")
        XCTAssertEqual(mode(report.databasePath + "-delivered"), 0o700)
    }

    func testTwoRunsNeverOverlap() throws {
        let (configuration, _, work) = try demoCopy()
        let lock = try RunLock(database: work.appending(path: "staging.db").path)
        XCTAssertThrowsError(try run(configuration)) { XCTAssertTrue($0 is RunLocked, "\($0)") }
        XCTAssertThrowsError(try ExportRun(RunRequest(configuration: configuration)).redeliver()) {
            XCTAssertTrue($0 is RunLocked, "deliver takes the run's lock too: \($0)")
        }
        withExtendedLifetime(lock) {}
    }
}
