import ArgumentParser
import CleverExport

@main
struct CleverExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clever-export",
        abstract: "Turns a school district's SIS extract into Clever's rostering CSV files and delivers them.",
        version: Version.description,
        subcommands: [Run.self, Validate.self, Diff.self, Explain.self, Deliver.self, CheckConnection.self, Init.self, Accept.self, Findings.self, History.self],
        defaultSubcommand: Run.self)
}
