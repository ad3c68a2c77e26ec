import Foundation
import XCTest

@testable import CleverExport

/// The OneRoster set's own checks (sql/checks/oneroster_*.sql) on broken cases: an error holds the
/// OneRoster set back and not the Clever files; --force sends both; warnings hold nothing.
final class OneRosterCheckTests: XCTestCase {
    let oneRoster = "[oneroster]\nenabled = true\ndistrict_id = \"MVPS\"\ndistrict_name = \"Maple Valley Public Schools\"\n"

    /// Student S1004 given the staff ID T2001 (the principal's): one sourcedId for two users.
    func testAStudentIdEqualToAStaffIdHoldsTheOneRosterSetOnly() throws {
        let (config, extract, work) = try demoExtractCopy(self, extra: "[delivery.local]\ndir = \"out\"\narchive = false\n" + oneRoster)
        try edit(extract.appending(path: "students.csv"), "\nS1004,010,", "\nT2001,010,")
        XCTAssertThrowsError(try run(config, in: work)) { error in
            guard let held = error as? RunHeld else { return XCTFail("\(error)") }
            XCTAssertEqual(held.report.findings.filter(\.isOneRoster).filter { $0.severity == .error }.map(\.description), [
                "oneroster/users.csv: sourcedId T2001: is given to 2 rows (students, staff and guardians share one list of sourcedIds); receivers reject the set [oneroster_duplicate_id]",
            ])
            XCTAssertEqual(held.report.holds, [], "the Clever files are judged on their own")
            XCTAssertEqual(held.report.oneRoster?.holds, ["OneRoster set held: validation found 1 error (OneRoster receivers would reject the set)"])
            XCTAssertTrue(held.message(all: false).hasSuffix("only part was delivered (to folder \(work.appending(path: "out").path)); fix the extract, or deliver the rest anyway with --force"),
                          held.message(all: false))
        }
        let out = work.appending(path: "out")
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appending(path: "students.csv").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appending(path: "oneroster").path), "held back")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appending(path: "oneroster.zip").path), "held back")

        var request = RunRequest(configuration: try Configuration.load(path: config.path), databasePath: work.appending(path: "staging.db").path)
        request.force = true
        XCTAssertEqual(try ExportRun(request).run().outcome, .delivered)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appending(path: "oneroster/users.csv").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appending(path: "oneroster.zip").path))
    }

    /// A district_id equal to a school's code makes two orgs of one sourcedId.
    func testADistrictIdEqualToASchoolCodeIsAnError() throws {
        let (config, _, work) = try demoExtractCopy(self, extra: oneRoster.replacingOccurrences(of: "\"MVPS\"", with: "\"010\""))
        let findings = try runExport(config: config, work: work).report.findings.filter { $0.isOneRoster && $0.severity == .error }
        XCTAssertEqual(findings.map(\.description), [
            "oneroster/orgs.csv: sourcedId 010: is given to 2 rows (oneroster.district_id must differ from every school_code); receivers reject the set [oneroster_duplicate_id]",
        ])
    }

    /// A rule edited so that student S1009 is left out of users.csv: the set no longer tells
    /// Clever's roster, and S1009's one enrollment (010-MUS-1) points at nobody.
    func testAUserLeftOutByAnEditedRuleIsCaught() throws {
        XCTAssertEqual(try heldOneRosterErrors(editing: "oneroster/users.sql", "where role <> 'omit'", "where role <> 'omit' and sourced_id <> 'S1009'"), [
            "oneroster/enrollments.csv: sourcedId 010-MUS-1.S1009: userSourcedId S1009 is not in users.csv; receivers reject the set [oneroster_dangling_reference]",
            "oneroster/users.csv: Student_id S1009: is in students.csv but not a student of users.csv; the OneRoster set and the Clever files would disagree [oneroster_differs_from_clever]",
        ])
    }

    /// The set against its manifest: an edited manifest that marks demographics.csv bulk while
    /// oneroster.demographics is off names the missing file.
    func testAManifestThatDoesNotMatchTheSetIsAnError() throws {
        XCTAssertEqual(try heldOneRosterErrors(editing: "oneroster/manifest.sql", "iif(o.oneroster_demographics, 'bulk', 'absent')", "'bulk'"), [
            "oneroster/manifest.csv: file.demographics: is bulk, but demographics.csv is not in the set; receivers reject the set [oneroster_manifest]",
        ])
    }

    /// What holds nothing but is named: a grade with no CEDS code, a guardian named in one word,
    /// guardians without an e-mail (G-G3005 made so, and the demo's G3014), staff no rule gives a role with "omit" (T2007 and
    /// T2016, neither teaching nor flagged nor holding a mapped role).
    func testWarningsHoldNothing() throws {
        let (config, extract, work) = try demoExtractCopy(self, extra: oneRoster + "guardians = true\nother_staff_role = \"omit\"\n")
        try edit(extract.appending(path: "students.csv"), "\nS1001,010,010452,4829103001,Martinez,Ava,Sofia,F,2022-05-14,4H,", "\nS1001,010,010452,4829103001,Martinez,Ava,Sofia,F,2022-05-14,Fourth,")
        try edit(extract.appending(path: "guardians.csv"), "S1004,1,Dorothy Williams,Grandparent,Family,9735550207,Home,,,,,dorothy.williams@example.com,", "S1004,1,Dorothy,Grandparent,Family,9735550207,Home,,,,,,")
        let report = try runExport(config: config, work: work).report
        XCTAssertEqual(report.oneRoster?.holds, [])
        XCTAssertEqual(report.findings.filter(\.isOneRoster).map(\.description), [
            "oneroster/users.csv: sourcedId S1001: grade_level \"Fourth\" has no CEDS grade (ceds_grade_map in sql/schema/03_mappings.sql); grades written empty [oneroster_grade_unmapped]",
            "oneroster/users.csv: sourcedId G-G3005: guardian name \"Dorothy\" is one word; written as both givenName and familyName [oneroster_one_word_name]",
            "oneroster/users.csv: sourcedId T2007: no rule gives a role, and oneroster.other_staff_role is \"omit\": left out of users.csv [oneroster_staff_omitted]",
            "oneroster/users.csv: sourcedId T2016: no rule gives a role, and oneroster.other_staff_role is \"omit\": left out of users.csv [oneroster_staff_omitted]",
            "oneroster/users.csv: sourcedId G-G3005: has no username from its source (no e-mail); written as its sourcedId [oneroster_username_fallback]",
            "oneroster/users.csv: sourcedId G-G3014: has no username from its source (no e-mail); written as its sourcedId [oneroster_username_fallback]",
        ])
    }

    /// The change guard compares each OneRoster file with the last OneRoster set delivered: half
    /// the students gone holds both sets (students.csv 59 to 29, an inactive student among those
    /// kept; users.csv 88 to 58: the 29 staff stay); the report and the summary list the OneRoster files with the Clever ones.
    func testADropHoldsTheOneRosterSetToo() throws {
        let (config, extract, work) = try demoExtractCopy(self, extra: "[delivery.local]\ndir = \"out\"\narchive = false\n" + oneRoster)
        XCTAssertEqual(try run(config, in: work).outcome, .delivered)
        let students = extract.appending(path: "students.csv")
        let lines = try String(contentsOf: students, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        try lines.enumerated().filter { $0.offset == 0 || $0.offset % 2 == 1 }.map(\.element).joined(separator: "\n")
            .write(to: students, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try run(config, in: work)) { error in
            guard let held = error as? RunHeld else { return XCTFail("\(error)") }
            XCTAssertTrue(held.report.holds.contains { $0.hasPrefix("students.csv would drop from 59 to 29 rows") }, "\(held.report.holds)")
            XCTAssertTrue(held.report.oneRoster?.holds.contains { $0.hasPrefix("OneRoster set held: oneroster/users.csv would drop from 88 to 58 rows") } == true,
                          "\(held.report.oneRoster?.holds ?? [])")
            XCTAssertTrue(held.report.summary().contains("  oneroster/users.csv                  58        0       30        0"), held.report.summary())
        }
        let page = try String(contentsOf: work.appending(path: "staging.db-files/report.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("<tr><td>oneroster/users.csv</td><td class=n>58</td><td class=n>88</td><td class=n>0</td><td class=n>30</td>"), page)
        XCTAssertTrue(page.contains("aria-label=\"oneroster/users.csv: rows over the last 2 runs\""), "a chart for each OneRoster file")
    }

    /// Enabled without the district org's ID and name: a configuration error naming both keys.
    func testTheDistrictMustBeNamed() {
        XCTAssertEqual(configurationProblems("[oneroster]\nenabled = true\n"), [
            "oneroster.district_id: missing; the OneRoster set's district org needs it (oneroster.enabled is true)",
            "oneroster.district_name: missing; the OneRoster set's district org needs it (oneroster.enabled is true)",
        ])
    }

    private func run(_ config: URL, in work: URL, sql: URL? = nil, output: Bool = false) throws -> RunReport {
        let request = RunRequest(
            configuration: try Configuration.load(path: config.path), sqlDirectory: sql?.path,
            databasePath: work.appending(path: "staging.db").path, outputDirectory: output ? work.appending(path: "out").path : nil)
        return try ExportRun(request).run()
    }

    /// The demo with OneRoster on, run with a copy of sql/ in which `file` has `old` replaced by
    /// `new`: the OneRoster errors of the held run (a run that is not held fails the test).
    private func heldOneRosterErrors(editing file: String, _ old: String, _ new: String) throws -> [String] {
        let (config, _, work) = try demoExtractCopy(self, extra: oneRoster)
        let sql = work.appending(path: "sql")
        try FileManager.default.copyItem(at: packageRoot.appending(path: "sql"), to: sql)
        try edit(sql.appending(path: file), old, new)
        do {
            _ = try run(config, in: work, sql: sql, output: true)
            XCTFail("the run was not held")
            return []
        } catch let held as RunHeld {
            return held.report.findings.filter { $0.isOneRoster && $0.severity == .error }.map(\.description)
        }
    }

    private func edit(_ file: URL, _ old: String, _ new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(text.contains(old), "\(file.lastPathComponent) has \(old)")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: file)
    }
}
