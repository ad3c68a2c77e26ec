import Foundation
import XCTest

@testable import CleverExport

/// The order the writer gives the rows: byte order of the written text, whether SQLite sorts
/// them or reads them in a table's key order.
final class ExporterTests: XCTestCase {
    /// A table indexed on the file's columns is read in index order without a sort; where
    /// numbers and NULL put that order at odds with the text's, the writer notices and sorts
    /// the text.
    func testRowsReadInKeyOrderAreStillWrittenInTextOrder() throws {
        let (work, database) = try enrollmentsView(indexed: true)
        XCTAssertFalse(try database.plansSort(ownOrder), "the index gives the order: no sort")
        try assertWritten(work: work, database: database, cases: [
            // Index order is text order: written as read.
            ("('1', 'A', 's1'), ('1', 'A', 's2'), ('1', 'AB', 's0'), ('2', 'A', 's0')",
             "1,A,s1\r\n1,A,s2\r\n1,AB,s0\r\n2,A,s0\r\n"),
            // 9 before 10 as numbers, after it as text.
            ("('1', 'A', 9), ('1', 'A', 10), ('1', 'B', 'x')", "1,A,10\r\n1,A,9\r\n1,B,x\r\n"),
            // NULL sorts before '' in the index; both are written empty, so the next column decides.
            ("('1', null, 'b'), ('1', '', 'a')", "1,,a\r\n1,,b\r\n"),
        ])
    }

    /// A view SQLite would have to sort is first read as it comes: in text order already (an
    /// extract sorted by school and ID), it is written as read; out of order, even by numbers
    /// that sort otherwise as text, the writer notices and sorts the text.
    func testRowsReadAsTheyComeAreStillWrittenInTextOrder() throws {
        let (work, database) = try enrollmentsView(indexed: false)
        XCTAssertTrue(try database.plansSort(ownOrder))
        try assertWritten(work: work, database: database, cases: [
            ("('1', 'A', 's1'), ('1', 'A', 's2'), ('1', 'AB', 's0'), ('2', 'A', 's0')",
             "1,A,s1\r\n1,A,s2\r\n1,AB,s0\r\n2,A,s0\r\n"),
            ("('2', 'A', 's0'), ('1', 'A', 's2'), ('1', 'A', 's1')", "1,A,s1\r\n1,A,s2\r\n2,A,s0\r\n"),
            ("('1', 'A', 9), ('1', 'A', 10)", "1,A,10\r\n1,A,9\r\n"),
        ])
    }

    let ownOrder = "select * from clever_enrollments order by School_id, Section_id, Student_id"

    /// A clever_enrollments view over a table `rows`, with an index in the file's order or none.
    func enrollmentsView(indexed: Bool) throws -> (URL, Database) {
        let (work, database) = try scratchDatabase(self)
        try database.execute("""
            create table export_columns (file text, column_name text, position integer, extension text);
            insert into export_columns values
                ('enrollments', 'School_id', 1, null), ('enrollments', 'Section_id', 2, null),
                ('enrollments', 'Student_id', 3, null);
            create table rows (school, section, student);
            \(indexed ? "create index rows_order on rows (school, section, student);" : "")
            create view clever_enrollments as
                select school as School_id, section as Section_id, student as Student_id from rows;
            """)
        return (work, database)
    }

    /// For each case, the table holds `rows` (SQL values) and enrollments.csv is `written`.
    func assertWritten(work: URL, database: Database, cases: [(rows: String, written: String)]) throws {
        let path = work.appending(path: "enrollments.csv").path
        for (rows, written) in cases {
            try database.execute("delete from rows; insert into rows values \(rows)")
            XCTAssertEqual(try Exporter.write(.enrollments, to: path, from: database).rows, written.split(separator: "\r\n").count)
            XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "School_id,Section_id,Student_id\r\n" + written)
        }
    }

    /// enrollments.csv, the largest file, is read in export_enrollments' key order: a change to
    /// the model that lost it would make SQLite sort millions of rows again.
    func testEnrollmentsAreWrittenWithoutASort() throws {
        let work = try temporaryDirectory(self)
        _ = try runExport(config: packageRoot.appending(path: "fixtures/demo/clever-export.toml"), work: work)
        let database = try Database(path: work.appending(path: "staging.db").path)
        XCTAssertFalse(try database.plansSort(
            "select * from clever_enrollments order by School_id, Section_id, Student_id"))
        XCTAssertTrue(try database.plansSort(
            "select * from clever_enrollments order by Student_id"), "the test can tell a sort")
    }
}
