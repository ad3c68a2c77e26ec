import Foundation

/// How one file differs from the last delivered run's, by the keys in clever_file_key.
public struct FileChange: Sendable, Equatable {
    /// The file's path in the set: students.csv, oneroster/users.csv.
    public let name: String
    public let previousRows: Int?  // nil: never delivered
    public let rows: Int
    public var added = 0, removed = 0, changed = 0
    public var addedKeys: [String] = [], removedKeys: [String] = [], changedKeys: [String] = []
    /// The first rows added and removed (by label, then key), for the report.
    public var addedSamples: [ChangedRow] = [], removedSamples: [ChangedRow] = []

    /// The file's name in clever_file_key and the run history: students, oneroster/users.
    public var key: String { String(name.dropLast(".csv".count)) }
    /// The Clever file, for a Clever file.
    public var file: ExportFile? { ExportFile(rawValue: key) }

    /// The share of the previous rows this run loses, in percent.
    public var dropPercent: Double {
        guard let previousRows, previousRows > 0, rows < previousRows else { return 0 }
        return Double(previousRows - rows) * 100 / Double(previousRows)
    }
}

/// A row added or removed: its key, and its label (a name) where the file has one.
public struct ChangedRow: Sendable, Equatable {
    public let key: String
    public let label: String?
}

/// Compares the files a run built with the last delivered set: the delivered files themselves,
/// kept in `<database>-delivered/`. Both are sorted by every column left to right (the writer's
/// order), so one merge pass finds the rows only one side has, and only those are keyed
/// (clever_file_key): a key with rows on both sides changed, one only in this run's file was
/// added, one only in the delivered file was removed. Each file is compared by a job of the
/// run's ReadQueue as soon as it is written, while the build goes on.
final class ChangeGuard: @unchecked Sendable {
    /// Where the last delivered files are kept.
    let deliveredDirectory: String
    /// Also list the keys of the rows that changed.
    let details: Bool
    /// How many of the rows added and removed the report names, per file.
    static let samples = 10
    private let lock = NSLock()
    private var found: [String: FileChange] = [:]

    init(deliveredDirectory: String, details: Bool = false) {
        self.deliveredDirectory = deliveredDirectory
        self.details = details
    }

    /// The job that compares `file` once `exporter` has written it.
    func job(comparing file: ExportFile, from exporter: Exporter) -> ReadQueue.Job {
        job(comparing: file.fileName) { let written = exporter.written(file); return (written.path, written.rows) }
    }

    /// The job that compares the file `name` (its path in the set) once written: `written` says
    /// where it is and its rows.
    func job(comparing name: String, written: @escaping () -> (path: String, rows: Int)) -> ReadQueue.Job {
        ReadQueue.Job(kind: "compare", name: name, needs: []) { database in
            let (path, rows) = written()
            let change = try self.compare(name, at: path, rows: rows, in: database)
            self.lock.withLock { self.found[name] = change }
        }
    }

    /// What the jobs found, for the files `names` with their rows, in their order.
    func changes(of files: [(name: String, rows: Int)]) -> [FileChange] {
        lock.withLock { files.map { found[$0.name] ?? FileChange(name: $0.name, previousRows: nil, rows: $0.rows) } }
    }

    private func deliveredPath(_ name: String) -> String {
        URL(fileURLWithPath: deliveredDirectory).appending(path: name).path
    }

    /// Compares one file; `database` is a connection of the job's own, for its temporary tables.
    private func compare(_ name: String, at path: String, rows: Int, in database: Database) throws -> FileChange {
        guard FileManager.default.fileExists(atPath: deliveredPath(name)) else {
            return FileChange(name: name, previousRows: nil, rows: rows)
        }
        let now = try CSVReader(path: path, name: name)
        let before = try CSVReader(path: deliveredPath(name), name: "the delivered \(name)")
        guard try now.next(), try before.next() else {
            return FileChange(name: name, previousRows: nil, rows: rows)
        }
        let nowColumns = Self.names(now), beforeColumns = Self.names(before)
        try database.execute("""
            drop table if exists temp.now_only; drop table if exists temp.before_only;
            create temp table now_only (\(Self.columnList(nowColumns)));
            create temp table before_only (\(Self.columnList(beforeColumns)));
            """)
        defer { try? database.execute("drop table if exists temp.now_only; drop table if exists temp.before_only") }
        // When the columns changed (an option changed), no row is the same: every common key
        // changed. A savepoint, not BEGIN IMMEDIATE: only temporary tables are written, and the
        // build holds the staging file's write lock.
        try database.execute("savepoint compare")
        let previousRows: Int
        do {
            previousRows = try collectDifferences(
                now, before, columns: nowColumns == beforeColumns ? nowColumns.count : 0, in: database)
            try database.execute("release compare")
        } catch {
            try? database.execute("rollback to compare; release compare")
            throw error
        }
        var change = FileChange(name: name, previousRows: previousRows, rows: rows)
        let expressions = try database.rows(
            "select key_expression, label_expression from clever_file_key where file = ?", [change.key]).first
        let key = expressions?[0] ?? "1"
        let comparison = """
            with now_keys as (select distinct \(key) as k from temp.now_only),
            before_keys as (select distinct \(key) as k from temp.before_only)
            select 'added', k from now_keys where k not in (select k from before_keys)
            union all select 'removed', k from before_keys where k not in (select k from now_keys)
            union all select 'changed', k from now_keys where k in (select k from before_keys)
            """
        for row in try database.rows(comparison) {
            switch row[0] {
            case "added": change.added += 1; if details { change.addedKeys.append(row[1] ?? "") }
            case "removed": change.removed += 1; if details { change.removedKeys.append(row[1] ?? "") }
            default: change.changed += 1; if details { change.changedKeys.append(row[1] ?? "") }
            }
        }
        // The label reads the file's columns, which the delivered file may not have had.
        let label = nowColumns == beforeColumns ? expressions?[1] ?? "null" : "null"
        func samples(_ side: String, _ other: String) throws -> [ChangedRow] {
            try database.rows("""
                select k, l from (select distinct \(key) as k, \(label) as l from temp.\(side))
                where k not in (select \(key) from temp.\(other)) order by l, k limit \(Self.samples)
                """).map { ChangedRow(key: $0[0] ?? "", label: $0[1]) }
        }
        if change.added > 0 { change.addedSamples = try samples("now_only", "before_only") }
        if change.removed > 0 { change.removedSamples = try samples("before_only", "now_only") }
        return change
    }

    /// Walks the built file and the delivered one side by side (both past their headers) and
    /// stores the rows only one of them has in temp.now_only and temp.before_only. `columns` is
    /// how many columns both have (0: they differ, so every row counts as different). Returns
    /// the delivered file's row count.
    private func collectDifferences(_ now: CSVReader, _ before: CSVReader, columns: Int, in database: Database) throws -> Int {
        let nowOnly = try database.prepare(Self.insert(into: "temp.now_only", count: now.fieldCount))
        let beforeOnly = try database.prepare(Self.insert(into: "temp.before_only", count: before.fieldCount))
        let nowWidth = now.fieldCount, beforeWidth = before.fieldCount
        var hasNow = try now.next(), hasBefore = try before.next()
        var previousRows = 0
        while hasNow || hasBefore {
            let order = !hasBefore ? -1 : !hasNow ? 1 : columns == 0 ? -1 : Self.order(now, before, columns: columns)
            if order < 0 {
                try Self.store(nowOnly, now, width: nowWidth)
            } else if order > 0 {
                try Self.store(beforeOnly, before, width: beforeWidth)
            }
            if order <= 0 { hasNow = try now.next() }
            if order >= 0 {
                previousRows += 1
                hasBefore = try before.next()
            }
        }
        return previousRows
    }

    /// Keeps what was just delivered as the set the next run is compared with: each file is
    /// linked (or, where the file system cannot, copied) into the delivered folder under a
    /// temporary name and renamed over the last one. The writer never changes a built file in
    /// place — each run writes new ones — so a link stays the file that was delivered.
    func recordDelivered(_ files: [ExportedFile]) throws {
        try recordDelivered(files.map { ($0.file.fileName, $0.path) })
    }

    /// The same for files by their path in the set (oneroster/users.csv) and where they are.
    func recordDelivered(_ files: [(name: String, path: String)]) throws {
        for exported in files {
            let target = deliveredPath(exported.name)
            let folder = URL(fileURLWithPath: target).deletingLastPathComponent()
            try FileManager.default.createDirectory(
                atPath: folder.path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            // One name a file, so that what a killed run left is replaced by the next (the run
            // lock keeps two from writing at once).
            let temporary = folder.appending(path: ".\(URL(fileURLWithPath: target).lastPathComponent).tmp").path
            unlink(temporary)
            // rename() leaves both names when they are links to the same file (the set was
            // delivered again): the temporary one goes either way.
            defer { unlink(temporary) }
            if link(exported.path, temporary) != 0 {
                try FileManager.default.copyItem(atPath: exported.path, toPath: temporary)
            }
            guard rename(temporary, target) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw WriteError(path: target, reason: reason)
            }
            CrashPoint.reached("delivered renamed \(exported.name)")
        }
    }

    /// -1, 0 or 1 as the first reader's record sorts before, with or after the second's: field
    /// by field in byte order, as the writer's ORDER BY sorts text.
    private static func order(_ left: CSVReader, _ right: CSVReader, columns: Int) -> Int {
        for column in 0..<columns {
            let left = left[column].buffer, right = right[column].buffer
            let common = min(left.count, right.count)
            let bytes = common == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, common)
            if bytes != 0 { return bytes < 0 ? -1 : 1 }
            if left.count != right.count { return left.count < right.count ? -1 : 1 }
        }
        return 0
    }

    /// Inserts the reader's record, `width` columns (a missing field as empty text).
    private static func store(_ insert: Statement, _ reader: CSVReader, width: Int) throws {
        for index in 0..<width {
            let field = index < reader.fieldCount ? reader[index] : nil
            if let field, field.count > 0 {
                insert.bindBorrowed(field.start, count: field.count, at: Int32(index + 1))
            } else {
                insert.bind("", at: Int32(index + 1))
            }
        }
        try insert.step()
        insert.reset()
    }

    /// The header's column names.
    private static func names(_ reader: CSVReader) -> [String] {
        (0..<reader.fieldCount).map { String(decoding: reader[$0].buffer, as: UTF8.self) }
    }

    private static func columnList(_ names: [String]) -> String {
        names.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" }.joined(separator: ", ")
    }

    private static func insert(into table: String, count: Int) -> String {
        "insert into \(table) values (\(Array(repeating: "?", count: count).joined(separator: ", ")))"
    }
}
