import Foundation

/// One Clever file written by a run.
public struct ExportedFile: Sendable, Equatable {
    public let file: ExportFile
    public let path: String
    public let rows: Int
}

/// Dumps each clever_<file> view to `<directory>/<file>.csv`, columns as export_columns lists
/// them, rows sorted by those columns left to right (byte order), so two runs on the same input
/// give identical files. Each file is a job of a ReadQueue, written to a temporary name as soon
/// as the tables its view reads are built; `publish` renames the set into place only when every
/// file is complete, so a failure never leaves a half-written or mixed set.
final class Exporter: @unchecked Sendable {
    let files: [ExportFile]
    let directory: String
    private let lock = NSLock()
    private var rows: [ExportFile: Int] = [:]

    init(files: [ExportFile], directory: String) throws {
        self.files = files
        self.directory = directory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    private func path(_ file: ExportFile) -> String { URL(fileURLWithPath: directory).appending(path: file.fileName).path }
    private func temporaryPath(_ file: ExportFile) -> String {
        URL(fileURLWithPath: directory).appending(path: ".\(file.fileName).\(getpid()).tmp").path
    }

    /// One job per file, in the configured order; `then` gives the jobs that read a file once
    /// it is written.
    func jobs(then: (ExportFile) -> [ReadQueue.Job] = { _ in [] }) -> [ReadQueue.Job] {
        files.map { file in
            ReadQueue.Job(
                kind: "file", name: file.fileName,
                isReady: { $0.canPrepare("select 1 from export_columns, \(file.viewName) limit 0") },
                run: { database in
                    let written = try Self.write(file, to: self.temporaryPath(file), from: database)
                    self.lock.withLock { self.rows[file] = written }
                },
                then: then(file))
        }
    }

    /// A file as written, under its temporary name, before `publish`.
    func written(_ file: ExportFile) -> ExportedFile {
        ExportedFile(file: file, path: temporaryPath(file), rows: lock.withLock { rows[file] ?? 0 })
    }

    /// Renames every written file into place; the files with their row counts.
    func publish() throws -> [ExportedFile] {
        for file in files where rename(temporaryPath(file), path(file)) != 0 {
            throw WriteError(path: path(file), reason: String(cString: strerror(errno)))
        }
        let rows = lock.withLock { self.rows }
        return files.map { ExportedFile(file: $0, path: path($0), rows: rows[$0] ?? 0) }
    }

    /// Removes what a failed run wrote.
    func discard() {
        for file in files { unlink(temporaryPath(file)) }
    }

    private static func write(_ file: ExportFile, to path: String, from database: Database) throws -> Int {
        unlink(path)
        let columns = try database.strings(
            "select column_name from export_columns where file = ? order by position", [file.rawValue])
        // Sorting the written text (NULL written as empty) keeps the order byte-wise.
        let list = columns.map { "coalesce(cast(\"\($0)\" as text), '')" }.joined(separator: ", ")
        let order = (1...columns.count).map(String.init).joined(separator: ", ")
        let query = try database.prepare(
            "select \(list) from \(file.viewName) order by \(order)", context: "writing \(file.fileName)")
        return try CSVWriter(creating: path).write(header: columns, rows: query)
    }
}
