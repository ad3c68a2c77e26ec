import Foundation

/// `clever-export deliver` and `check-connection`: the configured targets without a new build.
extension ExportRun {
    /// The files the last `run` wrote, as they sit in the outbox (`<database>-files/`).
    public func builtFiles() throws -> [ExportedFile] {
        let files = configuration.files.map { file in
            (file, URL(fileURLWithPath: outboxDirectory).appending(path: file.fileName).path)
        }
        let missing = files.filter { !FileManager.default.fileExists(atPath: $0.1) }.map { $0.0.fileName }
        guard missing.isEmpty else {
            throw DeliveryError("no files from an earlier run to deliver: \(missing.joined(separator: ", ")) missing in \(outboxDirectory); run `clever-export run` first")
        }
        return try files.map { file, path in ExportedFile(file: file, path: path, rows: try Self.countRows(path)) }
    }

    /// Sends the last built files again to every configured target; one result per target.
    /// Files of a run that was held (validation errors, a large drop) go only with `force`.
    /// Once a target has them, they are the set the next run is compared with.
    public func redeliver(force: Bool = false) throws -> [DeliveryResult] {
        // The run's lock: a run that is replacing the outbox, or another deliver, waits for none.
        let lock = try RunLock(database: databasePath)
        defer { withExtendedLifetime(lock) {} }
        let files = try builtFiles()
        if !force, FileManager.default.fileExists(atPath: databasePath) {
            let last = try Database(path: databasePath).rows("select outcome, message from run order by run_id desc limit 1")
            if let row = last.first, row[0] == "held" {
                throw DeliveryError("the last run was held (\(row[1] ?? "see run_finding")); fix the extract and run again, or deliver anyway with --force")
            }
        }
        // The Clever files only: the OneRoster set goes with the run that checked it.
        let sent = deliveries(stamp: Self.stamp(Date())).send(clever: files.map(\.delivered), oneRoster: nil, summary: nil)
        // As after a run: the set any target received is the one the next run is compared with.
        if sent.clever {
            try ChangeGuard(deliveredDirectory: deliveredDirectory).recordDelivered(files)
        }
        return sent.results
    }

    /// `body` with the staging database's accepted findings, under the run's lock: a run that
    /// is replacing the database, and another accept, wait for none.
    public func withAcceptances<T>(_ body: (Acceptances) throws -> T) throws -> T {
        let lock = try RunLock(database: databasePath)
        defer { withExtendedLifetime(lock) {} }
        return try body(try Acceptances.open(databasePath))
    }

    /// Tries every configured target without sending the files.
    public func checkConnections() -> [(target: String, outcome: Result<String, DeliveryError>)] {
        let targets = deliveries(stamp: Self.stamp(Date()))
        return (targets.targets + targets.oneRosterTargets).compactMap { $0 as? ConnectionCheck }.map { target in
            do {
                return (target.target, .success(try target.checkConnection()))
            } catch let error as DeliveryError {
                return (target.target, .failure(error))
            } catch {
                return (target.target, .failure(DeliveryError("\(error)")))
            }
        }
    }

    /// Data rows of a CSV file (its records less the header), read in chunks: a file of a
    /// million students is never held in memory.
    static func countRows(_ path: String) throws -> Int {
        let reader = try CSVReader(path: path, name: URL(fileURLWithPath: path).lastPathComponent)
        var records = 0
        while try reader.next() { records += 1 }
        return max(records - 1, 0)
    }
}
