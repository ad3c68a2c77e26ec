import CSQLite
import Foundation
import XCTest

@testable import CleverExport

/// Each file's `-- reads:` line, which the build plans from, against what SQLite actually reads
/// when it prepares the file's statements (its authorizer names every table and view read): every
/// table or view read is declared (directly or through a declared view), and every declared name
/// is read. Run on the all-options fixture, so that no option hides a read.
final class DeclaredReadsTests: XCTestCase {
    final class Reads { var names: Set<String> = [] }

    func testEveryFileDeclaresWhatItReads() throws {
        let work = try temporaryDirectory(self)
        try runExport(config: packageRoot.appending(path: "fixtures/options/combined-all-on/clever-export.toml"), work: work)
        let database = try Database(path: work.appending(path: "staging.db").path)
        let catalog = try SQLCatalog.load(directory: packageRoot.appending(path: "sql").path)
        let plan = try catalog.plan(in: database)
        let views = Set(try database.strings("select name from sqlite_master where type = 'view'"))
        // The authorizer names a CTE read inside a subquery (a one-row guard's EXISTS) as if it
        // were a table; only the database's own tables and views are reads.
        let objects = Set(try database.strings("select lower(name) from sqlite_master where type in ('table', 'view')"))
        func reachable(_ name: String) -> Set<String> {
            var found: Set<String> = [name]
            if views.contains(name) { for read in plan.reads[name] ?? [] { found.formUnion(reachable(read)) } }
            return found
        }
        XCTAssertGreaterThan(plan.files.count, 50, "every model, view and check of sql/")
        var problems: [String] = []
        for (name, file) in plan.files.sorted(by: { $0.key < $1.key }) {
            let read = try reads(of: name, file: file, views: views, in: database).intersection(objects)
            let declared = plan.reads[name] ?? []
            let reachableNames = declared.reduce(into: Set<String>()) { $0.formUnion(reachable($1)) }
            for undeclared in read.subtracting(reachableNames).sorted() {
                problems.append("\(file.path) reads \(undeclared) but does not declare it")
            }
            for unused in declared where reachable(unused).isDisjoint(with: read) && !Exporter.readBeside.contains(unused) {
                problems.append("\(file.path) declares \(unused) but does not read it")
            }
        }
        XCTAssertEqual(problems, [])
    }

    /// What SQLite reads for a file: a view's query, or each statement of a model as it runs.
    private func reads(of name: String, file: SQLCatalog.File, views: Set<String>, in database: Database) throws -> Set<String> {
        let box = Reads()
        let context = Unmanaged.passUnretained(box).toOpaque()
        sqlite3_set_authorizer(database.handle, { context, action, table, _, _, _ in
            if action == SQLITE_READ, let table, let context {
                Unmanaged<Reads>.fromOpaque(context).takeUnretainedValue().names.insert(String(cString: table).lowercased())
            }
            return SQLITE_OK
        }, context)
        defer { sqlite3_set_authorizer(database.handle, nil, nil) }
        if views.contains(name) {
            _ = try database.prepare("select * from \"\(name)\"")
        } else {
            try database.execute(file.text)
        }
        return box.names.subtracting([name, "sqlite_master", "sqlite_schema", "json_each"])
    }
}
