import CSQLite
import Foundation
import XCTest

@testable import CleverExport

final class CSVWriterTests: XCTestCase {
    func testQuotesOnlyWhatNeedsItAndEndsLinesWithCRLF() throws {
        let (work, database) = try scratchDatabase(self)
        try database.execute("""
            create table t (a, b);
            insert into t values ('plain', 'a,b'), ('say "hi"', 'two
            lines'), (null, 'José');
            """)
        let path = work.appending(path: "t.csv").path
        let rows = try CSVWriter(creating: path).write(header: ["A", "B"], rows: try database.prepare("select a, b from t"))
        XCTAssertEqual(rows, 3)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertEqual(text, "A,B\r\nplain,\"a,b\"\r\n\"say \"\"hi\"\"\",\"two\nlines\"\r\n,José\r\n")
        var info = stat()
        stat(path, &info)
        XCTAssertEqual(info.st_mode & 0o777, 0o600, "files with personal data are for the owner only")
    }

    func testWhatTheWriterWritesTheReaderReadsBack() throws {
        let (work, database) = try scratchDatabase(self)
        let values = ["", "x", ",", "\"", "\"\"", "a\r\nb", " lead", "ü,\"\n", String(repeating: "long,", count: 500)]
        try database.execute("create table t (a, b)")
        let insert = try database.prepare("insert into t values (?, ?)")
        for (a, b) in zip(values, values.reversed()) {
            insert.reset()
            insert.bind(a, at: 1)
            insert.bind(b, at: 2)
            try insert.step()
        }
        let path = work.appending(path: "t.csv").path
        _ = try CSVWriter(creating: path).write(header: ["a", "b"], rows: try database.prepare("select a, b from t"))
        let reader = try CSVReader(path: path, name: "t.csv", chunkSize: 7)
        var read: [[String]] = []
        while try reader.next() {
            read.append((0..<reader.fieldCount).map { String(decoding: reader[$0].buffer, as: UTF8.self) })
        }
        // A row that is one empty field would be a blank line; the writer never writes one,
        // since every file has several columns.
        XCTAssertEqual(read, [["a", "b"]] + zip(values, values.reversed()).map { [$0, $1] })
    }
}
