import Foundation

/// The delivery targets a run's configuration names, and sending one set of files to each.
/// The Clever servers get the Clever files; the OneRoster servers ([oneroster.delivery.*])
/// oneroster.zip; a local folder both, oneroster/ and oneroster.zip beside the CSVs.
struct Deliveries {
    let targets: [Delivery]
    let oneRosterTargets: [Delivery]
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
        var oneRoster: [Delivery] = []
        if configuration.presentTables.contains("oneroster.delivery.sftp") {
            var settings = SFTPSettings(configuration, table: "oneroster.delivery.sftp")
            settings.label = "OneRoster"
            oneRoster.append(SFTPDelivery(settings: settings))
        }
        if configuration.presentTables.contains("oneroster.delivery.email") {
            var settings = EmailSettings(configuration, table: "oneroster.delivery.email")
            settings.label = "OneRoster"
            oneRoster.append(EmailDelivery(settings: settings, stamp: stamp))
        }
        oneRosterTargets = configuration.flag("oneroster.enabled") ? oneRoster : []
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

    /// What a delivery did: each target's result, and whether any target took each set.
    struct Sent {
        var results: [DeliveryResult] = []
        var clever = false, oneRoster = false
    }

    /// Sends the Clever files (nil: held) and the OneRoster set (nil: held or not written) to
    /// every target that takes them, one result each; a failing target does not stop the
    /// others. `summary` is the text of the Clever e-mail.
    func send(clever: [DeliveredFile]?, oneRoster: (files: [DeliveredFile], zip: DeliveredFile)?, summary: String?) -> Sent {
        var sent = Sent()
        func deliver(_ files: [DeliveredFile], to target: Delivery, summary: String?) -> Bool {
            do {
                try target.deliver(files, summary: summary)
                sent.results.append(DeliveryResult(target: target.target, failure: nil))
                return true
            } catch {
                sent.results.append(DeliveryResult(target: target.target, failure: "\(error)"))
                return false
            }
        }
        for target in targets {
            let local = target is LocalFolderDelivery
            let files = (clever ?? []) + (local ? oneRoster.map { $0.files + [$0.zip] } ?? [] : [])
            guard !files.isEmpty, deliver(files, to: target, summary: summary) else { continue }
            sent.clever = sent.clever || clever != nil
            sent.oneRoster = sent.oneRoster || (local && oneRoster != nil)
        }
        for target in oneRosterTargets {
            guard let oneRoster else { break }
            if deliver([oneRoster.zip], to: target, summary: nil) { sent.oneRoster = true }
        }
        return sent
    }

    /// Writes the report into each local folder that received the files.
    func writeReport(_ page: HTMLReport, delivered: [DeliveryResult]) throws {
        for case let folder as LocalFolderDelivery in targets
        where delivered.contains(where: { $0.target == folder.target && $0.succeeded }) {
            try page.write(into: folder.directory)
        }
    }
}
