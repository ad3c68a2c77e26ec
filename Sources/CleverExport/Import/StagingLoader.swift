import Foundation

/// The import failed; every problem found in every file, in file order.
public struct ImportError: Error, CustomStringConvertible {
    public let problems: [InputProblem]
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Loads each extract file named in the extract_file table into its staging table, on both cores:
/// SQLite lets one connection write a file at a time, so a second loader fills a scratch file
/// with part of the files on another thread, and its tables are then copied in whole — SQLite
/// copies a table between files with the same columns page by page, without reading the rows.
/// (It copies indexes entry by entry, as slowly as it creates them: they are created after.)
struct StagingLoader {
    let database: Database
    let directory: String
    /// An empty file for the second loader; nil loads every file on `database`'s connection.
    var scratchPath: String?
    /// Problems listed per file before the rest are only counted.
    var problemsPerFile = 20
    /// What each file cost the last run, from which the files are split between the loaders.
    var costs = ImportCosts()
    /// Which files each loader takes (nil: split by `costs`; set by the tests).
    var split: (([ExtractFile]) -> (first: [ExtractFile], second: [ExtractFile]))?
    /// Told each file loaded (and the copy of the second loader's tables), the seconds it took
    /// and its bytes.
    var loaded: (_ step: String, _ seconds: Double, _ bytes: Int) -> Void = { _, _, _ in }
    /// The step the copy of the second loader's tables is recorded as.
    static let copyStep = "copy of the second loader's tables"
    /// Told, as it happens and from either loader's thread, each file loaded and how many there are.
    var progress: @Sendable (_ loaded: Int, _ of: Int) -> Void = { _, _ in }

    /// Returns the rows loaded per table; throws every problem of every file at once.
    func loadAll() throws -> [String: Int] {
        let (files, tables) = try extractFiles()
        let targets = try ReferenceTargets(database: database, loading: Set(files.map(\.table)))
        let (first, second) = scratchPath == nil ? (files, [])
            : split?(files) ?? Self.split(files, costs: costs, groups: targets.groups(files.map(\.table)))
        let (mine, theirs) = (targets.ordered(first), targets.ordered(second))
        let idColumns = Set(try database.strings("select key from extract_file").flatMap(columnList))
        let counter = LoadCounter(total: files.count, report: progress)
        // The second loader's tables: its files' and the combinations they number.
        let theirTables = theirs.flatMap { [$0.table] + targets.combinationTables(of: $0.table) }
        let secondLoader = try scratchPath.flatMap { path in
            try theirs.isEmpty ? nil : SecondLoader(
                path: path, schema: theirTables.map(createStatement), files: theirs,
                problemsPerFile: problemsPerFile, idColumns: idColumns, targets: targets, counter: counter)
        }
        let loader = TableLoader(database: database, problemsPerFile: problemsPerFile, idColumns: idColumns, targets: targets)
        let ownLoads = Result { try database.transaction { try mine.map { try counter.counting(loader.load($0)) } } }
        targets.release(mine)
        let otherLoads = Result { try secondLoader?.join() ?? [] }
        let loads = Dictionary(
            uniqueKeysWithValues: zip(mine + theirs, try ownLoads.get() + otherLoads.get()).map { ($0.table, $1) })

        var problems: [InputProblem] = []
        for (table, missing) in tables {
            problems += missing.map { [$0] } ?? loads[table]?.problems ?? []
        }
        guard problems.isEmpty else { throw ImportError(problems: problems) }
        for file in files { loaded(file.name, loads[file.table]!.seconds, file.bytes) }
        try record(files.flatMap { loads[$0.table]!.warnings })
        try recordUnmatched(loads)
        if let scratchPath, !theirs.isEmpty {
            let started = Date()
            try copyTables(theirTables, from: scratchPath)
            loaded(Self.copyStep, Date().timeIntervalSince(started), theirs.reduce(0) { $0 + $1.bytes })
        }
        return loads.mapValues(\.rows)
    }

    /// The files found, and every table in the extract_file table's order with the problem of its
    /// file being missing (nil when it is found or optional).
    private func extractFiles() throws -> (files: [ExtractFile], tables: [(String, InputProblem?)]) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder) else {
            throw ImportError(problems: [InputProblem(file: directory, message: "the extract folder does not exist; set [source] dir in the config")])
        }
        guard isFolder.boolValue else {
            throw ImportError(problems: [InputProblem(file: directory, message: "is a file, not the extract folder; set [source] dir to the folder that holds the CSV files")])
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw ImportError(problems: [InputProblem(file: directory, message: "the extract folder cannot be read (permission denied?); let the user running clever-export read it")])
        }
        let present = Dictionary(names.map { ($0.lowercased(), [$0]) }, uniquingKeysWith: +)
        var files: [ExtractFile] = []
        var tables: [(String, InputProblem?)] = []
        for row in try database.rows("select name, required from extract_file order by rowid") {
            let table = row[0]!, required = row[1] == "1"
            guard let found = present[table + ".csv"] else {
                let problem = InputProblem(file: table + ".csv", message: "required file is missing from \(directory)")
                tables.append((table, required ? problem : nil))
                continue
            }
            guard found.count == 1, let name = found.first else {
                let listed = found.sorted().joined(separator: " and ")
                tables.append((table, InputProblem(file: table + ".csv", message: "\(listed) in \(directory) differ only in case; keep the one to read and remove the other")))
                continue
            }
            let path = URL(fileURLWithPath: directory).appending(path: name).path
            files.append(ExtractFile(table: table, name: name, path: path))
            tables.append((table, nil))
        }
        return (files, tables)
    }

    /// Splits the files between the two loaders so that the import ends soonest: when both are
    /// done loading and the second's tables are copied. Every way to split the twelve largest
    /// groups is tried (the smaller ones stay with the first loader), with what each file cost
    /// last run. A group is a file with the files it points at (ReferenceTargets.groups), kept
    /// on one loader so that neither waits for the other; nil: each file alone.
    static func split(_ files: [ExtractFile], costs: ImportCosts, groups: [[String]]? = nil)
        -> (first: [ExtractFile], second: [ExtractFile])
    {
        let byTable = Dictionary(uniqueKeysWithValues: files.map { ($0.table, $0) })
        let items = (groups ?? files.map { [$0.table] }).map { $0.compactMap { byTable[$0] } }
        func load(_ item: [ExtractFile]) -> Double { item.reduce(0) { $0 + costs.loadSeconds($1) } }
        let total = files.reduce(0) { $0 + costs.loadSeconds($1) }
        let largest = Array(items.sorted { load($0) > load($1) }.prefix(12))
        func end(_ subset: Int) -> Double {
            let chosen = largest.indices.filter { subset & (1 << $0) != 0 }.flatMap { largest[$0] }
            let loading = chosen.reduce(0) { $0 + costs.loadSeconds($1) }
            return max(total - loading, loading) + chosen.reduce(0) { $0 + costs.copySeconds($1) }
        }
        let best = (0..<(1 << largest.count)).min { end($0) < end($1) } ?? 0
        let second = Set(largest.indices.filter { best & (1 << $0) != 0 }.flatMap { largest[$0].map(\.table) })
        return (files.filter { !second.contains($0.table) }, files.filter { second.contains($0.table) })
    }

    /// Writes into extract_reference how many rows of each file loaded found nothing to point
    /// at, so that a check reads such a file's rows only when there are some.
    private func recordUnmatched(_ loads: [String: FileLoad]) throws {
        let update = try database.prepare("update extract_reference set unmatched_rows = ? where file = ? and row_column = ?")
        for (table, load) in loads {
            for (column, rows) in load.unmatched {
                update.reset()
                update.bind(Int64(rows), at: 1)
                update.bind(table, at: 2)
                update.bind(column, at: 3)
                try update.step()
            }
        }
    }

    /// Keeps the values' warnings in extract_warnings, for check_extract_values.
    private func record(_ warnings: [InputProblem]) throws {
        guard !warnings.isEmpty else { return }
        try database.transaction {
            let insert = try database.prepare("insert into extract_warnings (file, line, column_name, message) values (?, ?, ?, ?)")
            for warning in warnings {
                insert.reset()
                insert.bind(warning.file, at: 1)
                if let line = warning.line { insert.bind(Int64(line), at: 2) } else { insert.bind(nil as String?, at: 2) }
                insert.bind(warning.column, at: 3)
                insert.bind(warning.message, at: 4)
                try insert.step()
            }
        }
    }

    private func createStatement(of table: String) throws -> String {
        try database.strings("select sql from sqlite_master where type = 'table' and name = ?", [table])[0]
    }

    /// Copies whole tables from the scratch file, adding first any extra columns the second
    /// loader found in a file's header.
    private func copyTables(_ tables: [String], from path: String) throws {
        let attach = try database.prepare("attach database ? as scratch")
        attach.bind(path, at: 1)
        try attach.step()
        defer { try? database.execute("detach database scratch") }
        try database.transaction {
            for table in tables {
                let columns = try database.strings("select name from pragma_table_info(?, 'main')", [table])
                let loaded = try database.strings("select name from pragma_table_info(?, 'scratch')", [table])
                for column in loaded.dropFirst(columns.count) {
                    try database.execute("alter table main.\(sqlIdentifier(table)) add column \(sqlIdentifier(column)) text")
                }
                try database.execute("insert into main.\(sqlIdentifier(table)) select * from scratch.\(sqlIdentifier(table))")
            }
        }
    }
}

/// Loads files into a scratch database on a thread of its own, in one transaction, with no
/// journal: the file is thrown away if anything fails.
private final class SecondLoader: @unchecked Sendable {
    private let done = DispatchGroup()
    private var result: Result<[FileLoad], Error> = .success([])

    /// `schema`: the statements that create the staging tables.
    init(path: String, schema: [String], files: [ExtractFile], problemsPerFile: Int, idColumns: Set<String>, targets: ReferenceTargets, counter: LoadCounter) {
        DispatchQueue.global().async(group: done) {
            self.result = Result {
                let database = try Database(path: path)
                try database.execute("\(StagingFile.pageSize); \(StagingFile.unjournaled); pragma cache_size = -65536")
                try database.execute(schema.joined(separator: ";\n"))
                let loader = TableLoader(database: database, problemsPerFile: problemsPerFile, idColumns: idColumns, targets: targets)
                return try database.transaction { try files.map { try counter.counting(loader.load($0)) } }
            }
            targets.release(files)
        }
    }

    /// Waits for the files; what each gave, in order.
    func join() throws -> [FileLoad] {
        done.wait()
        return try result.get()
    }
}

/// Counts the files both loaders have loaded, for the progress line.
final class LoadCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var loaded = 0
    private let total: Int
    private let report: @Sendable (Int, Int) -> Void

    init(total: Int, report: @escaping @Sendable (Int, Int) -> Void) {
        self.total = total
        self.report = report
    }

    func counting(_ load: FileLoad) -> FileLoad {
        let done = lock.withLock { loaded += 1; return loaded }
        report(done, total)
        return load
    }
}
