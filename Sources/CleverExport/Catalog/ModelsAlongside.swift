import Foundation

/// Models built on the other core. SQLite lets one connection write the staging file at a time,
/// so such a model is built by a job of the run's ReadQueue into a scratch file of its own, from
/// the tables the writer has committed, and the writer then copies the finished table and its
/// indexes in whole (SQLite copies a table between files with the same schema page by page).
/// Worth it for a model that takes seconds and that other models read late or not at all (one
/// that reads it waits until it is copied in); CriticalPath.builtAlongside chooses them. A
/// model's job starts once the models it reads are committed; if the writer runs out of other
/// models before the job has started, it takes the model back and builds it itself.
final class ModelsAlongside: @unchecked Sendable {
    private enum State {
        case queued, running, built, copied, taken
        case failed(Error)
    }

    /// What the writer does next: copy a model built alongside, or build one itself.
    enum Next {
        case copy(SQLCatalog.File), build(SQLCatalog.File)
    }

    let files: [SQLCatalog.File]
    /// Where the files come from, for messages.
    private let origin: String
    private let scratch: (String) throws -> String
    private let condition = NSCondition()
    private var states: [String: State] = [:]
    private var scratchPaths: [String: String] = [:]

    /// `files`: the models to build alongside; `scratch` creates the scratch file for one.
    init(files: [SQLCatalog.File], origin: String, scratch: @escaping (String) throws -> String) {
        self.files = files
        self.origin = origin
        self.scratch = scratch
        for file in files { states[file.model] = .queued }
    }

    /// One job per model, for the ReadQueue; `needs` gives the models one waits for.
    func jobs(needs: (String) -> Set<String>) -> [ReadQueue.Job] {
        files.map { file in
            ReadQueue.Job(
                kind: "alongside", name: file.model, needs: needs(file.model),
                run: { reader in try self.build(file, reading: reader.path) })
        }
    }

    private func build(_ file: SQLCatalog.File, reading stagingPath: String) throws {
        let claimed = condition.withLock {
            guard case .queued = states[file.model] else { return false }
            states[file.model] = .running
            return true
        }
        guard claimed else { return }
        do {
            let path = try scratch(file.model)
            let database = try Database(path: path)
            // A 16 MiB cache, as the readers have: the writer's 64 MiB was no faster (docs/benchmark.md).
            try database.execute("\(StagingFile.pageSize); \(StagingFile.unjournaled); pragma cache_size = -16384")
            let attach = try database.prepare("attach database ? as staging")
            attach.bind(stagingPath, at: 1)
            try attach.step()
            try database.execute(file.text, context: "\(origin) \(file.path)")
            try database.execute("detach database staging")
            settle(file.model, .built, path: path)
        } catch {
            settle(file.model, .failed(error))
            throw error
        }
    }

    private func settle(_ model: String, _ state: State, path: String? = nil) {
        condition.withLock {
            states[model] = state
            scratchPaths[model] = path
            condition.broadcast()
        }
    }

    /// The models built alongside and not yet copied; the writer copies them now.
    func built() -> [SQLCatalog.File] {
        condition.withLock {
            files.filter { if case .built = states[$0.model] { true } else { false } }
        }
    }

    /// Waits while a model is being built alongside; nil when every model is copied or taken.
    /// Throws what a job failed with.
    func next() throws -> Next? {
        try condition.withLock {
            while true {
                var running = false
                for file in files {
                    switch states[file.model]! {
                    case .built: return .copy(file)
                    case .queued:
                        states[file.model] = .taken
                        return .build(file)
                    case .failed(let error): throw error
                    case .running: running = true
                    case .copied, .taken: break
                    }
                }
                guard running else { return nil }
                condition.wait()
            }
        }
    }

    /// The writer copies `file`'s table and indexes from its scratch file into `database`, and
    /// removes the scratch file.
    func copy(_ file: SQLCatalog.File, into database: Database) throws {
        let path = condition.withLock { scratchPaths[file.model]! }
        let attach = try database.prepare("attach database ? as alongside")
        attach.bind(path, at: 1)
        try attach.step()
        do {
            try database.transaction {
                let schema = try database.rows(
                    "select type, name, sql from alongside.sqlite_master where sql is not null order by type = 'index', rowid")
                for row in schema { try database.execute(row[2]!, context: "\(origin) \(file.path)") }
                for row in schema where row[0] == "table" {
                    let table = sqlIdentifier(row[1]!)
                    // `select *` lets SQLite copy the records as they are, without reading their
                    // values; a table with a generated column (computed, which cannot be
                    // inserted) needs its stored columns named, and is copied value by value.
                    let xinfo = try database.rows("select name, hidden from pragma_table_xinfo(?, 'alongside')", [row[1]!])
                    let generated = xinfo.contains { $0[1] != "0" }
                    let columns = generated
                        ? xinfo.filter { $0[1] == "0" }.map { sqlIdentifier($0[0]!) }.joined(separator: ", ")
                        : "*"
                    try database.execute(
                        "insert into main.\(table)\(generated ? " (\(columns))" : "") select \(columns) from alongside.\(table)",
                        context: "\(origin) \(file.path)")
                }
            }
        } catch {
            try? database.execute("detach database alongside")
            throw error
        }
        try database.execute("detach database alongside")
        for suffix in ["", "-journal"] { unlink(path + suffix) }
        condition.withLock { states[file.model] = .copied }
    }
}

extension SQLCatalog.File {
    /// The model a file builds: its name without the folder and .sql.
    var model: String { URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent }
}
