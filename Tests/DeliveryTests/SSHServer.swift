import Foundation

/// Debian's OpenSSH sshd on 127.0.0.1, with its own host key and config in `folder`, the
/// current user (root) logging in with the keys in `authorizedKeys`.
final class SSHServer {
    let folder: URL
    let port: Int
    private var process: ServerProcess?

    var hostKey: URL { folder.appending(path: "ssh_host_ed25519_key") }
    var authorizedKeys: URL { folder.appending(path: "authorized_keys") }
    var config: URL { folder.appending(path: "sshd_config") }
    var log: URL { folder.appending(path: "sshd.log") }

    /// `extraHostKeys`: more host-key types the server offers besides ed25519 (e.g. "ecdsa").
    init(folder: URL, extraHostKeys: [String] = []) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd") else {
            throw TestSetupError("/usr/sbin/sshd is missing; run scripts/test-servers/install.sh")
        }
        self.folder = folder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        port = try freePort()
        try makeKey(at: hostKey)
        var hostKeys = "HostKey \(hostKey.path)"
        for type in extraHostKeys {
            let key = folder.appending(path: "ssh_host_\(type)_key")
            try makeKey(at: key, type: type)
            hostKeys += "\nHostKey \(key.path)"
        }
        _ = FileManager.default.createFile(atPath: authorizedKeys.path, contents: Data())
        try """
            Port \(port)
            ListenAddress 127.0.0.1
            \(hostKeys)
            PidFile none
            AuthorizedKeysFile \(authorizedKeys.path)
            StrictModes no
            PermitRootLogin yes
            PasswordAuthentication yes
            KbdInteractiveAuthentication no
            UsePAM no
            Subsystem sftp internal-sftp
            LogLevel VERBOSE

            """.write(to: config, atomically: true, encoding: .utf8)
        try start()
    }

    deinit { stop() }

    /// Starts (or restarts) sshd and waits until it accepts connections.
    func start() throws {
        try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        let process = try ServerProcess("/usr/sbin/sshd", ["-D", "-e", "-f", config.path], log: log)
        self.process = process
        do {
            try waitForPort(port) { process.isRunning }
        } catch {
            throw TestSetupError("sshd did not start: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        }
    }

    /// Stops sshd and every connection it serves without closing them (SIGSTOP): a server that
    /// no longer answers. `resume` lets them go on.
    func pause() { process.map { killTree($0.pid, signal: SIGSTOP) } }
    func resume() { process.map { killTree($0.pid, signal: SIGCONT) } }

    /// Kills sshd and every connection it is serving, as a crash or reboot would.
    func stop() {
        process?.stop()
        process = nil
    }

    /// A new ed25519 (or `type`) key pair without a passphrase unless one is given.
    func makeKey(at path: URL, type: String = "ed25519", bits: Int? = nil, passphrase: String = "") throws {
        try command("ssh-keygen", ["-q", "-t", type, "-N", passphrase, "-C", "clever-export test", "-f", path.path]
                    + (bits.map { ["-b", String($0)] } ?? []))
    }

    /// Makes a key pair the server accepts for the current user.
    func authorizedKey(named name: String, type: String = "ed25519", bits: Int? = nil, passphrase: String = "") throws -> URL {
        let key = folder.appending(path: name)
        try makeKey(at: key, type: type, bits: bits, passphrase: passphrase)
        let handle = try FileHandle(forWritingTo: authorizedKeys)
        handle.seekToEndOfFile()
        handle.write(try Data(contentsOf: key.appendingPathExtension("pub")))
        try handle.close()
        return key
    }

    /// A known_hosts file written the way the error messages tell people to: ssh-keyscan.
    func knownHosts(hashed: Bool = false, types: String? = nil) throws -> URL {
        let file = folder.appending(path: "known_hosts" + (hashed ? "_hashed" : "") + (types.map { "_" + $0 } ?? ""))
        let options = (hashed ? ["-H"] : []) + (types.map { ["-t", $0] } ?? [])
        let scan = try command("ssh-keyscan", options + ["-p", String(port), "127.0.0.1"])
        try scan.stdout.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// The fingerprint `ssh-keygen -l` shows for the server's key, "SHA256:…".
    func fingerprint() throws -> String {
        let listed = try command("ssh-keygen", ["-l", "-E", "sha256", "-f", hostKey.path + ".pub"]).stdout
        return String(listed.split(separator: " ")[1])
    }
}
