import ArgumentParser
import CleverExport
import Foundation

struct Deliver: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Send the files of the last run again to every configured target.",
        discussion: """
            Nothing is rebuilt: the files are the ones the last `run` left beside the staging \
            database (<database>-files/). Once a target has them, they are the set the next run \
            is compared with.
            Exit codes: 0 delivered everywhere; 2 configuration error; 6 a delivery failed; 1 other.
            """)

    @OptionGroup var common: CommonOptions

    @Flag(name: .shortAndLong, help: "Print nothing on success.")
    var quiet = false

    @Flag(help: "Send them even if the run that built them was held.")
    var force = false

    func run() throws {
        var results: [DeliveryResult] = []
        try reportingFailures { results = try ExportRun(try common.request()).redeliver(force: force) }
        if results.isEmpty {
            FileHandle.standardError.write(Data("error: no delivery target is configured ([delivery.local], [delivery.sftp] or [delivery.email])\n".utf8))
            throw ExitCode(Exit.configuration)
        }
        for result in results where result.succeeded && !quiet {
            print("Delivered to \(result.target).")
        }
        let failed = results.filter { !$0.succeeded }
        for result in failed {
            FileHandle.standardError.write(Data("error: delivery to \(result.target) failed: \(result.failure!)\n".utf8))
        }
        if !failed.isEmpty { throw ExitCode(Exit.delivery) }
    }
}
