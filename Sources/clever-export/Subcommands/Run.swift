import ArgumentParser
import CleverExport
import Foundation

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import the extract, build and check the Clever files, and deliver them.",
        discussion: """
            Before delivering, the files are checked against Clever's rules (sql/checks/) and \
            compared with the last delivered set: validation errors, or a file losing more than \
            safety.max_drop_percent of its rows, hold the delivery unless --force.
            The staging database stays on disk after the run: open it with sqlite3 to see the \
            options the run used (export_option), the run history (run, run_file, run_finding), \
            the staging tables and every view.
            Exit codes: 0 done; 2 configuration error; 3 bad input; 4 validation errors; \
            5 change guard tripped; 6 delivery failed; 75 another run holds the database; \
            64 command-line mistake; 1 other.
            """)

    @OptionGroup var common: CommonOptions

    @Option(help: ArgumentHelp("Deliver to this folder instead of [delivery.local] for this run, without archive; SFTP and e-mail targets still get the files.", valueName: "dir"))
    var output: String?

    @Flag(help: "Deliver despite validation errors or a large drop in rows.")
    var force = false

    @Flag(name: .customLong("dry-run"), help: "Build and check everything; deliver nothing and say what would be sent. Exits 4 or 5 where the run would be held.")
    var dryRun = false

    @Flag(name: .shortAndLong, help: "Print nothing on success.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "List every validation finding, not only the first of each kind.")
    var verbose = false

    func run() throws {
        try reportingFailures(verbose: verbose) {
            var request = try common.request(output: output)
            request.force = force
            request.dryRun = dryRun
            // The phase and how far it has come, on a terminal only (never in cron's mail).
            let progress = quiet ? nil : TerminalProgress()
            request.progress = progress
            let report: RunReport
            do { report = try ExportRun(request).run() } catch {
                progress?.finish()
                throw error
            }
            progress?.finish()
            if !quiet { print(report.summary(verbose: verbose)) }
            // A dry run exits as the real run would have: a held delivery is not a success.
            if dryRun && !force && !report.holds.isEmpty {
                throw ExitCode(report.holdingErrors.isEmpty ? Exit.changeGuard : Exit.validation)
            }
        }
    }
}

/// Options every subcommand that runs the pipeline shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("The TOML config file.", valueName: "file"))
    var config = "clever-export.toml"

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day the run describes (YYYY-MM-DD); default: the config's, else today.", valueName: "date"))
    var asOf: String?

    @Option(help: ArgumentHelp("The staging database (default: [source] database).", valueName: "path"))
    var database: String?

    @Option(name: .customLong("sql-dir"), help: ArgumentHelp("Use this edited copy of the sql/ folder instead of the built-in SQL.", valueName: "dir"))
    var sqlDirectory: String?

    func request(output: String? = nil) throws -> RunRequest {
        if let asOf, calendarDay(asOf) != asOf {
            throw ValidationError("--as-of: \"\(asOf)\" is not a calendar date written YYYY-MM-DD")
        }
        let configuration = try Configuration.load(path: config)
        let cwd = FileManager.default.currentDirectoryPath
        func absolute(_ path: String?) -> String? {
            path.map { $0.hasPrefix("/") ? $0 : URL(fileURLWithPath: cwd).appending(path: $0).path }
        }
        return RunRequest(
            configuration: configuration, sqlDirectory: absolute(sqlDirectory),
            databasePath: absolute(database), outputDirectory: absolute(output), asOf: asOf)
    }
}
