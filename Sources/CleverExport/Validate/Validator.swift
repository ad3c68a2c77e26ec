import Foundation

/// One problem a check found. Errors mean Clever would reject or drop rows.
public struct Finding: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable { case error, warning }
    public let severity: Severity
    public let code: String
    public let file: String
    public let record: String
    public let message: String

    public var description: String { "\(file): \(record): \(message) [\(code)]" }
}

/// Runs the check_ views (sql/checks/) as jobs of a ReadQueue: each returns its offending rows as
/// (severity, code, file, record, message).
final class Validator: @unchecked Sendable {
    private let lock = NSLock()
    private var found: [Finding] = []

    /// One job per check, the extract checks (which need little more than the staging tables)
    /// first; `needs` gives the models a check waits for.
    func jobs(checks: [String], needs: (String) -> Set<String>) -> [ReadQueue.Job] {
        checks.sorted { ($0.hasPrefix("check_extract") ? 0 : 1, $0) < ($1.hasPrefix("check_extract") ? 0 : 1, $1) }
            .map { check in
                ReadQueue.Job(
                    kind: "check", name: check,
                    needs: needs(check),
                    run: { database in
                        let findings = try Self.findings(of: check, in: database)
                        self.lock.withLock { self.found += findings }
                    })
            }
    }

    /// Every finding of the checks that ran, sorted.
    var findings: [Finding] {
        lock.withLock {
            found.sorted { ($0.severity.rawValue, $0.code, $0.file, $0.record) < ($1.severity.rawValue, $1.code, $1.file, $1.record) }
        }
    }

    static func findings(of check: String, in database: Database) throws -> [Finding] {
        try database.rows("select severity, code, file, record, message from \"\(check)\"").map { row in
            Finding(
                severity: Finding.Severity(rawValue: row[0] ?? "") ?? .error, code: row[1] ?? check,
                file: row[2] ?? "", record: row[3] ?? "", message: row[4] ?? "")
        }
    }
}
