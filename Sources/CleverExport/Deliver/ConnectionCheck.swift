import Foundation

/// A target that can be tried without sending the files: `clever-export check-connection`.
public protocol ConnectionCheck {
    var target: String { get }
    /// Connects, logs in and tries what a delivery needs, sending no data; returns what was
    /// verified, or throws with the reason.
    func checkConnection() throws -> String
}

extension LocalFolderDelivery: ConnectionCheck {
    public func checkConnection() throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let probe = URL(fileURLWithPath: directory).appending(path: ".clever-export-check-\(getpid())").path
        guard FileManager.default.createFile(atPath: probe, contents: Data()) else {
            throw DeliveryError("cannot create files in \(directory): \(String(cString: strerror(errno)))")
        }
        unlink(probe)
        return "can create files in \(directory)"
    }
}
