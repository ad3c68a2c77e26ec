import Foundation

/// The rows of one extract file by their key, built in memory as the file is loaded, so that a
/// file pointing at it (extract_reference) finds each row's rowid as it is read instead of
/// SQLite searching an index for every row afterwards.
/// A key is the key columns' bytes joined by 0x1F, which no ID holds (the importer refuses
/// control characters in IDs). Of two rows with the same key the first is kept
/// (check_extract_duplicates names the second).
final class KeyIndex: @unchecked Sendable {
    /// Open addressing, two words a slot, so that a probe for a key of up to 8 bytes (a student
    /// ID) reads one cache line: the first word is the key itself (its bytes, zero-padded) or,
    /// for a longer key, where it starts in `bytes`; the second is the row (low 32 bits), 8 bits
    /// of the key's hash and its length + 1 (the high 24 bits; 0: an empty slot). A key is at
    /// most CSVReader.maxRecordBytes long.
    private var slots: UnsafeMutablePointer<UInt64>
    private var mask = (1 << 11) - 1
    private(set) var count = 0
    /// The keys longer than 8 bytes, one after the other.
    private let bytes = ByteBuffer(capacity: 1 << 16)

    static let separator: UInt8 = 0x1F

    /// `expected`: about how many keys, so that the slots need not grow.
    init(expected: Int = 0) {
        while (mask + 1) < 2 * expected { mask = mask * 2 + 1 }
        slots = .allocate(capacity: 2 * (mask + 1))
        slots.initialize(repeating: 0, count: 2 * (mask + 1))
    }

    deinit { slots.deallocate() }

    /// Adds `key` for `row`, unless it is there already; returns the row it already had (nil:
    /// added).
    @discardableResult
    func insert(_ key: UnsafeBufferPointer<UInt8>, row: Int) -> Int? {
        precondition(key.count < 1 << 24 && row <= UInt32.max, "a key of 16 MiB or a file of 4 billion rows")
        let hash = Self.hash(key)
        let meta = Self.meta(key, hash: hash)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[2 * slot + 1] != 0 {
            if matches(slot, meta: meta, key: key) { return Int(slots[2 * slot + 1] & 0xFFFF_FFFF) }
            slot = (slot + 1) & mask
        }
        if key.count <= 8 {
            slots[2 * slot] = Self.packed(key)
        } else {
            slots[2 * slot] = UInt64(bytes.count)
            bytes.append(key)
        }
        slots[2 * slot + 1] = meta | UInt64(row)
        count += 1
        if count * 2 > mask { growSlots() }
        return nil
    }

    /// The row of `key`, or nil.
    func row(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(key)
        let meta = Self.meta(key, hash: hash)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[2 * slot + 1] != 0 {
            if matches(slot, meta: meta, key: key) { return Int(slots[2 * slot + 1] & 0xFFFF_FFFF) }
            slot = (slot + 1) & mask
        }
        return nil
    }

    @inline(__always)
    private func matches(_ slot: Int, meta: UInt64, key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard slots[2 * slot + 1] & 0xFFFF_FFFF_0000_0000 == meta else { return false }
        if key.count <= 8 { return slots[2 * slot] == Self.packed(key) }
        return memcmp(bytes.start + Int(slots[2 * slot]), key.baseAddress!, key.count) == 0
    }

    /// The length + 1 and 8 bits of the hash, in the high half of a slot's second word.
    @inline(__always)
    private static func meta(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> UInt64 {
        UInt64(key.count + 1) << 40 | (hash >> 56) << 32
    }

    /// A key of up to 8 bytes as one word.
    @inline(__always)
    private static func packed(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var word: UInt64 = 0
        for (offset, byte) in key.enumerated() { word |= UInt64(byte) << (8 * offset) }
        return word
    }

    /// FNV-1a, then a final mix so that keys differing in their last byte (S0000001, S0000002)
    /// spread over the table.
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        return hash ^ (hash >> 33)
    }

    /// Twice the slots; each key is hashed again (from its slot, or its bytes).
    private func growSlots() {
        let old = slots, oldSlots = mask + 1
        mask = mask * 2 + 1
        slots = .allocate(capacity: 2 * (mask + 1))
        slots.initialize(repeating: 0, count: 2 * (mask + 1))
        for slot in 0..<oldSlots where old[2 * slot + 1] != 0 {
            let first = old[2 * slot], second = old[2 * slot + 1]
            let length = Int(second >> 40) - 1
            let hash = length <= 8
                ? withUnsafeBytes(of: first.littleEndian) { Self.hash(UnsafeBufferPointer(start: $0.bindMemory(to: UInt8.self).baseAddress, count: length)) }
                : Self.hash(UnsafeBufferPointer(start: bytes.start + Int(first), count: length))
            var target = Int(truncatingIfNeeded: hash) & mask
            while slots[2 * target + 1] != 0 { target = (target + 1) & mask }
            slots[2 * target] = first
            slots[2 * target + 1] = second
        }
        old.deallocate()
    }
}

/// Looks keys up in one index for one loader, remembering the last key: an extract often lists
/// rows with the same key together (enrollments by section), and the same key again costs only
/// a comparison.
final class KeyProbe {
    let index: KeyIndex
    private let last = ByteBuffer(capacity: 256)
    private var lastRow: Int?
    private var probed = false

    init(_ index: KeyIndex) { self.index = index }

    func row(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        if probed && last.equals(key) { return lastRow }
        lastRow = index.row(of: key)
        last.clear()
        last.append(key)
        probed = true
        return lastRow
    }
}
