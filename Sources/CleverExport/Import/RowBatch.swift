import Foundation

/// Rows waiting to be inserted together. Most of what SQLite spends on a one-row INSERT is the
/// statement's own run (starting it, opening the table, finding its end), so one INSERT of 16
/// rows costs far less per row than 16 of one (5.2M enrollment rows: 11.3 s -> 7.0 s, measured in
/// C on this project's machine). The reader's fields are valid only until its next record, so
/// each row's fields are copied in; the copy is cheap next to the insert. A row is its text
/// fields, then its integer ones (the rowids the importer found, extract_reference, and the
/// numbers of its combinations, extract_combination).
final class RowBatch {
    let fieldsPerRow: Int
    let integersPerRow: Int
    let capacity: Int  // rows
    private let bytes = ByteBuffer(capacity: 1 << 16)
    private let ends: UnsafeMutablePointer<Int>  // where each field ends in `bytes`
    private var fieldCount = 0
    private let integers: UnsafeMutablePointer<Int>  // 0: NULL
    private var integerCount = 0
    private let key = ByteBuffer(capacity: 256)  // withLastRowKey's joined fields

    var rows: Int { fieldCount / fieldsPerRow }
    var isFull: Bool { rows == capacity }

    init(fieldsPerRow: Int, integersPerRow: Int = 0, capacity: Int) {
        self.fieldsPerRow = fieldsPerRow
        self.integersPerRow = integersPerRow
        self.capacity = capacity
        ends = .allocate(capacity: fieldsPerRow * capacity)
        integers = .allocate(capacity: max(1, integersPerRow * capacity))
    }

    deinit {
        ends.deallocate()
        integers.deallocate()
    }

    /// Copies in the current record's fields, without leading and trailing spaces.
    func append(_ reader: CSVReader) {
        for index in 0..<fieldsPerRow { append(reader[index].trimmingSpaces().buffer) }
    }

    /// Copies in the next field's value as given (a field of a row appended one by one).
    func append(_ value: UnsafeBufferPointer<UInt8>) {
        bytes.append(value)
        ends[fieldCount] = bytes.count
        fieldCount += 1
    }

    /// Field `index` of the last row appended (its text fields all in).
    func lastRowField(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let field = fieldCount - fieldsPerRow + index
        let start = field == 0 ? 0 : ends[field - 1]
        return UnsafeBufferPointer(start: bytes.start + start, count: ends[field] - start)
    }

    /// Calls `body` with the last row's key of `columns` as KeyIndex takes it: one field as it
    /// is, several joined by KeyIndex.separator.
    @inline(__always)
    func withLastRowKey<Result>(_ columns: [Int], _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if columns.count == 1 { return try body(lastRowField(columns[0])) }
        key.clear()
        for (offset, column) in columns.enumerated() {
            if offset > 0 { key.append(byte: KeyIndex.separator) }
            key.append(lastRowField(column))
        }
        return try body(key.buffer)
    }

    /// Appends the last row's next integer field: a rowid, or nil for NULL.
    func append(row: Int?) {
        integers[integerCount] = row ?? 0
        integerCount += 1
    }

    /// Inserts every row held, `statement` taking `rowsPerStatement` rows at a time (the rows
    /// held must be a multiple of it), and empties the batch.
    func insert(with statement: Statement, rowsPerStatement: Int) throws {
        var start = 0, field = 0, integer = 0
        for _ in stride(from: 0, to: rows, by: rowsPerStatement) {
            var parameter: Int32 = 1
            for _ in 0..<rowsPerStatement {
                for _ in 0..<fieldsPerRow {
                    let end = ends[field]
                    statement.bindBorrowed(bytes.start + start, count: end - start, at: parameter)
                    start = end
                    field += 1
                    parameter += 1
                }
                for _ in 0..<integersPerRow {
                    statement.bindRow(integers[integer], at: parameter)
                    integer += 1
                    parameter += 1
                }
            }
            try statement.step()
            statement.reset()
        }
        bytes.clear()
        fieldCount = 0
        integerCount = 0
    }
}

extension Database {
    /// INSERT INTO table (columns) VALUES (?, ...), ... for `rows` rows, as RowBatch.insert binds
    /// them.
    func prepareInsert(into table: String, columns: [String], rows: Int) throws -> Statement {
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        let values = Array(repeating: row, count: rows).joined(separator: ", ")
        let names = columns.map(sqlIdentifier).joined(separator: ", ")
        return try prepare("insert into \(sqlIdentifier(table)) (\(names)) values \(values)")
    }
}
