import Foundation

/// One row of extract_reference (sql/schema/01_extract_files.sql): `columns` of `file` name a row
/// of `target` by its key, and the importer writes that row's rowid into `rowColumn`.
struct ExtractReference: Sendable {
    let file: String
    let columns: [String]
    let target: String
    let rowColumn: String
}

/// The references of this run's files and the key indexes of the files they point at, shared by
/// both loaders: a file's references wait for the indexes of their targets, which a loader
/// builds as it loads each target. Each loader loads its files by depth (`ordered`), and a file
/// waits only for files of a lower depth, so two files never wait for each other.
final class ReferenceTargets: @unchecked Sendable {
    let references: [ExtractReference]
    /// The combinations the importer numbers (extract_combination); they wait for no loader.
    let combinations: [ExtractCombination]
    /// Each target's key columns (extract_file.key).
    let keys: [String: [String]]
    /// How many references lead from a table to one that points at nothing (absent: 0).
    private let depth: [String: Int]
    private let condition = NSCondition()
    private var built: [String: KeyIndex] = [:]
    private var pending: Set<String>

    /// `loading`: the tables this run loads; a target not among them has no rows. Refuses
    /// references that lead back to where they start: their files would wait for each other.
    init(references: [ExtractReference], keys: [String: [String]], loading: Set<String>, combinations: [ExtractCombination] = []) throws {
        self.references = references
        self.combinations = combinations
        self.keys = keys
        pending = Set(references.map(\.target)).intersection(loading)
        var depth: [String: Int] = [:]
        func depthOf(_ table: String, _ path: [String]) throws -> Int {
            if let known = depth[table] { return known }
            guard !path.contains(table) else {
                throw ImportError(problems: [InputProblem(
                    file: "extract_reference", message: "\((path + [table]).joined(separator: " points at ")): a file cannot point back at itself; remove one of these rows from sql/schema/01_extract_files.sql")])
            }
            let found = try references.filter { $0.file == table }.map { try depthOf($0.target, path + [table]) + 1 }.max() ?? 0
            depth[table] = found
            return found
        }
        for reference in references { _ = try depthOf(reference.file, []) }
        self.depth = depth
    }

    convenience init(database: Database, loading: Set<String>) throws {
        let references = try database.rows("select file, columns, target, row_column from extract_reference order by rowid").map {
            ExtractReference(file: $0[0]!, columns: columnList($0[1]!), target: $0[2]!, rowColumn: $0[3]!)
        }
        let keys = try database.rows("select name, key from extract_file where name in (select target from extract_reference)")
        let combinations = try database.rows("select file, columns, target, row_column from extract_combination order by rowid").map {
            ExtractCombination(file: $0[0]!, columns: columnList($0[1]!), target: $0[2]!, rowColumn: $0[3]!)
        }
        try self.init(
            references: references, keys: Dictionary(uniqueKeysWithValues: keys.map { ($0[0]!, columnList($0[1]!)) }),
            loading: loading, combinations: combinations)
    }

    /// The tables the importer fills with `table`'s combinations.
    func combinationTables(of table: String) -> [String] {
        combinations.filter { $0.file == table }.map(\.target)
    }

    func isTarget(_ table: String) -> Bool { keys[table] != nil }

    /// `files` by depth, and at each depth the targets first (another loader may wait for
    /// them), each keeping its order.
    func ordered(_ files: [ExtractFile]) -> [ExtractFile] {
        func rank(_ file: (offset: Int, element: ExtractFile)) -> (Int, Int, Int) {
            (depth[file.element.table] ?? 0, isTarget(file.element.table) ? 0 : 1, file.offset)
        }
        return files.enumerated().sorted { rank($0) < rank($1) }.map(\.element)
    }

    /// Gives `table`'s index to the files that wait for it (also when the file had problems: the
    /// import fails then, after every file is read).
    func publish(_ table: String, _ index: KeyIndex) {
        condition.withLock {
            built[table] = index
            pending.remove(table)
            condition.broadcast()
        }
    }

    /// Gives up the indexes of `files` its loader did not build (it stopped at an error), so that
    /// the other loader does not wait for them.
    func release(_ files: [ExtractFile]) {
        condition.withLock {
            pending.subtract(files.map(\.table))
            condition.broadcast()
        }
    }

    /// `table`'s index, once its loader has built it; nil when it has no rows this run.
    func index(of table: String) -> KeyIndex? {
        condition.withLock {
            while pending.contains(table) { condition.wait() }
            return built[table]
        }
    }

    /// The tables the loaders must load on one side to never wait: each file with the files it
    /// points at, transitively (enrollments with students and sections).
    func groups(_ tables: [String]) -> [[String]] {
        var group = Dictionary(uniqueKeysWithValues: tables.map { ($0, $0) })
        func root(_ table: String) -> String {
            var table = table
            while let parent = group[table], parent != table { table = parent }
            return table
        }
        for reference in references where group[reference.file] != nil && group[reference.target] != nil {
            group[root(reference.file)] = root(reference.target)
        }
        var members: [String: [String]] = [:]
        var order: [String] = []
        for table in tables {
            let top = root(table)
            if members[top] == nil { order.append(top) }
            members[top, default: []].append(table)
        }
        return order.map { members[$0]! }
    }
}

/// "a, b, c" as ["a", "b", "c"].
func columnList(_ list: String) -> [String] {
    list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
}
