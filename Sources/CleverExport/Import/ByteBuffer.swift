import Foundation

/// Bytes kept from row to row without allocating: a batch's fields, a key being joined, the
/// keys of a KeyIndex. `start` moves when the buffer grows.
final class ByteBuffer {
    private(set) var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = capacity
        start = .allocate(capacity: capacity)
    }

    deinit { start.deallocate() }

    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

    func clear() { count = 0 }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        if let base = bytes.baseAddress { (start + count).update(from: base, count: bytes.count) }
        count += bytes.count
    }

    func append(byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        start[count] = byte
        count += 1
    }

    func equals(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count == count && (count == 0 || memcmp(start, bytes.baseAddress!, count) == 0)
    }

    private func grow(to needed: Int) {
        while capacity < needed { capacity *= 2 }
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        larger.update(from: start, count: count)
        start.deallocate()
        start = larger
    }
}
