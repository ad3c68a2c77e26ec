import Foundation
import XCTest

@testable import CleverExport

/// Every Clever file compared byte for byte with expected files checked by hand against the
/// spec: the demo district on the defaults, and one fixture per option (fixtures/options/),
/// whose expected/ folder holds the files the option changes; the rest must equal the defaults.
final class GoldenFileTests: XCTestCase {
    let demo = packageRoot.appending(path: "fixtures/demo")

    func testDemoDistrictOnDefaults() throws {
        let work = try temporaryDirectory(self)
        let (report, output) = try runExport(config: demo.appending(path: "clever-export.toml"), work: work)
        XCTAssertEqual(report.files.map(\.file), [.schools, .students, .teachers, .sections, .enrollments, .staff])
        for file in ExportFile.defaultSet {
            assertSameFile(output.appending(path: file.fileName), demo.appending(path: "expected/\(file.fileName)"))
        }
    }

    func testEveryOptionFixture() throws {
        let root = packageRoot.appending(path: "fixtures/options")
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
            .filter { FileManager.default.fileExists(atPath: root.appending(path: "\($0)/clever-export.toml").path) }
        XCTAssertFalse(names.isEmpty)
        for name in names {
            let fixture = root.appending(path: name)
            let work = try temporaryDirectory(self)
            let report: RunReport, output: URL
            do {
                (report, output) = try runExport(config: fixture.appending(path: "clever-export.toml"), work: work)
            } catch {
                XCTFail("\(name): \(error)")
                continue
            }
            var changed = 0
            for written in report.files {
                let expected = fixture.appending(path: "expected/\(written.file.fileName)")
                let actual = output.appending(path: written.file.fileName)
                if FileManager.default.fileExists(atPath: expected.path) {
                    changed += 1
                    assertSameFile(actual, expected)
                    let defaults = demo.appending(path: "expected/\(written.file.fileName)")
                    XCTAssertNotEqual(
                        try? Data(contentsOf: expected), try? Data(contentsOf: defaults),
                        "\(name): expected/\(written.file.fileName) equals the default output; drop it or show the option's effect")
                } else {
                    assertSameFile(actual, demo.appending(path: "expected/\(written.file.fileName)"))
                }
            }
            // The OneRoster set, when the fixture writes one: every file of it, byte for byte.
            let oneRoster = fixture.appending(path: "expected/oneroster")
            let expectedOneRoster = (try? FileManager.default.contentsOfDirectory(atPath: oneRoster.path)) ?? []
            XCTAssertEqual(Set(expectedOneRoster), Set(report.oneRoster?.files.map { URL(fileURLWithPath: $0.path).lastPathComponent } ?? []),
                           "\(name): expected/oneroster/ holds exactly the OneRoster files the run writes")
            for file in report.oneRoster?.files ?? [] {
                changed += 1
                assertSameFile(URL(fileURLWithPath: file.path), fixture.appending(path: "expected/\(file.name)"))
            }
            XCTAssertGreaterThan(changed, 0, "\(name) shows no effect: its expected/ folder is empty")
            let expectedNames = try FileManager.default.contentsOfDirectory(atPath: fixture.appending(path: "expected").path)
            XCTAssertEqual(Set(expectedNames).subtracting(report.files.map(\.file.fileName) + (report.oneRoster == nil ? [] : ["oneroster"])), [],
                           "\(name): expected files the run does not write")
        }
    }
}
