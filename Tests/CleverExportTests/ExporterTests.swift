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
        let (work, database) = try scratchDatabase(self)
        try database.execute("""
            create table export_columns (file text, column_name text, position integer, extension text);
            insert into export_columns values
                ('enrollments', 'School_id', 1, null), ('enrollments', 'Section_id', 2, null),
                ('enrollments', 'Student_id', 3, null);
            create table indexed (school, section, student);
            create index indexed_order on indexed (school, section, student);
            create view clever_enrollments as
                select school as School_id, section as Section_id, student as Student_id from indexed;
            """)
        let query = "select * from clever_enrollments order by School_id, Section_id, Student_id"
        XCTAssertFalse(try database.plansSort(query), "the index gives the order: no sort")
        let path = work.appending(path: "enrollments.csv").path
        let cases: [(rows: String, written: String)] = [
            // Index order is text order: written as read.
            ("('1', 'A', 's1'), ('1', 'A', 's2'), ('1', 'AB', 's0'), ('2', 'A', 's0')",
             "1,A,s1\r\n1,A,s2\r\n1,AB,s0\r\n2,A,s0\r\n"),
            // 9 before 10 as numbers, after it as text.
            ("('1', 'A', 9), ('1', 'A', 10), ('1', 'B', 'x')", "1,A,10\r\n1,A,9\r\n1,B,x\r\n"),
            // NULL sorts before '' in the index; both are written empty, so the next column decides.
            ("('1', null, 'b'), ('1', '', 'a')", "1,,a\r\n1,,b\r\n"),
        ]
        for (rows, written) in cases {
            try database.execute("delete from indexed; insert into indexed values \(rows)")
            XCTAssertEqual(try Exporter.write(.enrollments, to: path, from: database).rows, written.split(separator: "\r\n").count)
            XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "School_id,Section_id,Student_id\r\n" + written)
        }
    }

    /// A view SQLite would have to sort is first read as it comes: in text order already (an
    /// extract sorted by school and ID), it is written as read; out of order, even by numbers
    /// that sort otherwise as text, the writer notices and sorts the text.
    func testRowsReadAsTheyComeAreStillWrittenInTextOrder() throws {
        let (work, database) = try scratchDatabase(self)
        try database.execute("""
            create table export_columns (file text, column_name text, position integer, extension text);
            insert into export_columns values
                ('enrollments', 'School_id', 1, null), ('enrollments', 'Section_id', 2, null),
                ('enrollments', 'Student_id', 3, null);
            create table unindexed (school, section, student);
            create view clever_enrollments as
                select school as School_id, section as Section_id, student as Student_id from unindexed;
            """)
        XCTAssertTrue(try database.plansSort("select * from clever_enrollments order by School_id, Section_id, Student_id"))
        let path = work.appending(path: "enrollments.csv").path
        let cases: [(rows: String, written: String)] = [
            ("('1', 'A', 's1'), ('1', 'A', 's2'), ('1', 'AB', 's0'), ('2', 'A', 's0')",
             "1,A,s1\r\n1,A,s2\r\n1,AB,s0\r\n2,A,s0\r\n"),
            ("('2', 'A', 's0'), ('1', 'A', 's2'), ('1', 'A', 's1')", "1,A,s1\r\n1,A,s2\r\n2,A,s0\r\n"),
            ("('1', 'A', 9), ('1', 'A', 10)", "1,A,10\r\n1,A,9\r\n"),
        ]
        for (rows, written) in cases {
            try database.execute("delete from unindexed; insert into unindexed values \(rows)")
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
