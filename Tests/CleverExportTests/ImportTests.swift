import Foundation
import XCTest

@testable import CleverExport

/// Bad extracts: each problem named with file, line and column, all reported together, and
/// nothing changed when the import fails.
final class ImportTests: XCTestCase {
    func demoCopy() throws -> (config: URL, extract: URL, work: URL) { try demoExtractCopy(self) }

    func importProblems(_ config: URL, work: URL) -> [String] {
        do {
            try runExport(config: config, work: work)
            return []
        } catch let error as ImportError {
            return error.problems.map(\.description)
        } catch {
            return ["unexpected: \(error)"]
        }
    }

    /// An extract file that is a pipe, or a link to a device, is refused without being read (it
    /// would block the run, or fill the memory); a link to a regular file is read.
    func testOnlyRegularFilesAreRead() throws {
        let (config, extract, work) = try demoExtractCopy(self)
        let students = extract.appending(path: "students.csv")
        try FileManager.default.removeItem(at: students)
        XCTAssertEqual(mkfifo(students.path, 0o600), 0)
        let staff = extract.appending(path: "staff.csv")
        try FileManager.default.moveItem(at: staff, to: extract.appending(path: "staff.real"))
        try FileManager.default.createSymbolicLink(atPath: staff.path, withDestinationPath: extract.appending(path: "staff.real").path)
        let terms = extract.appending(path: "terms.csv")
        try FileManager.default.removeItem(at: terms)
        try FileManager.default.createSymbolicLink(atPath: terms.path, withDestinationPath: "/dev/zero")
        XCTAssertEqual(importProblems(config, work: work), [
            "students.csv: is not a regular file (a folder, a pipe or a device); put the CSV file itself there",
            "terms.csv: is not a regular file (a folder, a pipe or a device); put the CSV file itself there",
        ])
    }

    func testAllProblemsOfAllFilesTogether() throws {
        let (config, extract, work) = try demoCopy()
        try FileManager.default.removeItem(at: extract.appending(path: "terms.csv"))
        try write("student_id,school_code\nS1,010\n", to: extract.appending(path: "students.csv"))
        try write("staff_id,last_name,first_name\nT1,A,B\nT2,A,B,extra\nT3,\"A\nB\"\n", to: extract.appending(path: "staff.csv"))
        var latin1 = Data("school_code,course_code,description\n010,ART,".utf8)
        latin1.append(contentsOf: [0x43, 0x61, 0x66, 0xE9])  // "Café" in Latin-1
        latin1.append(contentsOf: Array("\n".utf8))
        try latin1.write(to: extract.appending(path: "courses.csv"))
        XCTAssertEqual(importProblems(config, work: work), [
            "students.csv:1 column last_name: required column is missing from the header",
            "students.csv:1 column first_name: required column is missing from the header",
            "students.csv:1 column grade_level: required column is missing from the header",
            "staff.csv:3: has 4 fields but the header has 3; check for an unquoted comma or a missing field",
            "staff.csv:4: has 2 fields but the header has 3; check for an unquoted comma or a missing field",
            "courses.csv:2 column description: is not valid UTF-8 (byte 4 of the value); save the file as UTF-8",
            "terms.csv: required file is missing from \(extract.path)",
        ])
    }

    func testFailedImportLeavesDatabaseAndFilesAsTheyWere() throws {
        let (config, extract, work) = try demoCopy()
        let (first, output) = try runExport(config: config, work: work)
        let before = try Data(contentsOf: output.appending(path: "students.csv"))
        try write("student_id,school_code,last_name,first_name,grade_level\n\"S1,010,A,B,05\n", to: extract.appending(path: "students.csv"))
        let found = importProblems(config, work: work)
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].hasPrefix("students.csv:2: a quoted field is never closed"), found[0])
        XCTAssertEqual(try Data(contentsOf: output.appending(path: "students.csv")), before)
        let database = try Database(path: first.databasePath)
        XCTAssertEqual(try database.strings("select count(*) from students"), ["60"])
        XCTAssertEqual(try database.strings("select count(*) from clever_students"), ["59"])
    }

    /// Rows go in 16 to an INSERT, the last few one by one: every row arrives once, in order,
    /// as written (quoted commas and line breaks kept, spaces around values dropped), also when a
    /// bad row in between is left out.
    func testRowsLoadInBatchesExactlyAsWritten() throws {
        let work = try temporaryDirectory(self)
        let path = work.appending(path: "terms.csv")
        var text = "school_code,term_code,name\n"
        var expected: [String] = []
        for row in 1...37 {
            if row == 20 { text += "010,T20\n" }  // line 24 (three rows above take two lines): a problem
            text += row % 5 == 0 ? "010, T\(row) ,\"Term, \(row)\nline 2\"\n" : "010,T\(row),Term \(row)\n"
            // A line break inside a value is loaded as a space (and warned).
            expected.append(row % 5 == 0 ? "T\(row)|Term, \(row) line 2" : "T\(row)|Term \(row)")
        }
        try write(text, to: path)
        let database = try Database(path: work.appending(path: "staging.db").path)
        try database.execute("create table terms (school_code text not null, term_code text not null, name text)")
        let load = try TableLoader(database: database, problemsPerFile: 20, idColumns: [], targets: try ReferenceTargets(references: [], keys: [:], loading: []))
            .load(ExtractFile(table: "terms", name: "terms.csv", path: path.path))
        XCTAssertEqual(load.rows, 37)
        XCTAssertEqual(load.problems.map(\.description), [
            "terms.csv:24: has 2 fields but the header has 3; check for an unquoted comma or a missing field",
        ])
        XCTAssertEqual(try database.strings("select term_code || '|' || name from terms order by rowid"), expected)
    }

    func testHeadersInAnyCaseWithExtraColumnsAndCRLF() throws {
        let (config, extract, work) = try demoCopy()
        let path = extract.appending(path: "schools.csv")
        let rows = try String(contentsOf: path, encoding: .utf8).split(separator: "\n")
        let header = rows[0].uppercased() + ",District_Note"
        try write(([header] + rows.dropFirst().map { $0 + ",x" }).joined(separator: "\r\n") + "\r\n", to: path)
        let (report, output) = try runExport(config: config, work: work)
        assertSameFile(output.appending(path: "schools.csv"), packageRoot.appending(path: "fixtures/demo/expected/schools.csv"))
        let database = try Database(path: report.databasePath)
        XCTAssertEqual(try database.strings("select distinct district_note from schools"), ["x"])
    }

    func testSpacesAroundValuesAreDroppedAndEverythingElseKept() throws {
        let (config, extract, work) = try demoCopy()
        let path = extract.appending(path: "schools.csv")
        let rows = try String(contentsOf: path, encoding: .utf8).split(separator: "\n")
        // Spaces and tabs around a value, quoted or not, go; inner spaces and leading zeros stay.
        try write(([rows[0] + ",district_note"] + rows.dropFirst().map { $0 + ",\"  0 7\t \"" }).joined(separator: "\n") + "\n", to: path)
        let text = try String(contentsOf: path, encoding: .utf8)
        try write(text.replacingOccurrences(of: "\n010,", with: "\n  010 ,"), to: path)
        let (report, output) = try runExport(config: config, work: work)
        assertSameFile(output.appending(path: "schools.csv"), packageRoot.appending(path: "fixtures/demo/expected/schools.csv"))
        let database = try Database(path: report.databasePath)
        XCTAssertEqual(try database.strings("select distinct district_note from schools"), ["0 7"])
        XCTAssertEqual(try database.strings("select count(*) from schools where school_code = '010'"), ["1"])
    }
}

/// The import on two cores: the files the second loader takes reach the staging file whole, and
/// their problems are reported with the others, in file order.
final class SecondLoaderTests: XCTestCase {
    /// Every file of the extract at `extract`, loaded into a new staging file with `second`
    /// (file names) on the second loader; the tables' rows, or the problems.
    /// A new staging database with `extract` loaded, the files of `second` by the second loader.
    func loadedDatabase(_ extract: URL, second: Set<String>) throws -> Database {
        let work = try temporaryDirectory(self)
        let staging = StagingFile(path: work.appending(path: "staging.db").path)
        let database = try staging.create()
        try SQLCatalog.embedded.installSchema(in: database)
        _ = try StagingLoader(
            database: database, directory: extract.path, scratchPath: try staging.createScratch("import"),
            split: { files in (files.filter { !second.contains($0.name) }, files.filter { second.contains($0.name) }) }
        ).loadAll()
        return database
    }

    func load(_ extract: URL, second: Set<String>) throws -> (tables: [String: [[String?]]], problems: [String]) {
        let database: Database
        do {
            database = try loadedDatabase(extract, second: second)
        } catch let error as ImportError {
            return ([:], error.problems.map(\.description))
        }
        var tables: [String: [[String?]]] = [:]
        for table in try database.strings("select name from extract_file union all select target from extract_combination") {
            tables[table] = try database.rows("select * from \(sqlIdentifier(table)) order by rowid")
        }
        return (tables, [])
    }

    var demo: URL { packageRoot.appending(path: "fixtures/demo/extract") }

    func testTablesAreTheSameWhicheverLoaderLoadsAFile() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: demo.path).sorted()
        let alone = try load(demo, second: [])
        XCTAssertEqual(alone.problems, [])
        XCTAssertEqual(alone.tables["students"]?.count, 60)
        let everyOther = Set(names.enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
        XCTAssertEqual(try load(demo, second: everyOther).tables, alone.tables)
        XCTAssertEqual(try load(demo, second: Set(names)).tables, alone.tables)
    }

    /// Each enrollment's section_row is the rowid of its section in sections.csv, whichever
    /// loader loads either file (the other waits for it); a section sections.csv lacks is NULL.
    /// Expected: what SQL's join on the key finds.
    func testEachEnrollmentPointsAtTheRowOfItsSection() throws {
        let (_, extract, _) = try demoExtractCopy(self)
        let path = extract.appending(path: "enrollments.csv")
        try write(try String(contentsOf: path, encoding: .utf8) + "S1009,010,MUS,99,,\n", to: path)
        for second: Set<String> in [[], ["enrollments.csv"], ["sections.csv"], ["sections.csv", "enrollments.csv"]] {
            let work = try temporaryDirectory(self)
            let staging = StagingFile(path: work.appending(path: "staging.db").path)
            let database = try staging.create()
            try SQLCatalog.embedded.installSchema(in: database)
            let targets = try ReferenceTargets(database: database, loading: ["students", "sections", "enrollments", "guardians"])
            XCTAssertEqual(targets.groups(["students", "sections", "enrollments", "guardians"]), [["students"], ["sections", "enrollments"], ["guardians"]])
            _ = try StagingLoader(
                database: database, directory: extract.path, scratchPath: try staging.createScratch("import"),
                split: { files in (files.filter { !second.contains($0.name) }, files.filter { second.contains($0.name) }) }
            ).loadAll()
            XCTAssertEqual(try database.strings("""
                select count(*) from enrollments e
                where e.section_row is (select min(s.rowid) from sections s
                    where s.school_code = e.school_code and s.course_code = e.course_code and s.section = e.section)
                """), try database.strings("select count(*) from enrollments"), "second loader: \(second)")
            XCTAssertEqual(try database.strings("select section from enrollments where section_row is null"), ["99"])
        }
    }

    /// Each distinct (start_date, end_date) pair of enrollments.csv is written once into
    /// enrollment_date_pairs, numbered from 1 in the order first seen, and each enrollment holds
    /// its pair's number, whichever loader loads the file. Expected: what SQL's DISTINCT and
    /// join on the two dates find.
    func testEachPairOfEnrollmentDatesIsListedOnce() throws {
        let (_, extract, _) = try demoExtractCopy(self)
        for second: Set<String> in [[], ["enrollments.csv"]] {
            let database = try loadedDatabase(extract, second: second)
            let pairs = try database.strings("select count(*) from (select distinct start_date, end_date from enrollments)")
            XCTAssertGreaterThan(Int(pairs[0])!, 1)
            XCTAssertEqual(try database.rows("select count(*), min(dates_row), max(dates_row) from enrollment_date_pairs"), [[pairs[0], "1", pairs[0]]])
            XCTAssertEqual(try database.strings("""
                select count(*) from enrollments e
                join enrollment_date_pairs p on p.dates_row = e.dates_row and p.start_date is e.start_date and p.end_date is e.end_date
                """), try database.strings("select count(*) from enrollments"), "second loader: \(second)")
            XCTAssertEqual(try database.strings("select dates_row from enrollments order by rowid limit 1"), ["1"])
        }
    }

    /// Each student_id of enrollments.csv is listed once in enrollment_student_ids, numbered from
    /// 1 as first seen, and each enrollment carries its number, whichever loader loads the file.
    /// Expected: the IDs in the order the rows first name them; column 8 is student_id_row.
    func testEachStudentOfTheEnrollmentsIsListedOnce() throws {
        let (_, extract, _) = try demoExtractCopy(self)
        for second: Set<String> in [[], ["enrollments.csv"]] {
            let loaded = try load(extract, second: second)
            XCTAssertEqual(loaded.problems, [])
            let enrollments = loaded.tables["enrollments"]!
            var firstSeen: [String] = []
            for row in enrollments where !firstSeen.contains(row[0]!) { firstSeen.append(row[0]!) }
            XCTAssertGreaterThan(firstSeen.count, 1)
            XCTAssertEqual(loaded.tables["enrollment_student_ids"], firstSeen.enumerated().map { [String($0.offset + 1), $0.element] }, "second loader: \(second)")
            XCTAssertEqual(enrollments.map { $0[8] }, enrollments.map { String(firstSeen.firstIndex(of: $0[0]!)! + 1) })
        }
    }

    /// A file without one of the dates has NULL for it, in every row and in every pair; a file
    /// without either has no pairs, and NULL for each row's number.
    func testEnrollmentsWithoutADateColumnArePairedOnTheOther() throws {
        let (_, extract, _) = try demoExtractCopy(self)
        let path = extract.appending(path: "enrollments.csv")
        try write("student_id,school_code,course_code,section,end_date\nS1009,010,MUS,1,2026-06-30\nS1010,010,MUS,1,2026-06-30\nS1011,010,MUS,1,\n", to: path)
        // start_date, end_date and dates_row of each row.
        func dates(_ loaded: (tables: [String: [[String?]]], problems: [String])) -> [[String?]]? {
            loaded.tables["enrollments"]?.map { [$0[4], $0[5], $0[7]] }
        }
        var loaded = try load(extract, second: [])
        XCTAssertEqual(loaded.problems, [])
        XCTAssertEqual(dates(loaded), [[nil, "2026-06-30", "1"], [nil, "2026-06-30", "1"], [nil, "", "2"]])
        XCTAssertEqual(loaded.tables["enrollment_date_pairs"], [["1", nil, "2026-06-30"], ["2", nil, ""]])
        try write("student_id,school_code,course_code,section\nS1009,010,MUS,1\n", to: path)
        loaded = try load(extract, second: [])
        XCTAssertEqual(dates(loaded), [[nil, nil, nil]])
        XCTAssertEqual(loaded.tables["enrollment_date_pairs"], [])
    }

    /// The importer counts, per reference, the rows whose key found no row (a check reads the
    /// enrollments only when there are some), whichever loader loads the file. Expected: the
    /// demo has none; two enrollments of a section sections.csv lacks make 2.
    func testTheRowsAReferenceDidNotFindAreCounted() throws {
        let (_, extract, _) = try demoExtractCopy(self)
        func unmatched(second: Set<String>) throws -> [[String?]] {
            try loadedDatabase(extract, second: second).rows("select file, row_column, unmatched_rows from extract_reference")
        }
        XCTAssertEqual(try unmatched(second: []), [["enrollments", "section_row", "0"]])
        let path = extract.appending(path: "enrollments.csv")
        let rows = try String(contentsOf: path, encoding: .utf8)
        try write(rows + "S1009,010,NOPE,1,,\nS1010,010,NOPE,1,,\n", to: path)
        for second: Set<String> in [[], ["enrollments.csv"], ["enrollments.csv", "sections.csv"]] {
            XCTAssertEqual(try unmatched(second: second), [["enrollments", "section_row", "2"]], "second loader: \(second)")
        }
    }

    /// A column the importer fills cannot come from the file: it is named, not overwritten.
    func testAFileCannotHoldTheColumnTheImporterFills() throws {
        let (_, extract, _) = try demoExtractCopy(self)
        try write("student_id,school_code,course_code,section,section_row\nS1009,010,MUS,1,7\n", to: extract.appending(path: "enrollments.csv"))
        XCTAssertEqual(try load(extract, second: []).problems, [
            "enrollments.csv:1 column section_row: is a column the importer fills (the row of sections.csv each row points at); rename or remove it",
        ])
    }

    func testAFileCannotHoldTheDatesNumberTheImporterFills() throws {
        let (_, extract, _) = try demoExtractCopy(self)
        try write("student_id,school_code,course_code,section,dates_row\nS1009,010,MUS,1,7\n", to: extract.appending(path: "enrollments.csv"))
        XCTAssertEqual(try load(extract, second: []).problems, [
            "enrollments.csv:1 column dates_row: is a column the importer fills (the number of each row's start_date, end_date in enrollment_date_pairs); rename or remove it",
        ])
    }

    func testExtraColumnsTheSecondLoaderFoundAreCopiedToo() throws {
        let (_, extract, _) = try demoExtractCopy(self)
        let path = extract.appending(path: "schools.csv")
        let rows = try String(contentsOf: path, encoding: .utf8).split(separator: "\n")
        try write(([rows[0] + ",district_note"] + rows.dropFirst().map { $0 + ",x" }).joined(separator: "\n") + "\n", to: path)
        let loaded = try load(extract, second: ["schools.csv"])
        XCTAssertEqual(loaded.problems, [])
        XCTAssertEqual(Set(loaded.tables["schools"]!.map { $0.last! }), ["x"])
    }

    func testProblemsOfBothLoadersInFileOrder() throws {
        let (_, extract, _) = try demoExtractCopy(self)
        try write("student_id,school_code\nS1,010\n", to: extract.appending(path: "students.csv"))
        try write("staff_id,last_name,first_name\nT1,A,B\nT2,A,B,extra\n", to: extract.appending(path: "staff.csv"))
        try write("school_code,course_code,description\n010\n", to: extract.appending(path: "courses.csv"))
        try FileManager.default.removeItem(at: extract.appending(path: "terms.csv"))
        let expected = [
            "students.csv:1 column last_name: required column is missing from the header",
            "students.csv:1 column first_name: required column is missing from the header",
            "students.csv:1 column grade_level: required column is missing from the header",
            "staff.csv:3: has 4 fields but the header has 3; check for an unquoted comma or a missing field",
            "courses.csv:2: has 1 fields but the header has 3; check for an unquoted comma or a missing field",
            "terms.csv: required file is missing from \(extract.path)",
        ]
        XCTAssertEqual(try load(extract, second: ["staff.csv"]).problems, expected)
        XCTAssertEqual(try load(extract, second: ["students.csv", "courses.csv"]).problems, expected)
    }

    /// The split from the estimates: at a million students the time to load a file follows its
    /// bytes, and a file loaded by the second loader is also copied, so the second loader takes
    /// less than half the bytes; alone, a file stays with the first loader (copying it would
    /// only add time).
    func testSplitBalancesTheLoadsWithTheCopy() throws {
        func file(_ table: String, rows: Int, bytes: Int) -> ExtractFile {
            ExtractFile(table: table, name: table + ".csv", path: "", bytes: bytes, estimatedRows: rows)
        }
        let district = [
            file("students", rows: 1_000_000, bytes: 184_000_000),
            file("enrollments", rows: 5_200_000, bytes: 187_000_000),
            file("guardians", rows: 1_950_000, bytes: 191_000_000),
            file("homerooms", rows: 465_000, bytes: 12_000_000),
            file("student_gpas", rows: 600_000, bytes: 17_000_000),
        ]
        let (first, second) = StagingLoader.split(district, costs: ImportCosts())
        XCTAssertEqual(first.map(\.table), ["students", "enrollments"])
        XCTAssertEqual(second.map(\.table), ["guardians", "homerooms", "student_gpas"])
        XCTAssertEqual(StagingLoader.split([district[1]], costs: ImportCosts()).second.map(\.table), [])
    }

    /// After a run, the split follows what each file cost a byte: three files of 300, 300 and
    /// 200 MB whose estimates are alike. With guardians at 15 ns a byte, students at 5 and
    /// enrollments at 10 (4.5, 1.5 and 2 s), copying at 4 ns a byte: guardians alone on the
    /// second loader end at max(3.5, 4.5) + 1.2 = 5.7 s, students and enrollments there at
    /// max(4.5, 3.5) + 2.0 = 6.5 s, enrollments alone at 6.8 s, students alone at 7.7 s. With the
    /// rates of students and guardians swapped, students go alone instead.
    func testSplitFollowsWhatEachFileCostLastRun() throws {
        func file(_ table: String, megabytes: Int) -> ExtractFile {
            ExtractFile(table: table, name: table + ".csv", path: "", bytes: megabytes * 1_000_000, estimatedRows: 1_000_000)
        }
        let district = [file("students", megabytes: 300), file("guardians", megabytes: 300), file("enrollments", megabytes: 200)]
        let slowGuardians = ImportCosts(loadPerByte: ["students": 5e-9, "guardians": 15e-9, "enrollments": 10e-9], copyPerByte: 4e-9)
        let (first, second) = StagingLoader.split(district, costs: slowGuardians)
        XCTAssertEqual(first.map(\.table), ["students", "enrollments"])
        XCTAssertEqual(second.map(\.table), ["guardians"])
        let slowStudents = ImportCosts(loadPerByte: ["students": 15e-9, "guardians": 5e-9, "enrollments": 10e-9], copyPerByte: 4e-9)
        XCTAssertEqual(StagingLoader.split(district, costs: slowStudents).second.map(\.table), ["students"])
    }

    /// A file and the file it points at (extract_reference) go to one loader together, so that
    /// neither loader waits for the other. Files of 200, 40 and 300 MB: alone, students and
    /// sections would go to the second loader (300 MB against 240, and the smaller copy); with
    /// sections kept with enrollments, students go alone.
    func testSplitKeepsAFileWithTheFileItPointsAt() throws {
        func file(_ table: String, megabytes: Int) -> ExtractFile {
            ExtractFile(table: table, name: table + ".csv", path: "", bytes: megabytes * 1_000_000, estimatedRows: 1_000_000)
        }
        let district = [file("students", megabytes: 200), file("sections", megabytes: 40), file("enrollments", megabytes: 300)]
        XCTAssertEqual(StagingLoader.split(district, costs: ImportCosts()).second.map(\.table), ["students", "sections"])
        let (first, second) = StagingLoader.split(district, costs: ImportCosts(), groups: [["students"], ["sections", "enrollments"]])
        XCTAssertEqual(first.map(\.table), ["sections", "enrollments"])
        XCTAssertEqual(second.map(\.table), ["students"])
    }

    /// A loader loads what is pointed at before what points at it, at each depth the files pointed
    /// at first; references that lead back to where they start are refused, with the chain.
    func testFilesLoadBeforeWhatPointsAtThemAndLoopsAreRefused() throws {
        func file(_ table: String) -> ExtractFile { ExtractFile(table: table, name: table + ".csv", path: "", bytes: 0, estimatedRows: 0) }
        func reference(_ from: String, _ to: String) -> ExtractReference {
            ExtractReference(file: from, columns: ["id"], target: to, rowColumn: to + "_row")
        }
        let chain = try ReferenceTargets(
            references: [reference("a", "b"), reference("b", "c")], keys: ["b": ["id"], "c": ["id"]], loading: ["a", "b", "c", "d"])
        XCTAssertEqual(chain.ordered(["a", "b", "c", "d"].map(file)).map(\.table), ["c", "d", "b", "a"])
        XCTAssertThrowsError(try ReferenceTargets(
            references: [reference("a", "b"), reference("b", "a")], keys: ["a": ["id"], "b": ["id"]], loading: ["a", "b"])
        ) { error in
            XCTAssertEqual("\(error)", "extract_reference: a points at b points at a: a file cannot point back at itself; remove one of these rows from sql/schema/01_extract_files.sql")
        }
    }

    /// The costs are read back from the last run's import steps, a second a byte, whatever case
    /// the file's name had; a step without bytes (a database from before they were kept) is
    /// left to the estimates.
    func testImportCostsAreReadFromTheLastRunsSteps() throws {
        let work = try temporaryDirectory(self)
        let database = try StagingFile(path: work.appending(path: "staging.db").path).create()
        try SQLCatalog.embedded.installSchema(in: database)
        try database.execute("""
            insert into run (run_id, started_at, as_of, outcome) values (1, 'a', '2026-10-15', 'delivered'), (2, 'b', '2026-10-16', 'delivered');
            insert into run_step (run_id, kind, step, seconds, bytes) values
                (1, 'import', 'students.csv', 9, 1000),
                (2, 'import', 'Students.CSV', 2, 1000), (2, 'import', 'guardians.csv', 3, 500),
                (2, 'import', 'homerooms.csv', 1, null), (2, 'import', 'copy of the second loader''s tables', 1, 250),
                (2, 'model', 'export_students', 5, null);
            """)
        let costs = try RunHistory(database: database).lastImportCosts()
        XCTAssertEqual(costs.loadPerByte, ["students": 0.002, "guardians": 0.006])
        XCTAssertEqual(costs.copyPerByte, 0.004)
    }
}

extension ImportTests {
    /// Two files whose names differ only in case: which one is read would be chance.
    func testFileNamesThatDifferOnlyInCaseAreRefused() throws {
        let (config, extract, work) = try demoCopy()
        try FileManager.default.copyItem(at: extract.appending(path: "terms.csv"), to: extract.appending(path: "Terms.csv"))
        XCTAssertEqual(importProblems(config, work: work), [
            "terms.csv: Terms.csv and terms.csv in \(extract.path) differ only in case; keep the one to read and remove the other",
        ])
    }

    /// What the importer does to a value it looks at closely (ValueCleaner).
    func testInvisibleBytesAreRemovedFromTextAndRefusedInIDs() {
        func clean(_ bytes: [UInt8], id: Bool = false) -> String {
            switch bytes.withUnsafeBufferPointer({ ValueCleaner(isID: id).clean($0) }) {
            case .value(let value, let warnings): return ([String(decoding: value, as: UTF8.self)] + warnings).joined(separator: " | ")
            case .error(let message): return "error: " + message
            }
        }
        let nbsp: [UInt8] = [0xC2, 0xA0], bom: [UInt8] = [0xEF, 0xBB, 0xBF], ideographic: [UInt8] = [0xE3, 0x80, 0x80]
        XCTAssertEqual(clean(Array("S1001".utf8) + nbsp, id: true), "S1001")
        XCTAssertEqual(clean(Array("S1001".utf8) + nbsp + [0x20], id: true), "S1001")
        XCTAssertEqual(clean([0x09] + Array("T2003".utf8) + [0x09] + ideographic, id: true), "T2003")
        XCTAssertEqual(clean(bom + Array("020".utf8), id: true), "020 | held a byte-order mark (U+FEFF), as where two files were joined; removed")
        XCTAssertEqual(clean(Array("S10".utf8) + [0] + Array("10".utf8), id: true),
                       "error: holds a control character (NUL); an ID must be plain text: fix it in the SIS")
        XCTAssertEqual(clean(Array("Car".utf8) + [0, 0x7F] + Array("ter".utf8)), "Carter | held 2 control characters (NUL, byte 0x7F); removed")
        XCTAssertEqual(clean(Array("12 Oak Lane\r\nApt 3\tRear".utf8)),
                       "12 Oak Lane  Apt 3 Rear | held 3 control characters (tab, line break); removed, a tab or line break as a space")
        XCTAssertEqual(clean(Array("=HYPERLINK(\"x\")".utf8)), "=HYPERLINK(\"x\") | starts with \"=\": a spreadsheet opening the file would run it as a formula")
        XCTAssertEqual(clean(Array("@SUM(A1)".utf8)), "@SUM(A1) | starts with \"@\": a spreadsheet opening the file would run it as a formula")
        XCTAssertEqual(clean(Array("+cmd|x".utf8)), "+cmd|x | starts with \"+\": a spreadsheet opening the file would run it as a formula")
        XCTAssertEqual(clean(Array("+1 973 555 0100".utf8)), "+1 973 555 0100")
        XCTAssertEqual(clean(Array("-5".utf8)), "-5")
        XCTAssertEqual(clean(Array("=1".utf8), id: true), "=1")
    }
}
