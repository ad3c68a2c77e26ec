import Foundation

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
/// delivered_<file> tables loaded from the delivered files themselves, in file order. Files and
/// tables are both sorted by every column left to right (the writer's order), so one merge pass
/// finds the rows only one side has, and only those are keyed (clever_file_key): a key with rows
/// on both sides changed, one only in this run's file was added, one only in the delivered file
/// was removed.
struct ChangeGuard {
    let database: Database

    func compare(_ files: [ExportedFile], details: Bool = false) throws -> [FileChange] {
        try files.map { try compare($0, details: details) }
    }

    private func compare(_ exported: ExportedFile, details: Bool) throws -> FileChange {
        let file = exported.file
        let snapshot = "delivered_\(file.rawValue)"
        let before = try database.strings("select name from pragma_table_info(?) order by cid", [snapshot])
        guard !before.isEmpty else { return FileChange(file: file, previousRows: nil, rows: exported.rows) }
        let previous = Int(try database.strings("select count(*) from \"\(snapshot)\"")[0]) ?? 0
        var change = FileChange(file: file, previousRows: previous, rows: exported.rows)
        let now = try Exporter(database: database).columns(of: file)
        try database.execute("""
            drop table if exists temp.now_only; drop table if exists temp.before_only;
            create temp table now_only (\(Self.columnList(now)));
            create temp table before_only (\(Self.columnList(before)));
            """)
        defer { try? database.execute("drop table if exists temp.now_only; drop table if exists temp.before_only") }
        try database.transaction {
            // When the columns changed (an option changed), no row is the same: every common key changed.
            try collectDifferences(exported, snapshot: snapshot, columns: before == now ? now.count : 0)
        }
        let key = try database.strings("select key_expression from clever_file_key where file = ?", [file.rawValue]).first ?? "1"
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
        return change
    }

    /// Walks the built file and its snapshot side by side and stores the rows only one of them
    /// has in temp.now_only and temp.before_only. `columns` is how many columns both have (0:
    /// they differ, so every row counts as different).
    private func collectDifferences(_ exported: ExportedFile, snapshot: String, columns: Int) throws {
        let reader = try CSVReader(path: exported.path, name: exported.file.fileName)
        _ = try reader.next()  // the header
        let delivered = try database.prepare("select * from \"\(snapshot)\" order by rowid")
        let nowOnly = try database.prepare(Self.insert(into: "temp.now_only", count: reader.fieldCount))
        let beforeOnly = try database.prepare(Self.insert(into: "temp.before_only", count: Int(delivered.columnCount)))
        var hasNow = try reader.next(), hasBefore = try delivered.step()
        while hasNow || hasBefore {
            let order = !hasBefore ? -1 : !hasNow ? 1 : columns == 0 ? -1 : Self.order(reader, delivered, columns: columns)
            if order < 0 {
                try Self.store(nowOnly, (0..<reader.fieldCount).map { reader[$0].buffer })
                hasNow = try reader.next()
            } else if order > 0 {
                try Self.store(beforeOnly, (0..<Int(delivered.columnCount)).map { delivered.bytes(at: Int32($0)) })
                hasBefore = try delivered.step()
            } else {
                hasNow = try reader.next()
                hasBefore = try delivered.step()
            }
        }
    }

    /// Keeps what was just delivered as the set the next run is compared with: each file's rows,
    /// as text, in file order. The new set is loaded before the old one is dropped, so it fills
    /// pages freed by an earlier transaction, which SQLite need not journal (SQLCatalog's
    /// setAsidePreviousTables says more).
    func recordDelivered(_ files: [ExportedFile]) throws {
        try database.transaction {
            for exported in files {
                let snapshot = "delivered_\(exported.file.rawValue)"
                let reader = try CSVReader(path: exported.path, name: exported.file.fileName)
                guard try reader.next() else { continue }
                let header = (0..<reader.fieldCount).map { String(decoding: reader[$0].buffer, as: UTF8.self) }
                try database.execute("drop table if exists new_\(snapshot); create table new_\(snapshot) (\(Self.columnList(header)))")
                let insert = try database.prepare(Self.insert(into: "new_\(snapshot)", count: header.count))
                while try reader.next() {
                    try Self.store(insert, (0..<reader.fieldCount).map { reader[$0].buffer })
                }
                try database.execute("drop table if exists \(snapshot); alter table new_\(snapshot) rename to \(snapshot)")
            }
        }
    }

    /// -1, 0 or 1 as the reader's record sorts before, with or after the statement's row: field by
    /// field in byte order, as the writer's ORDER BY sorts text.
    private static func order(_ reader: CSVReader, _ row: Statement, columns: Int) -> Int {
        for column in 0..<columns {
            let left = reader[column].buffer, right = row.bytes(at: Int32(column))
            let common = min(left.count, right.count)
            let bytes = common == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, common)
            if bytes != 0 { return bytes < 0 ? -1 : 1 }
            if left.count != right.count { return left.count < right.count ? -1 : 1 }
        }
        return 0
    }

    private static func store(_ insert: Statement, _ fields: [UnsafeBufferPointer<UInt8>]) throws {
        for (index, field) in fields.enumerated() {
            if let start = field.baseAddress {
                insert.bindBorrowed(start, count: field.count, at: Int32(index + 1))
            } else {
                insert.bind("", at: Int32(index + 1))
            }
        }
        try insert.step()
        insert.reset()
    }

    private static func columnList(_ names: [String]) -> String {
        names.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" }.joined(separator: ", ")
    }

    private static func insert(into table: String, count: Int) -> String {
        "insert into \(table) values (\(Array(repeating: "?", count: count).joined(separator: ", ")))"
    }
}
