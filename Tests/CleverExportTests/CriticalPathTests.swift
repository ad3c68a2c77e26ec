import Foundation
import XCTest

@testable import CleverExport

/// The build plans from what each file's header declares it reads: a model is built once the
/// models it reads are, the writer takes the longest chain of waiting work first, and the slow
/// models off that chain go to the other core.
final class CriticalPathTests: XCTestCase {
    let catalog = SQLCatalog(files: [
        .init(path: "checks/slow.sql", text: "-- reads: c_long\ncreate view check_slow as select * from c_long;"),
        .init(path: "clever/things.sql", text: "-- reads: b_short\ncreate view clever_things as select * from b_short;"),
        .init(path: "models/a.sql", text: "-- reads:\ndrop table if exists a; create table a as select 1 as x;"),
        .init(path: "models/b_short.sql", text: """
            -- b_short: not read by c_long, whatever this comment says.
            -- reads: a
            drop table if exists b_short; create table b_short as select x from a;
            """),
        .init(path: "models/c_long.sql", text: "-- reads: a\ndrop table if exists c_long; create table c_long as select x from a;"),
        .init(path: "models/export_columns.sql", text: "-- reads:\ndrop table if exists export_columns; create table export_columns as select 1 as position;"),
        .init(path: "models/extension_values.sql", text: "-- reads:\ndrop view if exists extension_values; create view extension_values as select 1 as x;"),
    ], origin: "test")
    let lastRun: [String: Double] = [
        "model a": 1, "model b_short": 2, "model c_long": 1,
        "check check_slow": 10, "file things.csv": 3, "compare things.csv": 1,
    ]

    func plan() throws -> BuildPlan { try BuildPlan(catalog: catalog, schemaTables: []) }

    func testChainsFollowTheDeclaredReaders() throws {
        let path = CriticalPath(plan: try plan(), seconds: lastRun)
        // export_columns and extension_values are read by every Clever file's writer.
        XCTAssertEqual(path.lengths, ["a": 12, "b_short": 6, "c_long": 11, "export_columns": 4, "extension_values": 4])
        XCTAssertEqual(path.chain, ["a", "c_long"])
        XCTAssertEqual(path.builtAlongside(catalog.files(in: "models")).map(\.model), ["b_short"])
    }

    /// A check that reads a Clever file's view starts when the file's models are built, beside
    /// the writing of the file: the model's chain is its own second and then the longer of the
    /// two (1 + max(3 + 1, 5)), not the two one after the other (1 + 4 + 5).
    func testAFilesChecksRunBesideItsWriting() throws {
        let catalog = SQLCatalog(files: [
            .init(path: "checks/slow.sql", text: "-- reads: clever_things\ncreate view check_slow as select * from clever_things;"),
            .init(path: "clever/things.sql", text: "-- reads: m\ncreate view clever_things as select * from m;"),
            .init(path: "models/m.sql", text: "-- reads:\ncreate table m as select 1 as x;"),
        ], origin: "test")
        let path = CriticalPath(
            plan: try BuildPlan(catalog: catalog, schemaTables: ["export_columns", "extension_values"]),
            seconds: ["model m": 1, "file things.csv": 3, "compare things.csv": 1, "check check_slow": 5])
        XCTAssertEqual(path.lengths["m"], 6)
    }

    /// The longest chain runs on through a view between two models.
    func testTheChainPassesThroughViews() throws {
        let catalog = SQLCatalog(files: [
            .init(path: "models/late.sql", text: "-- reads: stg_root\ncreate table late as select * from stg_root;"),
            .init(path: "models/root.sql", text: "-- reads:\ncreate table root as select 1 as x;"),
            .init(path: "models/side.sql", text: "-- reads: root\ncreate table side as select * from root;"),
            .init(path: "staging/stg_root.sql", text: "-- reads: root\ncreate view stg_root as select * from root;"),
        ], origin: "test")
        let path = CriticalPath(
            plan: try BuildPlan(catalog: catalog, schemaTables: []),
            seconds: ["model root": 1, "model late": 5, "model side": 2])
        XCTAssertEqual(path.chain, ["root", "late"])
        XCTAssertEqual(path.builtAlongside(catalog.files(in: "models")).map(\.model), ["side"])
    }

    func testTheWriterTakesTheLongestChainFirst() throws {
        let database = try Database(path: try temporaryDirectory(self).appending(path: "staging.db").path)
        var built: [String] = []
        let plan = try plan()
        try catalog.buildModels(in: database, plan: plan, criticalPath: CriticalPath(plan: plan, seconds: lastRun)) { model, _ in
            built.append(model)
        }
        XCTAssertEqual(built, ["export_columns", "extension_values", "a", "c_long", "b_short"])  // quick ones first
    }

    /// The writer first builds what a model built alongside waits for, though its own chain is
    /// shorter than another model's: otherwise the other core would sit idle behind it.
    func testTheWriterFirstBuildsWhatTheOtherCoreWaitsFor() throws {
        let catalog = SQLCatalog(files: [
            .init(path: "models/feeder.sql", text: "-- reads:\ncreate table feeder as select 1 as x;"),
            .init(path: "models/long.sql", text: "-- reads:\ncreate table long as select 1 as x;"),
            .init(path: "models/side.sql", text: "-- reads: feeder\ncreate table side as select * from feeder;"),
        ], origin: "test")
        let plan = try BuildPlan(catalog: catalog, schemaTables: [])
        let path = CriticalPath(plan: plan, seconds: ["model feeder": 0.5, "model long": 5, "model side": 3])
        let alongside = path.builtAlongside(catalog.files(in: "models"))
        XCTAssertEqual(alongside.map(\.model), ["side"])
        XCTAssertEqual(path.ordered(catalog.files(in: "models")).map(\.model), ["long", "feeder", "side"])
        let database = try Database(path: try temporaryDirectory(self).appending(path: "staging.db").path)
        var built: [String] = []
        // side's job never runs here, so the writer takes it back once it has nothing else.
        try catalog.buildModels(
            in: database, plan: plan,
            alongside: ModelsAlongside(files: alongside, origin: "test", scratch: { _ in "" }),
            criticalPath: path
        ) { model, _ in built.append(model) }
        XCTAssertEqual(built, ["feeder", "long", "side"])
    }

    /// Of two models built alongside, the writer first builds what the one waiting for less of its
    /// work needs, though the other's feeder has the longer chain: the other core starts 0.9 s in
    /// rather than after 5 s.
    func testTheWriterFirstFeedsTheModelAlongsideThatWaitsLeast() throws {
        let catalog = SQLCatalog(files: [
            .init(path: "models/big_feeder.sql", text: "-- reads:\ncreate table big_feeder as select 1 as x;"),
            .init(path: "models/small_feeder.sql", text: "-- reads:\ncreate table small_feeder as select 1 as x;"),
            .init(path: "models/after_big.sql", text: "-- reads: big_feeder\ncreate table after_big as select * from big_feeder;"),
            .init(path: "models/after_small.sql", text: "-- reads: small_feeder\ncreate table after_small as select * from small_feeder;"),
            .init(path: "models/last.sql", text: "-- reads: big_feeder, small_feeder\ncreate table last as select * from big_feeder, small_feeder;"),
        ], origin: "test")
        let plan = try BuildPlan(catalog: catalog, schemaTables: [])
        let path = CriticalPath(plan: plan, seconds: [
            "model big_feeder": 5, "model small_feeder": 0.9, "alongside after_big": 2, "alongside after_small": 2, "model last": 3,
        ])
        let alongside = path.builtAlongside(catalog.files(in: "models"))
        XCTAssertEqual(alongside.map(\.model), ["after_big", "after_small"])
        XCTAssertEqual(path.ordered(catalog.files(in: "models")).map(\.model).prefix(2), ["big_feeder", "small_feeder"])
        XCTAssertEqual(
            path.ordered(catalog.files(in: "models"), feeding: alongside).map(\.model).prefix(2), ["small_feeder", "big_feeder"])
    }

    /// A model file an analyst adds is built after what it declares it reads, though its name
    /// sorts first, with no change to the Swift code.
    func testANewModelIsBuiltAfterWhatItReads() throws {
        let new = SQLCatalog.File(
            path: "models/aa_new.sql",
            text: "-- reads: c_long\ndrop table if exists aa_new; create table aa_new as select x + 1 as y from c_long;")
        let added = SQLCatalog(files: (catalog.files + [new]).sorted { $0.path < $1.path }, origin: "test")
        let database = try Database(path: try temporaryDirectory(self).appending(path: "staging.db").path)
        var built: [String] = []
        try added.buildModels(in: database, plan: try BuildPlan(catalog: added, schemaTables: [])) { model, _ in built.append(model) }
        XCTAssertEqual(built, ["a", "b_short", "c_long", "aa_new", "export_columns", "extension_values"])
        XCTAssertEqual(try database.strings("select y from aa_new"), ["2"])
    }

    func testAFileWithoutADeclarationOrReadingAnUnknownTableIsRefused() {
        let broken = SQLCatalog(files: [
            .init(path: "models/a.sql", text: "drop table if exists a; create table a as select 1 as x;"),
            .init(path: "models/b.sql", text: "-- reads: a, nowhere\ncreate table b as select * from a;"),
        ], origin: "sql")
        XCTAssertThrowsError(try BuildPlan(catalog: broken, schemaTables: [])) { error in
            XCTAssertEqual((error as? DatabaseError)?.message, """
                sql models/a.sql: its header has no `-- reads:` line; list the tables and views it reads
                sql models/b.sql: reads nowhere, which no file of sql/ creates and sql/schema/ does not define
                """)
        }
    }
}
