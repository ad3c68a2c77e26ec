import XCTest

@testable import CleverExport

/// The importer's index of a file's keys (extract_reference): every key finds the row it was
/// added with, the first of two alike, and a key never added finds nothing, for keys of every
/// length around the 8 bytes kept in a slot, as the index grows.
final class KeyIndexTests: XCTestCase {
    func testEveryKeyFindsItsFirstRow() {
        let index = KeyIndex()
        func key(_ text: String) -> [UInt8] { Array(text.utf8) }
        let keys = ["", "1", "S0000001", "S00000001", "010\u{1F}MUS\u{1F}1", "010\u{1F}MUS\u{1F}10", String(repeating: "x", count: 70_000)]
            + (1...50_000).map { "S\(String(repeating: "0", count: $0 % 12))\($0)" }
        for (offset, text) in keys.enumerated() {
            key(text).withUnsafeBufferPointer { index.insert($0, row: offset + 1) }
        }
        key("S0000001").withUnsafeBufferPointer { index.insert($0, row: 999_999) }
        XCTAssertEqual(index.count, keys.count)
        for (offset, text) in keys.enumerated() {
            XCTAssertEqual(key(text).withUnsafeBufferPointer(index.row), offset + 1, text)
        }
        for missing in ["S0000002", "S000000001", "010\u{1F}MUS", "010\u{1F}MUS\u{1F}2", "0"] {
            XCTAssertNil(key(missing).withUnsafeBufferPointer(index.row), missing)
        }
    }

    /// The probe that remembers the last key answers as the index does, for a key again and
    /// for a different one of the same length.
    func testTheProbeAnswersAsTheIndex() {
        let index = KeyIndex()
        Array("AB".utf8).withUnsafeBufferPointer { index.insert($0, row: 7) }
        let probe = KeyProbe(index)
        XCTAssertEqual(Array("AB".utf8).withUnsafeBufferPointer(probe.row), 7)
        XCTAssertEqual(Array("AB".utf8).withUnsafeBufferPointer(probe.row), 7)
        XCTAssertNil(Array("AC".utf8).withUnsafeBufferPointer(probe.row))
        XCTAssertEqual(Array("AB".utf8).withUnsafeBufferPointer(probe.row), 7)
    }
}
