import Foundation

/// Writes the OneRoster set beside the Clever files, in the new set's folder that `Exporter`
/// publishes whole: each file of `oneroster/` as a job of the run's ReadQueue as soon as the
/// models its view reads are built, then `oneroster.zip` of them once all are written.
final class OneRosterSet: @unchecked Sendable {
    static let folderName = "oneroster", zipName = "oneroster.zip"

    let files: [OneRosterFile]
    /// The new set's folder (the Exporter's), which holds oneroster/ and oneroster.zip.
    let directory: String
    private let lock = NSLock()
    private var rows: [OneRosterFile: Int] = [:]

    init(files: [OneRosterFile], directory: String) throws {
        self.files = files
        self.directory = directory
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    private var folder: String { URL(fileURLWithPath: directory).appending(path: Self.folderName).path }
    func path(_ file: OneRosterFile) -> String { URL(fileURLWithPath: folder).appending(path: file.fileName).path }

    /// One job per file; `needs` gives the models a view waits for, `then` the jobs that read a
    /// file once it is written.
    func jobs(needs: (String) -> Set<String>, then: (OneRosterFile) -> [ReadQueue.Job]) -> [ReadQueue.Job] {
        files.map { file in
            ReadQueue.Job(
                kind: "file", name: file.nameInSet, needs: needs(file.viewName),
                run: { database in
                    let written = try Self.write(file, to: self.path(file), from: database)
                    self.lock.withLock { self.rows[file] = written }
                },
                then: then(file))
        }
    }

    /// A file as written, before the set is published.
    func written(_ file: OneRosterFile) -> (path: String, rows: Int) { (path(file), lock.withLock { rows[file] ?? 0 }) }

    /// The set as published in `outbox`: the folder's files, then the zip.
    func published(in outbox: String) -> (files: [DeliveredFile], zip: DeliveredFile) {
        let rows = lock.withLock { self.rows }
        let base = URL(fileURLWithPath: outbox)
        return (files.map { DeliveredFile(path: base.appending(path: $0.nameInSet).path, name: $0.nameInSet, rows: rows[$0] ?? 0) },
                DeliveredFile(path: base.appending(path: Self.zipName).path, name: Self.zipName, rows: nil))
    }

    /// The contract's check of the set against its manifest: a file marked bulk that is not in
    /// oneroster/, or one marked absent that is. Read from the files as written.
    func manifestFindings() throws -> [Finding] {
        let present = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        let manifest = try String(contentsOfFile: path(.manifest), encoding: .utf8)
        return manifest.components(separatedBy: "\r\n").dropFirst().compactMap { line -> Finding? in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 2, fields[0].hasPrefix("file.") else { return nil }
            let name = String(fields[0].dropFirst("file.".count)) + ".csv"
            let problem = fields[1] == "bulk" && !present.contains(name) ? "is bulk, but \(name) is not in the set"
                : fields[1] == "absent" && present.contains(name) ? "is absent, but \(name) is in the set" : nil
            return problem.map {
                Finding(severity: .error, code: "oneroster_manifest", file: OneRosterFile.manifest.nameInSet, record: fields[0],
                        message: "\($0); receivers reject the set")
            }
        }
    }

    /// The zip of the written files, in the set's order.
    func zip() throws {
        try ZipArchive.write(files.map { ($0.fileName, path($0)) },
                             to: URL(fileURLWithPath: directory).appending(path: Self.zipName).path)
    }

    /// Writes the view's columns but sort_key, sorted by it (byte order).
    static func write(_ file: OneRosterFile, to path: String, from database: Database) throws -> Int {
        let context = "writing \(file.nameInSet)"
        let probe = try database.prepare("select * from \(file.viewName) limit 0", context: context)
        let columns = (0..<probe.columnCount).map { probe.columnName(at: $0) }.filter { $0 != "sort_key" }
        let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let rows = try database.prepare("select \(list) from \(file.viewName) order by sort_key", context: context)
        unlink(path)
        return try CSVWriter(creating: path).write(header: columns, rows: rows)
    }
}
