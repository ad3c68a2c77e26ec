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

/// Runs every check_ view (sql/checks/): each returns its offending rows as
/// (severity, code, file, record, message). The checks only read, so they run on one
/// connection per core, the slow extract checks first.
struct Validator {
    let databasePath: String
    var workers = max(1, min(2, ProcessInfo.processInfo.activeProcessorCount))

    /// `alongside` (the writer, which only reads too) runs first on one of the workers while the
    /// others start on the checks, so every core has work and nothing waits for the writer.
    func run(alongside job: @escaping @Sendable () throws -> Void = {}) throws -> [Finding] {
        let checks = try Database(path: databasePath)
            .strings("select name from sqlite_master where type = 'view' and name like 'check\\_%' escape '\\' order by name")
            .sorted { ($0.hasPrefix("check_extract") ? 0 : 1, $0) < ($1.hasPrefix("check_extract") ? 0 : 1, $1) }
        let queue = CheckQueue(checks)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            do {
                if worker == 0 { try job() }
                let database = try Database(path: databasePath)
                while let check = queue.next() {
                    queue.add(try Self.findings(of: check, in: database))
                }
            } catch {
                queue.fail(error)
            }
        }
        return try queue.result()
            .sorted { ($0.severity.rawValue, $0.code, $0.file, $0.record) < ($1.severity.rawValue, $1.code, $1.file, $1.record) }
    }

    static func findings(of check: String, in database: Database) throws -> [Finding] {
        try database.rows("select severity, code, file, record, message from \"\(check)\"").map { row in
            Finding(
                severity: Finding.Severity(rawValue: row[0] ?? "") ?? .error, code: row[1] ?? check,
                file: row[2] ?? "", record: row[3] ?? "", message: row[4] ?? "")
        }
    }
}

/// The checks still to run and what the finished ones found, shared by the workers.
private final class CheckQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [String]
    private var findings: [Finding] = []
    private var failure: Error?

    init(_ checks: [String]) { pending = checks.reversed() }

    func next() -> String? {
        lock.withLock { failure == nil ? pending.popLast() : nil }
    }

    func add(_ found: [Finding]) { lock.withLock { findings += found } }

    func fail(_ error: Error) { lock.withLock { failure = failure ?? error } }

    func result() throws -> [Finding] {
        try lock.withLock {
            if let failure { throw failure }
            return findings
        }
    }
}
