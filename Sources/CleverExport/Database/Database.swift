import CSQLite

/// A failure reported by SQLite, with the statement or file it came from.
public struct DatabaseError: Error, CustomStringConvertible {
    public let message: String
    public let context: String?

    public var description: String {
        context.map { "\($0): \(message)" } ?? message
    }
}

/// A thin owner of one SQLite connection. Hot paths use `Statement` directly.
public final class Database {
    let handle: OpaquePointer
    public let path: String

    /// Configures SQLite once, before the first connection initialises it.
    private static let configured: Bool = {
        clever_sqlite_disable_memstatus()
        return true
    }()

    public init(path: String) throws {
        _ = Self.configured
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &db, flags, nil)
        guard status == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(db)
            throw DatabaseError(message: message, context: "cannot open the staging database \(path)")
        }
        handle = db
        self.path = path
        sqlite3_busy_timeout(db, 5_000)
    }

    deinit { sqlite3_close_v2(handle) }

    var errorMessage: String { String(cString: sqlite3_errmsg(handle)) }

    /// Runs one or more statements that return no rows.
    public func execute(_ sql: String, context: String? = nil) throws {
        var error: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(handle, sql, nil, nil, &error) != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? errorMessage
            sqlite3_free(error)
            throw DatabaseError(message: message, context: context)
        }
    }

    public func prepare(_ sql: String, context: String? = nil) throws -> Statement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw DatabaseError(message: errorMessage, context: context ?? sql)
        }
        return Statement(handle: statement, database: self)
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("begin immediate")
        do {
            let result = try body()
            try execute("commit")
            return result
        } catch {
            try? execute("rollback")
            throw error
        }
    }

    /// The first column of every row of a query, as text.
    public func strings(_ sql: String, _ arguments: [String] = []) throws -> [String] {
        try rows(sql, arguments).map { $0[0] ?? "" }
    }

    /// Whether SQLite's plan for `sql` sorts rows for an ORDER BY (EXPLAIN QUERY PLAN's
    /// "USE TEMP B-TREE FOR ... ORDER BY").
    func plansSort(_ sql: String, context: String? = nil) throws -> Bool {
        let plan = try prepare("explain query plan \(sql)", context: context)
        while try plan.step() {
            if plan.text(at: 3)?.contains("ORDER BY") == true { return true }
        }
        return false
    }

    /// Every row of a small query, as optional strings. Not for hot paths.
    public func rows(_ sql: String, _ arguments: [String] = []) throws -> [[String?]] {
        let statement = try prepare(sql)
        for (index, argument) in arguments.enumerated() { statement.bind(argument, at: Int32(index + 1)) }
        var result: [[String?]] = []
        while try statement.step() {
            result.append((0..<statement.columnCount).map { statement.text(at: $0) })
        }
        return result
    }
}

/// One prepared statement. Binding and reading are by 0-based column, 1-based parameter.
public final class Statement {
    let handle: OpaquePointer
    unowned let database: Database

    init(handle: OpaquePointer, database: Database) {
        self.handle = handle
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    public var columnCount: Int32 { sqlite3_column_count(handle) }

    public func columnName(at index: Int32) -> String {
        String(cString: sqlite3_column_name(handle, index))
    }

    public func bind(_ value: String?, at index: Int32) {
        guard let value else {
            sqlite3_bind_null(handle, index)
            return
        }
        sqlite3_bind_text(handle, index, value, -1, clever_sqlite_transient())
    }

    public func bind(_ value: Int64, at index: Int32) {
        sqlite3_bind_int64(handle, index, value)
    }

    public func bind(_ value: Double, at index: Int32) {
        sqlite3_bind_double(handle, index, value)
    }

    /// Binds bytes that stay valid and unchanged until the next `step()` returns.
    @inline(__always)
    func bindBorrowed(_ bytes: UnsafePointer<UInt8>, count: Int, at index: Int32) {
        bytes.withMemoryRebound(to: CChar.self, capacity: count) {
            _ = sqlite3_bind_text(handle, index, $0, Int32(count), nil)
        }
    }

    /// Binds a rowid, or NULL for 0.
    @inline(__always)
    func bindRow(_ row: Int, at index: Int32) {
        _ = row == 0 ? sqlite3_bind_null(handle, index) : sqlite3_bind_int64(handle, index, Int64(row))
    }

    /// Steps once: true when a row is ready, false when done.
    @discardableResult
    public func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            throw DatabaseError(
                message: database.errorMessage,
                context: String(cString: sqlite3_sql(handle)))
        }
    }

    public func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    public func text(at index: Int32) -> String? {
        guard let bytes = sqlite3_column_text(handle, index) else { return nil }
        return String(cString: bytes)
    }

    /// The column's UTF-8 bytes, valid until the next step. Empty for NULL.
    @inline(__always)
    func bytes(at index: Int32) -> UnsafeBufferPointer<UInt8> {
        let start = sqlite3_column_text(handle, index)
        let count = Int(sqlite3_column_bytes(handle, index))
        return UnsafeBufferPointer(start: start, count: start == nil ? 0 : count)
    }
}
