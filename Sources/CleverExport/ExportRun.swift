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
    /// Deliver despite validation errors or a large drop in rows.
    public var force = false
    /// Build and check everything, deliver nothing.
    public var dryRun = false
    /// Also list the keys of changed rows (for `diff --details`).
    public var changeDetails = false

    public init(configuration: Configuration, sqlDirectory: String? = nil, databasePath: String? = nil,
                outputDirectory: String? = nil, asOf: String? = nil, force: Bool = false, dryRun: Bool = false) {
        self.configuration = configuration
        self.sqlDirectory = sqlDirectory
        self.databasePath = databasePath
        self.outputDirectory = outputDirectory
        self.asOf = asOf
        self.force = force
        self.dryRun = dryRun
    }
}

/// What a run did, for the summary, the e-mail body and the run history.
public struct RunReport: Sendable {
    public enum Outcome: String, Sendable {
        case delivered, dryRun = "dry run", held, deliveryFailed = "delivery failed"
    }

    public let runID: Int
    public let asOf: String
    public let databasePath: String
    public let files: [ExportedFile]
    public let findings: [Finding]
    public let changes: [FileChange]
    /// Why the files were not delivered (validation errors, rows dropped), empty when they were.
    public let holds: [String]
    public var deliveries: [DeliveryResult]
    public var outcome: Outcome
    public var seconds: Double
    /// Seconds per phase (import, history, index, build, validate, write, compare, checkpoint,
    /// sync, deliver, record), in order; write and compare add up steps that ran alongside the build.
    public var phases: [(name: String, seconds: Double)] = []
    /// Seconds per step: each file imported, model built, check run, file written and compared.
    public var steps: [Step] = []

    public var errors: [Finding] { findings.filter { $0.severity == .error } }
}

/// The run built its files but would not deliver them; the report says why.
public struct RunHeld: Error, CustomStringConvertible {
    public let report: RunReport
    public var description: String {
        let errors = report.errors.prefix(20).map(\.description)
        let more = report.errors.count > 20 ? ["... and \(report.errors.count - 20) more errors (table run_finding has all)"] : []
        return (errors + more + report.holds + ["nothing was delivered; fix the extract, or deliver anyway with --force"])
            .joined(separator: "\n")
    }
}

/// Delivery failed for at least one target; the report says which.
public struct DeliveryFailed: Error, CustomStringConvertible {
    public let report: RunReport
    public var description: String {
        report.deliveries.compactMap { result in result.failure.map { "delivery to \(result.target) failed: \($0)" } }
            .joined(separator: "\n")
    }
}

/// The whole job: import the extract, build the views, check them, write the Clever files,
/// compare with the last delivery, deliver.
public struct ExportRun {
    public let request: RunRequest

    public init(_ request: RunRequest) { self.request = request }

    var configuration: Configuration { request.configuration }

    public var databasePath: String {
        request.databasePath.map(configuration.resolve) ?? configuration.path("source.database")
    }

    /// The files of the last build sit beside the database; deliveries ship them from there.
    public var outboxDirectory: String { databasePath + "-files" }

    /// The last delivered files, which the next run is compared with.
    public var deliveredDirectory: String { databasePath + "-delivered" }

    public func run() throws -> RunReport {
        let started = Date()
        let asOf = request.asOf ?? configuration.asOf
        let catalog = try request.sqlDirectory.map(SQLCatalog.load(directory:)) ?? .embedded
        try makeFolder(URL(fileURLWithPath: databasePath).deletingLastPathComponent().path)
        let lock = try RunLock(database: databasePath)
        defer { withExtendedLifetime(lock) {} }

        var clock = PhaseClock()
        let steps = StepLog()
        let staging = StagingFile(path: databasePath)
        defer { staging.waitForRemovals() }
        let built: Built
        let files: [ExportedFile]
        do {
            built = try build(catalog: catalog, into: staging, asOf: asOf, started: started, clock: &clock, steps: steps)
            do {
                try clock.time("sync") { try staging.replacePrevious() }
                files = try built.exporter.publish()
            } catch {
                built.exporter.discard()
                throw error
            }
        } catch {
            staging.discard()
            // SQLite names no file ("database or disk is full"): say which one.
            let error = (error as? DatabaseError).map {
                $0.context == nil ? DatabaseError(message: $0.message, context: "staging database \(databasePath)") : $0
            } ?? error
            try? RunHistory(database: staging.openPrevious()).recordFailure(asOf: asOf, at: started, error: error)
            throw error
        }
        let database = try Database(path: databasePath)
        let history = RunHistory(database: database)
        let changes = built.changeGuard.changes(of: files)
        var report = RunReport(
            runID: built.runID, asOf: asOf, databasePath: databasePath, files: files, findings: built.findings,
            changes: changes, holds: holds(findings: built.findings, changes: changes), deliveries: [],
            outcome: .held, seconds: 0)

        if request.dryRun {
            report.outcome = .dryRun
        } else if report.holds.isEmpty || request.force {
            report.deliveries = clock.time("deliver") { deliver(files, stamp: Self.stamp(started), report: report) }
            report.outcome = report.deliveries.allSatisfy(\.succeeded) ? .delivered : .deliveryFailed
            // The set one target received is the one the next run is compared with: were only a
            // complete delivery recorded, a target that keeps failing would switch the guard off.
            if report.deliveries.contains(where: \.succeeded) {
                try clock.time("record") { try built.changeGuard.recordDelivered(files) }
            }
        }
        report.seconds = Date().timeIntervalSince(started)
        report.phases = clock.phases
        report.steps = steps.steps
        try history.finish(report)
        try writeHTMLReport(report)
        switch report.outcome {
        case .held: throw RunHeld(report: report)
        case .deliveryFailed: throw DeliveryFailed(report: report)
        case .delivered, .dryRun: return report
        }
    }

    /// The files are written, and compared with the last delivery, but not yet renamed into place.
    private typealias Built = (runID: Int, findings: [Finding], exporter: Exporter, changeGuard: ChangeGuard)

    /// Builds the run's staging database as a new file: imports the extract (on both cores),
    /// writes the options and the run's history row, and builds the models while the checks, the
    /// writing and comparing of the files and `student_contacts` run on the other core, each as
    /// soon as the tables it reads are built. Every connection to the file is closed when it
    /// returns.
    private func build(
        catalog: SQLCatalog, into staging: StagingFile, asOf: String, started: Date, clock: inout PhaseClock,
        steps: StepLog
    ) throws -> Built {
        let database = try staging.create()
        // A new file needs no journal for its pages (SQLite journals only pages that existed
        // when a transaction began) and nothing waits for the disk until the finished file is
        // synced once, before it replaces the last run's. A 64 MiB cache spills less often.
        try database.execute("pragma synchronous = off; pragma cache_size = -65536")
        let history = RunHistory(database: database)
        try clock.time("import") { try database.transaction { try catalog.installSchema(in: database) } }
        try clock.time("history") { try history.carryOver(from: staging.path) }
        try clock.time("import") {
            let scratch = try staging.createScratch("import")
            let loader = StagingLoader(
                database: database, directory: configuration.path("source.dir"),
                scratchPath: scratch, loaded: { steps.record("import", $0, $1) })
            _ = try loader.loadAll()
            staging.removeScratch(scratch)
        }
        let runID = try database.transaction {
            try clock.time("index") { try catalog.installIndexes(in: database) }
            try OptionsTable(database: database).write(configuration, asOf: asOf)
            return try history.start(asOf: asOf, at: started)
        }
        // From here the build writes while the checks read: a write-ahead log lets them.
        try database.execute("pragma journal_mode = wal")
        let views = try catalog.createViews(in: database)
        let plan = try catalog.plan(in: database)
        let validator = Validator()
        let exporter = try Exporter(files: configuration.files, directory: outboxDirectory)
        let changeGuard = ChangeGuard(deliveredDirectory: deliveredDirectory, details: request.changeDetails)
        let lastSeconds = try history.lastStepSeconds()
        let criticalPath = CriticalPath(plan: plan, seconds: lastSeconds)
        let alongside = ModelsAlongside(
            files: criticalPath.builtAlongside(catalog.files(in: SQLCatalog.modelFolder)), origin: catalog.origin,
            scratch: staging.createScratch)
        // The longest checks and files first (as long as they took last time), so that the two
        // cores end together; the models built alongside before them, since the writer may wait.
        let readers = ReadQueue(
            databasePath: staging.newPath,
            jobs: alongside.jobs(needs: plan.models(neededBy:)) + ReadQueue.longestFirst(
                exporter.jobs(needs: plan.models(neededBy:), then: { [changeGuard.job(comparing: $0, from: exporter)] })
                    + validator.jobs(checks: views.map(\.view).filter { $0.hasPrefix("check_") }, needs: plan.models(neededBy:)),
                seconds: lastSeconds),
            finished: steps.record)
        do {
            try clock.time("build") {
                try catalog.buildModels(in: database, plan: plan, alongside: alongside, criticalPath: criticalPath) { model, seconds in
                    steps.record("model", model, seconds)
                    readers.committed(model.hasPrefix("copy of ") ? String(model.dropFirst("copy of ".count)) : model)
                }
                try catalog.verify(views, in: database)
                // The models are all in: fold what the readers allow of the log into the file and
                // start writing it to the disk while the last checks and files run.
                try database.execute("pragma wal_checkpoint(passive)")
                staging.writeAhead()
            }
            try clock.time("validate") { try readers.finish() }
            staging.removeScratchDirectory()
            clock.record("write", seconds: steps.seconds(of: "file"))
            clock.record("compare", seconds: steps.seconds(of: "compare"))
            // Back to a rollback journal, which checkpoints the log into the file: the log is
            // named after the file, and the file is about to be renamed. SQLite keeps the log
            // (and says so) while another connection is open.
            let mode = try clock.time("checkpoint") { try database.strings("pragma journal_mode = delete") }
            guard mode == ["delete"] else {
                throw DatabaseError(message: "the write-ahead log could not be folded into the file (journal mode \(mode))", context: staging.newPath)
            }
            return (runID, validator.findings, exporter, changeGuard)
        } catch {
            readers.cancel()
            exporter.discard()
            throw error
        }
    }

    /// Reasons not to deliver: validation errors, and files that lose too many rows.
    private func holds(findings: [Finding], changes: [FileChange]) -> [String] {
        var holds: [String] = []
        let errors = findings.filter { $0.severity == .error }
        if !errors.isEmpty {
            holds.append("validation found \(errors.count) error\(errors.count == 1 ? "" : "s") (Clever would reject or drop rows)")
        }
        let limit = Double(configuration.integer("safety.max_drop_percent"))
        for change in changes where change.dropPercent > limit {
            holds.append(String(
                format: "%@.csv would drop from %d to %d rows (%.1f%%, more than safety.max_drop_percent = %d)",
                change.file.rawValue, change.previousRows ?? 0, change.rows, change.dropPercent, Int(limit)))
        }
        return holds
    }

    private func deliver(_ files: [ExportedFile], stamp: String, report: RunReport) -> [DeliveryResult] {
        var delivering = report
        delivering.outcome = .delivered
        let body = delivering.summary(deliveries: false) + "\n"
        return deliveryTargets(stamp: stamp).map { target in
            do {
                if let email = target as? EmailDelivery {
                    try email.send(files, body: body)
                } else {
                    try target.deliver(files)
                }
                return DeliveryResult(target: target.target, failure: nil)
            } catch {
                return DeliveryResult(target: target.target, failure: "\(error)")
            }
        }
    }

    /// report.html goes beside the built files, and into each local folder that got them.
    private func writeHTMLReport(_ report: RunReport) throws {
        let page = HTMLReport(report: report)
        try page.write(into: outboxDirectory)
        for case let folder as LocalFolderDelivery in deliveryTargets(stamp: "")
        where report.deliveries.contains(where: { $0.target == folder.target && $0.succeeded }) {
            try page.write(into: folder.directory)
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
        if configuration.presentTables.contains("delivery.sftp") {
            targets.append(SFTPDelivery(settings: SFTPSettings(configuration)))
        }
        if configuration.presentTables.contains("delivery.email") {
            targets.append(EmailDelivery(settings: EmailSettings(configuration), stamp: stamp))
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

extension ExportRun {
    /// Answers "why is this record (not) exported?" from the last run's staging database with
    /// the query sql/explain/<kind>.sql, which reads the same model tables the files come from.
    public func explain(_ kind: String, id: String) throws -> [String] {
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw DatabaseError(message: "no staging database yet; run `clever-export run` first", context: databasePath)
        }
        let catalog = try request.sqlDirectory.map(SQLCatalog.load(directory:)) ?? .embedded
        guard let file = catalog.files.first(where: { $0.path == "explain/\(kind).sql" }) else {
            throw DatabaseError(message: "no explain/\(kind).sql", context: catalog.origin)
        }
        let database = try Database(path: databasePath)
        // The answers come from the last run's tables: a different day would be answered wrongly.
        if let asked = request.asOf, let built = try database.strings("select export_as_of from run_options").first, asked != built {
            throw DatabaseError(
                message: "the last run was as of \(built); run `clever-export validate --as-of \(asked)` first, then ask again",
                context: databasePath)
        }
        let query = try database.prepare(file.text, context: "\(catalog.origin) \(file.path)")
        query.bind(id, at: 1)
        var lines: [String] = []
        while try query.step() { lines.append(query.text(at: 0) ?? "") }
        return lines
    }
}

/// Wall time per phase of a run, for the summary and the benchmark.
struct PhaseClock {
    private(set) var phases: [(name: String, seconds: Double)] = []

    /// Times `body` as (more of) the phase `name`.
    mutating func time<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let start = Date()
        defer { record(name, seconds: Date().timeIntervalSince(start)) }
        return try body()
    }

    /// Adds time to the phase `name` (timed elsewhere, when it ran alongside another).
    mutating func record(_ name: String, seconds: Double) {
        if let index = phases.firstIndex(where: { $0.name == name }) {
            phases[index].seconds += seconds
        } else {
            phases.append((name, seconds))
        }
    }
}

/// One step of a run: a file imported, a model built, a check run, a file written or compared.
public struct Step: Sendable {
    public let kind: String  // import, model, alongside, check, file or compare
    public let name: String
    public let seconds: Double
}

/// The steps of a run as the threads that ran them finish them.
final class StepLog: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Step] = []

    var steps: [Step] { lock.withLock { recorded } }

    func record(_ kind: String, _ name: String, _ seconds: Double) {
        lock.withLock { recorded.append(Step(kind: kind, name: name, seconds: seconds)) }
    }

    /// The seconds the steps of one kind took together.
    func seconds(of kind: String) -> Double { steps.filter { $0.kind == kind }.reduce(0) { $0 + $1.seconds } }
}
