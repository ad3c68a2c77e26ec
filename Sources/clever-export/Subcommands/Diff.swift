import ArgumentParser
import CleverExport
import Foundation

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the files and compare them with the last delivered set, by key; deliver nothing.")

    @OptionGroup var common: CommonOptions

    @Flag(help: "List the keys of every added, removed and changed row.")
    var details = false

    func run() throws {
        try reportingFailures {
            var request = try common.request()
            request.dryRun = true
            request.changeDetails = details
            let report = try ExportRun(request).run()
            for change in report.changes + (report.oneRoster?.changes ?? []) {
                guard let previous = change.previousRows else {
                    print("\(change.name): \(change.rows) rows; nothing delivered before to compare with")
                    continue
                }
                print("\(change.name): \(previous) → \(change.rows) rows; \(change.added) added, \(change.removed) removed, \(change.changed) changed")
                for (label, keys) in [("+", change.addedKeys), ("-", change.removedKeys), ("~", change.changedKeys)] {
                    for key in keys { print("  \(label) \(key)") }
                }
            }
        }
    }
}
