import Foundation

extension RunReport {
    /// Every file written, compared with the last delivery: the Clever files, then the OneRoster set's.
    public var allChanges: [FileChange] { changes + (oneRoster?.changes ?? []) }
    /// What holds the Clever files, then what holds the OneRoster set.
    public var allHolds: [String] { holds + (oneRoster?.holds ?? []) }

    /// How many findings of the checks over the written files (not over the extract) name the
    /// file of `change`: a Clever file by its name (students), a OneRoster one by its path.
    public func findings(of change: FileChange) -> (errors: Int, warnings: Int) {
        let file = change.file?.rawValue ?? change.name
        let found = findings.filter { $0.file == file }
        let errors = found.filter { $0.severity == .error }.count
        return (errors, found.count - errors)
    }

    /// The lines a person reads after a run (on stdout, and as the e-mail's text): per file the
    /// rows and the change since the last delivery, the validation findings, and what became of
    /// each delivery. `verbose` adds the phase timings, the slowest steps and lists every finding.
    public func summary(verbose: Bool = false, deliveries showDeliveries: Bool = true) -> String {
        RunSummary(report: self, verbose: verbose, showDeliveries: showDeliveries).description
    }
}

struct RunSummary: CustomStringConvertible {
    let report: RunReport
    let verbose: Bool
    let showDeliveries: Bool
    /// Findings listed per check before the rest are only counted.
    let listed = 5

    var description: String {
        var lines = ["Run \(report.runID), as of \(report.asOf), took \(String(format: "%.1f", report.seconds)) s."]
        if verbose {
            lines.append("  " + report.phases.map { "\($0.name) \(String(format: "%.1f", $0.seconds)) s" }.joined(separator: ", "))
            let slowest = report.steps.sorted { $0.seconds > $1.seconds }.prefix(6)
            if !slowest.isEmpty {
                lines.append("  slowest steps (table run_step has all): "
                    + slowest.map { "\($0.name) \(String(format: "%.1f", $0.seconds)) s" }.joined(separator: ", "))
            }
        }
        lines.append(row("file", "rows", "added", "removed", "changed", "errors", "warnings"))
        for change in report.allChanges {
            let compared = change.previousRows != nil
            let found = report.findings(of: change)
            lines.append(row(
                change.name, "\(change.rows)", compared ? "\(change.added)" : "-",
                compared ? "\(change.removed)" : "-", compared ? "\(change.changed)" : "-",
                "\(found.errors)", "\(found.warnings)"))
        }
        if report.allChanges.contains(where: { $0.previousRows == nil }) {
            lines.append("  (-: nothing delivered before to compare with)")
        }
        lines += findings()
        switch report.outcome {
        case .dryRun:
            lines.append("Dry run: nothing delivered. Would send \(report.files.map { URL(fileURLWithPath: $0.path).lastPathComponent }.joined(separator: ", "))\(report.holds.isEmpty ? "" : ", but the run would be held"):")
            lines += report.allHolds.map { "  held: \($0)" }
        case .held:
            lines += report.allHolds.map { "Held: \($0)." }
        default:
            break
        }
        for delivery in report.deliveries where showDeliveries {
            lines.append(delivery.succeeded ? "Delivered to \(delivery.target)." : "NOT delivered to \(delivery.target): \(delivery.failure!)")
        }
        if showDeliveries && report.deliveries.isEmpty && report.outcome != .dryRun && report.outcome != .held {
            lines.append("No delivery target configured; the files are in \(URL(fileURLWithPath: report.files.first?.path ?? "").deletingLastPathComponent().path).")
        }
        lines.append("Staging database: \(report.databasePath)")
        return lines.joined(separator: "\n")
    }

    /// The file column's width: 16, or the longest OneRoster name and a space.
    private var nameWidth: Int { max(16, (report.oneRoster?.changes.map(\.name.count).max() ?? 0) + 1) }

    private func row(_ name: String, _ values: String...) -> String {
        "  " + name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            + values.map { String(repeating: " ", count: max(0, 8 - $0.count)) + $0 }.joined(separator: " ")
    }

    private func findings() -> [String] {
        let errors = report.errors.count, warnings = report.findings.count - errors
        guard !report.findings.isEmpty else { return ["Validation: no problems."] }
        let accepted = report.accepted.count
        var lines = ["Validation: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
            + (accepted > 0 ? " (\(accepted) accepted: they hold nothing)." : ".")]
        let groups = Dictionary(grouping: report.findings) { "\($0.severity.rawValue) \($0.code)" }
        for key in groups.keys.sorted() {
            let group = groups[key]!
            let shown = verbose ? group : Array(group.prefix(listed))
            lines += shown.map { "  \($0.severity.rawValue)\(report.accepted.contains($0) ? " (accepted)" : ""): \($0.description)" }
            if shown.count < group.count {
                lines.append("  ... and \(group.count - shown.count) more \(key) (--verbose lists them; table run_finding has all)")
            }
        }
        return lines
    }
}
