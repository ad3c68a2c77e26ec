import CSQLite
import Foundation

/// Writes query rows as RFC 4180 CSV with CRLF line ends, straight from SQLite's bytes through
/// one reusable buffer: a field is quoted only when it holds a comma, quote, CR or LF.
final class CSVWriter {
    private let descriptor: Int32
    private let path: String
    private let capacity = 1 << 20
    private let buffer: UnsafeMutablePointer<UInt8>
    private var used = 0
    /// Counts the rows by one column's value, when set before writing.
    var tally: RowTally?

    /// Creates `path` (which must not exist) readable and writable by the owner only: the
    /// files hold children's personal data and may hold passwords.
    init(creating path: String) throws {
        descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        self.path = path
        buffer = .allocate(capacity: capacity)
    }

    deinit {
        buffer.deallocate()
        if descriptor >= 0 { close(descriptor) }
    }

    /// Writes the header and every row of `statement`; returns the number of data rows.
    func write(header: [String], rows statement: Statement) throws -> Int {
        try write(header: header, rows: statement, sortedOnly: false) ?? 0
    }

    /// Like `write`, but gives up and returns nil at the first row that sorts before the one
    /// above it (written text, column by column, byte order); the file is then incomplete.
    func writeIfSorted(header: [String], rows statement: Statement) throws -> Int? {
        try write(header: header, rows: statement, sortedOnly: true)
    }

    private func write(header: [String], rows statement: Statement, sortedOnly: Bool) throws -> Int? {
        for (index, name) in header.enumerated() {
            if index > 0 { try append(UInt8(ascii: ",")) }
            var name = name
            try name.withUTF8 { try appendField($0) }
        }
        try appendLineEnd()
        let columns = statement.columnCount
        var order = RowOrderCheck(columns: columns)
        var rows = 0
        while try statement.step() {
            if sortedOnly && !order.accepts(statement) { return nil }
            for column in 0..<columns {
                if column > 0 { try append(UInt8(ascii: ",")) }
                try appendField(statement.bytes(at: column))
            }
            if let column = tally?.column { tally!.count(statement.bytes(at: column)) }
            try appendLineEnd()
            rows += 1
        }
        try flush()
        guard fsync(descriptor) == 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        return rows
    }

    @inline(__always)
    private func appendField(_ field: UnsafeBufferPointer<UInt8>) throws {
        var needsQuotes = false
        for byte in field where byte == 0x2C || byte == 0x22 || byte == 0x0D || byte == 0x0A {
            needsQuotes = true
            break
        }
        guard needsQuotes else {
            try appendBytes(field)
            return
        }
        try append(0x22)
        for byte in field {
            if byte == 0x22 { try append(0x22) }
            try append(byte)
        }
        try append(0x22)
    }

    @inline(__always)
    private func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        if used + bytes.count > capacity { try flush() }
        if bytes.count > capacity {
            try writeAll(base, count: bytes.count)
            return
        }
        (buffer + used).update(from: base, count: bytes.count)
        used += bytes.count
    }

    @inline(__always)
    private func append(_ byte: UInt8) throws {
        if used == capacity { try flush() }
        buffer[used] = byte
        used += 1
    }

    private func appendLineEnd() throws {
        try append(0x0D)
        try append(0x0A)
    }

    private func flush() throws {
        try writeAll(buffer, count: used)
        used = 0
    }

    private func writeAll(_ start: UnsafePointer<UInt8>, count: Int) throws {
        var offset = 0
        while offset < count {
            let written = Foundation.write(descriptor, start + offset, count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw WriteError(path: path, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }
}

public struct WriteError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "cannot write \(path): \(reason)" }
}
