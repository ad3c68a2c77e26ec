import Foundation

/// Another run holds the staging database.
public struct RunLocked: Error, CustomStringConvertible {
    public let database: String
    public var description: String {
        "another clever-export run is using \(database); wait for it to finish (this run changed nothing)"
    }
}

/// An exclusive, non-blocking lock beside the staging database, so two cron runs never
/// overlap. The kernel releases it when the process ends, however it ends.
final class RunLock {
    private let descriptor: Int32

    init(database: String) throws {
        let path = database + ".lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw RunLocked(database: database)
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
