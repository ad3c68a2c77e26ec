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

    /// The tables of a delivery to a server, which need a host and a secret to load.
    private func isServerTable(_ table: String) -> Bool {
        ["delivery.sftp", "delivery.email", "oneroster.delivery.sftp", "oneroster.delivery.email"].contains(table)
    }

    /// `clever-export init` writes a config that loads, and whose every key, uncommented, gives
    /// its default (the delivery tables to servers are left out: they need a host and a secret).
    func testCommentedConfigLoadsToTheDefaults() throws {
        var table = "", lines: [String] = [], keys: [String] = []
        for line in OptionCatalog.commentedConfig().split(separator: "\n", omittingEmptySubsequences: false) {
            if let name = line.firstMatch(of: /^(?:# )?\[([a-z_.]+)\]$/)?.output.1 {
                table = String(name)
                if !isServerTable(table) { lines.append("[\(table)]") }
            } else if let key = line.firstMatch(of: /^(?:# )?([a-z_0-9]+) = .*$/)?.output.1,
                      !isServerTable(table), key != "as_of" {
                lines.append(String(line.hasPrefix("# ") ? line.dropFirst(2) : line))
                keys.append("\(table).\(key)")
            }
        }
        XCTAssertEqual(configurationProblems(lines.joined(separator: "\n")), [])
        let configuration = try Configuration.parse(lines.joined(separator: "\n"), name: "init.toml", baseDirectory: "/d")
        let expected = OptionCatalog.all.map(\.key).filter {
            !isServerTable(String($0[..<$0.lastIndex(of: ".")!])) && $0 != "export.as_of"
        }
        XCTAssertEqual(keys, expected, "init writes every key once, in catalog order")
        for key in keys { XCTAssertEqual(configuration[key], OptionCatalog.byKey[key]?.defaultValue, key) }
        XCTAssertTrue(configuration.presentTables.contains("delivery.local"))
    }
}
