import Foundation

/// Tells whether each row a statement gives sorts at or after the one before it, comparing the
/// written text column by column, byte by byte (the order of the Clever files). Keeps a copy of
/// the last row's fields, since SQLite's bytes are gone at the next step.
struct RowOrderCheck {
    private var last: [UInt8] = []
    private var ends: [Int]
    private var isFirst = true

    init(columns: Int32) {
        ends = Array(repeating: 0, count: Int(columns))
    }

    /// Whether the statement's current row sorts at or after the last one; then remembers it.
    mutating func accepts(_ statement: Statement) -> Bool {
        if !isFirst && compareWithLast(statement) < 0 { return false }
        isFirst = false
        last.removeAll(keepingCapacity: true)
        for column in ends.indices {
            last.append(contentsOf: statement.bytes(at: Int32(column)))
            ends[column] = last.count
        }
        return true
    }

    private func compareWithLast(_ statement: Statement) -> Int {
        last.withUnsafeBufferPointer { last in
            var start = 0
            for column in ends.indices {
                let field = statement.bytes(at: Int32(column))
                let previous = UnsafeBufferPointer(rebasing: last[start..<ends[column]])
                start = ends[column]
                let shared = min(field.count, previous.count)
                if shared > 0, let a = field.baseAddress, let b = previous.baseAddress {
                    let order = memcmp(a, b, shared)
                    if order != 0 { return Int(order) }
                }
                if field.count != previous.count { return field.count - previous.count }
            }
            return 0
        }
    }
}
