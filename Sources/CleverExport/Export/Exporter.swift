import Foundation

/// One Clever file written by a run.
public struct ExportedFile: Sendable, Equatable {
    public let file: ExportFile
    public let path: String
    public let rows: Int
}

/// Dumps each clever_<file> view to `<directory>/<file>.csv`, columns as export_columns lists
/// them, rows sorted by those columns left to right (byte order), so two runs on the same input
/// give identical files. Each file is a job of a ReadQueue, written as soon as the tables its
/// view reads are built, into a folder beside the outbox (`<directory>.new`); `publish` puts that
/// folder in the outbox's place once every file is complete. The outbox always holds one whole
/// set: a failure, or a crash, never leaves a half-written or mixed one. Linux swaps the two
/// folders in one step, so there is no moment without one (where a file system cannot, the
/// outbox moves aside first, a crash between the two renames leaves none, and `deliver` asks for
/// a new run).
final class Exporter: @unchecked Sendable {
    /// The model that lists each file's columns (models/export_columns.sql), read beside the view.
    static let columnsTable = "export_columns"
    /// The extension fields' values (models/extension_values.sql), looked up beside the view.
    static let extensionsView = "extension_values"
    /// What the writer reads beside each clever_<file> view.
    static let readBeside = [columnsTable, extensionsView]

    let files: [ExportFile]
    let directory: String
    private let lock = NSLock()
    private var rows: [ExportFile: Int] = [:]
    private var schoolRows: [ExportFile: [String: Int]] = [:]

    /// Creates the folder the new set is written to, replacing one a killed run left.
    init(files: [ExportFile], directory: String) throws {
        self.files = files
        self.directory = directory
        try? FileManager.default.removeItem(atPath: newDirectory)
        // For its owner only, whatever the umask: the files hold students' personal data.
        try FileManager.default.createDirectory(
            atPath: newDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    /// Where the new set is written, beside the outbox, until `publish`.
    var newDirectory: String { directory + ".new" }
    private var oldDirectory: String { directory + ".old" }
    private func path(_ file: ExportFile) -> String { URL(fileURLWithPath: directory).appending(path: file.fileName).path }
    private func temporaryPath(_ file: ExportFile) -> String {
        URL(fileURLWithPath: newDirectory).appending(path: file.fileName).path
    }

    /// One job per file, in the configured order; `needs` gives the models a Clever view waits
    /// for, `then` the jobs that read a file once it is written.
    func jobs(needs: (String) -> Set<String>, then: (ExportFile) -> [ReadQueue.Job] = { _ in [] }) -> [ReadQueue.Job] {
        files.map { file in
            ReadQueue.Job(
                kind: "file", name: file.fileName,
                needs: needs(file.viewName),
                run: { database in
                    let written = try Self.write(file, to: self.temporaryPath(file), from: database)
                    self.lock.withLock {
                        self.rows[file] = written.rows
                        self.schoolRows[file] = written.rowsBySchool
                    }
                },
                then: then(file))
        }
    }

    /// A file as written, in the new set's folder, before `publish`.
    func written(_ file: ExportFile) -> ExportedFile {
        ExportedFile(file: file, path: temporaryPath(file), rows: lock.withLock { rows[file] ?? 0 })
    }

    /// Puts the new set in the outbox's place (and removes the last set); the files with their
    /// row counts.
    func publish() throws -> [ExportedFile] {
        try? FileManager.default.removeItem(atPath: oldDirectory)
        CrashPoint.reached("outbox swap")
        if FileManager.default.fileExists(atPath: directory), exchangePaths(newDirectory, directory) {
            // The last set is now in the new set's folder, which the next run replaces anyway.
            CrashPoint.reached("outbox swapped")
            try? FileManager.default.removeItem(atPath: newDirectory)
        } else {
            if FileManager.default.fileExists(atPath: directory), rename(directory, oldDirectory) != 0 {
                throw WriteError(path: directory, reason: String(cString: strerror(errno)))
            }
            guard rename(newDirectory, directory) == 0 else {
                let reason = String(cString: strerror(errno))
                rename(oldDirectory, directory)
                throw WriteError(path: directory, reason: reason)
            }
            try? FileManager.default.removeItem(atPath: oldDirectory)
        }
        let rows = lock.withLock { self.rows }
        return files.map { ExportedFile(file: $0, path: path($0), rows: rows[$0] ?? 0) }
    }

    /// Each written file's rows by School_id (none for a file without one).
    func rowsBySchool() -> [ExportFile: [String: Int]] { lock.withLock { schoolRows } }

    /// Removes what a failed run wrote.
    func discard() {
        try? FileManager.default.removeItem(atPath: newDirectory)
    }

    /// The column each file's rows are counted by, for the report's rows per school.
    static let schoolColumn = "School_id"

    /// Writes one file; its rows, and its rows by School_id.
    static func write(_ file: ExportFile, to path: String, from database: Database) throws -> (rows: Int, rowsBySchool: [String: Int]) {
        let rows = try database.rows(
            "select column_name, extension from \(columnsTable) where file = ? order by position", [file.rawValue])
        let columns = rows.map { $0[0] ?? "" }
        let context = "writing \(file.fileName)"
        // An extension field (ext.NAME) is looked up by the file, the row's extension_row (its
        // extract row) and the field's name, the file and the name bound.
        var names: [String] = []
        let list = rows.map { row -> String in
            guard let name = row[1] else { return "coalesce(cast(\"\(row[0] ?? "")\" as text), '')" }
            names.append(name)
            return "coalesce((select x.value from \(extensionsView) x where x.file = ?1 and x.source_row = extension_row "
                + "and x.name = ?\(names.count + 1)), '') as \"\(row[0] ?? "")\""
        }.joined(separator: ", ")
        func prepared(_ sql: String) throws -> Statement {
            let query = try database.prepare(sql, context: context)
            if !names.isEmpty {
                query.bind(file.rawValue, at: 1)
                for (index, name) in names.enumerated() { query.bind(name, at: Int32(index + 2)) }
            }
            return query
        }
        let select = "select \(list) from \(file.viewName)"
        // Where the view's table is kept in the order of its columns (export_enrollments'
        // key), SQLite reads the rows in that order without sorting them. That is the order of
        // the written text unless a NULL or a number sorts otherwise than its text, so the rows
        // are checked as they are written, and sorted by their text when they fail the check.
        let ownOrder = "\(select) order by \(columns.map { "\"\($0)\"" }.joined(separator: ", "))"
        let school = columns.firstIndex(of: schoolColumn).map { RowTally(column: Int32($0)) }
        // A new file each attempt, its rows counted by school from the start.
        func writer() throws -> CSVWriter {
            unlink(path)
            let writer = try CSVWriter(creating: path)
            writer.tally = school
            return writer
        }
        // Where SQLite would sort even that, the rows are tried as the view gives them: a model
        // keeps the extract's order, and an extract sorted by school and ID (as many are) needs no
        // sort. The check gives up at the first row out of order, in an unsorted file one of the
        // first few.
        let asRead = try database.plansSort(ownOrder, context: context) ? select : ownOrder
        let attempt = try writer()
        if let written = try attempt.writeIfSorted(header: columns, rows: try prepared(asRead)) {
            return (written, attempt.tally?.finish() ?? [:])
        }
        // Sorting the written text (NULL written as empty) keeps the order byte-wise.
        let sorted = try writer()
        let written = try sorted.write(
            header: columns, rows: try prepared("\(select) order by \((1...columns.count).map(String.init).joined(separator: ", "))"))
        return (written, sorted.tally?.finish() ?? [:])
    }
}

/// Swaps what two paths name in one step (Linux's renameat2 with RENAME_EXCHANGE, looked up at
/// run time: Swift's Glibc module does not declare it); false where the system or the file system
/// cannot, and nothing is changed then.
func exchangePaths(_ first: String, _ second: String) -> Bool {
    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }  // RTLD_DEFAULT
    let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
    let exchange: UInt32 = 1 << 1  // RENAME_EXCHANGE, linux/fs.h
    return renameat2(AT_FDCWD, first, AT_FDCWD, second, exchange) == 0
}
