import Foundation

/// What kind of private key a key_file holds, read before logging in so that keys Debian 12's
/// libssh2 (1.10) cannot use get a clear message instead of a libssh2 error code.
struct PrivateKeyFile {
    enum Algorithm: Equatable { case ed25519, ecdsa, rsa, other(String), unknown }

    let path: String
    let algorithm: Algorithm
    let encrypted: Bool

    static func inspect(_ path: String) throws -> PrivateKeyFile {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            let problem = FileManager.default.fileExists(atPath: path) ? "cannot be read as text" : "does not exist"
            throw DeliveryError("delivery.sftp.key_file \(path) \(problem)")
        }
        // As OpenSSH: a key others can read is no longer secret, and is not used.
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & 0o077 != 0 {
            throw DeliveryError(String(
                format: "delivery.sftp.key_file %@ can be read by others (mode %03o); OpenSSH refuses such a key: chmod 600 %@",
                path, Int(info.st_mode & 0o777), path))
        }
        func key(_ algorithm: Algorithm, encrypted: Bool = text.contains("ENCRYPTED")) -> PrivateKeyFile {
            PrivateKeyFile(path: path, algorithm: algorithm, encrypted: encrypted)
        }
        if text.contains("-----BEGIN OPENSSH PRIVATE KEY-----") {
            guard let (type, cipher) = openSSHHeader(pemBody(text)) else {
                throw DeliveryError("delivery.sftp.key_file \(path) is damaged: its OpenSSH key data cannot be read")
            }
            let algorithm: Algorithm = type == "ssh-ed25519" ? .ed25519
                : type.hasPrefix("ecdsa-sha2-") ? .ecdsa : type == "ssh-rsa" ? .rsa : .other(type)
            return key(algorithm, encrypted: cipher != "none")
        }
        if text.contains("-----BEGIN RSA PRIVATE KEY-----") { return key(.rsa) }
        if text.contains("-----BEGIN EC PRIVATE KEY-----") { return key(.ecdsa) }
        if text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") { return key(.unknown, encrypted: true) }
        if text.contains("-----BEGIN PRIVATE KEY-----") {
            let der = [UInt8](pemBody(text))
            if der.contains(sequence: [0x06, 0x03, 0x2B, 0x65, 0x70]) {  // OID 1.3.101.112, Ed25519
                throw DeliveryError(
                    "delivery.sftp.key_file \(path) is an ed25519 key in PKCS#8 PEM format (as openssl writes it), which Debian 12's libssh2 1.10 cannot read. Make an OpenSSH-format key instead: ssh-keygen -t ed25519 -f \(path).new, and have \(path).new.pub added to the SFTP account")
            }
            if der.contains(sequence: [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01]) { return key(.rsa) }
            if der.contains(sequence: [0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01]) { return key(.ecdsa) }
            return key(.unknown)
        }
        if text.hasPrefix("PuTTY-User-Key-File") {
            throw DeliveryError("delivery.sftp.key_file \(path) is a PuTTY key; export it in OpenSSH format (puttygen KEY -O private-openssh-new -o FILE)")
        }
        throw DeliveryError("delivery.sftp.key_file \(path) is not a private key (a public .pub file, perhaps?); point it at the private key file")
    }

    /// The base64 between the BEGIN and END lines, decoded.
    private static func pemBody(_ text: String) -> Data {
        let lines = text.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("-----") && !$0.contains(":") }
        return Data(base64Encoded: lines.joined(), options: .ignoreUnknownCharacters) ?? Data()
    }

    /// The public key's type and the cipher from an "openssh-key-v1" blob: both are stored
    /// unencrypted, even in a key with a passphrase.
    private static func openSSHHeader(_ data: Data) -> (type: String, cipher: String)? {
        let magic = Array("openssh-key-v1\0".utf8)
        var reader = SSHWireReader(bytes: [UInt8](data))
        guard reader.bytes.starts(with: magic) else { return nil }
        reader.offset = magic.count
        guard let cipher = reader.string(), reader.string() != nil, reader.string() != nil,  // cipher, kdf, its options
            reader.uint32() != nil, let publicKey = reader.string()
        else { return nil }
        var keyReader = SSHWireReader(bytes: publicKey)
        guard let type = keyReader.string() else { return nil }
        return (String(decoding: type, as: UTF8.self), String(decoding: cipher, as: UTF8.self))
    }
}

/// Reads SSH wire-format fields: big-endian uint32, and strings prefixed by their length.
struct SSHWireReader {
    let bytes: [UInt8]
    var offset = 0

    mutating func uint32() -> Int? {
        guard offset + 4 <= bytes.count else { return nil }
        defer { offset += 4 }
        return bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
    }

    mutating func string() -> [UInt8]? {
        guard let length = uint32(), offset + length <= bytes.count else { return nil }
        defer { offset += length }
        return Array(bytes[offset..<offset + length])
    }
}

extension Array where Element: Equatable {
    func contains(sequence: [Element]) -> Bool {
        guard sequence.count <= count else { return false }
        return (0...(count - sequence.count)).contains { Array(self[$0..<$0 + sequence.count]) == sequence }
    }
}
