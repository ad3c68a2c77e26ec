/// A place the Clever files go: a local folder, an SFTP server, a mailbox.
public protocol Delivery {
    /// Where the files go, for the report ("folder /srv/clever"); never holds a secret.
    var target: String { get }
    /// Ships the whole set, or throws with a reason a person can act on.
    func deliver(_ files: [ExportedFile]) throws
}

/// What became of one delivery.
public struct DeliveryResult: Sendable {
    public let target: String
    public let failure: String?
    public var succeeded: Bool { failure == nil }
}
