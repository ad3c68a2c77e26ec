import Foundation
import XCTest

@testable import CleverExport

final class CSVReaderTests: XCTestCase {
    /// Every record of `text` as arrays of strings, read with a tiny chunk size so records
    /// straddle chunk boundaries.
    func records(_ bytes: [UInt8], chunkSize: Int = 4) throws -> [[String]] {
        let url = try temporaryDirectory(self).appending(path: "t.csv")
        try Data(bytes).write(to: url)
        let reader = try CSVReader(path: url.path, name: "t.csv", chunkSize: chunkSize)
        var result: [[String]] = []
        while try reader.next() {
            result.append((0..<reader.fieldCount).map { String(decoding: reader[$0].buffer, as: UTF8.self) })
        }
        return result
    }

    func records(_ text: String, chunkSize: Int = 4) throws -> [[String]] {
        try records(Array(text.utf8), chunkSize: chunkSize)
    }

    func testQuotedCommasDoubledQuotesAndLineBreaks() throws {
        let text = "a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n"
        XCTAssertEqual(try records(text), [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"]])
    }

    func testLineEndingsAndEmptyFields() throws {
        XCTAssertEqual(try records("a,b\r\n1,\r\n,2\r,3\n\"\",4"), [["a", "b"], ["1", ""], ["", "2"], ["", "3"], ["", "4"]])
    }

    func testByteOrderMarkIsSkippedAndBlankLinesIgnored() throws {
        XCTAssertEqual(try records([0xEF, 0xBB, 0xBF] + Array("id\n\n7\n\n".utf8)), [["id"], ["7"]])
    }

    func testLineNumbersCountLineBreaksInsideQuotes() throws {
        let url = try temporaryDirectory(self).appending(path: "t.csv")
        try Data("h\n\"a\nb\"\nc\n".utf8).write(to: url)
        let reader = try CSVReader(path: url.path, name: "t.csv", chunkSize: 3)
        var lines: [Int] = []
        while try reader.next() { lines.append(reader.line) }
        XCTAssertEqual(lines, [1, 2, 4])
    }

    func testUnterminatedQuoteNamesTheLine() throws {
        XCTAssertThrowsError(try records("a\n1\n\"open\n2\n")) { error in
            XCTAssertEqual((error as? InputProblem)?.line, 3)
            XCTAssertTrue("\(error)".contains("never closed"), "\(error)")
        }
    }

    func testTextAfterClosingQuoteIsAnError() throws {
        XCTAssertThrowsError(try records("a,b\n\"x\"y,2\n")) { error in
            XCTAssertEqual((error as? InputProblem)?.description,
                "t.csv:2 column 1: text after a closing quote; a field that holds a quote must be quoted whole, with the quote doubled (\"\")")
        }
    }

    func testUTF16IsRefused() throws {
        XCTAssertThrowsError(try records([0xFF, 0xFE, 0x61, 0x00])) { error in
            XCTAssertEqual((error as? InputProblem)?.description, "t.csv:1: is UTF-16; save it as UTF-8 (\"CSV UTF-8\" in Excel) and run again")
        }
    }

    func testUTF8Validation() {
        func check(_ bytes: [UInt8]) -> Int? { bytes.withUnsafeBufferPointer { firstInvalidUTF8($0) } }
        XCTAssertNil(check(Array("José ✓ 𝄞".utf8)))
        XCTAssertEqual(check([0x4A, 0x6F, 0x73, 0xE9]), 3)  // Latin-1 é
        XCTAssertEqual(check([0xC0, 0x80]), 0)  // overlong
        XCTAssertEqual(check([0xED, 0xA0, 0x80]), 0)  // surrogate
    }

    /// Whatever bytes come in, the reader ends (no hang, no crash) and either reads every
    /// record or names a problem.
    func testRandomInputsNeverHangOrCrash() throws {
        var generator = SplitMix64(seed: 20261129)
        let alphabet: [UInt8] = Array("ab,\"\r\n".utf8) + [0xC3, 0xA9, 0xFF]
        for _ in 0..<300 {
            let bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            do {
                let rows = try records(bytes, chunkSize: Int.random(in: 1...8, using: &generator))
                XCTAssertLessThanOrEqual(rows.count, bytes.count + 1)
            } catch is InputProblem {}
        }
    }
}

extension CSVReaderTests {
    /// A field far larger than the read buffer (but within the 1 MiB a record may have) grows it
    /// instead of failing or splitting.
    func testHugeQuotedFieldGrowsTheBuffer() throws {
        let huge = String(repeating: "a,\"b\"\n", count: 100_000)
        let escaped = huge.replacingOccurrences(of: "\"", with: "\"\"")
        let rows = try records("id,note\n1,\"\(escaped)\"\n2,x\n", chunkSize: 1 << 16)
        XCTAssertEqual(rows.count, 3)
        XCTAssertEqual(rows[1][1], huge)
        XCTAssertEqual(rows[2], ["2", "x"])
    }
}

extension CSVReaderTests {
    /// The demo's students.csv with random bytes inserted, deleted and replaced (quotes, commas,
    /// line breaks, invalid bytes): the reader never crashes or hangs, and whatever it reads is
    /// every record: written back as CSV and read again, the records come out the same, and
    /// there are never more fields than bytes. Seeded, so a failure can be replayed.
    func testMutatedFilesAreReadWhollyOrRefused() throws {
        // The case that made this test fail when it drew its bytes at random: a lone CR in quotes.
        XCTAssertEqual(try records("a,b\n1,\"June 5\r 2012\"\n", chunkSize: 64), [["a", "b"], ["1", "June 5\r 2012"]])
        let original = try Data(contentsOf: packageRoot.appending(path: "fixtures/demo/extract/students.csv"))
        var generator = SplitMix64(seed: 20261129)
        let noise: [UInt8] = Array(",\"\r\n ".utf8) + [0xC3, 0xFF]
        for _ in 0..<400 {
            var bytes = [UInt8](original)
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                let at = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes.insert(noise.randomElement(using: &generator)!, at: at)
                case 1: bytes.remove(at: at)
                default: bytes[at] = noise.randomElement(using: &generator)!
                }
            }
            let rows: [[String]]
            do { rows = try records(bytes, chunkSize: Int.random(in: 16...256, using: &generator)) } catch is InputProblem { continue }
            XCTAssertLessThanOrEqual(rows.reduce(0) { $0 + $1.count }, bytes.count + 1)
            let rewritten = rows.map { row in
                row.map { field in
                    // By scalar: as Characters, "\r\n" is one, and a lone "\r" would not match it.
                    field.unicodeScalars.contains(where: { ",\"\r\n".unicodeScalars.contains($0) })
                        ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
                }.joined(separator: ",")
            }.joined(separator: "\n") + "\n"
            XCTAssertEqual(try records(rewritten, chunkSize: 64), rows.filter { $0 != [""] })
        }
    }
}

/// A small seeded generator (SplitMix64), so the mutation test runs the same cases every time.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension CSVReaderTests {
    /// A record past 1 MiB (a file without line ends, a quote never closed) is an error naming
    /// the line it starts on, read in bounded memory.
    func testARecordPastOneMiBIsAnErrorNamingItsLine() throws {
        let long = "id,note\n1,x\n2,\"" + String(repeating: "y", count: CSVReader.maxRecordBytes) + "\n3,z\n"
        XCTAssertThrowsError(try records(long, chunkSize: 1 << 16)) { error in
            XCTAssertEqual((error as? InputProblem)?.description,
                "t.csv:3: a record starting on this line is longer than 1 MiB; the file is not a CSV file, or a quoted field is never closed (a \" without its closing \")")
        }
    }

    /// The reader flags the records the importer looks at closely: control characters (a line
    /// break inside quotes too) and values that start like a formula, after spaces.
    func testControlCharactersAndFormulaStartsAreFlagged() throws {
        let url = try temporaryDirectory(self).appending(path: "t.csv")
        try Data("a,b\nx,y\nx\u{0},y\n\"x\ny\",z\n  =1,y\nx,\"@b\"\n-5,+1\n".utf8).write(to: url)
        let reader = try CSVReader(path: url.path, name: "t.csv", chunkSize: 5)
        var flags: [String] = []
        while try reader.next() { flags.append("\(reader.hasControl ? "c" : "-")\(reader.hasFormulaStart ? "f" : "-")") }
        XCTAssertEqual(flags, ["--", "--", "c-", "c-", "-f", "-f", "-f"])
    }

    /// Of the flagged values, only those cleaning changes or warns about are cleaned: an accent
    /// at an end, a phone number "+1 ..." and a negative number are loaded as they are read.
    func testOnlyValuesThatCleaningChangesOrWarnsAboutAreCleaned() {
        func sieve(_ value: String) -> String {
            Array(value.utf8).withUnsafeBufferPointer {
                (ValueCleaner.mayChange($0) ? "c" : "-") + (ValueCleaner.mayBeFormula($0) ? "f" : "-")
            }
        }
        let values = ["José", "Ünal", "Zoë Brontë", "José\u{00A0}", "\u{3000}Ana", "Ana\u{2009}", "a\u{FEFF}b",
                      "+1 973 555 0100", "-5", "+", "  =SUM(A1)", "@home", "-x", "+(973) 555"]
        XCTAssertEqual(values.map(sieve), ["--", "--", "--", "c-", "c-", "c-", "c-",
                                           "--", "--", "--", "-f", "-f", "-f", "--"])
        // What the sieve lets by, cleaning would load unchanged and without a warning.
        for value in values where sieve(value) == "--" {
            guard case .value(let cleaned, let warnings) = Array(value.utf8).withUnsafeBufferPointer(ValueCleaner(isID: false).clean) else {
                return XCTFail(value)
            }
            XCTAssertEqual(cleaned, Array(value.utf8), value)
            XCTAssertEqual(warnings, [], value)
        }
    }
}
