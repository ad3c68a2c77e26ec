import Foundation

/// The delivery targets a run's configuration names, and sending one set of files to each.
struct Deliveries {
    let targets: [Delivery]
    /// Where the local folder comes from, for messages: the config key or --output.
    private let localFolderSource: String

    /// Every configured target; `outputDirectory` (`--output`) replaces the local folder.
    init(configuration: Configuration, outputDirectory: String?, stamp: String) {
        var targets: [Delivery] = []
        localFolderSource = outputDirectory == nil ? "delivery.local.dir" : "--output"
        if let output = outputDirectory {
            targets.append(LocalFolderDelivery(directory: configuration.resolve(output), archive: false, stamp: stamp))
        } else if configuration.presentTables.contains("delivery.local") {
            targets.append(LocalFolderDelivery(
                directory: configuration.path("delivery.local.dir"),
                archive: configuration.flag("delivery.local.archive"), stamp: stamp))
        }
        if configuration.presentTables.contains("delivery.sftp") {
            targets.append(SFTPDelivery(settings: SFTPSettings(configuration)))
        }
        if configuration.presentTables.contains("delivery.email") {
            targets.append(EmailDelivery(settings: EmailSettings(configuration), stamp: stamp))
        }
        self.targets = targets
    }

    /// Why these targets cannot take a run's files, each naming its key: there is none, so
    /// nothing would be delivered; or a local folder is, or holds, the extract folder or the
    /// staging database, which the files would overwrite.
    func problems(extract: String, database: String) -> [String] {
        guard !targets.isEmpty else {
            return ["delivery: no target; add [delivery.local], [delivery.sftp] or [delivery.email], or run with --output DIR (or --dry-run)"]
        }
        func standardized(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
        func within(_ path: String, _ folder: String) -> Bool {
            path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
        }
        let extract = standardized(extract), database = standardized(database)
        var problems: [String] = []
        for case let target as LocalFolderDelivery in targets {
            let folder = standardized(target.directory)
            if within(extract, folder) {
                problems.append("\(localFolderSource): \(folder) is or holds the extract folder \(extract); the Clever files would overwrite the SIS files")
            }
            if within(database, folder) {
                problems.append("\(localFolderSource): \(folder) holds the staging database \(database); deliver to a folder of its own")
            }
        }
        return problems
    }

    /// Sends `files` to every target, one result each; a failing target does not stop the others.
    /// `summary` is the text of an e-mail (by default it lists the files).
    func send(_ files: [ExportedFile], summary: String? = nil) -> [DeliveryResult] {
        targets.map { target in
            do {
                try target.deliver(files, summary: summary)
                return DeliveryResult(target: target.target, failure: nil)
            } catch {
                return DeliveryResult(target: target.target, failure: "\(error)")
            }
        }
    }

    /// Writes the report into each local folder that received the files.
    func writeReport(_ page: HTMLReport, delivered: [DeliveryResult]) throws {
        for case let folder as LocalFolderDelivery in targets
        where delivered.contains(where: { $0.target == folder.target && $0.succeeded }) {
            try page.write(into: folder.directory)
        }
    }
}
