import Foundation

extension Configuration {
    /// Problems with the [delivery.sftp] and [delivery.email] tables a file wrote (and their
    /// [oneroster.delivery.*] twins), each naming its key. Tables left out are not configured
    /// and not checked.
    public func deliveryChecks() -> [String] {
        deliveryChecks(prefix: "delivery") + deliveryChecks(prefix: "oneroster.delivery")
    }

    private func deliveryChecks(prefix: String) -> [String] {
        var problems: [String] = []
        func required(_ key: String, _ why: String) {
            if text(key).trimmingCharacters(in: .whitespaces).isEmpty { problems.append("\(key): missing; \(why)") }
        }
        func environmentName(_ key: String) {
            let name = text(key)
            if !name.isEmpty && name.range(of: "^[A-Za-z_][A-Za-z0-9_]*$", options: .regularExpression) == nil {
                problems.append("\(key): must be the NAME of an environment variable (like CLEVER_SFTP_PASSWORD), never the secret itself")
            }
        }
        if presentTables.contains("\(prefix).sftp") {
            required("\(prefix).sftp.host", "the SFTP server's name, e.g. \"sftp.clever.com\"")
            required("\(prefix).sftp.user", "the SFTP account name")
            required("\(prefix).sftp.known_hosts", "a known_hosts file with the server's key: ssh-keyscan -p PORT HOST >> FILE, then compare the fingerprint with the provider's")
            let key = text("\(prefix).sftp.key_file"), password = text("\(prefix).sftp.password_env")
            if key.isEmpty && password.isEmpty {
                problems.append("\(prefix).sftp.key_file: missing; set key_file (a private key) or password_env (the name of the environment variable holding the password)")
            } else if !key.isEmpty && !password.isEmpty {
                problems.append("\(prefix).sftp.password_env: set either key_file or password_env, not both")
            }
            if key.isEmpty && !text("\(prefix).sftp.key_passphrase_env").isEmpty {
                problems.append("\(prefix).sftp.key_passphrase_env: only means something with key_file")
            }
            environmentName("\(prefix).sftp.password_env")
            environmentName("\(prefix).sftp.key_passphrase_env")
        }
        if presentTables.contains("\(prefix).email") {
            problems += emailChecks(prefix: prefix)
            environmentName("\(prefix).email.password_env")
        }
        return problems
    }

    private func emailChecks(prefix: String) -> [String] {
        var problems: [String] = []
        let url = text("\(prefix).email.smtp_url")
        if url.isEmpty {
            problems.append("\(prefix).email.smtp_url: missing; write smtps://HOST:465 (TLS) or smtp://HOST:587 (STARTTLS)")
        } else if let parsed = URLComponents(string: url), let scheme = parsed.scheme?.lowercased(),
            ["smtp", "smtps"].contains(scheme), let host = parsed.host, !host.isEmpty
        {
            if scheme == "smtp" && text("\(prefix).email.starttls") == "none" && !isLoopback(host) {
                problems.append("\(prefix).email.starttls: \"none\" sends the files and password unencrypted, so it is allowed only for a relay on 127.0.0.1 or localhost, not \(host)")
            }
            if parsed.user != nil || parsed.password != nil {
                problems.append("\(prefix).email.smtp_url: put the login in username and password_env, not in the URL")
            }
        } else {
            problems.append("\(prefix).email.smtp_url: \"\(url)\" is not smtps://HOST:465 or smtp://HOST:587")
        }
        let from = text("\(prefix).email.from")
        if from.isEmpty {
            problems.append("\(prefix).email.from: missing; the sender address, e.g. \"sis@district.org\"")
        } else if !isMailAddress(from) {
            problems.append("\(prefix).email.from: \"\(from)\" is not an e-mail address")
        }
        let to = list("\(prefix).email.to")
        if to.isEmpty { problems.append("\(prefix).email.to: missing; a list of recipient addresses") }
        for address in to where !isMailAddress(address) {
            problems.append("\(prefix).email.to: \"\(address)\" is not an e-mail address")
        }
        if text("\(prefix).email.subject").contains(where: \.isNewline) {
            problems.append("\(prefix).email.subject: must be one line")
        }
        let username = text("\(prefix).email.username"), password = text("\(prefix).email.password_env")
        if username.isEmpty != password.isEmpty {
            problems.append(username.isEmpty
                ? "\(prefix).email.username: missing; password_env is set, so the login name is needed too"
                : "\(prefix).email.password_env: missing; name the environment variable holding \(username)'s SMTP password")
        }
        return problems
    }
}

/// A bare address (local@domain): no display name, spaces, angle brackets or line breaks,
/// so it can go into the envelope and headers as is.
func isMailAddress(_ text: String) -> Bool {
    text.range(of: #"^[^@\s<>,;"]+@[^@\s<>,;"]+$"#, options: .regularExpression) != nil
}
