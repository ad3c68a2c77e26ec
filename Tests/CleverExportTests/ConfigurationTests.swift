import XCTest

@testable import CleverExport

final class ConfigurationTests: XCTestCase {
    func testDefaultsAndRelativePaths() throws {
        let configuration = try Configuration.parse("[source]\ndir = \"x\"\n", name: "c.toml", baseDirectory: "/base")
        XCTAssertEqual(configuration.path("source.dir"), "/base/x")
        XCTAssertEqual(configuration.path("source.database"), "/base/staging.db")
        XCTAssertEqual(configuration.text("students.username"), "student_id")
        XCTAssertEqual(configuration.files, [.schools, .students, .teachers, .sections, .enrollments, .staff])
    }

    func testEveryProblemIsReportedWithItsKey() {
        let found = configurationProblems("""
            [students]
            usrname = "state_id"
            password = "guess"
            hide_contacts = "yes"
            [sections]
            split_shared_teachers = true
            [export]
            files = ["schools", "parents"]
            as_of = "tomorrow"
            """)
        XCTAssertEqual(found.count, 6, found.joined(separator: "\n"))
        XCTAssertTrue(found.contains { $0.hasPrefix("students.usrname: unknown key (did you mean students.username?)") }, "\(found)")
        XCTAssertTrue(found.contains { $0.hasPrefix("students.password: \"guess\" is not allowed") }, "\(found)")
        XCTAssertTrue(found.contains { $0.hasPrefix("students.hide_contacts: expected true or false") }, "\(found)")
        XCTAssertTrue(found.contains { $0.hasPrefix("sections.split_shared_teachers: needs sections.teacher_columns of 2 or more") }, "\(found)")
        XCTAssertTrue(found.contains { $0.hasPrefix("export.files: \"parents\" is not a Clever file") }, "\(found)")
        XCTAssertTrue(found.contains { $0.hasPrefix("export.as_of: expected a date") }, "\(found)")
    }

    /// as_of written as a string must name a real day too (a TOML date already must).
    func testAnAsOfThatIsNoCalendarDayIsRefused() {
        XCTAssertEqual(configurationProblems("[export]\nas_of = \"2026-02-30\"\n"),
                       ["export.as_of: expected a date (YYYY-MM-DD), found the string \"2026-02-30\""])
        XCTAssertEqual(configurationProblems("[export]\nas_of = \"2024-02-29\"\n"), [])
        XCTAssertEqual(calendarDay("2026-9-8"), "2026-09-08")
        XCTAssertNil(calendarDay("2026-+9-08"))
    }

    /// A known table given a value is not an unknown key.
    func testATableGivenAValueSaysATableIsExpected() {
        XCTAssertEqual(configurationProblems("students = 5\n[delivery]\nlocal = \"out\"\n"), [
            "delivery.local: expected a table ([delivery.local] and its keys on the lines below), found the string \"out\"",
            "students: expected a table ([students] and its keys on the lines below), found the number 5",
        ].sorted())
        XCTAssertEqual(configurationProblems("[students]\niep_inactive_values = [\"N\", 1]\n"), [
            "students.iep_inactive_values: expected a list of strings, found a list holding the number 1",
        ])
    }

    func testUserTextSourcesAndListsWrittenAsText() throws {
        let configuration = try Configuration.parse("""
            [students]
            username = "user_text:NETWORK_ID"
            [staff]
            departments = "ADM; SCI"
            """, name: "c.toml", baseDirectory: "/")
        XCTAssertEqual(configuration.text("students.username"), "user_text:NETWORK_ID")
        XCTAssertEqual(configuration.list("staff.departments"), ["ADM", "SCI"])
        XCTAssertEqual(configurationProblems("[students]\nusername = \"user_text:\""), ["students.username: \"user_text:\" is not allowed; use one of \"student_id\", \"student_number\", \"state_id\", \"email_local_part\", \"user_text:FIELD\""])
    }

    func testUnknownTableAndTOMLSyntax() {
        XCTAssertEqual(configurationProblems("[studnets]\nx = 1"), ["[studnets]: unknown table (did you mean students?)"])
        XCTAssertTrue(configurationProblems("[export\n").first?.hasPrefix("line 1") ?? false)
    }

    /// export.extra_columns takes true, false or names from its list; another name, or a value of
    /// another kind, is refused with the names it takes.
    func testExtraColumnsAreAFlagOrNamesFromTheList() throws {
        XCTAssertEqual(configurationProblems("[export]\nextra_columns = [\"sections.Grade\", \"teachers.Title\"]\n"), [])
        XCTAssertEqual(configurationProblems("[export]\nextra_columns = true\n"), [])
        let names = "schools.Low_grade, schools.High_grade, students.Ell_status, students.Graduation_year, teachers.Title, sections.Section_number, sections.Period, sections.Grade, sections.Course_description, staff.Department"
        XCTAssertEqual(configurationProblems("[export]\nextra_columns = [\"sections.Grade\", \"students.Grade\", \"title\"]\n"), [
            "export.extra_columns: \"students.Grade\", \"title\" is not a column it can add; use true or some of \(names)"
        ])
        XCTAssertEqual(configurationProblems("[export]\nextra_columns = 1\n"), [
            "export.extra_columns: expected true (all), false (none) or a list of \(names.split(separator: ",").map { "\"\($0.trimmingCharacters(in: .whitespaces))\"" }.joined(separator: ", ")), found the number 1"
        ])
    }

    /// An extension table names fields of letters, digits and '_', each from a column or (for
    /// people) a user text; every wrong line is named.
    func testExtensionFieldsNameTheirSources() throws {
        let configuration = try Configuration.parse(
            "[students.ext]\ngifted = \"user_text:GIFTED\"\n[sections]\next = { room = \"column:room\" }\n", name: "c.toml", baseDirectory: "/d")
        XCTAssertEqual(configuration["students.ext"], .table(["gifted": "user_text:GIFTED"]))
        XCTAssertEqual(configuration["sections.ext"], .table(["room": "column:room"]))
        XCTAssertEqual(configuration["staff.ext"], .table([:]))
        let found = configurationProblems("""
            [students.ext]
            "gifted-flag" = "user_text:GIFTED"
            counselor = "column:"
            grade = 5
            [sections.ext]
            teacher = "user_text:NAME"
            [schools]
            ext = "column:level"
            """)
        XCTAssertEqual(found.sorted(), [
            "schools.ext: expected a table of NAME = \"column:COLUMN\" ([schools.ext] and NAME = \"SOURCE\" lines below it), found the string \"column:level\"",
            "sections.ext.teacher: expected \"column:COLUMN\", found the string \"user_text:NAME\"",
            "students.ext.counselor: expected \"column:COLUMN\" or \"user_text:FIELD\", found the string \"column:\"",
            "students.ext.gifted-flag: a field name is letters, digits and '_' only (it becomes the column ext.NAME)",
            "students.ext.grade: expected \"column:COLUMN\" or \"user_text:FIELD\", found the number 5",
        ])
    }

    func testTeacherColumnsAreOneToTen() {
        XCTAssertEqual(configurationProblems("[sections]\nteacher_columns = 11"), ["sections.teacher_columns: expected a whole number from 1 to 10, found 11"])
    }
}
