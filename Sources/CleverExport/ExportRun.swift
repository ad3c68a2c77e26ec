import Foundation

/// What one `run` is asked to do, beyond the config file.
public struct RunRequest: Sendable {
    public var configuration: Configuration
    /// An edited copy of sql/ to use instead of the built-in one.
    public var sqlDirectory: String?
    public var databasePath: String?
    /// Write the files to this folder (a local delivery) whatever the config says.
    public var outputDirectory: String?
    public var asOf: String?

    public init(configuration: Configuration, sqlDirectory: String? = nil, databasePath: String? = nil,
                outputDirectory: String? = nil, asOf: String? = nil) {
        self.configuration = configuration
        self.sqlDirectory = sqlDirectory
        self.databasePath = databasePath
        self.outputDirectory = outputDirectory
        self.asOf = asOf
    }
}

/// What a run did, for the summary.
public struct RunReport: Sendable {
    public let runID: Int
    public let asOf: String
    public let databasePath: String
    public let files: [ExportedFile]
    public let deliveries: [DeliveryResult]
    public let seconds: Double
}

/// Delivery failed for at least one target; the report says which.
public struct DeliveryFailed: Error, CustomStringConvertible {
    public let report: RunReport
    public var description: String {
        report.deliveries.compactMap { result in result.failure.map { "delivery to \(result.target) failed: \($0)" } }
            .joined(separator: "\n")
    }
}

/// The whole job: import the extract, build the views, write the Clever files, deliver them.
public struct ExportRun {
    public let request: RunRequest

    public init(_ request: RunRequest) { self.request = request }

    var configuration: Configuration { request.configuration }

    public var databasePath: String {
        request.databasePath.map(configuration.resolve) ?? configuration.path("source.database")
    }

    /// The files of the last build sit beside the database; deliveries ship them from there.
    public var outboxDirectory: String { databasePath + "-files" }

    public func run() throws -> RunReport {
        let started = Date()
        let asOf = request.asOf ?? configuration.asOf
        let catalog = try request.sqlDirectory.map(SQLCatalog.load(directory:)) ?? .embedded
        try FileManager.default.createDirectory(
            atPath: URL(fileURLWithPath: databasePath).deletingLastPathComponent().path,
            withIntermediateDirectories: true)
        let database = try Database(path: databasePath)
        try database.execute("pragma foreign_keys = on")

        let runID = try stage(catalog: catalog, database: database, asOf: asOf, started: started)
        let files = try Exporter(database: database).write(configuration.files, into: outboxDirectory)
        let deliveries = deliveryTargets(stamp: Self.stamp(started)).map { target in
            do {
                try target.deliver(files)
                return DeliveryResult(target: target.target, failure: nil)
            } catch {
                return DeliveryResult(target: target.target, failure: "\(error)")
            }
        }
        let report = RunReport(
            runID: runID, asOf: asOf, databasePath: databasePath, files: files,
            deliveries: deliveries, seconds: Date().timeIntervalSince(started))
        try record(report, in: database)
        if deliveries.contains(where: { !$0.succeeded }) { throw DeliveryFailed(report: report) }
        return report
    }

    /// Reloads the staging tables, writes the options and rebuilds the views in one
    /// transaction: when anything fails, the database keeps the previous run's data.
    private func stage(catalog: SQLCatalog, database: Database, asOf: String, started: Date) throws -> Int {
        try database.transaction {
            try catalog.installSchema(in: database)
            _ = try StagingLoader(database: database, directory: configuration.path("source.dir")).loadAll()
            try catalog.installIndexes(in: database)
            try OptionsTable(database: database).write(configuration, asOf: asOf)
            try catalog.build(in: database)
            let insert = try database.prepare("insert into run (started_at, as_of) values (?, ?)")
            insert.bind(ISO8601DateFormatter().string(from: started), at: 1)
            insert.bind(asOf, at: 2)
            try insert.step()
            let runID = Int(try database.strings("select last_insert_rowid()")[0])!
            try database.execute("insert into run_option select \(runID), key, value from export_option")
            return runID
        }
    }

    private func record(_ report: RunReport, in database: Database) throws {
        try database.transaction {
            for file in report.files {
                let insert = try database.prepare("insert into run_file (run_id, file, rows) values (?, ?, ?)")
                insert.bind(Int64(report.runID), at: 1)
                insert.bind(file.file.rawValue, at: 2)
                insert.bind(Int64(file.rows), at: 3)
                try insert.step()
            }
            let failed = report.deliveries.filter { !$0.succeeded }
            let update = try database.prepare(
                "update run set finished_at = ?, outcome = ?, message = ? where run_id = ?")
            update.bind(ISO8601DateFormatter().string(from: Date()), at: 1)
            update.bind(failed.isEmpty ? "delivered" : "delivery failed", at: 2)
            update.bind(failed.isEmpty ? nil : failed.map { "\($0.target): \($0.failure!)" }.joined(separator: "; "), at: 3)
            update.bind(Int64(report.runID), at: 4)
            try update.step()
        }
    }

    /// Every configured target; `--output` adds (or replaces) the local folder.
    func deliveryTargets(stamp: String) -> [Delivery] {
        var targets: [Delivery] = []
        if let output = request.outputDirectory {
            targets.append(LocalFolderDelivery(directory: configuration.resolve(output), archive: false, stamp: stamp))
        } else if configuration.presentTables.contains("delivery.local") {
            targets.append(LocalFolderDelivery(
                directory: configuration.path("delivery.local.dir"),
                archive: configuration.flag("delivery.local.archive"), stamp: stamp))
        }
        return targets
    }

    static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd'T'HHmmss"
        return formatter.string(from: date)
    }
}
