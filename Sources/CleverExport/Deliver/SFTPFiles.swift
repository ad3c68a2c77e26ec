import CLibSSH2
import Foundation

/// File operations over the session's SFTP channel, each throwing a `DeliveryError` that names the path.
extension SSHSession {
    /// Whether `path` exists (following links); false only when the server says there is no such file.
    func exists(_ path: String) throws -> Bool {
        try attributes(path) != nil
    }

    func isDirectory(_ path: String) throws -> Bool? {
        try attributes(path).map { $0.permissions & UInt(LIBSSH2_SFTP_S_IFMT) == UInt(LIBSSH2_SFTP_S_IFDIR) }
    }

    func size(_ path: String) throws -> UInt64? {
        try attributes(path)?.filesize
    }

    private func attributes(_ path: String) throws -> LIBSSH2_SFTP_ATTRIBUTES? {
        try ensureConnected("cannot look at \(path) on the server")
        var attributes = LIBSSH2_SFTP_ATTRIBUTES()
        if libssh2_sftp_stat_ex(sftp, path, UInt32(path.utf8.count), LIBSSH2_SFTP_STAT, &attributes) == 0 {
            return attributes
        }
        if missing { return nil }
        throw failure("cannot look at \(path) on the server")
    }

    /// Whether the last call failed because the path does not exist.
    private var missing: Bool {
        guard let session, let sftp, libssh2_session_last_errno(session) == LIBSSH2_ERROR_SFTP_PROTOCOL else { return false }
        let status = libssh2_sftp_last_error(sftp)
        return status == LIBSSH2_FX_NO_SUCH_FILE || status == LIBSSH2_FX_NO_SUCH_PATH
    }

    /// Copies the local file to `remotePath` (created or truncated), calling `progress` with
    /// the bytes sent so far.
    func upload(_ localPath: String, to remotePath: String, progress: ((Int) -> Void)? = nil) throws {
        let input = Glibc.open(localPath, O_RDONLY)
        guard input >= 0 else { throw DeliveryError("cannot read \(localPath): \(String(cString: strerror(errno)))") }
        defer { close(input) }
        try ensureConnected("cannot create \(remotePath) on the server")
        guard let handle = libssh2_sftp_open_ex(
            sftp, remotePath, UInt32(remotePath.utf8.count),
            UInt(LIBSSH2_FXF_WRITE | LIBSSH2_FXF_CREAT | LIBSSH2_FXF_TRUNC), 0o600, LIBSSH2_SFTP_OPENFILE)
        else { throw failure("cannot create \(remotePath) on the server") }
        var open = true
        defer { if open && !lost { libssh2_sftp_close_handle(handle) } }
        // Large writes let libssh2 keep several SFTP packets in flight.
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: 256 * 1024)
        defer { buffer.deallocate() }
        var sent = 0
        while true {
            let count = read(input, buffer, 256 * 1024)
            if count < 0 { throw DeliveryError("cannot read \(localPath): \(String(cString: strerror(errno)))") }
            if count == 0 { break }
            var offset = 0
            while offset < count {  // libssh2_sftp_write may take less than it is given
                let written = libssh2_sftp_write(handle, buffer + offset, count - offset)
                if written < 0 { throw failure("uploading \(remotePath) stopped after \(sent) bytes") }
                offset += written
                sent += written
                progress?(sent)
            }
        }
        open = false
        if libssh2_sftp_close_handle(handle) != 0 { throw failure("the server did not finish writing \(remotePath)") }
    }

    /// Renames; OpenSSH's SFTP refuses to replace an existing file this way.
    func rename(_ from: String, to: String) throws {
        try ensureConnected("cannot rename \(from) to \(to) on the server")
        let result = libssh2_sftp_rename_ex(
            sftp, from, UInt32(from.utf8.count), to, UInt32(to.utf8.count),
            Int(LIBSSH2_SFTP_RENAME_OVERWRITE | LIBSSH2_SFTP_RENAME_ATOMIC | LIBSSH2_SFTP_RENAME_NATIVE))
        if result != 0 { throw failure("cannot rename \(from) to \(to) on the server") }
    }

    func remove(_ path: String) throws {
        try ensureConnected("cannot delete \(path) on the server")
        if libssh2_sftp_unlink_ex(sftp, path, UInt32(path.utf8.count)) != 0 && !missing {
            throw failure("cannot delete \(path) on the server")
        }
    }
}
