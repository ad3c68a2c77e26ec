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
/// The final error tells the first failure too: it is often the one that explains.
func withRetries<T>(attempts: Int, backoff: Double, _ body: () throws -> T) throws -> T {
    var wait = backoff
    var first: DeliveryError?
    for attempt in 1... {
        do {
            return try body()
        } catch let error as DeliveryError where error.transient && attempts > 1 {
            let earlier = first.map { $0.message == error.message ? "" : "\($0.message); then " } ?? ""
            guard attempt < attempts else {
                throw DeliveryError("\(earlier)\(error.message) (gave up after \(attempts) attempts)", transient: true)
            }
            first = first ?? error
            Thread.sleep(forTimeInterval: wait)
            wait *= 2
        }
    }
    preconditionFailure("unreachable")
}
