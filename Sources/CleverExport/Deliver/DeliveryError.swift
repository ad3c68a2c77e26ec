import Foundation

/// Why a delivery (or a connection check) failed, in words a person can act on.
public struct DeliveryError: Error, CustomStringConvertible, Sendable {
    public let message: String
    /// A network hiccup (refused, reset, timed out) that another attempt may get past.
    /// Authentication, host-key and permission problems never are.
    public let transient: Bool

    public init(_ message: String, transient: Bool = false) {
        self.message = message
        self.transient = transient
    }

    public var description: String { message }
}

/// Runs `body` up to `attempts` times while it fails with a transient `DeliveryError`,
/// waiting `backoff` seconds before the second attempt and twice as long before each next one.
func withRetries<T>(attempts: Int, backoff: Double, _ body: () throws -> T) throws -> T {
    var wait = backoff
    for attempt in 1... {
        do {
            return try body()
        } catch let error as DeliveryError where error.transient && attempt < attempts {
            Thread.sleep(forTimeInterval: wait)
            wait *= 2
        } catch let error as DeliveryError where error.transient && attempts > 1 {
            throw DeliveryError("\(error.message) (gave up after \(attempts) attempts)", transient: true)
        }
    }
    preconditionFailure("unreachable")
}
