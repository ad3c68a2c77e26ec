import Foundation
import XCTest

@testable import CleverExport

/// The checks over the Clever files catch what an edited rule breaks: here the students and
/// sections files lose rows that enrollments.csv still points at.
final class CheckTests: XCTestCase {
    func testEnrollmentsPointingOutsideTheUploadAreErrors() throws {
        let (config, _, work) = try demoExtractCopy(self)
        let sql = work.appending(path: "sql")
        try FileManager.default.copyItem(at: packageRoot.appending(path: "sql"), to: sql)
        try edit(sql.appending(path: "clever/students.sql"), "on c.student_id = s.student_id", "on c.student_id = s.student_id where s.student_id <> 'S1009'")
        try edit(sql.appending(path: "clever/sections.sql"), "from export_sections", "from export_sections where section_id <> '030-BIO-1'")
        XCTAssertThrowsError(try run(config, in: work, sql: sql)) { error in
            guard let held = error as? RunHeld else { return XCTFail("\(error)") }
            XCTAssertEqual(held.report.errors.filter { $0.file == "enrollments" }.map(\.description), [
                "enrollments: Section_id 010-MUS-1, Student_id S1009: Student_id is not in students.csv [dangling_reference]",
            ] + ["S1033", "S1034", "S1035", "S1041", "S1042", "S1060"].map {
                "enrollments: Section_id 030-BIO-1, Student_id \($0): Section_id is not in sections.csv [dangling_reference]"
            })
        }
    }

    /// More teachers than columns: the first N are written and the section is named.
    func testASectionWithMoreTeachersThanColumnsIsWarned() throws {
        let work = try temporaryDirectory(self)
        let extract = packageRoot.appending(path: "fixtures/options/sections-teacher-columns-ten/extract").path
        let config = work.appending(path: "clever-export.toml")
        try write("[source]\ndir = \"\(extract)\"\n[export]\nas_of = 2026-10-15\n[sections]\nteacher_columns = 6\n", to: config)
        let (report, output) = try runExport(config: config, work: work)
        XCTAssertEqual(report.findings.filter { $0.code == "too_many_teachers" }.map(\.description), [
            "sections: Section_id 030-BIO-2: has 7 teachers; only the first 6 are written [too_many_teachers]"
        ])
        let row = try String(contentsOf: output.appending(path: "sections.csv"), encoding: .utf8)
            .components(separatedBy: "\r\n").first { $0.contains(",030-BIO-2,") }
        XCTAssertEqual(row, "030,030-BIO-2,T2024,T2030,T2022,T2023,T2025,T2026,Biology,Biology,BIO,Science,Full Year,09/08/2026,06/22/2027")
    }

    /// Role STL for everyone is warned with how many people get it (29 in the demo's staff.csv),
    /// and so are the 21 of them who are in teachers.csv; naming the tech leads leaves neither.
    func testTechLeadsForEveryoneOrForTeachersAreWarned() throws {
        func warnings(_ extra: String) throws -> [String] {
            let (config, _, work) = try demoExtractCopy(self, extra: extra)
            return try runExport(config: config, work: work).report.findings
                .filter { $0.code.hasPrefix("tech_lead") }.map(\.description)
        }
        XCTAssertEqual(try warnings("[staff]\nrole = \"STL\"\n"), [
            "staff: staff.role: all 29 people in staff.csv get Role STL and can manage Clever for their schools; name the tech leads with staff.stl_roles, stl_departments or stl_staff_ids [tech_lead_for_everyone]",
            "staff: staff.role: 21 of the people with Role STL are in teachers.csv; a teacher who manages Clever is rarely meant [tech_lead_teaches]",
        ])
        XCTAssertEqual(try warnings("[staff]\nrole = \"STL\"\nstl_roles = [\"Principal\"]\n"), [])
    }

    /// Grades and ELL flags that export.extra_columns writes are warned when Clever would not take
    /// them: the demo's school 010 has low_grade PK; the list fixture has a course of grade level
    /// "9th" and a student whose ell_status is "Maybe".
    func testGradesAndEllStatusCleverDoesNotTakeAreWarned() throws {
        let (config, _, work) = try demoExtractCopy(self, extra: "extra_columns = true\n")
        XCTAssertEqual(try runExport(config: config, work: work).report.findings.filter { $0.file == "schools" }.map(\.description), [
            "schools: School_id 010: Low_grade \"PK\" is not a value Clever accepts [value_not_accepted]",
        ])
        let listed = try temporaryDirectory(self)
        let found = try runExport(
            config: packageRoot.appending(path: "fixtures/options/export-extra-columns-list/clever-export.toml"), work: listed
        ).report.findings.map(\.description)
        XCTAssertEqual(found.filter { $0.contains("Grade") || $0.contains("ell_status") }, [
            "sections: Section_id 030-ENG9-1: Grade \"9TH\" is not a value Clever accepts [value_not_accepted]",
            "students.csv: student S1002: ell_status \"Maybe\" is not Y or N; written empty [value_unreadable]",
        ])
    }

    /// Every e-mail column is checked alike: a space in a student's address is warned as in a
    /// teacher's.
    func testEveryEmailColumnIsCheckedAlike() throws {
        let (config, extract, work) = try demoExtractCopy(self)
        for (file, from, to) in [("students.csv", "lucas.chen@", "lucas chen@"), ("staff.csv", "ppatel@", "p patel@")] {
            let path = extract.appending(path: file)
            let text = try String(contentsOf: path, encoding: .utf8)
            XCTAssertTrue(text.contains(from))
            try write(text.replacingOccurrences(of: from, with: to), to: path)
        }
        let found = try runExport(config: config, work: work).report.findings.map(\.description)
        XCTAssertEqual(found.filter { $0.contains(" patel@") || $0.contains("lucas chen@") }, [
            "staff: Staff_id T2004: Staff_email \"p patel@mvps.k12.nj.us\" is not a value Clever accepts [value_not_accepted]",
            "students: Student_id S1005: Student_email \"lucas chen@students.mvps.k12.nj.us\" is not a value Clever accepts [value_not_accepted]",
            "teachers: Teacher_id T2004: Teacher_email \"p patel@mvps.k12.nj.us\" is not a value Clever accepts [value_not_accepted]",
        ])
    }

    /// Each separator an e-mail address cannot hold (space , ; : < > ( )) is found: one student each.
    func testEachSeparatorInAnEmailIsWarned() throws {
        let (config, extract, work) = try demoExtractCopy(self)
        let path = extract.appending(path: "students.csv")
        var text = try String(contentsOf: path, encoding: .utf8)
        let people = [("mia", "kowalski"), ("ethan", "doyle"), ("chloe", "novak"), ("zara", "rahman"),
                      ("daniel", "okoro"), ("grace", "park"), ("mateo", "garcia"), ("leilani", "kealoha")]
        for ((first, last), separator) in zip(people, [" ", ",", ";", ":", "<", ">", "(", ")"]) {
            let address = "\(first).\(last)@students.mvps.k12.nj.us"
            XCTAssertTrue(text.contains(address))
            text = text.replacingOccurrences(of: address, with: "\"\(first)\(separator)\(last)@students.mvps.k12.nj.us\"")
        }
        try write(text, to: path)
        let found = try runExport(config: config, work: work).report.findings.map(\.description)
        XCTAssertEqual(found.filter { $0.contains("Student_email \"") }, [
            "students: Student_id S1006: Student_email \"mia kowalski@students.mvps.k12.nj.us\" is not a value Clever accepts [value_not_accepted]",
            "students: Student_id S1007: Student_email \"ethan,doyle@students.mvps.k12.nj.us\" is not a value Clever accepts [value_not_accepted]",
            "students: Student_id S1008: Student_email \"chloe;novak@students.mvps.k12.nj.us\" is not a value Clever accepts [value_not_accepted]",
            "students: Student_id S1009: Student_email \"zara:rahman@students.mvps.k12.nj.us\" is not a value Clever accepts [value_not_accepted]",
            "students: Student_id S1010: Student_email \"daniel<okoro@students.mvps.k12.nj.us\" is not a value Clever accepts [value_not_accepted]",
            "students: Student_id S1011: Student_email \"grace>park@students.mvps.k12.nj.us\" is not a value Clever accepts [value_not_accepted]",
            "students: Student_id S1012: Student_email \"mateo(garcia@students.mvps.k12.nj.us\" is not a value Clever accepts [value_not_accepted]",
            "students: Student_id S1013: Student_email \"leilani)kealoha@students.mvps.k12.nj.us\" is not a value Clever accepts [value_not_accepted]",
        ])
    }

    /// A home language or a relationship the mapping tables do not know is warned, as written.
    func testLanguagesAndRelationshipsCleverDoesNotListAreWarned() throws {
        let (config, _, work) = try demoExtractCopy(self, extra: "[students]\nhome_language = true\ncontact_details = true\n")
        let found = try runExport(config: config, work: work).report.findings.map(\.description)
        XCTAssertEqual(found.filter { $0.contains("home_language_map") || $0.contains("contact_relationship_map") }, [
            "guardians.csv: student S1046 guardian 1: relationship \"Caseworker\" is not in contact_relationship_map (sql/schema/03_mappings.sql); written Other [value_unreadable]",
        ] + [("S1024", "Yoruba"), ("S1025", "Italian"), ("S1042", "Swedish"), ("S1047", "Gujarati")].map {
            "students.csv: student \($0.0): home_language \"\($0.1)\" is not in home_language_map (sql/schema/03_mappings.sql); written empty [value_unreadable]"
        })
    }

    /// A student listed twice with different values is an error; a student's rows for several
    /// contacts (all_guardians: S1001 has two guardians) are not.
    func testAStudentInTwoDifferentRowsIsADuplicate() throws {
        let (config, extract, work) = try demoExtractCopy(self, extra: "[students]\nall_guardians = true\n")
        let students = extract.appending(path: "students.csv")
        let text = try String(contentsOf: students, encoding: .utf8)
        let repeated = text.split(separator: "\n").first { $0.hasPrefix("S1002,") }!
        try Data((text + repeated.replacingOccurrences(of: ",Noah,", with: ",Noel,") + "\n").utf8).write(to: students)
        XCTAssertThrowsError(try run(config, in: work)) { error in
            guard let held = error as? RunHeld else { return XCTFail("\(error)") }
            XCTAssertEqual(held.report.errors.filter { $0.code == "duplicate_id" }.map(\.description), [
                "students: Student_id S1002: appears in 2 different rows; Clever keeps only the first [duplicate_id]",
            ])
        }
    }

    /// A student whose final School_id (here from the user-text override) is not a school of
    /// schools.csv is left out of every file, and validation names the student (options spec).
    func testAStudentOverriddenToAnUnknownSchoolIsNamed() throws {
        let (config, extract, work) = try demoExtractCopy(self, extra: "[students]\nschool_override_user_text = \"CLEVER_SCHOOL\"\n")
        try append(extract.appending(path: "student_user_texts.csv"), ["S1005,CLEVER_SCHOOL,999"])
        let report = try run(config, in: work)
        XCTAssertEqual(report.findings.filter { $0.record == "student S1005" }.map(\.description), [
            "students.csv: student S1005: School_id 999 is not in schools.csv; the row is left out [extract_dangling_reference]",
        ])
        let students = try String(contentsOf: work.appending(path: "out/students.csv"), encoding: .utf8)
        XCTAssertFalse(students.contains(",S1005,"))
    }

    /// Two staff members whose e-mails share the part before '@' get one username from
    /// email_local_part: both are named.
    func testOneUsernameForTwoPeopleIsNamed() throws {
        let (config, extract, work) = try demoExtractCopy(
            self, extra: "[teachers]\nusername = \"email_local_part\"\n[staff]\nusername = \"email_local_part\"\n")
        try append(extract.appending(path: "staff.csv"), [
            "T9004,Smith,John,,9,,j.smith@x.org,x,Teacher,Y,N,MATH,ACTIVE",
            "T9005,Smith,Jane,,9,,j.smith@y.org,x,Teacher,Y,N,MATH,ACTIVE",
        ])
        try append(extract.appending(path: "staff_schools.csv"), ["T9004,030,Y", "T9005,030,Y"])
        let report = try run(config, in: work)
        XCTAssertEqual(report.findings.filter { $0.code == "duplicate_username" }.map(\.description), [
            "staff: Username j.smith: is given to 2 people; they would sign in to the same account [duplicate_username]",
            "teachers: Username j.smith: is given to 2 people; they would sign in to the same account [duplicate_username]",
        ])
    }

    /// A school code or department in the options that the extract does not have would leave
    /// people out in silence (a typo: "20" for "020"): an error that holds the delivery.
    func testAnOptionNamingAnUnknownSchoolHoldsTheDelivery() throws {
        let (config, _, work) = try demoExtractCopy(self, extra: "schools = [\"010\", \"20\"]\n[staff]\ndepartments = [\"SPED\", \"TECHX\"]\n")
        XCTAssertThrowsError(try run(config, in: work)) { error in
            guard let held = error as? RunHeld else { return XCTFail("\(error)") }
            XCTAssertEqual(held.report.errors.map(\.description), [
                "config: export.schools: \"20\" is not in the extract (schools.csv); nothing would be exported for it [unknown_option_value]",
                "config: staff.departments: \"TECHX\" is not in the extract (staff.csv department_code); nothing would be exported for it [unknown_option_value]",
            ])
        }
    }

    /// Runs the export of `config` with its database and output folder in `work`.
    private func run(_ config: URL, in work: URL, sql: URL? = nil) throws -> RunReport {
        let request = RunRequest(
            configuration: try Configuration.load(path: config.path), sqlDirectory: sql?.path,
            databasePath: work.appending(path: "staging.db").path, outputDirectory: work.appending(path: "out").path)
        return try ExportRun(request).run()
    }

    private func append(_ file: URL, _ lines: [String]) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data((text + lines.joined(separator: "\n") + "\n").utf8).write(to: file)
    }

    private func edit(_ file: URL, _ old: String, _ new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(text.contains(old), file.path)
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: file)
    }
}
