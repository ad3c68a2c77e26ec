import Foundation

/// The build of one run: a new staging database with the extract imported, the models built and
/// checked, and the Clever files written and compared with the last delivery, not yet in place.
struct StagingBuild {
    /// What a build leaves: the run's history row, the checks' findings, the written files (in
    /// the outbox's new folder, published by `exporter`) and their comparison.
    struct Built {
        let runID: Int
        let findings: [Finding]
        let exporter: Exporter
        let changeGuard: ChangeGuard
        /// The OneRoster set, written beside the Clever files (oneroster.enabled).
        let oneRoster: OneRosterSet?
    }

    let configuration: Configuration
    let catalog: SQLCatalog
    let staging: StagingFile
    let asOf: String
    let started: Date
    let outboxDirectory: String
    let deliveredDirectory: String
    let changeDetails: Bool
    let progress: TerminalProgress?

    /// Builds the run's staging database as a new file: imports the extract (on both cores),
    /// writes the options and the run's history row, and builds the models while the checks, the
    /// writing and comparing of the files and `student_contacts` run on the other core, each as
    /// soon as the tables it reads are built. Every connection to the file is closed when it
    /// returns.
    func build(clock: inout PhaseClock, steps: StepLog) throws -> Built {
        let database = try staging.create()
        // Unjournaled until the build turns on the write-ahead log. A 64 MiB cache spills less often.
        try database.execute("\(StagingFile.unjournaled); pragma cache_size = -65536")
        let history = RunHistory(database: database)
        try clock.time("import") { try database.transaction { try catalog.installSchema(in: database) } }
        try clock.time("history") { try history.carryOver(from: staging.path) }
        try clock.time("import") {
            let scratch = try staging.createScratch("import")
            progress?.update("importing the extract (\(configuration.path("source.dir")))")
            var loader = StagingLoader(
                database: database, directory: configuration.path("source.dir"),
                scratchPath: scratch, costs: try history.lastImportCosts(), loaded: { steps.record("import", $0, $1, bytes: $2) })
            let progress = progress
            loader.progress = { progress?.update("importing the extract: \($0) of \($1) files loaded") }
            _ = try loader.loadAll()
            staging.removeScratch(scratch)
        }
        let runID = try database.transaction {
            try clock.time("index") { try catalog.installIndexes(in: database) }
            try OptionsTable(database: database).write(configuration, asOf: asOf)
            try ExtensionColumns(database: database).copy(for: configuration)
            return try history.start(asOf: asOf, at: started)
        }
        // From here the build writes while the checks read: a write-ahead log lets them.
        try database.execute("pragma journal_mode = wal")
        let views = try catalog.createViews(in: database)
        let plan = try catalog.plan(in: database)
        let validator = Validator()
        let exporter = try Exporter(files: configuration.files, directory: outboxDirectory)
        let changeGuard = ChangeGuard(deliveredDirectory: deliveredDirectory, details: changeDetails)
        let oneRoster = try configuration.flag("oneroster.enabled")
            ? OneRosterSet(files: OneRosterFile.files(demographics: configuration.flag("oneroster.demographics")),
                           directory: exporter.newDirectory)
            : nil
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
                    + validator.jobs(checks: views.map(\.view).filter { $0.hasPrefix("check_") }, needs: plan.models(neededBy:))
                    + (oneRoster?.jobs(needs: plan.models(neededBy:), then: { file in
                        file.isCompared ? [changeGuard.job(comparing: file.nameInSet) { oneRoster!.written(file) }] : []
                    }) ?? []),
                seconds: lastSeconds),
            finished: { steps.record($0, $1, $2) })
        do {
            let models = plan.files.keys.filter(plan.isModel).count
            var built = 0
            progress?.update("building the models: 0 of \(models)")
            try clock.time("build") {
                try catalog.buildModels(in: database, plan: plan, alongside: alongside, criticalPath: criticalPath) { model, seconds in
                    steps.record("model", model, seconds)
                    built += 1
                    progress?.update("building the models: \(min(built, models)) of \(models) (\(model))")
                    readers.committed(model.hasPrefix("copy of ") ? String(model.dropFirst("copy of ".count)) : model)
                }
                try catalog.verify(views, in: database)
                // The models are all in: fold what the readers allow of the log into the file and
                // start writing it to the disk while the last checks and files run.
                try database.execute("pragma wal_checkpoint(passive)")
                staging.writeAhead()
            }
            progress?.update("checking and writing the files")
            try clock.time("validate") { try readers.finish() }
            if let oneRoster { try clock.time("zip") { try oneRoster.zip() } }
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
            let findings = validator.findings + (try oneRoster?.manifestFindings() ?? [])
            return Built(runID: runID, findings: findings, exporter: exporter, changeGuard: changeGuard, oneRoster: oneRoster)
        } catch {
            readers.cancel()
            exporter.discard()
            throw error
        }
    }
}
