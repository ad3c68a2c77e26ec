import Foundation
import XCTest

@testable import CleverExport

/// The option catalog is the one list: run_options has a column for every key that reaches SQL,
/// named after the key ('_' for '.'), and no other; every option key export_columns names is in
/// the catalog.
final class OptionSQLTests: XCTestCase {
    func testRunOptionsHasOneColumnPerKey() throws {
        let work = try temporaryDirectory(self)
        try runExport(config: packageRoot.appending(path: "fixtures/demo/clever-export.toml"), work: work)
        let database = try Database(path: work.appending(path: "staging.db").path)
        let columns = try database.strings("select name from pragma_table_info('run_options')")
        let keys = OptionCatalog.all.filter(\.reachesSQL).map { $0.key.replacingOccurrences(of: ".", with: "_") }
        XCTAssertEqual(Set(columns), Set(keys), "run_options columns against OptionCatalog keys")
        // Each column takes its own key's value: a mistyped key would leave it NULL.
        for column in columns {
            XCTAssertEqual(try database.strings("select \(column) is not null from run_options"), ["1"], column)
        }
        let text = try String(contentsOf: packageRoot.appending(path: "sql/models/run_options.sql"), encoding: .utf8)
        for match in text.matches(of: /case key when '([a-z_.0-9]+)' then value end\) as (\w+)/) {
            XCTAssertEqual(String(match.output.2), match.output.1.replacingOccurrences(of: ".", with: "_"))
        }
    }

    func testExportColumnsNameOnlyCatalogKeys() throws {
        let text = try String(contentsOf: packageRoot.appending(path: "sql/models/export_columns.sql"), encoding: .utf8)
        let named = Set(text.matches(of: /'(\w+)', \d+, '\w+', '([a-z_.0-9]+)'/).map { String($0.output.2) })
        XCTAssertFalse(named.isEmpty)
        for key in named.sorted() { XCTAssertNotNil(OptionCatalog.byKey[key], "export_columns names \(key)") }
    }
}
