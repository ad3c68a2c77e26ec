import Foundation

/// What a run did, for the summary, the e-mail body and the run history.
public struct RunReport: Sendable {
    public enum Outcome: String, Sendable {
        case delivered, dryRun = "dry run", held, deliveryFailed = "delivery failed"
    }

    public let runID: Int
    public let asOf: String
    public let databasePath: String
    public let files: [ExportedFile]
    public let findings: [Finding]
    public let changes: [FileChange]
    /// Why the files were not delivered (validation errors, rows dropped), empty when they were.
    public let holds: [String]
    public var deliveries: [DeliveryResult]
    public var outcome: Outcome
    public var seconds: Double
    /// Seconds per phase (import, history, index, build, validate, zip with OneRoster, write,
    /// compare, checkpoint, sync, deliver, record), in order; write and compare add up steps that ran alongside the build.
    public var phases: [(name: String, seconds: Double)] = []
    /// Seconds per step: each file imported, model built, check run, file written and compared.
    public var steps: [Step] = []
    /// The findings a person accepted (clever-export accept): reported, holding nothing.
    public var accepted: Set<Finding> = []
    /// Each file's rows by School_id, as written.
    public var rowsBySchool: [ExportFile: [String: Int]] = [:]
    /// The OneRoster set, when the run wrote one.
    public var oneRoster: OneRosterReport?

    public var errors: [Finding] { findings.filter { $0.severity == .error } }
    /// The errors that hold the run: those not accepted.
    public var holdingErrors: [Finding] { errors.filter { !accepted.contains($0) } }
}

/// The OneRoster set a run wrote: its files and zip as published, their comparison with the
/// last OneRoster set delivered, and what holds it back (its own checks and drops; the Clever
/// files are judged on their own).
public struct OneRosterReport: Sendable {
    public let files: [DeliveredFile]
    public let zip: DeliveredFile
    public let changes: [FileChange]
    public let holds: [String]
}

extension Finding {
    /// Whether a check of the OneRoster set found it (its file is oneroster/…).
    public var isOneRoster: Bool { file.hasPrefix(OneRosterSet.folderName + "/") }
}

/// The run built its files but would not deliver them all; the report says why.
public struct RunHeld: Error, CustomStringConvertible {
    public let report: RunReport
    public var description: String { message(all: false) }

    /// Why the run was held: its errors (the first 20, or `all`), then what held it.
    public func message(all: Bool) -> String {
        let holding = report.holdingErrors
        let shown = all ? holding.count : 20
        let errors = holding.prefix(shown).map(\.description)
        let more = holding.count > shown ? ["... and \(holding.count - shown) more errors (-v lists them; table run_finding has all)"] : []
        let delivered = report.deliveries.filter(\.succeeded).map(\.target)
        let last = delivered.isEmpty
            ? "nothing was delivered; fix the extract, or deliver anyway with --force"
            : "only part was delivered (to \(delivered.joined(separator: ", "))); fix the extract, or deliver the rest anyway with --force"
        return (errors + more + report.allHolds + [last]).joined(separator: "\n")
    }
}

/// Delivery failed for at least one target; the report says which.
public struct DeliveryFailed: Error, CustomStringConvertible {
    public let report: RunReport
    public var description: String {
        report.deliveries.compactMap { result in result.failure.map { "delivery to \(result.target) failed: \($0)" } }
            .joined(separator: "\n")
    }
}

extension RunReport {
    /// Reasons not to deliver: validation errors, and files that lose too many rows.
    /// `accepted`: findings a person accepted, which hold nothing.
    /// `oneRoster`: the OneRoster set's holds (its findings), not the Clever files'.
    static func holds(findings: [Finding], accepted: Set<Finding> = [], changes: [FileChange], maxDropPercent: Int,
                      oneRoster: Bool = false) -> [String] {
        var holds: [String] = []
        let errors = findings.filter { $0.severity == .error && !accepted.contains($0) && $0.isOneRoster == oneRoster }
        let acceptedErrors = accepted.filter { $0.severity == .error && $0.isOneRoster == oneRoster }.count
        if !errors.isEmpty {
            holds.append((oneRoster ? "OneRoster set held: " : "")
                + "validation found \(errors.count) error\(errors.count == 1 ? "" : "s") "
                + (oneRoster ? "(OneRoster receivers would reject the set)" : "(Clever would reject or drop rows)")
                + (acceptedErrors > 0 ? "; \(acceptedErrors) more accepted" : ""))
        }
        let limit = Double(maxDropPercent)
        for change in changes where change.dropPercent > limit {
            holds.append((oneRoster ? "OneRoster set held: " : "") + String(
                format: "%@ would drop from %d to %d rows (%.1f%%, more than safety.max_drop_percent = %d)",
                change.name, change.previousRows ?? 0, change.rows, change.dropPercent, Int(limit)))
        }
        return holds
    }
}
