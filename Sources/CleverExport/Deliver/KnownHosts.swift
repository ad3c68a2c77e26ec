import CLibSSH2
import Foundation

/// The key a server offered in the handshake, as a person compares it with the provider's.
struct HostKey {
    let type: String
    /// "SHA256:…", as `ssh-keygen -lf` and `ssh` print it.
    let fingerprint: String
}

/// An OpenSSH known_hosts file (plain or hashed names, `[host]:port` for other ports) read into
/// libssh2's collection. The server's key must be in it: an unknown or changed key is refused,
/// never trusted on first use. As in OpenSSH, a host on another port than 22 matches only
/// `[host]:port` entries, and a key marked `@revoked` is refused whatever other line holds it.
final class KnownHosts {
    private let hosts: OpaquePointer
    /// The `@revoked` lines, without their marker.
    private let revoked: OpaquePointer
    let file: String
    let host: String
    let port: Int

    init(session: OpaquePointer, file: String, host: String, port: Int) throws {
        self.file = file
        self.host = host
        self.port = port
        guard let hosts = libssh2_knownhost_init(session) else { throw DeliveryError("libssh2 could not allocate its known-hosts list") }
        self.hosts = hosts
        guard let revoked = libssh2_knownhost_init(session) else { throw DeliveryError("libssh2 could not allocate its known-hosts list") }
        self.revoked = revoked
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            let problem = FileManager.default.fileExists(atPath: file) ? "cannot be read" : "does not exist"
            throw DeliveryError(
                "delivery.sftp.known_hosts \(file) \(problem). Record the server's key with `\(keyscan) >> \(file)` after checking its fingerprint with the SFTP provider")
        }
        // Line by line, so that one line libssh2 does not understand (a @cert-authority, a new
        // key type) does not hide the lines after it, as libssh2_knownhost_readfile would.
        for line in text.split(whereSeparator: \.isNewline) {
            let entry = line.trimmingCharacters(in: .whitespaces)
            if entry.isEmpty || entry.hasPrefix("#") { continue }
            if entry.hasPrefix("@revoked ") || entry.hasPrefix("@revoked\t") {
                let line = entry.dropFirst("@revoked".count).trimmingCharacters(in: .whitespaces)
                _ = libssh2_knownhost_readline(revoked, line, line.utf8.count, LIBSSH2_KNOWNHOST_FILE_OPENSSH)
                continue
            }
            if entry.hasPrefix("@") { continue }
            _ = libssh2_knownhost_readline(hosts, entry, entry.utf8.count, LIBSSH2_KNOWNHOST_FILE_OPENSSH)
        }
    }

    deinit {
        libssh2_knownhost_free(hosts)
        libssh2_knownhost_free(revoked)
    }

    /// The name OpenSSH looks this host up by: `[host]:port` for a port other than 22.
    private var lookupName: String { port == 22 ? host : "[\(host)]:\(port)" }

    /// libssh2's check of `key` against `list` for this host under OpenSSH's rule (a port of -1:
    /// the name alone is compared, so a plain entry never matches another port).
    private func check(_ list: OpaquePointer, _ key: UnsafePointer<CChar>, _ length: Int, _ typemask: Int32) -> Int32 {
        libssh2_knownhost_checkp(list, lookupName, -1, key, length, typemask, nil)
    }

    private var keyscan: String { "ssh-keyscan -p \(port) \(host)" }

    /// Host-key algorithms, those the file holds for this host first, for
    /// libssh2_session_method_pref: libssh2 1.10 otherwise prefers ECDSA, and a file written by
    /// `ssh` often holds only the server's ed25519 key. Nil when the file has nothing for the host.
    func preferredMethods() -> String? {
        var known: [String] = []
        var entry: UnsafeMutablePointer<libssh2_knownhost>?
        var previous: UnsafeMutablePointer<libssh2_knownhost>?
        while libssh2_knownhost_get(hosts, &entry, previous) == 0, let current = entry {
            previous = current
            let keyType = current.pointee.typemask & LIBSSH2_KNOWNHOST_KEY_MASK
            // Checking the entry's own key against this host tells whether the entry is for
            // this host, hashed names included.
            guard let method = Self.methods.first(where: { $0.knownHostType == keyType })?.name,
                let key = current.pointee.key, !known.contains(method),
                check(hosts, key, 0, LIBSSH2_KNOWNHOST_TYPE_PLAIN | LIBSSH2_KNOWNHOST_KEYENC_BASE64 | keyType)
                    == LIBSSH2_KNOWNHOST_CHECK_MATCH
            else { continue }
            known.append(method)
        }
        guard !known.isEmpty else { return nil }
        return (known + Self.methods.map(\.name).filter { !known.contains($0) }).joined(separator: ",")
    }

    /// Checks the key the server offered in the handshake; throws unless the file holds it for this host.
    func verify(_ session: OpaquePointer) throws -> HostKey {
        var length = 0
        var type: Int32 = 0
        guard let key = libssh2_session_hostkey(session, &length, &type),
            let method = Self.methods.first(where: { $0.hostKeyType == type })
        else { throw DeliveryError("the server \(host):\(port) offered a host key of a type libssh2 cannot check") }
        let offered = HostKey(type: method.name, fingerprint: Self.fingerprint(session))
        let typemask = LIBSSH2_KNOWNHOST_TYPE_PLAIN | LIBSSH2_KNOWNHOST_KEYENC_RAW | method.knownHostType
        let described = "the server \(host):\(port) offered the \(offered.type) host key \(offered.fingerprint)"
        if check(revoked, key, length, typemask) == LIBSSH2_KNOWNHOST_CHECK_MATCH {
            throw DeliveryError(
                "\(described), which \(file) marks @revoked, so nothing was sent, whatever other line holds the key. Ask the SFTP provider for the server's new key")
        }
        switch check(hosts, key, length, typemask) {
        case LIBSSH2_KNOWNHOST_CHECK_MATCH:
            return offered
        case LIBSSH2_KNOWNHOST_CHECK_MISMATCH:
            throw DeliveryError(
                "\(described), which does NOT match the key \(file) holds for it. Nothing was sent: the server's key has changed, or someone is intercepting the connection. Ask the SFTP provider; only if they confirm that fingerprint, replace the old entry: ssh-keygen -R '\(lookupName)' -f \(file) && \(keyscan) >> \(file)")
        case LIBSSH2_KNOWNHOST_CHECK_NOTFOUND:
            throw DeliveryError(
                "\(described), which is not in \(file), so nothing was sent (a key is never trusted on first use). If the SFTP provider confirms that fingerprint, add the key: \(keyscan) >> \(file)")
        default:
            throw DeliveryError("could not check the host key of \(host):\(port) against \(file)")
        }
    }

    /// SHA256 of the key, base64 without padding.
    private static func fingerprint(_ session: OpaquePointer) -> String {
        guard let hash = libssh2_hostkey_hash(session, LIBSSH2_HOSTKEY_HASH_SHA256) else { return "SHA256:?" }
        let bytes = Data(bytes: hash, count: 32)
        return "SHA256:" + bytes.base64EncodedString().replacingOccurrences(of: "=", with: "")
    }

    /// libssh2 1.10's host-key algorithms, most wanted first, and libssh2's numbers for them.
    private static let methods: [(name: String, hostKeyType: Int32, knownHostType: Int32)] = [
        ("ssh-ed25519", LIBSSH2_HOSTKEY_TYPE_ED25519, LIBSSH2_KNOWNHOST_KEY_ED25519),
        ("ecdsa-sha2-nistp256", LIBSSH2_HOSTKEY_TYPE_ECDSA_256, LIBSSH2_KNOWNHOST_KEY_ECDSA_256),
        ("ecdsa-sha2-nistp384", LIBSSH2_HOSTKEY_TYPE_ECDSA_384, LIBSSH2_KNOWNHOST_KEY_ECDSA_384),
        ("ecdsa-sha2-nistp521", LIBSSH2_HOSTKEY_TYPE_ECDSA_521, LIBSSH2_KNOWNHOST_KEY_ECDSA_521),
        ("ssh-rsa", LIBSSH2_HOSTKEY_TYPE_RSA, LIBSSH2_KNOWNHOST_KEY_SSHRSA),
        ("ssh-dss", LIBSSH2_HOSTKEY_TYPE_DSS, LIBSSH2_KNOWNHOST_KEY_SSHDSS),
    ]
}
