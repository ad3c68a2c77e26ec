import Foundation

/// Copies the extract columns the extension options name ("column:COLUMN") into
/// extract_column_values, one row per non-empty value, after the import: a column is named in
/// the config, and SQL reads a column by name only when the name is written into the query.
/// The name written is the staging table's own (the header's, as the importer created it),
/// never the config's text. Which extract file a Clever file's fields come from is the
/// extension_file table's (sql/schema/01_extract_files.sql).
struct ExtensionColumns {
    let database: Database

    func copy(for configuration: Configuration) throws {
        for row in try database.rows("select file, extract_file from extension_file order by file") {
            let file = row[0]!, extract = row[1]!
            guard case .table(let fields) = configuration[file + ".ext"] else { continue }
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
                insert.bind(file, at: 1)
                insert.bind(String(wanted), at: 2)
                try insert.step()
            }
        }
    }
}
