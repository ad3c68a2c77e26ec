import ArgumentParser
import CleverExport
import Foundation

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Say whether a student, teacher, section or staff member is exported, and if not, which rule left them out.",
        discussion: "Reads the staging database of the last run (run or validate first; --as-of must be that run's day). The questions are sql/explain/<kind>.sql.")

    enum Kind: String, ExpressibleByArgument, CaseIterable { case student, teacher, section, staff }

    @Argument(help: "student, teacher, section or staff.")
    var kind: Kind

    @Argument(help: "The SIS ID (student_id, staff_id) or, for a section, school_code-course_code-section.")
    var id: String

    @OptionGroup var common: CommonOptions

    func run() throws {
        try reportingFailures {
            let request = try common.request()
            for line in try ExportRun(request).explain(kind.rawValue, id: id) { print(line) }
        }
    }
}
