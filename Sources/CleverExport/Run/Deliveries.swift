import Foundation

/// The delivery targets a run's configuration names, and sending one set of files to each.
struct Deliveries {
    let targets: [Delivery]

    /// Every configured target; `outputDirectory` (`--output`) replaces the local folder.
    init(configuration: Configuration, outputDirectory: String?, stamp: String) {
        var targets: [Delivery] = []
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
