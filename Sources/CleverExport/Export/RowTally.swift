import Foundation

/// Counts the rows a writer writes by the value of one column (School_id, for the report's
/// rows per school). The files are sorted by that column first, so a run of one value is counted
/// with one comparison, not one lookup a row.
struct RowTally {
    let column: Int32
    private(set) var counts: [String: Int] = [:]
    private var current: [UInt8] = []
    private var run = 0

    init(column: Int32) {
        self.column = column
    }

    @inline(__always)
    mutating func count(_ value: UnsafeBufferPointer<UInt8>) {
        if run > 0 && value.count == current.count
            && (value.count == 0 || current.withUnsafeBufferPointer { memcmp($0.baseAddress!, value.baseAddress!, value.count) == 0 }) {
            run += 1
            return
        }
        finishRun()
        current.removeAll(keepingCapacity: true)
        current.append(contentsOf: value)
        run = 1
    }

    /// The counts, the last run included.
    mutating func finish() -> [String: Int] {
        finishRun()
        return counts
    }

    private mutating func finishRun() {
        guard run > 0 else { return }
        counts[String(decoding: current, as: UTF8.self), default: 0] += run
        run = 0
    }
}
