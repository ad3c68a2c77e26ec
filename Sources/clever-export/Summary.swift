import CleverExport
import Foundation

/// The few lines a person reads after a run.
struct Summary: CustomStringConvertible {
    let report: RunReport

    init(_ report: RunReport) { self.report = report }

    var description: String {
        var lines = ["Run \(report.runID), as of \(report.asOf), took \(String(format: "%.1f", report.seconds)) s."]
        let width = report.files.map { $0.file.rawValue.count }.max() ?? 0
        for file in report.files {
            let name = (file.file.rawValue + ".csv").padding(toLength: width + 5, withPad: " ", startingAt: 0)
            lines.append("  \(name) \(file.rows) rows")
        }
        for delivery in report.deliveries {
            lines.append(delivery.succeeded ? "Delivered to \(delivery.target)." : "NOT delivered to \(delivery.target): \(delivery.failure!)")
        }
        if report.deliveries.isEmpty {
            lines.append("No delivery configured; the files are in \(URL(fileURLWithPath: report.files.first?.path ?? "").deletingLastPathComponent().path).")
        }
        lines.append("Staging database: \(report.databasePath)")
        return lines.joined(separator: "\n")
    }
}
