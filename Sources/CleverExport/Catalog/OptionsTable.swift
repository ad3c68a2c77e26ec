import Foundation

/// Writes the run's options into export_option, one row per key the views read: flags as 1/0,
/// numbers as integers, lists as JSON arrays (a columns option's true as all its names, false as
/// none), tables as JSON objects, the rest as text.
struct OptionsTable {
    let database: Database

    func write(_ configuration: Configuration, asOf: String) throws {
        let insert = try database.prepare("insert into export_option (key, value) values (?, ?)")
        for spec in OptionCatalog.all where spec.reachesSQL {
            insert.reset()
            insert.bind(spec.key, at: 1)
            switch configuration[spec.key] {
            case .flag(let value):
                if case .columns(let names) = spec.kind {
                    try bindList(value ? names : [], to: insert)
                } else {
                    insert.bind(Int64(value ? 1 : 0), at: 2)
                }
            case .integer(let value): insert.bind(Int64(value), at: 2)
            case .text(let value): insert.bind(value, at: 2)
            case .date: insert.bind(asOf, at: 2)
            case .list(let items): try bindList(items, to: insert)
            case .table(let fields):
                let json = try JSONSerialization.data(withJSONObject: fields, options: .sortedKeys)
                insert.bind(String(decoding: json, as: UTF8.self), at: 2)
            }
            try insert.step()
        }
    }

    private func bindList(_ items: [String], to insert: Statement) throws {
        let json = try JSONSerialization.data(withJSONObject: items)
        insert.bind(String(decoding: json, as: UTF8.self), at: 2)
    }
}
