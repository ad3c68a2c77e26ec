import Foundation
import XCTest

/// `clever-export history`: the last runs as a terminal table, newest first.
final class HistoryTests: XCTestCase {
    func testTheLastRunsAreListedNewestFirst() throws {
        let work = try demoWork(self)
        XCTAssertEqual(try runCleverExport(["history"], in: work).stdout, "No runs yet.\n")
        XCTAssertEqual(try runCleverExport(["run", "-q"], in: work).status, 0)
        // The second night: staff T2004 has lost the e-mail address, which holds the run.
        let staff = work.appending(path: "extract/staff.csv")
        try String(contentsOf: staff, encoding: .utf8).replacingOccurrences(of: ",ppatel@mvps.k12.nj.us,", with: ",,")
            .write(to: staff, atomically: true, encoding: .utf8)
        XCTAssertEqual(try runCleverExport(["run", "-q"], in: work).status, 4)

        let lines = try runCleverExport(["history"], in: work).stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(lines[0].split(separator: " ", omittingEmptySubsequences: true).joined(separator: " "),
            "run started (UTC) as of outcome schools students teachers sections enrollments staff errors warnings delivered to / held because")
        func cells(_ line: String) -> [String] {
            // The start's date and time are two cells; the note runs to the end.
            Array(line.split(separator: " ", omittingEmptySubsequences: true).map(String.init).prefix(14))
        }
        XCTAssertEqual(cells(lines[1]).dropFirst(3), ["2026-10-15", "held", "4", "59", "21", "43", "217", "32", "1", "5", "validation"])
        XCTAssertTrue(lines[1].hasSuffix("validation found 1 error (Clever would reject or drop rows)"), lines[1])
        XCTAssertEqual(cells(lines[2]).first, "1")
        XCTAssertTrue(lines[2].hasSuffix("delivered to folder \(work.appending(path: "out").path)"), lines[2])
        let last = try runCleverExport(["history", "--last", "1"], in: work).stdout.split(separator: "\n")
        XCTAssertEqual(last.count, 2)
        XCTAssertEqual(cells(String(last[1])), cells(lines[1]))
    }

    /// Each import step keeps its file's size, from which the next run splits the files between
    /// its two loaders.
    func testTheImportStepsKeepTheFilesBytes() throws {
        let work = try demoWork(self)
        XCTAssertEqual(try runCleverExport(["run", "-q"], in: work).status, 0)
        let students = try FileManager.default.attributesOfItem(atPath: work.appending(path: "extract/students.csv").path)[.size] as? Int
        let bytes = try sqlite3(work.appending(path: "staging.db"), "select bytes from run_step where kind = 'import' and step = 'students.csv'")
        XCTAssertEqual(bytes, "\(students ?? -1)\n")
    }
}
