import CLibSSH2
import Foundation

private let libssh2Initialized: Int32 = libssh2_init(0)

/// One SSH connection: TCP with a timeout, the host key checked against known_hosts, logged
/// in, an SFTP channel open. Everything is released when the object goes away.
final class SSHSession {
    let settings: SFTPSettings
    private(set) var session: OpaquePointer?
    private(set) var sftp: OpaquePointer?
    private(set) var hostKey: HostKey?
    private var socket: Int32 = -1
    /// Set once a step timed out or the connection broke: every later step would wait out the
    /// timeout again, so each fails at once instead, and nothing more is sent.
    private(set) var lost = false

    /// Connects, checks the host key and logs in; throws a `DeliveryError` saying which step failed.
    static func open(_ settings: SFTPSettings) throws -> SSHSession {
        let connection = SSHSession(settings)
        try connection.start()
        return connection
    }

    private init(_ settings: SFTPSettings) { self.settings = settings }

    deinit {
        if let sftp, !lost { libssh2_sftp_shutdown(sftp) }
        if let session {
            if !lost { libssh2_session_disconnect_ex(session, SSH_DISCONNECT_BY_APPLICATION, "done", "") }
            libssh2_session_free(session)
        }
        if socket >= 0 { close(socket) }
    }

    private var server: String { "\(settings.host):\(settings.port)" }

    private func start() throws {
        guard libssh2Initialized == 0 else { throw DeliveryError("libssh2 could not be initialized") }
        // A key file libssh2 cannot use, or a secret not set, is worth knowing before connecting.
        let key = try settings.keyFile.map(PrivateKeyFile.inspect)
        let passphrase = try settings.keyPassphraseEnv.map { try secret(named: $0, key: "delivery.sftp.key_passphrase_env") }
        let password = try settings.passwordEnv.map { try secret(named: $0, key: "delivery.sftp.password_env") }
        if let key, key.encrypted && passphrase == nil {
            throw DeliveryError("delivery.sftp.key_file \(key.path) is protected by a passphrase; name the environment variable holding it in key_passphrase_env")
        }
        socket = try connectTCP(host: settings.host, port: settings.port, timeout: settings.connectTimeout)
        guard let session = libssh2_session_init_ex(nil, nil, nil, nil) else { throw DeliveryError("libssh2 could not start a session") }
        self.session = session
        libssh2_session_set_blocking(session, 1)
        libssh2_session_set_timeout(session, Int(settings.ioTimeout * 1000))
        let knownHosts = try KnownHosts(session: session, file: settings.knownHosts, host: settings.host, port: settings.port)
        if let methods = knownHosts.preferredMethods() {
            _ = libssh2_session_method_pref(session, LIBSSH2_METHOD_HOSTKEY, methods)
        }
        guard libssh2_session_handshake(session, socket) == 0 else { throw failure("the SSH handshake with \(server) failed") }
        hostKey = try knownHosts.verify(session)
        try authenticate(key, passphrase: passphrase, password: password)
        guard let sftp = libssh2_sftp_init(session) else { throw failure("\(server) refused to start SFTP for \(settings.user)") }
        self.sftp = sftp
    }

    private func authenticate(_ key: PrivateKeyFile?, passphrase: String?, password: String?) throws {
        let user = settings.user, length = UInt32(user.utf8.count)
        guard let offered = libssh2_userauth_list(session, user, length) else {
            if libssh2_userauth_authenticated(session) != 0 { return }
            throw failure("\(server) did not say how \(user) may log in")
        }
        let methods = String(cString: offered).split(separator: ",").map(String.init)
        if let key {
            guard methods.contains("publickey") else {
                throw DeliveryError("\(server) does not accept key login for \(user) (it offers: \(methods.joined(separator: ", "))); use password_env instead of key_file")
            }
            let result = libssh2_userauth_publickey_fromfile_ex(session, user, length, nil, key.path, passphrase)
            if result != 0 { throw keyRefused(key, code: result) }
        } else if let password {
            let variable = settings.passwordEnv ?? ""
            guard methods.contains("password") else {
                throw DeliveryError("\(server) does not accept password login for \(user) (it offers: \(methods.joined(separator: ", "))); use key_file instead")
            }
            let result = libssh2_userauth_password_ex(session, user, length, password, UInt32(password.utf8.count), nil)
            if result == LIBSSH2_ERROR_PASSWORD_EXPIRED {
                throw DeliveryError("the password of \(user) on \(server) has expired; change it, then update \(variable)")
            }
            if result != 0 {
                if isConnectionLost(result) { throw failure("logging in to \(server)") }
                throw DeliveryError("\(server) refused the password for \(user) (from the environment variable \(variable))")
            }
        } else {
            throw DeliveryError("no way to log in: set delivery.sftp.key_file or password_env")
        }
    }

    private func keyRefused(_ key: PrivateKeyFile, code: Int32) -> DeliveryError {
        if isConnectionLost(code) { return failure("logging in to \(server)") }
        if code == LIBSSH2_ERROR_FILE {
            if key.encrypted {
                return DeliveryError("libssh2 could not unlock delivery.sftp.key_file \(key.path): check the passphrase in \(settings.keyPassphraseEnv ?? "key_passphrase_env")")
            }
            return DeliveryError("libssh2 1.10 (Debian 12) cannot read delivery.sftp.key_file \(key.path); use an OpenSSH-format ed25519 or ECDSA key (ssh-keygen -t ed25519 -f FILE)")
        }
        if key.algorithm == .rsa {
            return DeliveryError(
                "\(server) refused the RSA key \(key.path). Debian 12's libssh2 (1.10) signs with RSA only as SHA-1 \"ssh-rsa\", which OpenSSH 8.8 and later refuse. Use an ed25519 key instead: ssh-keygen -t ed25519 -f FILE, and have FILE.pub added to \(settings.user)'s authorized keys")
        }
        return DeliveryError("\(server) refused the key \(key.path) for \(settings.user): its public half (\(key.path).pub, or ssh-keygen -y -f \(key.path)) must be in the account's authorized keys")
    }

    /// libssh2's own words for the last error, after `what`; network failures are transient.
    func failure(_ what: String) -> DeliveryError {
        var text: UnsafeMutablePointer<CChar>?
        var length: Int32 = 0
        let code = session.map { libssh2_session_last_error($0, &text, &length, 0) } ?? 0
        var reason = text.map { String(cString: $0) } ?? "libssh2 error \(code)"
        var transient = isConnectionLost(code)
        if code == LIBSSH2_ERROR_TIMEOUT || code == LIBSSH2_ERROR_SOCKET_TIMEOUT {
            reason = "no answer within \(Int(settings.ioTimeout)) seconds (delivery.sftp.timeout_seconds)"
        } else if transient {
            reason = "the connection broke (libssh2: \(reason))"
        }
        if code == LIBSSH2_ERROR_SFTP_PROTOCOL, let sftp {
            let status = libssh2_sftp_last_error(sftp)
            reason = Self.sftpStatus[status] ?? "SFTP status \(status)"
            transient = status == LIBSSH2_FX_NO_CONNECTION || status == LIBSSH2_FX_CONNECTION_LOST
        }
        if code == LIBSSH2_ERROR_KEX_FAILURE || code == LIBSSH2_ERROR_METHOD_NOT_SUPPORTED {
            reason += " (libssh2 1.10 and the server share no key-exchange or host-key algorithm)"
        }
        if isConnectionLost(code) { lost = true }
        return DeliveryError("\(what): \(reason)", transient: transient)
    }

    /// Throws at once when an earlier step lost the connection.
    func ensureConnected(_ what: String) throws {
        if lost { throw DeliveryError("\(what): the connection to \(server) was lost at an earlier step", transient: true) }
    }

    private func isConnectionLost(_ code: Int32) -> Bool {
        [LIBSSH2_ERROR_SOCKET_NONE, LIBSSH2_ERROR_BANNER_RECV, LIBSSH2_ERROR_BANNER_SEND, LIBSSH2_ERROR_SOCKET_SEND,
         LIBSSH2_ERROR_SOCKET_RECV, LIBSSH2_ERROR_SOCKET_DISCONNECT, LIBSSH2_ERROR_TIMEOUT,
         LIBSSH2_ERROR_SOCKET_TIMEOUT].contains(code)
    }

    private static let sftpStatus: [UInt: String] = [
        LIBSSH2_FX_NO_SUCH_FILE: "no such file or folder",
        LIBSSH2_FX_PERMISSION_DENIED: "permission denied",
        LIBSSH2_FX_FAILURE: "the server refused (failure)",
        LIBSSH2_FX_NO_CONNECTION: "no connection",
        LIBSSH2_FX_CONNECTION_LOST: "connection lost",
        LIBSSH2_FX_OP_UNSUPPORTED: "not supported by the server",
        LIBSSH2_FX_NO_SUCH_PATH: "no such folder",
        LIBSSH2_FX_FILE_ALREADY_EXISTS: "the file already exists",
        LIBSSH2_FX_WRITE_PROTECT: "write-protected",
        LIBSSH2_FX_NO_SPACE_ON_FILESYSTEM: "no space left on the server",
        LIBSSH2_FX_QUOTA_EXCEEDED: "the account's quota is exceeded",
        LIBSSH2_FX_NOT_A_DIRECTORY: "not a folder",
    ]
}
