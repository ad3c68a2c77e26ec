import Foundation
import XCTest

@testable import CleverExport

/// docs/rules.md, the analyst's map, against the tree: every option key has one row, every
/// Clever column of export_columns a row under its file, every file named exists, and every CTE
/// named in backticks is a CTE of that SQL file. A row may name several keys (a delivery table).
final class RulesDocTests: XCTestCase {
    struct Row { let names: [String], file: String, cte: [String], line: Int }

    func rows(under heading: String, in lines: [String]) -> [Row] {
        guard let start = lines.firstIndex(of: heading) else { return [] }
        var rows: [Row] = []
        for (offset, line) in lines[(start + 1)...].enumerated() {
            if line.hasPrefix("#") { break }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 4, cells[1].hasPrefix("`") else { continue }
            func ticked(_ cell: String) -> [String] { cell.matches(of: /`([^`]+)`/).map { String($0.output.1) } }
            rows.append(Row(names: ticked(cells[1]), file: ticked(cells[2]).first ?? "",
                            cte: ticked(cells[3]), line: start + offset + 2))
        }
        return rows
    }

    func testEveryOptionAndColumnNamesItsFileAndCTE() throws {
        let lines = try String(contentsOf: packageRoot.appending(path: "docs/rules.md"), encoding: .utf8)
            .components(separatedBy: "\n")
        var problems: [String] = []
        let options = rows(under: "## Options", in: lines)
        XCTAssertEqual(options.flatMap(\.names).sorted(), OptionCatalog.all.map(\.key).sorted(), "one row per option key")

        let columnsSQL = try String(contentsOf: packageRoot.appending(path: "sql/models/export_columns.sql"), encoding: .utf8)
        var columns: [String: [String]] = [:]
        for match in columnsSQL.matches(of: /\('(\w+)', \d+, '(\w+)'/) { columns[String(match.output.1), default: []].append(String(match.output.2)) }
        var all = options
        for (file, expected) in columns.sorted(by: { $0.key < $1.key }) {
            let documented = rows(under: "### \(file).csv", in: lines)
            XCTAssertEqual(documented.flatMap(\.names), expected, "docs/rules.md ### \(file).csv")
            all += documented
        }
        for row in all {
            let url = packageRoot.appending(path: row.file)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                problems.append("line \(row.line): \(row.file) does not exist")
                continue
            }
            guard row.file.hasSuffix(".sql") else { continue }
            for cte in row.cte where text.firstMatch(of: try Regex("\\b\(cte)\\s*(\\([^)]*\\))?\\s+as\\s+(not\\s+)?(materialized\\s+)?\\(")) == nil {
                problems.append("line \(row.line): \(row.file) has no CTE \(cte)")
            }
        }
        XCTAssertEqual(problems, [])
    }
}
