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
        // Spaces around a value, quoted or not, go; a tab, inner spaces and leading zeros stay.
        try write(([rows[0] + ",district_note"] + rows.dropFirst().map { $0 + ",\"  0 7\t \"" }).joined(separator: "\n") + "\n", to: path)
        let text = try String(contentsOf: path, encoding: .utf8)
        try write(text.replacingOccurrences(of: "\n010,", with: "\n  010 ,"), to: path)
        let (report, output) = try runExport(config: config, work: work)
        assertSameFile(output.appending(path: "schools.csv"), packageRoot.appending(path: "fixtures/demo/expected/schools.csv"))
        let database = try Database(path: report.databasePath)
        XCTAssertEqual(try database.strings("select distinct district_note from schools"), ["0 7\t"])
        XCTAssertEqual(try database.strings("select count(*) from schools where school_code = '010'"), ["1"])
    }
}
