import Foundation

/// One row of extract_combination (sql/schema/01_extract_files.sql): each distinct combination
/// of `columns` of `file` is written once into `target`, and its number into `rowColumn`.
struct ExtractCombination: Sendable {
    let file: String
    let columns: [String]
    let target: String
    let rowColumn: String
}

/// Numbers the combinations of one file's columns as the file loads: a combination seen before
/// gets its number again, a new one the next number and a row of the target table, inserted 16
/// at a time on the loader's connection (enrollments.csv names a million students). Rows with
/// the same combination often come together (a section's enrollments share their dates), and
/// the same key again costs only a comparison.
final class CombinationNumbers {
    /// Where the combination's columns the file has are in its header; a column it lacks is
    /// NULL in every row, and in the target table.
    private let columns: [Int]
    private let seen = KeyIndex()
    private let last = ByteBuffer(capacity: 256)
    private var lastNumber = 0
    /// New combinations not yet inserted: their fields, then their number.
    private let pending: RowBatch
    private let insertMany: Statement
    private let insertOne: Statement

    /// Nil when the file has none of the combination's columns.
    init?(_ combination: ExtractCombination, header: [String], database: Database) throws {
        let found = combination.columns.filter(header.contains)
        guard !found.isEmpty else { return nil }
        columns = found.map { header.firstIndex(of: $0)! }
        pending = RowBatch(fieldsPerRow: found.count, integersPerRow: 1, capacity: 16)
        let targetColumns = found + [combination.rowColumn]
        insertMany = try database.prepareInsert(into: combination.target, columns: targetColumns, rows: pending.capacity)
        insertOne = try database.prepareInsert(into: combination.target, columns: targetColumns, rows: 1)
    }

    /// The number of the combination in the last row of `batch`.
    func number(in batch: RowBatch) throws -> Int {
        try batch.withLastRowKey(columns) { key in
            if lastNumber > 0 && last.equals(key) { return lastNumber }
            let next = seen.count + 1
            let number = seen.insert(key, row: next) ?? next
            if number == next {
                for column in columns { pending.append(batch.lastRowField(column)) }
                pending.append(row: number)
                if pending.isFull { try pending.insert(with: insertMany, rowsPerStatement: pending.capacity) }
            }
            last.clear()
            last.append(key)
            lastNumber = number
            return number
        }
    }

    /// Inserts the combinations still pending, once the file is loaded.
    func finish() throws {
        try pending.insert(with: insertOne, rowsPerStatement: 1)
    }
}
