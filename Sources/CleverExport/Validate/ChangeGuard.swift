/// How one file differs from the last delivered run's, by the keys in clever_file_key.
public struct FileChange: Sendable, Equatable {
    public let file: ExportFile
    public let previousRows: Int?  // nil: never delivered
    public let rows: Int
    public var added = 0, removed = 0, changed = 0
    public var addedKeys: [String] = [], removedKeys: [String] = [], changedKeys: [String] = []

    /// The share of the previous rows this run loses, in percent.
    public var dropPercent: Double {
        guard let previousRows, previousRows > 0, rows < previousRows else { return 0 }
        return Double(previousRows - rows) * 100 / Double(previousRows)
    }
}

/// Compares the files a run built with the last delivered set, which is kept in the database as
/// delivered_<file> tables, and replaces that set after a delivery.
struct ChangeGuard {
    let database: Database

    func compare(_ files: [ExportedFile], details: Bool = false) throws -> [FileChange] {
        try files.map { try compare($0, details: details) }
    }

    private func compare(_ exported: ExportedFile, details: Bool) throws -> FileChange {
        let file = exported.file
        let snapshot = "delivered_\(file.rawValue)"
        guard try !database.strings("select name from sqlite_master where name = ?", [snapshot]).isEmpty else {
            return FileChange(file: file, previousRows: nil, rows: exported.rows)
        }
        let previous = Int(try database.strings("select count(*) from \(snapshot)")[0]) ?? 0
        var change = FileChange(file: file, previousRows: previous, rows: exported.rows)
        let key = try database.strings("select key_expression from clever_file_key where file = ?", [file.rawValue]).first ?? "1"
        let columns = try Exporter(database: database).columns(of: file)
        let content = columns.map { "coalesce(cast(\"\($0)\" as text), '')" }.joined(separator: " || char(31) || ")
        let order = (1...columns.count).map(String.init).joined(separator: ", ")
        let keyed = { (table: String) in
            "select \(key) as k, group_concat(\(content), char(30)) as v from (select * from \(table) order by \(order)) group by k"
        }
        // When the columns changed (an option changed), every common key counts as changed.
        let sameColumns = try database.strings("select name from pragma_table_info(?) order by cid", [snapshot]) == columns
        let comparison = """
            with now as (\(keyed(file.viewName))), before as (\(sameColumns ? keyed(snapshot) : "select \(key) as k, '' as v from \(snapshot)"))
            select 'added', k from now where k not in (select k from before)
            union all select 'removed', k from before where k not in (select k from now)
            union all select 'changed', now.k from now join before on before.k = now.k where now.v is not before.v
            """
        for row in try database.rows(comparison) {
            switch row[0] {
            case "added": change.added += 1; if details { change.addedKeys.append(row[1] ?? "") }
            case "removed": change.removed += 1; if details { change.removedKeys.append(row[1] ?? "") }
            default: change.changed += 1; if details { change.changedKeys.append(row[1] ?? "") }
            }
        }
        return change
    }

    /// Keeps what was just delivered as the set the next run is compared with.
    func recordDelivered(_ files: [ExportedFile]) throws {
        for exported in files {
            let columns = try Exporter(database: database).columns(of: exported.file)
            let snapshot = "delivered_\(exported.file.rawValue)"
            try database.execute("""
                drop table if exists \(snapshot);
                create table \(snapshot) as select \(columns.map { "\"\($0)\"" }.joined(separator: ", ")) from \(exported.file.viewName);
                """)
        }
    }
}
