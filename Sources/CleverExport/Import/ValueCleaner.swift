import Foundation

/// What the importer does to a value beyond trimming spaces, for a record that holds a byte
/// outside ASCII, a control character or a value that starts like a formula (CSVReader flags
/// them; most records have none and never come here):
/// - a byte-order mark (U+FEFF) anywhere in the value is removed and warned;
/// - tabs and Unicode spaces (no-break space, U+2000 to U+200A, U+202F, U+205F, U+3000) at either
///   end are trimmed like spaces;
/// - a control character left (below U+0020, or DEL) is removed and warned, a tab or line break
///   becoming a space; in an ID column (a key of an extract file) it is an error instead, since
///   the ID as the SIS holds it is not the one written;
/// - a text value starting with = or @, or with + or - before anything but a digit, is warned: a
///   spreadsheet would run it as a formula.
struct ValueCleaner {
    enum Outcome {
        /// The value as it is loaded, and the warnings about it.
        case value([UInt8], warnings: [String])
        /// An ID that cannot be loaded.
        case error(String)
    }

    let isID: Bool

    /// Whether a value without control characters (its U+0020 spaces trimmed) changes when
    /// cleaned: a Unicode space at an end, or a byte-order mark inside. Exact, so that a name
    /// with an accent at its end is loaded as it is read.
    static func mayChange(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        // Every Unicode space starts with a byte from 0xC2 and ends with one from 0x80.
        return (first >= 0xC2 && spaceWidth(bytes, at: 0) != nil)
            || (last >= 0x80 && spaceWidth(bytes, endingAt: bytes.count) != nil)
            || memchr(bytes.baseAddress!, 0xEF, bytes.count) != nil
    }

    /// Whether the value, after its U+0020 spaces, starts like a formula (startsFormula).
    static func mayBeFormula(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = bytes.firstIndex(where: { $0 != 0x20 }) else { return false }
        return startsFormula(UnsafeBufferPointer(rebasing: bytes[start...]))
    }

    func clean(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        var value: [UInt8] = []
        value.reserveCapacity(bytes.count)
        var byteOrderMarks = 0, i = 0
        while i < bytes.count {
            if bytes[i] == 0xEF && i + 2 < bytes.count && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF {
                byteOrderMarks += 1
                i += 3
            } else {
                value.append(bytes[i])
                i += 1
            }
        }
        value = Self.trimmingSpaces(value)
        var warnings: [String] = []
        if byteOrderMarks > 0 {
            warnings.append("held a byte-order mark (U+FEFF), as where two files were joined; removed")
        }
        let controls = value.filter { $0 < 0x20 || $0 == 0x7F }
        if !controls.isEmpty {
            var names: [String] = []
            for name in Set(controls).sorted().map(Self.name) where !names.contains(name) { names.append(name) }
            let what = "\(controls.count == 1 ? "a control character" : "\(controls.count) control characters") (\(names.joined(separator: ", ")))"
            if isID { return .error("holds \(what); an ID must be plain text: fix it in the SIS") }
            // A tab or line break becomes a space; the others go.
            value = value.compactMap { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D ? 0x20 : ($0 < 0x20 || $0 == 0x7F ? nil : $0) }
            let spaced = controls.contains { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
            warnings.append("held \(what); removed" + (spaced ? ", a tab or line break as a space" : ""))
        }
        if !isID, value.withUnsafeBufferPointer(Self.startsFormula) {
            warnings.append("starts with \"\(Character(Unicode.Scalar(value[0])))\": a spreadsheet opening the file would run it as a formula")
        }
        return .value(value, warnings: warnings)
    }

    /// A text value starting with = or @, or with + or - before anything but a digit, a space,
    /// a parenthesis or a point.
    private static func startsFormula(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = value.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"): return true
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            // "+1 973 555 0100", "-5" and "-" alone are no formulas.
            return value.count > 1 && !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(value[1])
                && value[1] != UInt8(ascii: " ") && value[1] != UInt8(ascii: "(") && value[1] != UInt8(ascii: ".")
        default: return false
        }
    }

    /// Without spaces, tabs and the Unicode spaces at either end.
    static func trimmingSpaces(_ value: [UInt8]) -> [UInt8] {
        var start = 0, end = value.count
        while start < end, let width = spaceWidth(value, at: start) { start += width }
        while end > start, let width = spaceWidth(value, endingAt: end) { end -= width }
        return Array(value[start..<end])
    }

    /// The UTF-8 length of the space starting at `index`, or nil.
    private static func spaceWidth<Bytes: RandomAccessCollection<UInt8>>(_ value: Bytes, at index: Int) -> Int? where Bytes.Index == Int {
        for space in spaces where index + space.count <= value.count && value[index..<(index + space.count)].elementsEqual(space) {
            return space.count
        }
        return nil
    }

    private static func spaceWidth<Bytes: RandomAccessCollection<UInt8>>(_ value: Bytes, endingAt end: Int) -> Int? where Bytes.Index == Int {
        for space in spaces where end - space.count >= 0 && value[(end - space.count)..<end].elementsEqual(space) {
            return space.count
        }
        return nil
    }

    /// U+0020, tab, U+00A0, U+2000...U+200A, U+202F, U+205F, U+3000 in UTF-8.
    private static let spaces: [[UInt8]] = [[0x20], [0x09], [0xC2, 0xA0]] + (0x80...0x8A).map { [0xE2, 0x80, UInt8($0)] }
        + [[0xE2, 0x80, 0xAF], [0xE2, 0x81, 0x9F], [0xE3, 0x80, 0x80]]

    private static func name(_ byte: UInt8) -> String {
        switch byte {
        case 0x00: return "NUL"
        case 0x09: return "tab"
        case 0x0A, 0x0D: return "line break"
        default: return String(format: "byte 0x%02X", byte)
        }
    }
}
