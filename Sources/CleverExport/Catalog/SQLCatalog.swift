import Foundation

/// The SQL that defines the product: schema, indexes, staging and Clever views, checks. It comes
/// from the copy compiled into the binary, or from a folder an analyst edited (`--sql-dir`).
public struct SQLCatalog: Sendable {
    public struct File: Sendable {
        public let path: String  // relative to the sql/ folder, e.g. "clever/students.sql"
        public let text: String
    }

    /// Folders in the order they are applied: schema, (load), indexes, staging, models, clever,
    /// checks.
    static let schemaFolder = "schema", indexFolder = "indexes"
    static let stagingFolder = "staging", modelFolder = "models", cleverFolder = "clever", checkFolder = "checks"

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

    /// Drops and recreates the staging tables and the options table; keeps the run history.
    func installSchema(in database: Database) throws { try execute(Self.schemaFolder, in: database) }

    /// Renames the previous run's staging and model tables to previous_<name> (dropping their
    /// indexes) instead of letting the new run drop them; `dropPreviousTables` drops them once
    /// the new ones are built. SQLite journals a page that is freed and reused in one
    /// transaction, but reuses a page freed by an earlier one for free: so each night loads into
    /// the pages the night before released, as cheaply as into a new file. The database holds
    /// two nights' tables while a run is under way.
    func setAsidePreviousTables(in database: Database) throws {
        let staging = (try? database.strings("select name from extract_file")) ?? []
        let models = files(in: Self.modelFolder).map { URL(fileURLWithPath: $0.path).deletingPathExtension().lastPathComponent }
        let tables = Set(try database.strings("select name from sqlite_master where type = 'table'"))
        try database.execute("pragma legacy_alter_table = on")  // the views are rebuilt anyway
        defer { try? database.execute("pragma legacy_alter_table = off") }
        for table in Set(staging + models) where tables.contains(table) {
            let indexes = try database.strings(
                "select name from sqlite_master where type = 'index' and tbl_name = ? and sql is not null", [table])
            for index in indexes { try database.execute("drop index \"\(index)\"") }
            try database.execute("drop table if exists \"previous_\(table)\"; alter table \"\(table)\" rename to \"previous_\(table)\"")
        }
    }

    /// Drops the tables `setAsidePreviousTables` kept.
    func dropPreviousTables(in database: Database) throws {
        for table in try database.strings("select name from sqlite_master where type = 'table' and name like 'previous\\_%' escape '\\'") {
            try database.execute("drop table \"\(table)\"")
        }
    }

    /// Indexes the freshly loaded staging tables.
    func installIndexes(in database: Database) throws { try execute(Self.indexFolder, in: database) }

    private func execute(_ folder: String, in database: Database) throws {
        for file in files(in: folder) {
            try database.execute(file.text, context: "\(origin) \(file.path)")
        }
    }

    /// Rebuilds everything that reads the staging tables: the stg_ views, the model tables
    /// (built in dependency order, so they can be queried after the run), and the clever_
    /// views. Each view is then prepared so a broken one is reported with its file now.
    func build(in database: Database) throws {
        for view in try database.strings("select name from sqlite_master where type = 'view'") {
            try database.execute("drop view \"\(view)\"")
        }
        let staging = try createViews(files(in: Self.stagingFolder), in: database)
        try buildModels(in: database)
        let clever = try createViews(files(in: Self.cleverFolder), in: database)
            + createViews(files(in: Self.checkFolder), in: database)
        var problems: [String] = []
        for (view, path) in (staging + clever).sorted(by: { $0.path < $1.path }) {
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

    /// Model files create tables from other models; a file whose input does not exist yet is
    /// retried after the others, until every file has run or none can. Each file is named after
    /// its table; all are dropped first so no model reads a previous run's table.
    private func buildModels(in database: Database) throws {
        var pending = files(in: Self.modelFolder)
        for file in pending {
            let table = URL(fileURLWithPath: file.path).deletingPathExtension().lastPathComponent
            try database.execute("drop table if exists \"\(table)\"")
        }
        while !pending.isEmpty {
            var waiting: [(file: File, reason: String)] = []
            for file in pending {
                try database.execute("savepoint model")
                do {
                    try database.execute(file.text, context: "\(origin) \(file.path)")
                    try database.execute("release model")
                } catch let error as DatabaseError where error.message.hasPrefix("no such table") {
                    try database.execute("rollback to model; release model")
                    waiting.append((file, error.message))
                }
            }
            if waiting.count == pending.count {
                throw DatabaseError(
                    message: waiting.map { "\(origin) \($0.file.path): \($0.reason)" }.joined(separator: "\n"),
                    context: nil)
            }
            pending = waiting.map(\.file)
        }
    }
}
