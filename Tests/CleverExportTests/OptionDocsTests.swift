import Foundation
import XCTest

@testable import CleverExport

/// docs/options.md is written by hand; this keeps it from drifting from OptionCatalog: every
/// key has exactly one entry, with the catalog's default.
final class OptionDocsTests: XCTestCase {
    func testEveryKeyIsDocumentedWithItsDefault() throws {
        let text = try String(contentsOf: packageRoot.appending(path: "docs/options.md"), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        var documented: [String: String] = [:]
        for (index, line) in lines.enumerated() where line.hasPrefix("### `") {
            let key = line.dropFirst(5).prefix { $0 != "`" }
            XCTAssertNil(documented[String(key)], "\(key) is documented twice")
            let next = index + 1 < lines.count ? lines[index + 1] : ""
            XCTAssertTrue(next.hasPrefix("Default: `"), "\(key): the line after the heading must be Default: `...`")
            documented[String(key)] = String(next.dropFirst("Default: `".count).dropLast())
        }
        for spec in OptionCatalog.all {
            XCTAssertEqual(documented[spec.key], spec.defaultValue.tomlLiteral, "docs/options.md entry for \(spec.key)")
        }
        XCTAssertEqual(Set(documented.keys), Set(OptionCatalog.all.map(\.key)), "keys documented but not in OptionCatalog, or the reverse")
    }

    /// `clever-export init` writes a config that loads, and with every key at its default.
    func testCommentedConfigLoadsToTheDefaults() throws {
        let configuration = try Configuration.parse(OptionCatalog.commentedConfig(), name: "init.toml", baseDirectory: "/d")
        for spec in OptionCatalog.all {
            XCTAssertEqual(configuration[spec.key], spec.defaultValue, spec.key)
        }
        XCTAssertTrue(configuration.presentTables.contains("delivery.local"))
        for spec in OptionCatalog.all {
            XCTAssertTrue(OptionCatalog.commentedConfig().contains("# \(spec.name) = ") || spec.key == "export.as_of" || spec.key == "delivery.local.dir", spec.key)
        }
    }
}
