import ArgumentParser
import CleverExport
import Foundation

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the last runs: when, the day they describe, the outcome, rows per file, findings, and where they were delivered or why not.")

    @OptionGroup var common: CommonOptions

    @Option(help: "How many runs (newest first).")
    var last = 10

    func run() throws {
        try reportingFailures {
            let runs = try ExportRun(try common.request()).history(last: last)
            guard !runs.isEmpty else { return print("No runs yet.") }
            let files = ExportFile.allCases.map(\.rawValue).filter { file in runs.contains { $0.rows[file] != nil } }
            let header = ["run", "started (UTC)", "as of", "outcome"] + files + ["errors", "warnings"]
            let rows = runs.map { run in
                ["\(run.runID)", String(run.startedAt.prefix(16)).replacingOccurrences(of: "T", with: " "), run.asOf, run.outcome]
                    + files.map { run.rows[$0].map(String.init) ?? "-" } + ["\(run.errors)", "\(run.warnings)"]
            }
            let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max()! }
            func line(_ cells: [String], _ note: String) -> String {
                cells.enumerated().map { column, cell in
                    // Text left, numbers right.
                    column == 1 || column == 2 || column == 3
                        ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                        : String(repeating: " ", count: widths[column] - cell.count) + cell
                }.joined(separator: "  ") + (note.isEmpty ? "" : "  " + note)
            }
            print(line(header, "delivered to / held because"))
            for (run, cells) in zip(runs, rows) { print(line(cells, run.message)) }
        }
    }
}
