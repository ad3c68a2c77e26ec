import Foundation
import XCTest

/// report.html over three nights, on the built binary, read with an HTML parser: the outcome
/// first, the names added and removed since the last delivery, the rows per school beside the
/// last delivery's, and a chart a file with a dot a night. The expected rows are counted by hand
/// in fixtures/demo/expected (students at 010: 20, at 020: 15).
final class ReportTests: XCTestCase {
    func testTheReportShowsTonightAgainstTheLastDeliveryAndTheNightsBefore() throws {
        let work = try demoWork(self)
        let students = work.appending(path: "extract/students.csv")
        let report = work.appending(path: "out/report.html")
        XCTAssertEqual(try runCleverExport(["run", "-q"], in: work).status, 0)

        // Night 2: three students of 010 leave, one joins 020 (a copy of S1004 under a new id).
        var lines = try String(contentsOf: students, encoding: .utf8).components(separatedBy: "\n")
        let joining = lines.first { $0.hasPrefix("S1004,") }!
            .replacingOccurrences(of: "S1004,010,010455,4829103004,Williams,Elijah,", with: "S1999,020,020999,4829109999,Newkid,Zed,")
        lines = [lines[0]] + lines.dropFirst(4) + [joining]
        try lines.joined(separator: "\n").write(to: students, atomically: true, encoding: .utf8)
        XCTAssertEqual(try runCleverExport(["run", "-q"], in: work).status, 0)

        var page = try HTMLPage(report)
        XCTAssertEqual(page.unclosed, [])
        XCTAssertEqual(page.fetchesOrRuns, [], "the page works offline and runs nothing")
        XCTAssertEqual(page.paragraphs.first, "Delivered to folder \(work.appending(path: "out").path).")
        XCTAssertEqual(page.headings.prefix(3), ["Files", "Rows over the last 2 runs", "Changes since the last delivery"])
        XCTAssertEqual(page.headings.suffix(2), ["Rows per school", "Deliveries"])
        XCTAssertEqual(page.table(headed: ["file", "added", "removed", "changed"]), [[
            "students.csv", "1: Zed Newkid (S1999)",
            "3: Ava Martinez (S1001), José Hernández (S1003), Noah Johnson (S1002)", "0",
        ]])
        let schools = ["school", "students", "teachers", "sections", "enrollments", "staff"]
        // The schools that changed most first: 010 lost 3 of 20, 020 gained 1 on 15.
        XCTAssertEqual(page.table(headed: schools)?.prefix(2), [
            ["Maple Valley Elementary School (010)", "17 (−3)", "5", "2", "9", "8"],
            ["Maple Valley Middle School (020)", "16 (+1)", "9", "19", "90", "11"],
        ])
        XCTAssertEqual(page.charts, Array(repeating: ["delivered", "delivered"], count: 6))

        // Night 3: half the students are gone; the change guard holds the run.
        lines = try String(contentsOf: students, encoding: .utf8).components(separatedBy: "\n")
        try lines.enumerated().filter { $0.offset == 0 || $0.offset % 2 == 1 }.map(\.element).joined(separator: "\n")
            .write(to: students, atomically: true, encoding: .utf8)
        XCTAssertEqual(try runCleverExport(["run", "-q"], in: work).status, 5)
        page = try HTMLPage(work.appending(path: "staging.db-files/report.html"))
        XCTAssertEqual(page.paragraphs.first, "Held: nothing was delivered.")
        XCTAssertEqual(page.charts[1], ["delivered", "delivered", "held"], "students.csv, night by night")
        XCTAssertEqual(page.headings[1], "Rows over the last 3 runs")
    }
}
