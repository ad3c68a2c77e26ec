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
    /// Where a long run says what it is doing (a terminal's stderr), if anywhere.
    public var progress: TerminalProgress?

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

    /// The run, step by step: build the staging database and the files (StagingBuild), put them
    /// in place, decide whether they may go, deliver (Deliveries), record what happened.
    public func run() throws -> RunReport {
        let started = Date()
        let asOf = request.asOf ?? configuration.asOf
        let catalog = try request.sqlDirectory.map(SQLCatalog.load(directory:)) ?? .embedded
        let targets = deliveries(stamp: Self.stamp(started))
        if !request.dryRun {
            let problems = targets.problems(extract: configuration.path("source.dir"), database: databasePath)
            guard problems.isEmpty else { throw ConfigurationError(file: "config", problems: problems) }
        }
        try makeFolder(URL(fileURLWithPath: databasePath).deletingLastPathComponent().path)
        let lock = try RunLock(database: databasePath)
        defer { withExtendedLifetime(lock) {} }

        var clock = PhaseClock()
        let steps = StepLog()
        let staging = StagingFile(path: databasePath)
        defer { staging.waitForRemovals() }
        let built: StagingBuild.Built
        let files: [ExportedFile]
        do {
            built = try StagingBuild(
                configuration: configuration, catalog: catalog, staging: staging, asOf: asOf, started: started,
                outboxDirectory: outboxDirectory, deliveredDirectory: deliveredDirectory,
                changeDetails: request.changeDetails, progress: request.progress
            ).build(clock: &clock, steps: steps)
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
        let changes = built.changeGuard.changes(of: files.map { ($0.file.fileName, $0.rows) })
        let acceptances = Acceptances(database: database)
        let acceptedFindings = Acceptances.accepted(built.findings, by: try acceptances.all())
        let maxDrop = configuration.integer("safety.max_drop_percent")
        var report = RunReport(
            runID: built.runID, asOf: asOf, databasePath: databasePath, files: files, findings: built.findings,
            changes: changes,
            holds: RunReport.holds(findings: built.findings, accepted: acceptedFindings, changes: changes, maxDropPercent: maxDrop),
            deliveries: [],
            outcome: .held, seconds: 0)
        report.accepted = acceptedFindings
        report.rowsBySchool = built.exporter.rowsBySchool()
        let oneRoster = built.oneRoster?.published(in: outboxDirectory)
        if let set = built.oneRoster, let oneRoster {
            let oneRosterChanges = built.changeGuard.changes(of: set.files.filter(\.isCompared).map { ($0.nameInSet, set.written($0).rows) })
            report.oneRoster = OneRosterReport(
                files: oneRoster.files, zip: oneRoster.zip, changes: oneRosterChanges,
                holds: RunReport.holds(findings: built.findings, accepted: acceptedFindings, changes: oneRosterChanges,
                                       maxDropPercent: maxDrop, oneRoster: true))
        }

        // Each set goes unless it is held: the Clever files by their checks and drops, the
        // OneRoster set by its own.
        let cleverGoes = report.holds.isEmpty || request.force
        let oneRosterGoes = oneRoster != nil && (report.oneRoster!.holds.isEmpty || request.force)
        if request.dryRun {
            report.outcome = .dryRun
        } else if cleverGoes || oneRosterGoes {
            // The e-mail's text: the summary of the run as delivered.
            var delivering = report
            delivering.outcome = .delivered
            let summary = delivering.summary(deliveries: false) + "\n"
            request.progress?.update("delivering to \((targets.targets + targets.oneRosterTargets).map(\.target).joined(separator: ", "))")
            let sent = clock.time("deliver") {
                targets.send(clever: cleverGoes ? files.map(\.delivered) : nil, oneRoster: oneRosterGoes ? oneRoster : nil, summary: summary)
            }
            report.deliveries = sent.results
            report.outcome = !(cleverGoes && (oneRoster == nil || oneRosterGoes)) ? .held
                : report.deliveries.allSatisfy(\.succeeded) ? .delivered : .deliveryFailed
            // The set one target received is the one the next run is compared with: were only a
            // complete delivery recorded, a target that keeps failing would switch the guard off.
            try clock.time("record") {
                if sent.clever { try built.changeGuard.recordDelivered(files) }
                if sent.oneRoster, let oneRoster { try built.changeGuard.recordDelivered(oneRoster.files.map { ($0.name, $0.path) }) }
            }
        }
        request.progress?.finish()
        report.seconds = Date().timeIntervalSince(started)
        report.phases = clock.phases
        report.steps = steps.steps
        try history.finish(report)
        // report.html beside the built files, and in each local folder that got them.
        let page = try HTMLReport(report: report, history: history)
        try page.write(into: outboxDirectory)
        try targets.writeReport(page, delivered: report.deliveries)
        switch report.outcome {
        case .held: throw RunHeld(report: report)
        case .deliveryFailed: throw DeliveryFailed(report: report)
        case .delivered, .dryRun: return report
        }
    }

    /// The configured targets; `--output` replaces the local folder.
    func deliveries(stamp: String) -> Deliveries {
        Deliveries(configuration: configuration, outputDirectory: request.outputDirectory, stamp: stamp)
    }

    static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd'T'HHmmss"
        return formatter.string(from: date)
    }
}
