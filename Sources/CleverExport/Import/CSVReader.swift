import Foundation

/// A streaming RFC 4180 reader over bytes: quoted fields may hold commas, doubled quotes and line
/// breaks; LF, CRLF or CR end a record; a UTF-8 byte-order mark is skipped. It reads the file in
/// chunks and hands out each record's fields as borrowed byte ranges, valid until the next call, so
/// a large file is never held in memory and no field is copied unless it was quoted.
final class CSVReader {
    struct Field {
        var start: UnsafePointer<UInt8>
        var count: Int
        var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

        /// The field without leading and trailing spaces (U+0020 only, as SQL's trim()).
        func trimmingSpaces() -> Field {
            var field = self
            while field.count > 0 && field.start.pointee == 0x20 {
                field.start += 1
                field.count -= 1
            }
            while field.count > 0 && field.start[field.count - 1] == 0x20 { field.count -= 1 }
            return field
        }
    }

    let name: String
    private let descriptor: Int32
    private var capacity: Int
    private var buffer: UnsafeMutablePointer<UInt8>
    private var scratch: UnsafeMutablePointer<UInt8>  // unquoted copies of quoted fields
    private var length = 0
    private var position = 0
    private var atEnd = false
    private var startedFile = false

    private(set) var fields: UnsafeMutablePointer<Field>
    private var fieldCapacity = 64
    private(set) var fieldCount = 0
    /// The line on which the current record starts (1-based).
    private(set) var line = 0
    private var nextLine = 1
    /// Whether the current record holds a byte outside ASCII, so needs a UTF-8 check.
    private(set) var hasNonASCII = false
    /// Whether the current record holds a control character (below U+0020, or DEL) in a value,
    /// a line break inside quotes included.
    private(set) var hasControl = false
    /// Whether a value of the current record starts, after spaces, with = + - or @: a spreadsheet
    /// may run such a value as a formula.
    private(set) var hasFormulaStart = false
    /// The longest record read: one longer is an error, so that a file that is no CSV (no line
    /// ends, a quote never closed) cannot fill the memory.
    static let maxRecordBytes = 1 << 20

    init(path: String, name: String, chunkSize: Int = 1 << 20) throws {
        self.name = name
        // A regular file only (a link to one is followed): a pipe would block the read for good,
        // and a device such as /dev/zero never end.
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            throw InputProblem(file: name, message: "is not a regular file (a folder, a pipe or a device); put the CSV file itself there")
        }
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw InputProblem(file: name, message: "cannot be read (\(String(cString: strerror(errno))))")
        }
        capacity = chunkSize
        buffer = .allocate(capacity: capacity)
        scratch = .allocate(capacity: capacity)
        fields = .allocate(capacity: fieldCapacity)
    }

    deinit {
        close(descriptor)
        buffer.deallocate()
        scratch.deallocate()
        fields.deallocate()
    }

    subscript(index: Int) -> Field { fields[index] }

    /// Reads the next non-empty record. False at the end of the file.
    func next() throws -> Bool {
        if !startedFile { try startFile() }
        while true {
            if position == length && atEnd { return false }
            switch parseRecord(eof: atEnd) {
            case .record(let end, let newlines):
                position = end
                line = nextLine
                nextLine += newlines
                if fieldCount == 1 && fields[0].count == 0 && !lastRecordQuoted { continue }
                return true
            case .needMore:
                try refill()
            case .unterminatedQuote:
                throw InputProblem(
                    file: name, line: nextLine,
                    message: "a quoted field is never closed (a \" without its closing \"); the rest of the file was read as one field")
            case .junkAfterQuote(let newlines, let field):
                throw InputProblem(
                    file: name, line: nextLine + newlines, column: "\(field + 1)",
                    message: "text after a closing quote; a field that holds a quote must be quoted whole, with the quote doubled (\"\")")
            }
        }
    }

    private var lastRecordQuoted = false

    private enum Outcome {
        case record(end: Int, newlines: Int)
        case needMore
        case unterminatedQuote
        case junkAfterQuote(newlines: Int, field: Int)
    }

    private func parseRecord(eof: Bool) -> Outcome {
        let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let end = UnsafePointer(buffer + length)
        var p = UnsafePointer(buffer + position)
        var used = 0
        var newlines = 0
        var high: UInt8 = 0
        var control = false, formula = false
        fieldCount = 0
        lastRecordQuoted = false
        func startsLikeFormula(_ from: UnsafePointer<UInt8>) -> Bool {
            var q = from
            while q < end && q.pointee == 0x20 { q += 1 }
            guard q < end else { return false }
            let c = q.pointee
            return c == UInt8(ascii: "=") || c == UInt8(ascii: "+") || c == UInt8(ascii: "-") || c == UInt8(ascii: "@")
        }
        func finish() {
            hasNonASCII = high >= 0x80
            hasControl = control
            hasFormulaStart = formula
        }
        while true {
            if fieldCount == fieldCapacity { growFields() }
            if p == end {
                if !eof { return .needMore }
                fields[fieldCount] = Field(start: p, count: 0)
                fieldCount += 1
                finish()
                return .record(end: p - UnsafePointer(buffer), newlines: newlines)
            }
            if p.pointee == quote {
                lastRecordQuoted = true
                p += 1
                let fieldStart = scratch + used
                if startsLikeFormula(p) { formula = true }
                var run = p
                while true {
                    guard p < end else { return eof ? .unterminatedQuote : .needMore }
                    let c = p.pointee
                    if c == quote {
                        if p + 1 == end && !eof { return .needMore }
                        let doubled = p + 1 < end && p[1] == quote
                        let runLength = p - run + (doubled ? 1 : 0)
                        (scratch + used).update(from: run, count: runLength)
                        used += runLength
                        p += doubled ? 2 : 1
                        run = p
                        if !doubled { break }
                        continue
                    }
                    if c < 0x20 {
                        control = true
                        if c == lf { newlines += 1 }
                    } else if c == 0x7F {
                        control = true
                    }
                    high |= c
                    p += 1
                }
                fields[fieldCount] = Field(start: UnsafePointer(fieldStart), count: scratch + used - fieldStart)
                if p < end && p.pointee != comma && p.pointee != lf && p.pointee != cr {
                    return .junkAfterQuote(newlines: newlines, field: fieldCount)
                }
            } else {
                let start = p
                if startsLikeFormula(p) { formula = true }
                while p < end {
                    let c = p.pointee
                    // One test for most bytes: the separators and the control characters are below ','.
                    if c <= comma {
                        if c == comma || c == lf || c == cr { break }
                        if c < 0x20 { control = true }
                    } else if c == 0x7F {
                        control = true
                    }
                    high |= c
                    p += 1
                }
                if p == end && !eof { return .needMore }
                fields[fieldCount] = Field(start: start, count: p - start)
            }
            fieldCount += 1
            if p == end {
                finish()
                return .record(end: p - UnsafePointer(buffer), newlines: newlines)
            }
            let c = p.pointee
            p += 1
            if c == comma { continue }
            if c == cr {
                if p == end && !eof { return .needMore }
                if p < end && p.pointee == lf { p += 1 }
            }
            finish()
            return .record(end: p - UnsafePointer(buffer), newlines: newlines + 1)
        }
    }

    private func growFields() {
        let grown = UnsafeMutablePointer<Field>.allocate(capacity: fieldCapacity * 2)
        grown.moveInitialize(from: fields, count: fieldCapacity)
        fields.deallocate()
        fields = grown
        fieldCapacity *= 2
    }

    /// Keeps the unread tail, grows the buffer when one record fills it, and reads more.
    private func refill() throws {
        if position > 0 {
            (buffer).update(from: buffer + position, count: length - position)
            length -= position
            position = 0
        }
        if length == capacity {
            guard capacity < Self.maxRecordBytes else {
                throw InputProblem(
                    file: name, line: nextLine,
                    message: "a record starting on this line is longer than \(Self.maxRecordBytes >> 20) MiB; the file is not a CSV file, or a quoted field is never closed (a \" without its closing \")")
            }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            grown.update(from: buffer, count: length)
            buffer.deallocate()
            scratch.deallocate()
            buffer = grown
            capacity *= 2
            scratch = .allocate(capacity: capacity)
        }
        let count = read(descriptor, buffer + length, capacity - length)
        guard count >= 0 else {
            throw InputProblem(file: name, message: "read failed (\(String(cString: strerror(errno))))")
        }
        if count == 0 { atEnd = true }
        length += count
    }

    private func startFile() throws {
        startedFile = true
        while length < 3 && !atEnd { try refill() }
        if length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
            position = 3
        } else if length >= 2 && ((buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF)) {
            throw InputProblem(
                file: name, line: 1,
                message: "is UTF-16; save it as UTF-8 (\"CSV UTF-8\" in Excel) and run again")
        }
    }
}

/// The index of the first byte that breaks UTF-8, or nil when the bytes are valid UTF-8.
func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var i = 0
    let n = bytes.count
    while i < n {
        let b = bytes[i]
        if b < 0x80 { i += 1; continue }
        let width: Int
        var minimum: UInt32
        var scalar: UInt32
        switch b {
        case 0xC2...0xDF: width = 2; minimum = 0x80; scalar = UInt32(b & 0x1F)
        case 0xE0...0xEF: width = 3; minimum = 0x800; scalar = UInt32(b & 0x0F)
        case 0xF0...0xF4: width = 4; minimum = 0x10000; scalar = UInt32(b & 0x07)
        default: return i
        }
        guard i + width <= n else { return i }
        for k in 1..<width {
            let c = bytes[i + k]
            guard c & 0xC0 == 0x80 else { return i }
            scalar = scalar << 6 | UInt32(c & 0x3F)
        }
        if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
        i += width
    }
    return nil
}
