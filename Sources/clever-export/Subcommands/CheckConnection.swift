import ArgumentParser
import CleverExport
import Foundation

struct CheckConnection: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-connection",
        abstract: "Try every configured delivery target without sending the files.",
        discussion: """
            SFTP: checks the host key against known_hosts, logs in, and creates and deletes a \
            small file in remote_dir. E-mail: connects, starts TLS and logs in, sends no message. \
            Local folder: creates and deletes a small file.
            Exit codes: 0 all fine; 2 configuration error; 6 a target failed; 1 other.
            """)

    @OptionGroup var common: CommonOptions

    func run() throws {
        var results: [(target: String, outcome: Result<String, DeliveryError>)] = []
        try reportingFailures { results = ExportRun(try common.request()).checkConnections() }
        if results.isEmpty { print("No delivery target is configured.") }
        var failed = false
        for (target, outcome) in results {
            switch outcome {
            case .success(let detail):
                print("OK \(target): \(detail)")
            case .failure(let error):
                failed = true
                FileHandle.standardError.write(Data("error: \(target): \(error.message)\n".utf8))
            }
        }
        if failed { throw ExitCode(Exit.delivery) }
    }
}
