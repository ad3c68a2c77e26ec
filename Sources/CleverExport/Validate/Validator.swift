import Foundation

/// One problem a check found. Errors mean Clever would reject or drop rows.
public struct Finding: Sendable, Equatable {
    public enum Severity: String, Sendable { case error, warning }
    public let severity: Severity
    public let code: String
    public let file: String
    public let record: String
    public let message: String

    public var description: String { "\(file): \(record): \(message) [\(code)]" }
}

/// Runs every check_ view (sql/checks/): each returns its offending rows as (severity, code,
/// file, record, message). The checks only read, so they run on connections of their own while
/// the models are still being built: a background thread takes each check as soon as the tables
/// it reads are committed (the extract checks need little more than the staging tables). Once
/// the build is done, `finish` writes the files on the calling thread and then helps with the
/// checks that are left, so both cores have work throughout.
final class Validator: @unchecked Sendable {
    private let databasePath: String
    private let condition = NSCondition()
    private var pending: [String]
    private var findings: [Finding] = []
    private var failure: Error?
    /// Counts the tables the build committed; a waiting thread looks again when it moves.
    private var commits = 0
    private var building = true
    private let background = DispatchGroup()

    /// Starts checking. `checks`: the check_ views; the extract checks go first.
    init(databasePath: String, checks: [String]) {
        self.databasePath = databasePath
        pending = checks.sorted { ($0.hasPrefix("check_extract") ? 0 : 1, $0) < ($1.hasPrefix("check_extract") ? 0 : 1, $1) }
        DispatchQueue.global().async(group: background) { self.work() }
    }

    /// The build committed a table: checks waiting for it may run now.
    func tableCommitted() {
        condition.withLock {
            commits += 1
            condition.broadcast()
        }
    }

    /// The build is done: runs `job` (the writer, which only reads too), then the checks left,
    /// alongside the background thread. Returns every finding, sorted.
    func finish(alongside job: () throws -> Void) throws -> [Finding] {
        stopWaiting()
        do {
            try job()
        } catch {
            fail(error)
        }
        work()
        background.wait()
        return try condition.withLock {
            if let failure { throw failure }
            return findings.sorted { ($0.severity.rawValue, $0.code, $0.file, $0.record) < ($1.severity.rawValue, $1.code, $1.file, $1.record) }
        }
    }

    /// The build failed: stops the checks and waits for the background thread.
    func cancel() {
        fail(CancellationError())
        stopWaiting()
        background.wait()
    }

    private func stopWaiting() {
        condition.withLock {
            building = false
            condition.broadcast()
        }
    }

    private func fail(_ error: Error) {
        condition.withLock {
            failure = failure ?? error
            condition.broadcast()
        }
    }

    private func work() {
        do {
            let database = try Database(path: databasePath)
            while let check = next(on: database) {
                let found = try Self.findings(of: check, in: database)
                condition.withLock { findings += found }
            }
        } catch {
            fail(error)
        }
    }

    /// Takes the next check whose tables exist, waiting for the build while none is ready; nil
    /// when none is left or a check failed. Once the build is done every check is ready: one
    /// that still cannot be prepared fails with SQLite's reason.
    private func next(on database: Database) -> String? {
        condition.withLock {
            while failure == nil && !pending.isEmpty {
                let seen = commits
                if let index = pending.firstIndex(where: { !building || Self.canPrepare($0, on: database) }) {
                    return pending.remove(at: index)
                }
                while building && commits == seen && failure == nil { condition.wait() }
            }
            return nil
        }
    }

    private static func canPrepare(_ check: String, on database: Database) -> Bool {
        (try? database.prepare("select 1 from \"\(check)\" limit 0")) != nil
    }

    static func findings(of check: String, in database: Database) throws -> [Finding] {
        try database.rows("select severity, code, file, record, message from \"\(check)\"").map { row in
            Finding(
                severity: Finding.Severity(rawValue: row[0] ?? "") ?? .error, code: row[1] ?? check,
                file: row[2] ?? "", record: row[3] ?? "", message: row[4] ?? "")
        }
    }
}
