import Foundation

/// The SQL that defines the product: schema, indexes, staging and Clever views, checks. It comes
/// from the copy compiled into the binary, or from a folder an analyst edited (`--sql-dir`).
public struct SQLCatalog: Sendable {
    public struct File: Sendable {
        public let path: String  // relative to the sql/ folder, e.g. "clever/students.sql"
        public let text: String
    }

    /// Folders in the order they are applied: schema, (load), indexes, then the views of
    /// staging, clever and checks, then the models the views read.
    static let schemaFolder = "schema", indexFolder = "indexes"
    static let stagingFolder = "staging", modelFolder = "models", cleverFolder = "clever", checkFolder = "checks"
    static let oneRosterFolder = "oneroster"

    public let files: [File]
    public let origin: String

    public static var embedded: SQLCatalog {
        SQLCatalog(files: EmbeddedSQL.files.map { File(path: $0.path, text: $0.text) }, origin: "built-in sql/")
    }

    public static func load(directory: String) throws -> SQLCatalog {
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            throw DatabaseError(message: "cannot be read", context: "SQL folder \(directory)")
        }
        var files: [File] = []
        for case let url as URL in walker where url.pathExtension == "sql" {
            let path = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            files.append(File(path: path, text: try String(contentsOf: url, encoding: .utf8)))
        }
        guard files.contains(where: { $0.path.hasPrefix(schemaFolder + "/") }) else {
            throw DatabaseError(message: "has no schema/ folder; point --sql-dir at a copy of the project's sql/ folder", context: "SQL folder \(directory)")
        }
        return SQLCatalog(files: files.sorted { $0.path < $1.path }, origin: directory)
    }

    func files(in folder: String) -> [File] {
        files.filter { $0.path.hasPrefix(folder + "/") }
    }

    /// Creates the staging tables, the options table and the run history tables.
    func installSchema(in database: Database) throws { try execute(Self.schemaFolder, in: database) }

    /// Indexes the freshly loaded staging tables.
    func installIndexes(in database: Database) throws { try execute(Self.indexFolder, in: database) }

    private func execute(_ folder: String, in database: Database) throws {
        for file in files(in: folder) {
            try database.execute(file.text, context: "\(origin) \(file.path)")
        }
    }

    /// Creates the stg_, clever_, oneroster_ and check_ views, in one transaction. SQLite resolves a view's
    /// tables when it is used, so they may read model tables `buildModels` has yet to build.
    func createViews(in database: Database) throws -> [(view: String, path: String)] {
        try database.transaction {
            try createViews(
                files(in: Self.stagingFolder) + files(in: Self.cleverFolder) + files(in: Self.oneRosterFolder)
                    + files(in: Self.checkFolder), in: database)
        }
    }

    /// Prepares each view once the models are built, so a broken one is reported with its file.
    func verify(_ views: [(view: String, path: String)], in database: Database) throws {
        var problems: [String] = []
        for (view, path) in views.sorted(by: { $0.path < $1.path }) {
            do { _ = try database.prepare("select * from \"\(view)\" limit 0") } catch let error as DatabaseError {
                problems.append("\(origin) \(path): view \(view) is broken: \(error.message)")
            }
        }
        if !problems.isEmpty { throw DatabaseError(message: problems.joined(separator: "\n"), context: nil) }
    }

    /// Runs each file; returns the views it created with their file.
    private func createViews(_ files: [File], in database: Database) throws -> [(view: String, path: String)] {
        var created: [(view: String, path: String)] = []
        let listViews = "select name from sqlite_master where type = 'view'"
        for file in files {
            let before = Set(try database.strings(listViews))
            try database.execute(file.text, context: "\(origin) \(file.path)")
            created += try database.strings(listViews).filter { !before.contains($0) }.map { ($0, file.path) }
        }
        return created
    }

    /// The plan of what each file reads (BuildPlan), once the schema is installed.
    func plan(in database: Database) throws -> BuildPlan {
        let tables = Set(try database.strings("select name from sqlite_master where type = 'table'"))
        return try BuildPlan(catalog: self, schemaTables: tables)
    }

    /// Builds the model tables (sql/models/, each file named after its table), each as soon as
    /// the models it reads (BuildPlan) are built, each file in a transaction of its own, so a
    /// table is committed with its indexes and can be read on other connections while the next
    /// one is built; `built` is told each model (and each copy of one built alongside) and the
    /// seconds it took. Of the models that can be built, the one with the longest chain of
    /// waiting work goes first (`criticalPath`, else file order). The models of `alongside` are
    /// built on the other core and copied in when done.
    func buildModels(
        in database: Database, plan: BuildPlan, alongside: ModelsAlongside? = nil, criticalPath: CriticalPath? = nil,
        built: (_ model: String, _ seconds: Double) -> Void = { _, _ in }
    ) throws {
        let elsewhere = Set((alongside?.files ?? []).map(\.path))
        let models = files(in: Self.modelFolder).filter { !elsewhere.contains($0.path) }
        var pending = criticalPath?.ordered(models, feeding: alongside?.files ?? []) ?? models
        var done: Set<String> = []
        func copyIn(_ file: File) throws {
            let start = Date()
            try alongside?.copy(file, into: database)
            done.insert(file.model)
            built("copy of \(file.model)", Date().timeIntervalSince(start))
        }
        while true {
            try alongside?.built().forEach(copyIn)
            // The first model whose inputs are built. Looking again from the top after each one
            // builds a model as soon as what it reads exists, so a long chain (to
            // enrollments.csv) is not held back behind models that merely come earlier.
            if let index = pending.firstIndex(where: { plan.models(neededBy: $0.model).isSubset(of: done) }) {
                let file = pending.remove(at: index)
                try build(file, in: database, built: built)
                done.insert(file.model)
                continue
            }
            // Nothing the writer can build: wait for a model built alongside, or take back one
            // whose job has not started.
            switch try alongside?.next() {
            case .copy(let file)?: try copyIn(file)
            case .build(let file)?: pending.insert(file, at: 0)
            case nil:
                guard !pending.isEmpty else { return }
                throw DatabaseError(
                    message: pending.map {
                        "\(origin) \($0.path): waits for \(plan.models(neededBy: $0.model).subtracting(done).sorted().joined(separator: ", ")), which cannot be built"
                    }.joined(separator: "\n"),
                    context: nil)
            }
        }
    }

    /// Runs one model file as a transaction of its own.
    private func build(_ file: File, in database: Database, built: (String, Double) -> Void) throws {
        let start = Date()
        try database.execute("savepoint model")
        do {
            try database.execute(file.text, context: "\(origin) \(file.path)")
            try database.execute("release model")
        } catch {
            try? database.execute("rollback to model; release model")
            throw error
        }
        built(file.model, Date().timeIntervalSince(start))
    }
}
