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
/// builds as it loads each target. A loader loads its targets before the rest (`ordered`), and
/// a target points at nothing, so two loaders never wait for each other.
final class ReferenceTargets: @unchecked Sendable {
    let references: [ExtractReference]
    /// Each target's key columns (extract_file.key).
    let keys: [String: [String]]
    private let condition = NSCondition()
    private var built: [String: KeyIndex] = [:]
    private var pending: Set<String>

    /// `loading`: the tables this run loads; a target not among them has no rows.
    init(references: [ExtractReference], keys: [String: [String]], loading: Set<String>) {
        self.references = references
        self.keys = keys
        pending = Set(references.map(\.target)).intersection(loading)
    }

    convenience init(database: Database, loading: Set<String>) throws {
        let references = try database.rows("select file, columns, target, row_column from extract_reference order by rowid").map {
            ExtractReference(file: $0[0]!, columns: columnList($0[1]!), target: $0[2]!, rowColumn: $0[3]!)
        }
        let keys = try database.rows("select name, key from extract_file where name in (select target from extract_reference)")
        self.init(
            references: references, keys: Dictionary(uniqueKeysWithValues: keys.map { ($0[0]!, columnList($0[1]!)) }),
            loading: loading)
    }

    /// No references: each file loads alone.
    static var none: ReferenceTargets { ReferenceTargets(references: [], keys: [:], loading: []) }

    func isTarget(_ table: String) -> Bool { keys[table] != nil }

    /// `files` with the targets first, each side keeping its order.
    func ordered(_ files: [ExtractFile]) -> [ExtractFile] {
        files.filter { isTarget($0.table) } + files.filter { !isTarget($0.table) }
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
