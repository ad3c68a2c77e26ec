import ArgumentParser
import CleverExport
import Foundation

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import the extract, build the files and check them against Clever's rules; deliver nothing.",
        discussion: "Exit codes: 0 no errors but accepted ones (warnings may be listed); 4 validation errors; 2 configuration error; 3 bad input.")

    @OptionGroup var common: CommonOptions

    func run() throws {
        try reportingFailures {
            var request = try common.request()
            request.dryRun = true
            let report = try ExportRun(request).run()
            for finding in report.findings {
                print("\(finding.severity.rawValue)\(report.accepted.contains(finding) ? " (accepted)" : ""): \(finding.description)")
            }
            let errors = report.errors.count
            print("\(errors) error\(errors == 1 ? "" : "s"), \(report.findings.count - errors) warning\(report.findings.count - errors == 1 ? "" : "s")"
                + (report.accepted.isEmpty ? "." : "; \(report.accepted.count) accepted."))
            if !report.holdingErrors.isEmpty { throw ExitCode(Exit.validation) }
        }
    }
}
