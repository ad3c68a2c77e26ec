/// A file a delivery ships: where it is, its name at the target (a path in the set, so the
/// OneRoster files keep their folder: oneroster/users.csv), and its rows (nil: not a CSV).
public struct DeliveredFile: Sendable, Equatable {
    public let path: String
    public let name: String
    public let rows: Int?

    public init(path: String, name: String, rows: Int?) {
        self.path = path
        self.name = name
        self.rows = rows
    }
}

extension ExportedFile {
    var delivered: DeliveredFile { DeliveredFile(path: path, name: file.fileName, rows: rows) }
}

/// A place the files go: a local folder, an SFTP server, a mailbox.
public protocol Delivery {
    /// Where the files go, for the report ("folder /srv/clever"); never holds a secret.
    var target: String { get }
    /// Ships the whole set, or throws with a reason a person can act on. `summary`, the run's
    /// summary, is for targets that carry a text (e-mail); nil: the target's own.
    func deliver(_ files: [DeliveredFile], summary: String?) throws
}

extension Delivery {
    public func deliver(_ files: [DeliveredFile]) throws { try deliver(files, summary: nil) }
    /// Ships a set of Clever files.
    public func deliver(_ files: [ExportedFile], summary: String? = nil) throws { try deliver(files.map(\.delivered), summary: summary) }
}

/// What became of one delivery.
public struct DeliveryResult: Sendable {
    public let target: String
    public let failure: String?
    public var succeeded: Bool { failure == nil }
}
