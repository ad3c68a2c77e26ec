import Foundation

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
