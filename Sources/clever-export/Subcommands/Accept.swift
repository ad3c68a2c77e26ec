import ArgumentParser
import CleverExport
import Foundation

struct Accept: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Accept findings of the last run, so that they no longer hold the delivery.",
        discussion: """
            CHECK is a finding's code, as in brackets at the end of each finding ([required_field_missing]); \
            RECORD, as the finding names it ("Staff_id T2004"): none accepts every finding of CHECK in the last run. \
            Accepted findings are still reported; a new record of the same check still holds a run, and the \
            change guard is never accepted away. Who (the user name), when and why are kept in the staging \
            database (table accepted_finding), from run to run. `clever-export findings` lists them.
            """)

    @OptionGroup var common: CommonOptions

    @Argument(help: "The finding's code.")
    var check: String

    @Argument(help: "The findings' records (default: every finding of CHECK in the last run).")
    var records: [String] = []

    @Option(help: "Why they are accepted (kept beside them).")
    var reason: String?

    @Flag(help: "Take acceptances back instead.")
    var revoke = false

    func run() throws {
        try reportingFailures {
            try ExportRun(try common.request()).withAcceptances { acceptances in
                if revoke {
                    let count = try acceptances.revoke(code: check, records: records)
                    print("Took back \(count) acceptance\(count == 1 ? "" : "s") of \(check).")
                    return
                }
                guard let reason else { throw ValidationError("say why with --reason \"...\"; it is kept beside the acceptance") }
                let user = ProcessInfo.processInfo.environment["USER"] ?? String(cString: getpwuid(getuid()).pointee.pw_name)
                let accepted = try acceptances.accept(code: check, records: records, reason: reason, by: user)
                print("Accepted \(accepted.count) finding\(accepted.count == 1 ? "" : "s") of \(check):")
                for finding in accepted { print("  \(finding.description)") }
            }
        }
    }
}

struct Findings: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the last run's findings, each new or accepted, and the acceptances.")

    @OptionGroup var common: CommonOptions

    func run() throws {
        try reportingFailures {
            try ExportRun(try common.request()).withAcceptances { acceptances in
                let accepted = try acceptances.all()
                let findings = try acceptances.lastFindings()
                let acceptedFindings = Acceptances.accepted(findings, by: accepted)
                for finding in findings {
                    let state = acceptedFindings.contains(finding) ? "accepted" : "new"
                    print("\(state) \(finding.severity.rawValue): \(finding.description)")
                }
                print("\(findings.count) finding\(findings.count == 1 ? "" : "s") in the last run.")
                if !accepted.isEmpty {
                    print("Accepted:")
                    for acceptance in accepted { print("  \(acceptance.description)") }
                }
            }
        }
    }
}
