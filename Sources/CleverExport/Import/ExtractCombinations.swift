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
/// gets its number again, a new one the next number and a row of the target table, written at
/// once on the loader's connection. Rows with the same combination often come together (a
/// section's enrollments share their dates), and the same key again costs only a comparison.
final class CombinationNumbers {
    /// Where the combination's columns the file has are in its header; a column it lacks is
    /// NULL in every row, and in the target table.
    private let columns: [Int]
    private let seen = KeyIndex()
    private let insert: Statement
    private let last = ByteBuffer(capacity: 256)
    private var lastNumber = 0

    /// Nil when the file has none of the combination's columns.
    init?(_ combination: ExtractCombination, header: [String], database: Database) throws {
        let found = combination.columns.filter(header.contains)
        guard !found.isEmpty else { return nil }
        columns = found.map { header.firstIndex(of: $0)! }
        let names = ([combination.rowColumn] + found).map(sqlIdentifier).joined(separator: ", ")
        let parameters = Array(repeating: "?", count: found.count + 1).joined(separator: ", ")
        insert = try database.prepare("insert into \(sqlIdentifier(combination.target)) (\(names)) values (\(parameters))")
    }

    /// The number of the combination in the last row of `batch`.
    func number(in batch: RowBatch) throws -> Int {
        try batch.withLastRowKey(columns) { key in
            if lastNumber > 0 && last.equals(key) { return lastNumber }
            let next = seen.count + 1
            let number = seen.insert(key, row: next) ?? next
            if number == next {
                insert.bindRow(number, at: 1)
                for (offset, column) in columns.enumerated() {
                    let field = batch.lastRowField(column)
                    insert.bindBorrowed(field.baseAddress!, count: field.count, at: Int32(offset + 2))
                }
                try insert.step()
                insert.reset()
            }
            last.clear()
            last.append(key)
            lastNumber = number
            return number
        }
    }
}
