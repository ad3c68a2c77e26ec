import Foundation

/// The run, run_option, run_file and run_finding tables: what each run used, built, found and
/// did, kept across runs in the staging database.
struct RunHistory {
    let database: Database

    /// Records a new run and the options it used; inside the import's transaction.
    func start(asOf: String, at started: Date) throws -> Int {
        let insert = try database.prepare("insert into run (started_at, as_of) values (?, ?)")
        insert.bind(Self.timestamp(started), at: 1)
        insert.bind(asOf, at: 2)
        try insert.step()
        let runID = Int(try database.strings("select last_insert_rowid()")[0])!
        try database.execute("insert into run_option select \(runID), key, value from export_option")
        return runID
    }

    /// How many of the latest runs keep their findings and rows per school when the history
    /// moves to a new file.
    static let runsWithFindings = 30

    /// Copies the run history from the last run's database, if there is one, into this run's
    /// new file: every run with its options, file counts and step timings, and the findings of the latest
    /// `runsWithFindings` runs (older runs keep their summary in run.message).
    func carryOver(from previousPath: String) throws {
        guard FileManager.default.fileExists(atPath: previousPath) else { return }
        let context = "reading the run history of the last run's staging database \(previousPath) (if it is damaged, delete it; the history starts again)"
        let attach = try database.prepare("attach database ? as previous")
        attach.bind(previousPath, at: 1)
        do { try attach.step() } catch let error as DatabaseError { throw DatabaseError(message: error.message, context: context) }
        defer { try? database.execute("detach database previous") }
        let tables = Set(try database.strings("select name from previous.sqlite_master where type = 'table'"))
        guard tables.isSuperset(of: ["run", "run_option", "run_file", "run_finding"]) else { return }
        if tables.contains("run_step") {
            // A database from before run_step had bytes gives NULL for them.
            let columns = try database.strings("select name from pragma_table_info('run_step', 'previous')")
            let bytes = columns.contains("bytes") ? "bytes" : "null"
            try database.execute("insert into run_step select run_id, kind, step, seconds, \(bytes) from previous.run_step", context: context)
        }
        if tables.contains("run_school_rows") {
            try database.execute("""
                insert into run_school_rows select * from previous.run_school_rows
                where run_id > (select max(run_id) from previous.run) - \(Self.runsWithFindings)
                """, context: context)
        }
        if tables.contains("accepted_finding") {
            try database.execute("insert into accepted_finding select * from previous.accepted_finding", context: context)
        }
        try database.execute("""
            begin;
            insert into run (run_id, started_at, finished_at, as_of, outcome, message)
                select run_id, started_at, finished_at, as_of, outcome, message from previous.run;
            insert into run_option (run_id, key, value) select run_id, key, value from previous.run_option;
            insert into run_file (run_id, file, rows) select run_id, file, rows from previous.run_file;
            insert into run_finding (run_id, severity, code, file, record, message)
                select run_id, severity, code, file, record, message from previous.run_finding
                where run_id > (select max(run_id) from previous.run) - \(Self.runsWithFindings);
            commit;
            """, context: context)
    }

    /// A run that failed before it built anything (bad config, bad input, broken SQL).
    func recordFailure(asOf: String, at started: Date, error: Error) throws {
        try database.execute("""
            create table if not exists run (
                run_id integer primary key, started_at text not null, finished_at text,
                as_of text not null, outcome text not null default 'running', message text)
            """)
        let insert = try database.prepare(
            "insert into run (started_at, finished_at, as_of, outcome, message) values (?, ?, ?, 'failed', ?)")
        insert.bind(Self.timestamp(started), at: 1)
        insert.bind(Self.timestamp(Date()), at: 2)
        insert.bind(asOf, at: 3)
        insert.bind("\(error)", at: 4)
        try insert.step()
    }

    func finish(_ report: RunReport) throws {
        try database.transaction {
            let file = try database.prepare("insert into run_file (run_id, file, rows) values (?, ?, ?)")
            // The Clever files by name (students), the OneRoster files by path (oneroster/users).
            for (name, rows) in report.allChanges.map({ ($0.key, $0.rows) }) {
                file.reset()
                file.bind(Int64(report.runID), at: 1)
                file.bind(name, at: 2)
                file.bind(Int64(rows), at: 3)
                try file.step()
            }
            let school = try database.prepare("insert into run_school_rows (run_id, file, school_id, rows) values (?, ?, ?, ?)")
            for (exported, counts) in report.rowsBySchool {
                for (schoolID, rows) in counts {
                    school.reset()
                    school.bind(Int64(report.runID), at: 1)
                    school.bind(exported.rawValue, at: 2)
                    school.bind(schoolID, at: 3)
                    school.bind(Int64(rows), at: 4)
                    try school.step()
                }
            }
            let finding = try database.prepare(
                "insert into run_finding (run_id, severity, code, file, record, message) values (?, ?, ?, ?, ?, ?)")
            for found in report.findings {
                finding.reset()
                finding.bind(Int64(report.runID), at: 1)
                finding.bind(found.severity.rawValue, at: 2)
                finding.bind(found.code, at: 3)
                finding.bind(found.file, at: 4)
                finding.bind(found.record, at: 5)
                finding.bind(found.message, at: 6)
                try finding.step()
            }
            let step = try database.prepare("insert or replace into run_step (run_id, kind, step, seconds, bytes) values (?, ?, ?, ?, ?)")
            for recorded in report.phases.map({ Step(kind: "phase", name: $0.name, seconds: $0.seconds) }) + report.steps {
                step.reset()
                step.bind(Int64(report.runID), at: 1)
                step.bind(recorded.kind, at: 2)
                step.bind(recorded.name, at: 3)
                step.bind(recorded.seconds, at: 4)
                if let bytes = recorded.bytes { step.bind(Int64(bytes), at: 5) } else { step.bind(nil as String?, at: 5) }
                try step.step()
            }
            let messages = report.holds + report.deliveries.compactMap { result in
                result.failure.map { "\(result.target): \($0)" }
            } + report.deliveries.filter(\.succeeded).map { "delivered to \($0.target)" }
            let update = try database.prepare(
                "update run set finished_at = ?, outcome = ?, message = ? where run_id = ?")
            update.bind(Self.timestamp(Date()), at: 1)
            update.bind(report.outcome.rawValue, at: 2)
            update.bind(messages.isEmpty ? nil : messages.joined(separator: "; "), at: 3)
            update.bind(Int64(report.runID), at: 4)
            try update.step()
        }
    }

    /// How long each model, check and file took in the last run that ran them, by "<kind> <name>".
    func lastStepSeconds() throws -> [String: Double] {
        let rows = try database.rows("""
            select kind || ' ' || step, seconds from run_step
            where kind in ('model', 'alongside', 'check', 'file', 'compare') and run_id = (select max(run_id) from run_step where kind = 'check')
            """)
        return Dictionary(rows.map { ($0[0] ?? "", Double($0[1] ?? "") ?? 0) }, uniquingKeysWith: { first, _ in first })
    }

    /// What the last run's import cost a byte: each file's load (by table) and the copy of the
    /// second loader's tables. Empty before a run has recorded its bytes.
    func lastImportCosts() throws -> ImportCosts {
        let rows = try database.rows("""
            select step, seconds, bytes from run_step
            where kind = 'import' and bytes > 0 and run_id = (select max(run_id) from run_step where kind = 'import' and bytes > 0)
            """)
        var costs = ImportCosts()
        for row in rows {
            guard let step = row[0], let seconds = Double(row[1] ?? ""), let bytes = Double(row[2] ?? "") else { continue }
            if step == StagingLoader.copyStep {
                costs.copyPerByte = seconds / bytes
            } else {
                costs.loadPerByte[ExtractFile.table(ofName: step)] = seconds / bytes
            }
        }
        return costs
    }

    static func timestamp(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
}

/// One run as the history keeps it, for `clever-export history`.
public struct PastRun: Sendable, Equatable {
    public let runID: Int
    public let startedAt: String
    public let asOf: String
    public let outcome: String
    /// Rows per Clever file written.
    public let rows: [String: Int]
    public let errors: Int
    public let warnings: Int
    /// Where it was delivered, or why not.
    public let message: String
}

extension RunHistory {
    /// The last `count` runs, newest first.
    func recent(_ count: Int) throws -> [PastRun] {
        // The findings counted in one pass: run_finding has no index on run_id, and a count per
        // run read it whole each time (30 runs of 36k findings: 2.6 s of every nightly report).
        let runs = try database.rows("""
            with shown as (select * from run order by run_id desc limit ?1),
            counts as (
                select run_id, sum(severity = 'error') as errors, sum(severity = 'warning') as warnings
                from run_finding where run_id >= (select min(run_id) from shown) group by run_id
            )
            select r.run_id, r.started_at, r.as_of, r.outcome, coalesce(r.message, ''),
                coalesce(c.errors, 0), coalesce(c.warnings, 0)
            from shown r left join counts c on c.run_id = r.run_id
            order by r.run_id desc
            """, [String(count)])
        return try runs.map { row in
            let files = try database.rows("select file, rows from run_file where run_id = ?", [row[0]!])
            return PastRun(
                runID: Int(row[0]!)!, startedAt: row[1]!, asOf: row[2]!, outcome: row[3]!,
                rows: Dictionary(uniqueKeysWithValues: files.map { ($0[0]!, Int($0[1]!) ?? 0) }),
                errors: Int(row[5]!) ?? 0, warnings: Int(row[6]!) ?? 0, message: row[4]!)
        }
    }
}

extension ExportRun {
    /// The last `count` runs of the staging database, newest first; none before the first run.
    public func history(last count: Int) throws -> [PastRun] {
        guard FileManager.default.fileExists(atPath: databasePath) else { return [] }
        return try RunHistory(database: Database(path: databasePath)).recent(count)
    }
}

extension RunHistory {
    /// Rows per school by file of the last run before `runID` that delivered to a target (the
    /// set the change guard compares with); empty when none did.
    func deliveredRowsBySchool(before runID: Int) throws -> [String: [String: Int]] {
        let rows = try database.rows("""
            select file, school_id, rows from run_school_rows where run_id = (
                select max(run_id) from run where run_id < ?1
                and (outcome = 'delivered' or (outcome = 'delivery failed' and message like '%delivered to %')))
            """, [String(runID)])
        var counts: [String: [String: Int]] = [:]
        for row in rows { counts[row[0]!, default: [:]][row[1]!] = Int(row[2]!) ?? 0 }
        return counts
    }

    /// The schools' names by School_id, as the schools file writes them.
    func schoolNames() throws -> [String: String] {
        Dictionary(try database.rows("select School_id, School_name from clever_schools").map { ($0[0] ?? "", $0[1] ?? "") },
                   uniquingKeysWith: { first, _ in first })
    }
}
