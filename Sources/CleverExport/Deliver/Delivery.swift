/// A place the Clever files go: a local folder, an SFTP server, a mailbox.
public protocol Delivery {
    /// Where the files go, for the report ("folder /srv/clever"); never holds a secret.
    var target: String { get }
    /// Ships the whole set, or throws with a reason a person can act on. `summary`, the run's
    /// summary, is for targets that carry a text (e-mail); nil: the target's own.
    func deliver(_ files: [ExportedFile], summary: String?) throws
}

extension Delivery {
    public func deliver(_ files: [ExportedFile]) throws { try deliver(files, summary: nil) }
}

/// What became of one delivery.
public struct DeliveryResult: Sendable {
    public let target: String
    public let failure: String?
    public var succeeded: Bool { failure == nil }
}
