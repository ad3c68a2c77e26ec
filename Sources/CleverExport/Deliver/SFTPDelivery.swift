import Foundation

/// Uploads the set to remote_dir on an SFTP server so that Clever never reads a partial set:
/// every file goes to a temporary name first, and only when all have arrived are they swapped
/// into place. A failure before the swap leaves the previous set as it was.
///
/// The swap itself is not atomic. Debian 12's libssh2 1.10 cannot send OpenSSH's
/// posix-rename@openssh.com, and a plain SFTP rename never replaces a file, so each file is
/// swapped in three steps: the old file moves aside, the new one moves in, the old one is
/// deleted at the end. Between the first two steps (milliseconds) the name is missing, and
/// while the files are swapped one after another a reader can see new and old files together.
/// When a step fails, the files already swapped are put back. When the connection drops
/// mid-swap, the next delivery first restores any file still moved aside, then sends a new set.
public struct SFTPDelivery: Delivery, ConnectionCheck {
    public let settings: SFTPSettings
    /// For tests: told the file name and bytes sent so far while uploading.
    var progress: ((String, Int) -> Void)?
    /// For tests: called before each file is swapped in; throwing makes the swap fail there.
    var beforeSwap: ((String) throws -> Void)?

    public init(settings: SFTPSettings) { self.settings = settings }

    public var target: String { settings.target }

    public func deliver(_ files: [DeliveredFile], summary: String? = nil) throws {
        // How far any attempt got, which decides what the server may have been left with.
        enum Step: Comparable { case connecting, uploading, swapping }
        var step = Step.connecting
        do {
            try withRetries(attempts: settings.attempts, backoff: settings.backoff) {
                let remote = try RemoteFolder(try SSHSession.open(settings), settings.remoteDirectory)
                let names = files.map(\.name)
                try remote.recover(names)
                step = max(step, .uploading)
                do {
                    for (file, name) in zip(files, names) {
                        try remote.session.upload(file.path, to: remote.incoming(name)) { progress?(name, $0) }
                        try remote.checkSize(of: name, matches: file.path)
                    }
                } catch {
                    // If the server is gone these stay; the next delivery removes them.
                    for name in names { try? remote.session.remove(remote.incoming(name)) }
                    throw error
                }
                step = max(step, .swapping)
                try remote.swapIn(names, beforeEach: beforeSwap)
            }
        } catch let error as DeliveryError where step != .connecting {
            let note = step == .uploading
                ? "the files on the server were left as they were"
                : "the previous files were put back (any the connection did not allow are restored by the next delivery)"
            throw DeliveryError("\(error.message); \(note)", transient: error.transient)
        }
    }

    /// Logs in and creates and deletes a small file in remote_dir.
    public func checkConnection() throws -> String {
        let session = try withRetries(attempts: settings.attempts, backoff: settings.backoff) { try SSHSession.open(settings) }
        let remote = try RemoteFolder(session, settings.remoteDirectory)
        let sample = FileManager.default.temporaryDirectory.appending(path: "clever-export-check-\(getpid())").path
        try Data("clever-export connection check\n".utf8).write(to: URL(fileURLWithPath: sample))
        defer { unlink(sample) }
        let probe = remote.path(".clever-export-check-\(getpid())")
        try session.upload(sample, to: probe)
        try session.remove(probe)
        let key = session.hostKey.map { "host key \($0.type) \($0.fingerprint) matches known_hosts; " } ?? ""
        let login = settings.keyFile == nil ? "password" : "key \(settings.keyFile!)"
        return "\(key)logged in as \(settings.user) with \(login); created and deleted a test file in \(settings.remoteDirectory.isEmpty ? "the account's folder" : settings.remoteDirectory)"
    }
}

/// remote_dir on the server, and the temporary names a delivery uses in it.
struct RemoteFolder {
    let session: SSHSession
    let directory: String

    init(_ session: SSHSession, _ directory: String) throws {
        self.session = session
        self.directory = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        guard !directory.isEmpty else { return }
        switch try session.isDirectory(self.directory) {
        case true?: return
        case false?: throw DeliveryError("delivery.sftp.remote_dir \(directory) on the server is not a folder")
        case nil: throw DeliveryError("delivery.sftp.remote_dir \(directory) does not exist on the server (or \(session.settings.user) cannot see it); create it or fix the path")
        }
    }

    func path(_ name: String) -> String { directory.isEmpty ? name : directory + "/" + name }
    func incoming(_ name: String) -> String { path(".\(name).clever-export-new") }
    func outgoing(_ name: String) -> String { path(".\(name).clever-export-old") }

    /// Undoes what an interrupted delivery left: a file still moved aside goes back, temporaries go.
    func recover(_ names: [String]) throws {
        for name in names {
            if try session.exists(outgoing(name)) {
                if try !session.exists(path(name)) { try session.rename(outgoing(name), to: path(name)) }
                try session.remove(outgoing(name))
            }
            if try session.exists(incoming(name)) { try session.remove(incoming(name)) }
        }
    }

    func checkSize(of name: String, matches localPath: String) throws {
        let local = (try? FileManager.default.attributesOfItem(atPath: localPath)[.size] as? UInt64) ?? nil
        let remote = try session.size(incoming(name))
        if let local, local != remote {
            throw DeliveryError("\(incoming(name)) arrived with \(remote.map(String.init) ?? "no") bytes instead of \(local)", transient: true)
        }
    }

    /// Moves the uploaded files to their names; on failure puts the previous set back.
    func swapIn(_ names: [String], beforeEach: ((String) throws -> Void)?) throws {
        var swapped: [(name: String, hadOld: Bool)] = []
        do {
            for name in names {
                try beforeEach?(name)
                let hadOld = try session.exists(path(name))
                if hadOld { try session.rename(path(name), to: outgoing(name)) }
                do {
                    try session.rename(incoming(name), to: path(name))
                } catch {
                    if hadOld { try? session.rename(outgoing(name), to: path(name)) }
                    throw error
                }
                swapped.append((name, hadOld))
            }
        } catch {
            for (name, hadOld) in swapped.reversed() {
                try? session.remove(path(name))
                if hadOld { try? session.rename(outgoing(name), to: path(name)) }
            }
            for name in names { try? session.remove(incoming(name)) }
            throw error
        }
        for name in names { try session.remove(outgoing(name)) }
    }
}
