import Foundation

/// What loading a file and copying it from the second loader's scratch file cost, in seconds a
/// byte, as the last run measured them (RunHistory.lastImportCosts): each file's own rate, since
/// a byte of short fields (enrollments) costs about twice a byte of long text (students' names
/// and addresses). A file the last run did not load, and every file of a first run, is estimated
/// from its size and rows instead.
struct ImportCosts: Sendable {
    /// By staging table.
    var loadPerByte: [String: Double] = [:]
    var copyPerByte: Double?

    /// Seconds to load `file` while the other loader runs.
    func loadSeconds(_ file: ExtractFile) -> Double {
        loadPerByte[file.table].map { $0 * Double(file.bytes) } ?? Self.estimatedLoadSeconds(file)
    }

    /// Seconds to copy `file`'s table into the staging database.
    func copySeconds(_ file: ExtractFile) -> Double {
        copyPerByte.map { $0 * Double(file.bytes) } ?? Self.estimatedCopySeconds(file)
    }

    /// Before any run: as measured at 1M students of the project's generator on its 2-core
    /// machine, 16 rows an INSERT, 7 ns a row and 18.6 ns a byte (parsing, and SQLite building and
    /// writing the records).
    static func estimatedLoadSeconds(_ file: ExtractFile) -> Double {
        7e-9 * Double(file.estimatedRows) + 18.6e-9 * Double(file.bytes)
    }

    /// Before any run: 8 ns a byte of CSV.
    static func estimatedCopySeconds(_ file: ExtractFile) -> Double { 8e-9 * Double(file.bytes) }
}
