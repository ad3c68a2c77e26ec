import Foundation

/// One Clever file written by a run.
public struct ExportedFile: Sendable, Equatable {
    public let file: ExportFile
    public let path: String
    public let rows: Int
}

/// Dumps each clever_<file> view to `<directory>/<file>.csv`, columns as export_columns lists
/// them, rows sorted by those columns left to right (byte order), so two runs on the same input
/// give identical files. The set is written to temporary names first and renamed into place only
/// when every file is complete: a failure never leaves a half-written or mixed set.
struct Exporter {
    let database: Database

    func write(_ files: [ExportFile], into directory: String) throws -> [ExportedFile] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var written: [(temporary: String, file: ExportedFile)] = []
        do {
            for file in files {
                let final = URL(fileURLWithPath: directory).appending(path: file.fileName).path
                let temporary = URL(fileURLWithPath: directory).appending(path: ".\(file.fileName).\(getpid()).tmp").path
                unlink(temporary)
                written.append((temporary, ExportedFile(file: file, path: final, rows: 0)))
                let rows = try write(file, to: temporary)
                written[written.count - 1].file = ExportedFile(file: file, path: final, rows: rows)
            }
        } catch {
            for entry in written { unlink(entry.temporary) }
            throw error
        }
        for entry in written where rename(entry.temporary, entry.file.path) != 0 {
            throw WriteError(path: entry.file.path, reason: String(cString: strerror(errno)))
        }
        return written.map(\.file)
    }

    /// The columns `file` is written with, in order.
    func columns(of file: ExportFile) throws -> [String] {
        try database.strings("select column_name from export_columns where file = ? order by position", [file.rawValue])
    }

    private func write(_ file: ExportFile, to path: String) throws -> Int {
        let columns = try columns(of: file)
        // Sorting the written text (NULL written as empty) keeps the order byte-wise.
        let list = columns.map { "coalesce(cast(\"\($0)\" as text), '')" }.joined(separator: ", ")
        let order = (1...columns.count).map(String.init).joined(separator: ", ")
        let query = try database.prepare(
            "select \(list) from \(file.viewName) order by \(order)", context: "writing \(file.fileName)")
        return try CSVWriter(creating: path).write(header: columns, rows: query)
    }
}
