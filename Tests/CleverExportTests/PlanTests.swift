import CSQLite
import Foundation
import XCTest

@testable import CleverExport

/// How SQLite plans the models, views and checks with every option on. A LEFT JOIN it runs by scanning the joined
/// table once per row (SCAN ... LEFT-JOIN) grows with the square of the district: three times
/// such a join hung a 1M-student run for over ten minutes, and the defaults never show it.
/// Without ANALYZE statistics SQLite plans the demo district as it plans a large one.
final class PlanTests: XCTestCase {
    func testNothingScansATableForEachRowOfALeftJoin() throws {
        let work = try temporaryDirectory(self)
        let config = packageRoot.appending(path: "fixtures/options/combined-all-on/clever-export.toml")
        try runExport(config: config, work: work)
        let database = try Database(path: work.appending(path: "staging.db").path)
        let models = packageRoot.appending(path: "sql/models")
        var scans: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: models.path).sorted() {
            // Each statement is planned, then run, so the next one finds the tables it reads.
            try forEachStatement(of: String(contentsOf: models.appending(path: name), encoding: .utf8), in: database) {
                scans += try scansPerRow(of: $0, in: database).map { "\(name): \($0)" }
                try database.execute($0)
            }
        }
        for view in try database.strings("select name from sqlite_master where type = 'view' order by name") {
            scans += try scansPerRow(of: "select * from \(view)", in: database).map { "\(view): \($0)" }
        }
        XCTAssertEqual(scans, [])
    }

    /// The test above can fail: a LEFT JOIN on an expression no index serves is such a scan.
    func testAScanPerRowIsCaught() throws {
        let (_, database) = try scratchDatabase(self)
        try database.execute("create table t1 (a); create table t2 (b)")
        XCTAssertFalse(try scansPerRow(of: "select * from t1 left join t2 on t2.b + 0 = t1.a", in: database).isEmpty)
    }

    /// The steps of the plan of `statement` that scan a whole table for each row of a LEFT JOIN.
    private func scansPerRow(of statement: String, in database: Database) throws -> [String] {
        try database.rows("explain query plan \(statement)").compactMap { $0.last ?? nil }
            .filter { $0.contains("SCAN") && $0.contains("LEFT-JOIN") }
    }

    /// Calls `body` with each statement of a script in turn, as SQLite splits them; the next is
    /// prepared only once `body` is done with the last.
    private func forEachStatement(of script: String, in database: Database, _ body: (String) throws -> Void) throws {
        try script.withCString { start in
            var next: UnsafePointer<CChar>? = start
            while let current = next, current.pointee != 0 {
                var statement: OpaquePointer?
                guard sqlite3_prepare_v2(database.handle, current, -1, &statement, &next) == SQLITE_OK else {
                    throw DatabaseError(message: database.errorMessage, context: "preparing a model's statement")
                }
                guard let statement else { continue }
                let text = String(cString: sqlite3_sql(statement))
                sqlite3_finalize(statement)
                try body(text)
            }
        }
    }
}
