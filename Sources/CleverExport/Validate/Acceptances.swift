import Foundation

/// Accepting or taking back findings could not be done; the message says why.
public struct AcceptanceError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// A finding a person accepted: it is still reported, but holds no run.
public struct Acceptance: Sendable, Equatable {
    public let code: String
    public let file: String
    public let record: String
    public let reason: String
    public let acceptedBy: String
    public let acceptedAt: String

    public var description: String { "\(file): \(record) [\(code)], accepted by \(acceptedBy) on \(acceptedAt): \(reason)" }
}

/// The accepted findings, kept in the staging database's accepted_finding table and carried
/// over from run to run like the run history. Accepting names findings of the last run, so only
/// what a person has seen is accepted; a new record of the same check still holds the next run.
/// The change guard is never accepted away.
public struct Acceptances {
    let database: Database

    /// The staging database's acceptances; its table comes with the schema (sql/schema/04_run.sql).
    public static func open(_ databasePath: String) throws -> Acceptances {
        guard FileManager.default.fileExists(atPath: databasePath),
              try !Database(path: databasePath).strings("select name from sqlite_master where name = 'accepted_finding'").isEmpty
        else {
            throw AcceptanceError("no staging database made by this version at \(databasePath) yet; run `clever-export run` first")
        }
        return Acceptances(database: try Database(path: databasePath))
    }

    /// Every acceptance, by code, file and record.
    public func all() throws -> [Acceptance] {
        try database.rows("select code, file, record, reason, accepted_by, accepted_at from accepted_finding order by code, file, record")
            .map { Acceptance(code: $0[0]!, file: $0[1]!, record: $0[2]!, reason: $0[3]!, acceptedBy: $0[4]!, acceptedAt: $0[5]!) }
    }

    /// Those of `findings` that `accepted` accepts: by code, file and record, looked up in a
    /// set (a million-student run can have tens of thousands of each).
    public static func accepted(_ findings: [Finding], by accepted: [Acceptance]) -> Set<Finding> {
        let keys = Set(accepted.map { [$0.code, $0.file, $0.record] })
        return Set(findings.filter { keys.contains([$0.code, $0.file, $0.record]) })
    }

    /// The last run's findings, as it reported them.
    public func lastFindings() throws -> [Finding] {
        try database.rows("""
            select severity, code, file, record, message from run_finding
            where run_id = (select max(run_id) from run where outcome <> 'failed')
            order by severity, code, file, record
            """).map {
            Finding(severity: Finding.Severity(rawValue: $0[0] ?? "") ?? .error, code: $0[1]!, file: $0[2]!, record: $0[3] ?? "", message: $0[4]!)
        }
    }

    /// Accepts the last run's findings of `code` (those of `records`, or all of them); returns
    /// the findings accepted. Throws when none of the last run's findings matches.
    @discardableResult
    public func accept(code: String, records: [String], reason: String, by user: String, at date: Date = Date()) throws -> [Finding] {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw AcceptanceError("say why with --reason: the reason is kept beside the acceptance for whoever reads the report next")
        }
        let findings = try lastFindings().filter { $0.code == code }
        let chosen = records.isEmpty ? findings : findings.filter { records.contains($0.record) }
        let unknown = records.filter { record in !findings.contains { $0.record == record } }
        guard !chosen.isEmpty, unknown.isEmpty else {
            let codes = Set(try lastFindings().map(\.code)).sorted().joined(separator: ", ")
            throw AcceptanceError(
                findings.isEmpty
                    ? "the last run has no finding of \(code) (its checks found: \(codes.isEmpty ? "nothing" : codes)); `clever-export findings` lists them"
                    : "the last run's \(code) findings name no record \(unknown.map { "\"\($0)\"" }.joined(separator: ", ")); `clever-export findings` lists them")
        }
        let stamp = ISO8601DateFormatter().string(from: date)
        try database.transaction {
            let insert = try database.prepare(
                "insert or replace into accepted_finding (code, file, record, reason, accepted_by, accepted_at) values (?, ?, ?, ?, ?, ?)")
            for finding in chosen {
                insert.reset()
                for (index, value) in [finding.code, finding.file, finding.record, reason, user, stamp].enumerated() {
                    insert.bind(value, at: Int32(index + 1))
                }
                try insert.step()
            }
        }
        return chosen
    }

    /// Takes acceptances of `code` back (those of `records`, or all); returns how many.
    @discardableResult
    public func revoke(code: String, records: [String]) throws -> Int {
        let before = try all().filter { $0.code == code && (records.isEmpty || records.contains($0.record)) }
        guard !before.isEmpty else { throw AcceptanceError("no acceptance of \(code)\(records.isEmpty ? "" : " for those records") to take back") }
        try database.transaction {
            let delete = try database.prepare("delete from accepted_finding where code = ? and record = ?")
            for acceptance in before {
                delete.reset()
                delete.bind(acceptance.code, at: 1)
                delete.bind(acceptance.record, at: 2)
                try delete.step()
            }
        }
        return before.count
    }
}
