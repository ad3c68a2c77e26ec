import Foundation

/// Copies the extract columns the extension options name ("column:COLUMN") into
/// extract_column_values, one row per non-empty value, after the import: a column is named in
/// the config, and SQL reads a column by name only when the name is written into the query.
/// The name written is the staging table's own (the header's, as the importer created it),
/// never the config's text.
struct ExtensionColumns {
    /// The extract file each extension option reads its columns from.
    static let extractFile = [
        "schools.ext": "schools", "students.ext": "students", "teachers.ext": "staff", "staff.ext": "staff",
        "sections.ext": "sections",
    ]

    let database: Database

    func copy(for configuration: Configuration) throws {
        for (key, extract) in Self.extractFile.sorted(by: { $0.key < $1.key }) {
            guard case .table(let fields) = configuration[key] else { continue }
            let present = try database.strings("select name from pragma_table_info(?)", [extract])
            var copied = Set<String>()
            for source in fields.values.sorted() where source.hasPrefix("column:") {
                let wanted = source.dropFirst("column:".count).lowercased()
                // A column the file lacks copies nothing; check_extension_fields names it.
                guard let column = present.first(where: { $0.lowercased() == wanted }), copied.insert(column).inserted
                else { continue }
                let insert = try database.prepare(
                    "insert into extract_column_values (file, source_row, column_name, value) "
                        + "select ?1, rowid, ?2, \(sqlIdentifier(column)) from \(sqlIdentifier(extract)) "
                        + "where \(sqlIdentifier(column)) <> ''")
                insert.bind(String(key.prefix { $0 != "." }), at: 1)
                insert.bind(String(wanted), at: 2)
                try insert.step()
            }
        }
    }
}
