import Foundation

/// One extract file found in the extract folder, and the staging table it loads into.
struct ExtractFile: Sendable {
    let table: String
    /// The file's name as found (any case).
    let name: String
    let path: String
    let bytes: Int
    /// Estimated from its first 64 KiB: its size over their average line length.
    let estimatedRows: Int

    /// The staging table a file name loads into (students.csv, Students.CSV: students).
    static func table(ofName name: String) -> String {
        let lowered = name.lowercased()
        return lowered.hasSuffix(".csv") ? String(lowered.dropLast(4)) : lowered
    }
}

extension ExtractFile {
    /// The file at `path`, sized up.
    init(table: String, name: String, path: String) {
        var status = stat()
        // Only a regular file is sampled: a pipe would block here (CSVReader refuses the others).
        let regular = stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
        let bytes = regular ? Int(status.st_size) : 0
        let sample = regular ? FileHandle(forReadingAtPath: path).flatMap { try? $0.read(upToCount: 1 << 16) } ?? Data() : Data()
        let lines = sample.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        self.init(
            table: table, name: name, path: path, bytes: bytes,
            estimatedRows: sample.isEmpty ? 0 : bytes * max(lines, 1) / sample.count)
    }
}

/// What loading one file gave.
struct FileLoad: Sendable {
    var rows = 0
    /// The first problems in full, then a count of the rest.
    var problems: [InputProblem] = []
    /// What was changed or is worth a warning in the values loaded (ValueCleaner), the first in
    /// full, then a count of the rest.
    var warnings: [InputProblem] = []
    var seconds = 0.0
    /// By extract_reference.row_column: the rows whose key found no row of the target.
    var unmatched: [String: Int] = [:]
}

/// Loads extract files into their staging tables on one connection, every value as TEXT as
/// written but for leading and trailing spaces, which no rule wants and which would otherwise
/// cost a trim() on every use. A bad row is a problem, never a silent drop: it is listed and
/// loading goes on, so that one run names every problem of every file.
struct TableLoader {
    let database: Database
    /// Problems listed per file before the rest are only counted.
    let problemsPerFile: Int
    /// The columns that hold IDs (the keys of the extract files, extract_file.key).
    let idColumns: Set<String>
    /// Which files point at which (extract_reference), and the key indexes of those pointed at;
    /// the combinations to number (extract_combination).
    let targets: ReferenceTargets

    /// The most columns a file may have: more is no roster file (SQLite takes 2000 a table).
    static let maxColumns = 1000

    func load(_ file: ExtractFile) throws -> FileLoad {
        let started = Date()
        var problems = FileProblems(file: file.name, limit: problemsPerFile)
        var warnings = FileProblems(file: file.name, limit: problemsPerFile)
        var rows = 0
        var unmatched: [String: Int] = [:]
        let index = targets.isTarget(file.table) ? KeyIndex(expected: file.estimatedRows) : nil
        // Even when the file fails: the files that wait for its index go on.
        defer { if let index { targets.publish(file.table, index) } }
        do {
            (rows, unmatched) = try load(table: file.table, path: file.path, name: file.name, index: index, problems: &problems, warnings: &warnings)
        } catch let problem as InputProblem {
            problems.add(problem)
        }
        return FileLoad(
            rows: rows, problems: problems.listed(), warnings: warnings.listed(), seconds: Date().timeIntervalSince(started),
            unmatched: unmatched)
    }

    /// `index`: filled with the rows' keys, for the files that point at this one.
    /// The rows loaded, and by reference the rows whose key found nothing.
    private func load(table: String, path: String, name: String, index: KeyIndex?, problems: inout FileProblems, warnings: inout FileProblems) throws
        -> (rows: Int, unmatched: [String: Int])
    {
        let reader = try CSVReader(path: path, name: name)
        guard try reader.next() else {
            throw InputProblem(file: name, line: 1, message: "is empty; expected a header row naming the columns")
        }
        guard let header = try readHeader(reader, table: table, name: name, problems: &problems) else { return (0, [:]) }
        let cleaners = header.map { ValueCleaner(isID: idColumns.contains($0)) }
        let ownKey = index.flatMap { index in positions(of: targets.keys[table]!, in: header).map { (index, $0) } }
        let references = targets.references.filter { $0.file == table }
        let combinations = targets.combinations.filter { $0.file == table }
        let filled = references.map { ($0.rowColumn, "the row of \($0.target).csv each row points at") }
            + combinations.map { ($0.rowColumn, "the number of each row's \($0.columns.joined(separator: ", ")) in \($0.target)") }
        if let (column, what) = filled.first(where: { header.contains($0.0) }) {
            throw InputProblem(file: name, line: 1, column: column, message: "is a column the importer fills (\(what)); rename or remove it")
        }
        // Waits here for a target another loader is still loading.
        let pointers = references.map { (probe: targets.index(of: $0.target).map(KeyProbe.init), columns: positions(of: $0.columns, in: header)) }
        let numbers = try combinations.map { try CombinationNumbers($0, header: header, database: database) }
        let columns = header + references.map(\.rowColumn) + combinations.map(\.rowColumn)
        // 16 rows an INSERT (fewer for a very wide file: SQLite takes up to 999 parameters
        // everywhere), then the last few one by one.
        let rowsPerInsert = max(1, min(16, 999 / columns.count))
        let batch = RowBatch(fieldsPerRow: header.count, integersPerRow: references.count + combinations.count, capacity: rowsPerInsert)
        let insertMany = try database.prepareInsert(into: table, columns: columns, rows: rowsPerInsert)
        var rows = 0
        var unmatched = Array(repeating: 0, count: pointers.count)
        while try reader.next() {
            if reader.fieldCount != header.count {
                problems.add(InputProblem(
                    file: name, line: reader.line,
                    message: "has \(reader.fieldCount) fields but the header has \(header.count); check for an unquoted comma or a missing field"))
                continue
            }
            if reader.hasNonASCII, let problem = utf8Problem(reader, header: header, name: name) {
                problems.add(problem)
                continue
            }
            // The reader's flags are a first sieve (an accent, a phone number "+1 ..."): only a
            // row with a value that cleaning changes or warns about is cleaned.
            func needsCleaning(_ index: Int) -> Bool {
                reader.hasControl || ValueCleaner.mayChange(reader[index].trimmingSpaces().buffer) || ValueCleaner.mayBeFormula(reader[index].buffer)
            }
            if (reader.hasNonASCII || reader.hasControl || reader.hasFormulaStart) && (0..<header.count).contains(where: needsCleaning) {
                // Checked whole first: a row with an ID that cannot be loaded is not loaded.
                var values: [[UInt8]?] = [], failed = false
                for index in 0..<header.count {
                    let field = reader[index].buffer
                    guard needsCleaning(index) else {
                        values.append(nil)
                        continue
                    }
                    switch cleaners[index].clean(field) {
                    case .value(let value, let found):
                        values.append(value)
                        for warning in found {
                            warnings.add(InputProblem(file: name, line: reader.line, column: header[index], message: warning))
                        }
                    case .error(let message):
                        problems.add(InputProblem(file: name, line: reader.line, column: header[index], message: message))
                        failed = true
                    }
                }
                if failed { continue }
                for (index, value) in values.enumerated() {
                    if let value { value.withUnsafeBufferPointer(batch.append) } else { batch.append(reader[index].trimmingSpaces().buffer) }
                }
            } else {
                batch.append(reader)
            }
            // Row rows + 1: each run loads into a new table, whose rowids count from 1.
            if let (index, key) = ownKey { _ = batch.withLastRowKey(key) { index.insert($0, row: rows + 1) } }
            for (offset, pointer) in pointers.enumerated() {
                let row = pointer.probe.flatMap { probe in pointer.columns.flatMap { batch.withLastRowKey($0, probe.row) } }
                if row == nil { unmatched[offset] += 1 }
                batch.append(row: row)
            }
            for number in numbers { batch.append(row: try number?.number(in: batch)) }
            if batch.isFull { try batch.insert(with: insertMany, rowsPerStatement: rowsPerInsert) }
            rows += 1
        }
        if batch.rows > 0 {
            try batch.insert(with: database.prepareInsert(into: table, columns: columns, rows: 1), rowsPerStatement: 1)
        }
        for number in numbers { try number?.finish() }
        return (rows, Dictionary(uniqueKeysWithValues: zip(references.map(\.rowColumn), unmatched)))
    }

    /// Where `columns` are in `header`; nil when one is missing.
    private func positions(of columns: [String], in header: [String]) -> [Int]? {
        let found = columns.compactMap { header.firstIndex(of: $0) }
        return found.count == columns.count ? found : nil
    }

    /// Maps the header to the table's columns (case-insensitive); adds extra columns as TEXT.
    /// Nil when the header has problems (they are added to `problems`).
    private func readHeader(_ reader: CSVReader, table: String, name: String, problems: inout FileProblems) throws
        -> [String]?
    {
        guard reader.fieldCount <= Self.maxColumns else {
            throw InputProblem(file: name, line: 1, message: "the header has \(reader.fieldCount) columns; a roster file has at most \(Self.maxColumns): check that this is the right file")
        }
        var header: [String] = []
        for index in 0..<reader.fieldCount {
            let field = reader[index].buffer
            // Every other byte NUL: UTF-16 (or UTF-32) without a byte-order mark.
            if field.contains(0) {
                throw InputProblem(file: name, line: 1, column: "\(index + 1)", message: "the header holds NUL bytes, as a UTF-16 file does; save the file as UTF-8 (\"CSV UTF-8\" in Excel)")
            }
            guard let text = String(validating: field, as: UTF8.self) else {
                throw InputProblem(file: name, line: 1, column: "\(index + 1)", message: "the header is not valid UTF-8; save the file as UTF-8")
            }
            if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0.value == 0xFEFF }) {
                throw InputProblem(file: name, line: 1, column: "\(index + 1)", message: "the header holds a control character or a byte-order mark in a column name; retype the header")
            }
            header.append(text.trimmingCharacters(in: .whitespaces).lowercased())
        }
        let known = try database.rows("select name, \"notnull\" from pragma_table_info(?)", [table])
        var found: [InputProblem] = []
        var seen = Set<String>()
        for (index, column) in header.enumerated() {
            if column.isEmpty {
                found.append(InputProblem(file: name, line: 1, column: "\(index + 1)", message: "the header has an empty column name"))
            } else if !seen.insert(column).inserted {
                found.append(InputProblem(file: name, line: 1, column: column, message: "the header names this column twice"))
            } else if !known.contains(where: { $0[0] == column }) {
                try database.execute("alter table \(sqlIdentifier(table)) add column \(sqlIdentifier(column)) text")
            }
        }
        for row in known where row[1] == "1" && !seen.contains(row[0]!) {
            found.append(InputProblem(file: name, line: 1, column: row[0]!, message: "required column is missing from the header"))
        }
        found.forEach { problems.add($0) }
        return found.isEmpty ? header : nil
    }

    private func utf8Problem(_ reader: CSVReader, header: [String], name: String) -> InputProblem? {
        for index in 0..<reader.fieldCount {
            if let offset = firstInvalidUTF8(reader[index].buffer) {
                return InputProblem(
                    file: name, line: reader.line, column: header[index],
                    message: "is not valid UTF-8 (byte \(offset + 1) of the value); save the file as UTF-8")
            }
        }
        return nil
    }
}

/// An SQL identifier in double quotes.
func sqlIdentifier(_ identifier: String) -> String {
    "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

/// One file's problems: the first `limit` in full, then only a count.
private struct FileProblems {
    let file: String
    let limit: Int
    private var problems: [InputProblem] = []
    private var unlisted = 0

    init(file: String, limit: Int) {
        self.file = file
        self.limit = limit
    }

    mutating func add(_ problem: InputProblem) {
        if problems.count < limit { problems.append(problem) } else { unlisted += 1 }
    }

    func listed() -> [InputProblem] {
        guard unlisted > 0 else { return problems }
        return problems + [InputProblem(file: file, message: "\(unlisted) more problems like these")]
    }
}
