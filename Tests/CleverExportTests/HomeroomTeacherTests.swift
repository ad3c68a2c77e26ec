import Foundation
import XCTest

@testable import CleverExport

/// One rule for both options (options.md): the homeroom teacher most of a group's students share,
/// ties to the lowest staff_id, inactive teachers not counted. The group is a homeroom's students
/// for elementary_homerooms' Teacher_id, and a section's enrolled students for
/// append_homeroom_teacher's name.
final class HomeroomTeacherTests: XCTestCase {
    func testTheTeacherMostOfTheStudentsShareWinsAndTiesGoToTheLowestID() throws {
        let (config, extract, work) = try demoExtractCopy(
            self, extra: "[sections]\nelementary_homerooms = true\nappend_homeroom_teacher = true\n")
        // The demo's homerooms 103, 104 and 105 of school 010 each have one teacher (T2004,
        // T2005, T2005). T2010 becomes inactive; it teaches no section.
        try edit(extract.appending(path: "staff.csv"), "T2010,O'Neill,", { $0.replacingOccurrences(of: ",ACTIVE", with: ",INACTIVE") })
        try edit(extract.appending(path: "homerooms.csv"), nil) { text in
            [("S1010,010,103,T2004", "S1010,010,103,T2003"), ("S1016,010,103,T2004", "S1016,010,103,T2010"),
             ("S1011,010,104,T2005", "S1011,010,104,T2010"), ("S1012,010,104,T2005", "S1012,010,104,T2010"),
             ("S1013,010,105,T2005", "S1013,010,105,T2007"), ("S1014,010,105,T2005", "S1014,010,105,T2007"),
             ("S1015,010,105,T2005", "S1015,010,105,T2007")]
                .reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
        }
        let (_, output) = try runExport(config: config, work: work)
        let rows = try String(contentsOf: output.appending(path: "sections.csv"), encoding: .utf8)
            .components(separatedBy: "\r\n").map { $0.components(separatedBy: ",") }
        func teacherAndName(_ sectionID: String) -> [String] {
            Array(rows.first { $0.count > 3 && $0[1] == sectionID }?[2...3] ?? [])
        }
        // 103: T2004, T2003 and the inactive T2010, one student each: a tie, the lowest ID wins.
        XCTAssertEqual(teacherAndName("HR-010-103"), ["T2003", "Homeroom 103 - Nguyen"])
        // 104: the inactive T2010 has two of three students; T2005 the one left.
        XCTAssertEqual(teacherAndName("HR-010-104"), ["T2005", "Homeroom 104 - O'Connor"])
        // 105: T2007 has all three.
        XCTAssertEqual(teacherAndName("HR-010-105"), ["T2007", "Homeroom 105 - Kim"])
        // MUS-1's students S1009, S1010, S1016 are 103's: the same tie, Nguyen.
        XCTAssertEqual(teacherAndName("010-MUS-1"), ["T2006", "General Music - Nguyen"])
        // MUS-2's S1011 to S1015 and S1017: T2007 three, T2010 (inactive) two, T2005 one.
        XCTAssertEqual(teacherAndName("010-MUS-2"), ["T2006", "General Music - Kim"])
    }

    private func edit(_ file: URL, _ line: String?, _ change: (String) -> String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let edited = text.components(separatedBy: "\n").map { line == nil || $0.hasPrefix(line!) ? change($0) : $0 }
            .joined(separator: "\n")
        XCTAssertNotEqual(edited, text, "\(file.lastPathComponent) unchanged")
        try edited.write(to: file, atomically: true, encoding: .utf8)
    }
}
