import Foundation
import XCTest

@testable import CleverExport

/// The writer builds, of the models it can build, the one whose chain of waiting work took longest
/// in the last run; what reads what comes from the SQL, comments aside, and each Clever file's
/// writer reads export_columns.
final class CriticalPathTests: XCTestCase {
    let catalog = SQLCatalog(files: [
        .init(path: "checks/slow.sql", text: "create view check_slow as select * from c_long;"),
        .init(path: "clever/things.sql", text: "create view clever_things as select * from b_short;"),
        .init(path: "models/a.sql", text: "drop table if exists a; create table a as select 1 as x;"),
        .init(path: "models/b_short.sql", text: """
            -- b_short: not read by c_long, whatever this comment says.
            drop table if exists b_short; create table b_short as select x from a;
            """),
        .init(path: "models/c_long.sql", text: "drop table if exists c_long; create table c_long as select x from a;"),
        .init(path: "models/export_columns.sql", text: "drop table if exists export_columns; create table export_columns as select 1 as position;"),
    ], origin: "test")
    let lastRun: [String: Double] = [
        "model a": 1, "model b_short": 2, "model c_long": 1,
        "check check_slow": 10, "file things.csv": 3, "compare things.csv": 1,
    ]

    func testChainsFollowTheReadersOfEachModel() {
        let path = CriticalPath(catalog: catalog, seconds: lastRun)
        XCTAssertEqual(path.lengths, ["a": 12, "b_short": 6, "c_long": 11, "export_columns": 4])
    }

    func testTheWriterTakesTheLongestChainFirst() throws {
        let database = try Database(path: try temporaryDirectory(self).appending(path: "staging.db").path)
        var built: [String] = []
        try catalog.buildModels(in: database, criticalPath: CriticalPath(catalog: catalog, seconds: lastRun)) { model, _ in
            built.append(model)
        }
        XCTAssertEqual(built, ["export_columns", "a", "c_long", "b_short"])  // quick ones first
    }

    func testAFirstRunKeepsFileOrder() throws {
        let database = try Database(path: try temporaryDirectory(self).appending(path: "staging.db").path)
        var built: [String] = []
        try catalog.buildModels(in: database, criticalPath: CriticalPath(catalog: catalog, seconds: [:])) { model, _ in
            built.append(model)
        }
        XCTAssertEqual(built, ["a", "b_short", "c_long", "export_columns"])
    }
}
