import CSQLite
import Foundation
import XCTest

@testable import CleverExport

/// How SQLite plans the models with every option on. A LEFT JOIN it runs by scanning the joined
/// table once per row (SCAN ... LEFT-JOIN) grows with the square of the district: three times
/// such a join hung a 1M-student run for over ten minutes, and the defaults never show it.
/// Without ANALYZE statistics SQLite plans the demo district as it plans a large one.
final class PlanTests: XCTestCase {
    func testNoModelScansATableForEachRowOfALeftJoin() throws {
        let work = try temporaryDirectory(self)
        let config = packageRoot.appending(path: "fixtures/options/combined-all-on/clever-export.toml")
        _ = try? runExport(config: config, work: work)
        let database = try Database(path: work.appending(path: "staging.db").path)
        let models = packageRoot.appending(path: "sql/models")
        var scans: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: models.path).sorted() {
            // Each statement is planned, then run, so the next one finds the tables it reads.
            try forEachStatement(of: String(contentsOf: models.appending(path: name), encoding: .utf8), in: database) {
                let plan = try database.rows("explain query plan \($0)").compactMap { $0.last ?? nil }
                scans += plan.filter { $0.contains("SCAN") && $0.contains("LEFT-JOIN") }.map { "\(name): \($0)" }
                try database.execute($0)
            }
        }
        XCTAssertEqual(scans, [])
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
