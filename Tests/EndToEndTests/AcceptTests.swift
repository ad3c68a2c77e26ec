import Foundation
import XCTest

/// Accepted findings, on the built binary: a district that lives with some staff without e-mail
/// accepts those findings once, the nightly run delivers again, and a new record of the same
/// check still holds it; taking an acceptance back holds it again.
final class AcceptTests: XCTestCase {
    func testAcceptedFindingsHoldNothingButNewOnesStillDo() throws {
        let work = try demoWork(self)
        let staff = work.appending(path: "extract/staff.csv")
        func removeEmail(_ address: String) throws {
            let text = try String(contentsOf: staff, encoding: .utf8)
            XCTAssertTrue(text.contains(",\(address),"))
            try text.replacingOccurrences(of: ",\(address),", with: ",,").write(to: staff, atomically: true, encoding: .utf8)
        }
        func run(_ arguments: [String]) throws -> CommandResult { try runCleverExport(arguments, in: work) }
        let missing = "Staff_email is empty; Clever drops this row [required_field_missing]"

        try removeEmail("ppatel@mvps.k12.nj.us")
        try removeEmail("soconnor@mvps.k12.nj.us")
        XCTAssertEqual(try run(["run", "-q"]).status, 4)

        let accepted = try run(["accept", "required_field_missing", "--reason", "no school e-mail; Clever may drop them"])
        XCTAssertEqual(accepted.status, 0, accepted.stderr)
        XCTAssertEqual(accepted.stdout, """
            Accepted 2 findings of required_field_missing:
              staff: Staff_id T2004: \(missing)
              staff: Staff_id T2005: \(missing)

            """)
        let delivered = try run(["run", "-q"])
        XCTAssertEqual(delivered.status, 0, delivered.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: work.appending(path: "out/staff.csv").path))

        // A third staff member loses the e-mail: the run is held for that one alone.
        try removeEmail("rdelgado@mvps.k12.nj.us")
        let held = try run(["run", "-q"])
        XCTAssertEqual(held.status, 4)
        XCTAssertTrue(held.stderr.contains("error: staff: Staff_id T2008: \(missing)"), held.stderr)
        XCTAssertFalse(held.stderr.contains("T2004"), held.stderr)
        XCTAssertTrue(held.stderr.contains("validation found 1 error (Clever would reject or drop rows); 2 more accepted"), held.stderr)
        let findings = try run(["findings"]).stdout.split(separator: "\n").filter { $0.contains("required_field_missing") }
        XCTAssertEqual(findings.prefix(3), [
            "accepted error: staff: Staff_id T2004: \(missing)",
            "accepted error: staff: Staff_id T2005: \(missing)",
            "new error: staff: Staff_id T2008: \(missing)",
        ])
        XCTAssertTrue(findings[3].hasPrefix("  staff: Staff_id T2004 [required_field_missing], accepted by "), String(findings[3]))
        XCTAssertTrue(findings[3].hasSuffix(": no school e-mail; Clever may drop them"), String(findings[3]))

        // The report says it too, by check: three findings, two accepted, one new; and it is
        // HTML whose every element is closed (Python's parser, as a browser reads it).
        let report = work.appending(path: "staging.db-files/report.html")
        let page = try String(contentsOf: report, encoding: .utf8)
        XCTAssertTrue(page.contains("<tr><td>required_field_missing</td><td class=error>error</td><td class=n>3</td><td class=n>2</td><td class=n>1</td></tr>"), page)
        XCTAssertTrue(page.contains("<td>Staff_id T2008</td><td>\(missing.replacingOccurrences(of: " [required_field_missing]", with: ""))</td><td>new</td>"), page)
        XCTAssertEqual(try HTMLPage(report).unclosed, [])

        // Accepting the new one too delivers; taking one back holds again.
        XCTAssertEqual(try run(["accept", "required_field_missing", "Staff_id T2008", "--reason", "left in June"]).status, 0)
        XCTAssertEqual(try run(["run", "-q"]).status, 0)
        let revoked = try run(["accept", "--revoke", "required_field_missing", "Staff_id T2004"])
        XCTAssertEqual(revoked.stdout, "Took back 1 acceptance of required_field_missing.\n")
        let again = try run(["run", "-q"])
        XCTAssertEqual(again.status, 4)
        XCTAssertTrue(again.stderr.contains("error: staff: Staff_id T2004: \(missing)"), again.stderr)

        // Accepting never switches the change guard off: half the students gone still holds the run.
        XCTAssertEqual(try run(["accept", "required_field_missing", "--reason", "all of them"]).status, 0)
        let students = work.appending(path: "extract/students.csv")
        let lines = try String(contentsOf: students, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        try lines.enumerated().filter { $0.offset == 0 || $0.offset % 2 == 1 }.map(\.element).joined(separator: "\n")
            .write(to: students, atomically: true, encoding: .utf8)
        let dropped = try run(["run", "-q"])
        XCTAssertEqual(dropped.status, 5, dropped.stderr)
        XCTAssertTrue(dropped.stderr.contains("students.csv would drop from"), dropped.stderr)

        // Only what the last run found can be accepted.
        let unknown = try run(["accept", "required_field_missing", "Staff_id T9999", "--reason", "x"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertEqual(unknown.stderr, "error: the last run's required_field_missing findings name no record \"Staff_id T9999\"; `clever-export findings` lists them\n")
    }
}
