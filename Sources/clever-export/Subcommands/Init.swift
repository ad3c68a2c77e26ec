import ArgumentParser
import CleverExport
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a commented config file with every key at its default.")

    @Argument(help: ArgumentHelp("Where to write it; '-' prints it.", valueName: "file"))
    var file = "clever-export.toml"

    func run() throws {
        let text = OptionCatalog.commentedConfig()
        if file == "-" {
            print(text, terminator: "")
            return
        }
        guard !FileManager.default.fileExists(atPath: file) else {
            throw ValidationError("\(file) exists already; remove it or name another file")
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        print("Wrote \(file). Set [source] dir to the folder of the SIS extract, then: clever-export run --config \(file)")
    }
}
