import Foundation
import XCTest

@testable import CleverExport

/// A model built alongside (on the other core, into a scratch file) reaches the staging file with
/// its indexes, whether its job built it or the writer had to take it back; a model that reads
/// it is built after it is copied in.
final class ModelsAlongsideTests: XCTestCase {
    let catalog = SQLCatalog(files: [
        .init(path: "models/a.sql", text: "-- reads:\ndrop table if exists a; create table a as select 1 as x union all select 2;"),
        .init(path: "models/b.sql", text: """
            -- b: read by c, built alongside; label is computed when read, not copied.
            -- reads: a
            drop table if exists b;
            create table b (y integer, label text generated always as ('b' || y) virtual);
            insert into b (y) select x * 10 from a;
            create index b_1 on b (y);
            """),
        .init(path: "models/c.sql", text: "-- reads: b\ndrop table if exists c; create table c as select y + 1 as z from b;"),
    ], origin: "test")

    var plan: BuildPlan { try! BuildPlan(catalog: catalog, schemaTables: []) }

    func setUp(_ test: XCTestCase) throws -> (database: Database, staging: StagingFile, alongside: ModelsAlongside) {
        let work = try temporaryDirectory(test)
        let staging = StagingFile(path: work.appending(path: "staging.db").path)
        let database = try staging.create()
        let alongside = ModelsAlongside(
            files: catalog.files.filter { $0.model == "b" }, origin: catalog.origin, scratch: staging.createScratch)
        return (database, staging, alongside)
    }

    func assertBuilt(_ database: Database, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try database.strings("select label from b order by y"), ["b10", "b20"], file: file, line: line)
        XCTAssertEqual(try database.strings("select z from c order by z"), ["11", "21"], file: file, line: line)
        XCTAssertEqual(try database.strings("select name from sqlite_master where type = 'index'"), ["b_1"], file: file, line: line)
    }

    func testBuiltAlongsideAndCopiedIn() throws {
        let (database, staging, alongside) = try setUp(self)
        try database.execute(catalog.files[0].text)
        // The other core: the job is ready once `a` exists, and builds b into a scratch file.
        let reader = try Database(path: staging.newPath)
        let job = alongside.jobs(needs: plan.models(neededBy:))[0]
        XCTAssertEqual(job.needs, ["a"])
        try job.run(reader)
        var steps: [String] = []
        try catalog.buildModels(in: database, plan: plan, alongside: alongside) { model, _ in steps.append(model) }
        XCTAssertEqual(steps, ["copy of b", "a", "c"])  // b was built before the writer began
        try assertBuilt(database)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: staging.scratchDirectory), [])
    }

    func testTakenBackWhenItsJobHasNotStarted() throws {
        let (database, staging, alongside) = try setUp(self)
        let reader = try Database(path: staging.newPath)
        var steps: [String] = []
        try catalog.buildModels(in: database, plan: plan, alongside: alongside) { model, _ in steps.append(model) }
        XCTAssertEqual(steps, ["a", "b", "c"])
        try assertBuilt(database)
        // The job, run late, does nothing: it makes no scratch file.
        try alongside.jobs(needs: plan.models(neededBy:))[0].run(reader)
        try assertBuilt(database)
        XCTAssertEqual((try? FileManager.default.contentsOfDirectory(atPath: staging.scratchDirectory)) ?? [], [])
    }
}
