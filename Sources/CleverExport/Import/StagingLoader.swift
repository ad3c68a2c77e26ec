import CSQLite
import Foundation

/// The import failed; every problem found in every file, in file order.
public struct ImportError: Error, CustomStringConvertible {
    public let problems: [InputProblem]
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Loads each extract CSV into its staging table, every value as TEXT as written but for leading and
/// trailing spaces, which no rule wants and which would otherwise cost a trim() on every use.
/// Runs inside the caller's transaction, so a failed import leaves the previous data in place.
struct StagingLoader {
    let database: Database
    let directory: String
    /// Problems listed per file before the rest are only counted.
    var problemsPerFile = 20

    /// Loads every file named in the extract_file table. Returns the rows loaded per table.
    func loadAll() throws -> [String: Int] {
        let present = Dictionary(
            ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).map { ($0.lowercased(), $0) },
            uniquingKeysWith: { first, _ in first })
        guard FileManager.default.fileExists(atPath: directory) else {
            throw ImportError(problems: [InputProblem(file: directory, message: "the extract folder does not exist; set [source] dir in the config")])
        }
        var problems: [InputProblem] = []
        var counts: [String: Int] = [:]
        for row in try database.rows("select name, required from extract_file order by rowid") {
            let table = row[0]!, required = row[1] == "1"
            guard let fileName = present[table + ".csv"] else {
                if required {
                    problems.append(InputProblem(file: table + ".csv", message: "required file is missing from \(directory)"))
                }
                continue
            }
            let path = URL(fileURLWithPath: directory).appending(path: fileName).path
            var fileProblems = FileProblems(file: fileName, limit: problemsPerFile)
            do {
                counts[table] = try load(table: table, path: path, name: fileName, problems: &fileProblems)
            } catch let problem as InputProblem {
                fileProblems.add(problem)
            }
            problems += fileProblems.listed()
        }
        guard problems.isEmpty else { throw ImportError(problems: problems) }
        return counts
    }

    private func load(table: String, path: String, name: String, problems: inout FileProblems) throws -> Int {
        let reader = try CSVReader(path: path, name: name)
        guard try reader.next() else {
            throw InputProblem(file: name, line: 1, message: "is empty; expected a header row naming the columns")
        }
        guard let header = try readHeader(reader, table: table, name: name, problems: &problems) else { return 0 }
        let placeholders = Array(repeating: "?", count: header.count).joined(separator: ", ")
        let columns = header.map { quoted($0) }.joined(separator: ", ")
        let insert = try database.prepare("insert into \(quoted(table)) (\(columns)) values (\(placeholders))")
        var rows = 0
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
            for index in 0..<header.count {
                let field = reader[index].trimmingSpaces()
                insert.bindBorrowed(field.start, count: field.count, at: Int32(index + 1))
            }
            try insert.step()
            sqlite3_reset(insert.handle)
            rows += 1
        }
        return rows
    }

    /// Maps the header to the table's columns (case-insensitive); adds extra columns as TEXT.
    /// Nil when the header has problems (they are added to `problems`).
    private func readHeader(_ reader: CSVReader, table: String, name: String, problems: inout FileProblems) throws
        -> [String]?
    {
        var header: [String] = []
        for index in 0..<reader.fieldCount {
            guard let text = String(validating: reader[index].buffer, as: UTF8.self) else {
                throw InputProblem(file: name, line: 1, column: "\(index + 1)", message: "the header is not valid UTF-8; save the file as UTF-8")
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
                try database.execute("alter table \(quoted(table)) add column \(quoted(column)) text")
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

    private func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
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
