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
/// (severity, code, file, record, message).
struct Validator {
    let database: Database

    func run() throws -> [Finding] {
        var findings: [Finding] = []
        let checks = try database.strings("select name from sqlite_master where type = 'view' and name like 'check\\_%' escape '\\' order by name")
        for check in checks {
            for row in try database.rows("select severity, code, file, record, message from \"\(check)\"") {
                findings.append(Finding(
                    severity: Finding.Severity(rawValue: row[0] ?? "") ?? .error, code: row[1] ?? check,
                    file: row[2] ?? "", record: row[3] ?? "", message: row[4] ?? ""))
            }
        }
        return findings.sorted { ($0.severity.rawValue, $0.code, $0.file, $0.record) < ($1.severity.rawValue, $1.code, $1.file, $1.record) }
    }
}
