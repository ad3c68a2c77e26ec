import Foundation
import XCTest

/// Runs the built `clever-export` binary as a cron job would and checks its files, output and
/// exit code.
final class EndToEndTests: XCTestCase {
    let root = packageRoot

    func run(_ arguments: [String], in directory: URL? = nil) throws -> CommandResult {
        try runCleverExport(arguments, in: directory)
    }

    func work() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "clever-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    var demoConfig: String { root.appending(path: "fixtures/demo/clever-export.toml").path }

    func testDemoRunWritesTheFilesAndASummary() throws {
        let work = try work()
        let result = try run(["run", "--config", demoConfig, "--database", work.appending(path: "s.db").path,
                              "--output", work.appending(path: "out").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        XCTAssertTrue(result.stdout.hasPrefix("Run 1, as of 2026-10-15, took "), result.stdout)
        XCTAssertTrue(result.stdout.contains("  students.csv          59        -        -        -        0        0\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("Validation: 0 errors, 5 warnings."), result.stdout)
        XCTAssertTrue(result.stdout.contains("Delivered to folder \(work.appending(path: "out").path)."), result.stdout)
        for name in ["schools", "students", "teachers", "sections", "enrollments", "staff"] {
            let actual = try Data(contentsOf: work.appending(path: "out/\(name).csv"))
            let expected = try Data(contentsOf: root.appending(path: "fixtures/demo/expected/\(name).csv"))
            XCTAssertEqual(actual, expected, "\(name).csv")
        }
        let quiet = try run(["run", "-q", "--config", demoConfig, "--database", work.appending(path: "s.db").path,
                             "--output", work.appending(path: "out").path])
        XCTAssertEqual(quiet.status, 0)
        XCTAssertEqual(quiet.stdout, "")
    }

    func testHelpExplainsEveryFlag() throws {
        let result = try run(["run", "--help"])
        XCTAssertEqual(result.status, 0)
        for flag in ["--config", "--as-of", "--output", "--database", "--sql-dir", "--quiet", "--force", "--dry-run", "--verbose"] {
            XCTAssertTrue(result.stdout.contains(flag), "--help lacks \(flag)")
        }
    }

    func testConfigurationErrorsExitTwoNamingEachKey() throws {
        let work = try work()
        let config = work.appending(path: "bad.toml")
        try Data("[students]\nusrname = 1\n[sections]\nteacher_columns = 11\n".utf8).write(to: config)
        let result = try run(["run", "--config", config.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, """
            error: bad.toml: sections.teacher_columns: expected a whole number from 1 to 10, found 11
            error: bad.toml: students.usrname: unknown key (did you mean students.username?)

            """)
        XCTAssertEqual(result.stdout, "")
    }

    func testBadInputExitsThreeAndNamesTheFile() throws {
        let work = try work()
        let extract = work.appending(path: "extract")
        try FileManager.default.copyItem(at: root.appending(path: "fixtures/demo/extract"), to: extract)
        try FileManager.default.removeItem(at: extract.appending(path: "enrollments.csv"))
        try Data("[source]\ndir = \"extract\"\n[delivery.local]\ndir = \"out\"\n".utf8).write(to: work.appending(path: "clever-export.toml"))
        let result = try run(["run"], in: work)
        XCTAssertEqual(result.status, 3)
        XCTAssertEqual(result.stderr, """
            error: enrollments.csv: required file is missing from \(extract.path)
            error: Nothing was exported: the last run's tables and files are unchanged; the run history records this failed run.

            """)
    }

    /// [source] dir naming a file, not a folder: one line that says so, not a missing file each.
    func testAnExtractPathThatIsAFileIsNamed() throws {
        let work = try work()
        try Data("[source]\ndir = \"clever-export.toml\"\n[delivery.local]\ndir = \"out\"\n".utf8).write(to: work.appending(path: "clever-export.toml"))
        let result = try run(["run"], in: work)
        XCTAssertEqual(result.status, 3)
        XCTAssertTrue(result.stderr.hasPrefix("error: \(work.appending(path: "clever-export.toml").path): is a file, not the extract folder"), result.stderr)
    }

    /// A run that could deliver nowhere, or into the extract or the staging database's folder,
    /// is a configuration error before anything is read (a dry run delivers nothing: it may).
    func testARunNeedsATargetOfItsOwn() throws {
        let work = try work()
        try FileManager.default.copyItem(at: root.appending(path: "fixtures/demo/extract"), to: work.appending(path: "extract"))
        let config = work.appending(path: "clever-export.toml")
        try Data("[source]\ndir = \"extract\"\n[export]\nas_of = 2026-10-15\n".utf8).write(to: config)
        let none = try run(["run"], in: work)
        XCTAssertEqual(none.status, 2)
        XCTAssertEqual(none.stderr, "error: config: delivery: no target; add [delivery.local], [delivery.sftp] or [delivery.email], or run with --output DIR (or --dry-run)\n")
        XCTAssertEqual(try run(["run", "-q", "--dry-run"], in: work).status, 0)
        let into = try run(["run", "--output", "."], in: work)
        XCTAssertEqual(into.status, 2)
        XCTAssertEqual(into.stderr, """
            error: config: --output: \(work.path) is or holds the extract folder \(work.path)/extract; the Clever files would overwrite the SIS files
            error: config: --output: \(work.path) holds the staging database \(work.path)/staging.db; deliver to a folder of its own

            """)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appending(path: "students.csv").path))
    }

    /// explain answers from the last run's tables, and refuses a day that run did not describe.
    func testExplainNamesTheRuleAndTheRunsDay() throws {
        let dir = try work()
        try FileManager.default.copyItem(at: root.appending(path: "fixtures/demo/extract"), to: dir.appending(path: "extract"))
        try Data("[source]\ndir = \"extract\"\n[export]\nas_of = 2026-10-15\n".utf8).write(to: dir.appending(path: "clever-export.toml"))
        XCTAssertEqual(try run(["run", "-q", "--dry-run"], in: dir).status, 0)
        let left = try run(["explain", "student", "S1052"], in: dir)
        XCTAssertEqual(left.status, 0, left.stderr)
        XCTAssertEqual(left.stdout, "student S1052 is left out: status is INACTIVE; only ACTIVE students are exported\n")
        let warned = try run(["explain", "student", "S1014"], in: dir)
        XCTAssertEqual(warned.status, 0, warned.stderr)
        XCTAssertTrue(warned.stdout.hasSuffix("  warning: students.csv: gender \"U\" is not M, F or X; written empty\n"), warned.stdout)
        let otherDay = try run(["explain", "student", "S1052", "--as-of", "2027-03-01"], in: dir)
        XCTAssertEqual(otherDay.status, 1)
        XCTAssertEqual(otherDay.stderr, "error: \(dir.path)/staging.db: the last run was as of 2026-10-15; run `clever-export validate --as-of 2027-03-01` first, then ask again\n")
    }

    /// The staging file is written in 16 KiB pages (StagingFile.pageSize), not SQLite's 4 KiB.
    func testTheStagingFileHasSixteenKilobytePages() throws {
        let work = try demoWork(self)
        XCTAssertEqual(try runCleverExport(["run", "-q"], in: work).status, 0)
        XCTAssertEqual(try sqlite3(work.appending(path: "staging.db"), "pragma page_size"), "16384\n")
    }

    func testBadAsOfIsAUsageError() throws {
        for day in ["10/15/2026", "2026-02-30", "2026-99-99"] {
            let result = try run(["run", "--config", demoConfig, "--as-of", day])
            XCTAssertEqual(result.status, 64, result.stderr)
            XCTAssertTrue(result.stderr.hasPrefix("Error: --as-of: \"\(day)\" is not a calendar date written YYYY-MM-DD"), result.stderr)
        }
    }

    /// validate exits 4 on validation errors, with the findings and no other text.
    func testValidateWithErrorsExitsFour() throws {
        let dir = try work()
        try FileManager.default.copyItem(at: root.appending(path: "fixtures/demo/extract"), to: dir.appending(path: "extract"))
        try Data("[source]\ndir = \"extract\"\n[export]\nas_of = 2026-10-15\n".utf8).write(to: dir.appending(path: "clever-export.toml"))
        let staff = dir.appending(path: "extract/staff.csv")
        let text = try String(contentsOf: staff, encoding: .utf8)
        let repeated = text.split(separator: "\n").first { $0.hasPrefix("T2002,") }!
        try Data((text + repeated.replacingOccurrences(of: "Carter", with: "Carver") + "\n").utf8).write(to: staff)
        let result = try run(["validate"], in: dir)
        XCTAssertEqual(result.status, 4, result.stderr)
        XCTAssertEqual(result.stderr, "")
        XCTAssertTrue(result.stdout.contains("error: staff.csv: staff T2002: appears 2 times; keep one row per key [extract_duplicate_key]"), result.stdout)
    }

    /// A held run names its first 20 errors, and with -v every one of them.
    func testVerboseListsEveryErrorOfAHeldRun() throws {
        let dir = try work()
        try FileManager.default.copyItem(at: root.appending(path: "fixtures/demo/extract"), to: dir.appending(path: "extract"))
        try Data("[source]\ndir = \"extract\"\n[export]\nas_of = 2026-10-15\n".utf8).write(to: dir.appending(path: "clever-export.toml"))
        // No section has a teacher: every written section is an error.
        try Data("school_code,course_code,section,staff_id,position,shared\n".utf8).write(to: dir.appending(path: "extract/section_teachers.csv"))
        func errors(_ arguments: [String]) throws -> [String] {
            let result = try run(arguments, in: dir)
            XCTAssertEqual(result.status, 4, result.stderr)
            return result.stderr.split(separator: "\n").map(String.init).filter { $0.contains("Teacher_id is empty") }
        }
        let brief = try errors(["run", "--output", "out"])
        XCTAssertEqual(brief.count, 20)
        let all = try errors(["run", "-v", "--output", "out"])
        XCTAssertGreaterThan(all.count, 20)
        XCTAssertEqual(Array(all.prefix(20)), brief)
    }

    /// The folder got the files but the SFTP upload failed: the next run is still compared with
    /// the set the folder got, so a large drop is held.
    func testAFailingTargetDoesNotSwitchTheChangeGuardOff() throws {
        let dir = try work()
        try FileManager.default.copyItem(at: root.appending(path: "fixtures/demo/extract"), to: dir.appending(path: "extract"))
        try Data().write(to: dir.appending(path: "known_hosts"))
        try Data("""
            [source]
            dir = "extract"
            [export]
            as_of = 2026-10-15
            [delivery.local]
            dir = "out"
            [delivery.sftp]
            host = "127.0.0.1"
            port = 1
            user = "clever"
            known_hosts = "known_hosts"
            password_env = "CLEVER_EXPORT_TEST_UNSET"

            """.utf8).write(to: dir.appending(path: "clever-export.toml"))
        let first = try run(["run", "-q"], in: dir)
        XCTAssertEqual(first.status, 6, first.stderr)
        let students = dir.appending(path: "extract/students.csv")
        let lines = try String(contentsOf: students, encoding: .utf8).split(separator: "\n")
        try Data((lines.prefix(20).joined(separator: "\n") + "\n").utf8).write(to: students)
        let second = try run(["run", "-q"], in: dir)
        XCTAssertEqual(second.status, 5, second.stderr)
        XCTAssertTrue(second.stderr.contains("students.csv would drop from"), second.stderr)
    }

    /// An analyst changes a rule by editing one file in a copy of sql/; a broken edit is
    /// reported with the file's name.
    func testEditedSQLFolderChangesTheOutput() throws {
        let work = try work()
        let sql = work.appending(path: "sql")
        try FileManager.default.copyItem(at: root.appending(path: "sql"), to: sql)
        let schools = sql.appending(path: "clever/schools.sql")
        let text = try String(contentsOf: schools, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "name as School_name", with: "upper(name) as School_name").utf8).write(to: schools)
        let arguments = ["run", "--config", demoConfig, "--database", work.appending(path: "s.db").path,
                         "--output", work.appending(path: "out").path, "--sql-dir", sql.path]
        let result = try run(arguments)
        XCTAssertEqual(result.status, 0, result.stderr)
        let written = try String(contentsOf: work.appending(path: "out/schools.csv"), encoding: .utf8)
        XCTAssertTrue(written.contains("MAPLE VALLEY"), written)

        try Data(text.replacingOccurrences(of: "name as School_name", with: "nme as School_name").utf8).write(to: schools)
        let broken = try run(arguments)
        XCTAssertEqual(broken.status, 1)
        XCTAssertTrue(broken.stderr.contains("clever/schools.sql: view clever_schools is broken: no such column: nme"), broken.stderr)
        // The failed run leaves the last run's files and database, and nothing half-made.
        let outbox = try FileManager.default.contentsOfDirectory(atPath: work.appending(path: "s.db-files").path)
        XCTAssertEqual(Set(outbox), ["schools.csv", "students.csv", "teachers.csv", "sections.csv", "enrollments.csv", "staff.csv", "report.html"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appending(path: "s.db-files.new").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appending(path: "s.db.new").path))
        XCTAssertTrue(try String(contentsOf: work.appending(path: "s.db-files/schools.csv"), encoding: .utf8).contains("MAPLE VALLEY"))
    }
}
