import Foundation

/// The [delivery.sftp] table, paths made absolute. Secrets stay in the environment: only the
/// variables' names are kept here.
/// Tests build one with the synthesized memberwise initializer; runs with `init(_:)`.
public struct SFTPSettings: Sendable {
    public var host: String
    public var port = 22
    public var user: String
    public var remoteDirectory = ""
    public var knownHosts: String
    public var keyFile: String?
    public var keyPassphraseEnv: String?
    public var passwordEnv: String?
    /// timeout_seconds: the longest wait for the server at connecting and at every step after.
    public var connectTimeout: Double = 60
    public var ioTimeout: Double = 60
    /// Which set it carries, for its name in reports ("OneRoster"); nil: the Clever files.
    public var label: String?
    // Not config keys: sensible fixed values that tests shorten.
    public var attempts = 3
    public var backoff: Double = 2
}

extension SFTPSettings {
    /// From the table `table`: [delivery.sftp], or [oneroster.delivery.sftp].
    public init(_ configuration: Configuration, table: String = "delivery.sftp") {
        self.init(
            host: configuration.text(table + ".host"), port: configuration.integer(table + ".port"),
            user: configuration.text(table + ".user"), remoteDirectory: configuration.text(table + ".remote_dir"),
            knownHosts: configuration.path(table + ".known_hosts"),
            keyFile: configuration.optionalText(table + ".key_file").map(configuration.resolve),
            keyPassphraseEnv: configuration.optionalText(table + ".key_passphrase_env"),
            passwordEnv: configuration.optionalText(table + ".password_env"),
            connectTimeout: Double(configuration.integer(table + ".timeout_seconds")),
            ioTimeout: Double(configuration.integer(table + ".timeout_seconds")))
    }

    /// For reports: "SFTP clever@sftp.clever.com:22 (folder upload)"; never a secret.
    public var target: String {
        (label.map { "\($0) " } ?? "") + "SFTP \(user)@\(host):\(port)" + (remoteDirectory.isEmpty ? "" : " (folder \(remoteDirectory))")
    }
}

/// The [delivery.email] table.
public struct EmailSettings: Sendable {
    public var smtpURL: String
    public var starttlsRequired = true
    public var from: String
    public var to: [String]
    public var subject = "Clever roster files"
    public var username: String?
    public var passwordEnv: String?
    public var caFile: String?
    /// timeout_seconds: the longest wait for the server at connecting, for each reply, and while
    /// an upload makes no progress.
    public var timeout: Double = 60
    /// Which set it carries, for its name in reports ("OneRoster"); nil: the Clever files.
    public var label: String?
}

extension EmailSettings {
    /// From the table `table`: [delivery.email], or [oneroster.delivery.email].
    public init(_ configuration: Configuration, table: String = "delivery.email") {
        self.init(
            smtpURL: configuration.text(table + ".smtp_url"),
            starttlsRequired: configuration.text(table + ".starttls") == "required",
            from: configuration.text(table + ".from"), to: configuration.list(table + ".to"),
            subject: configuration.text(table + ".subject"),
            username: configuration.optionalText(table + ".username"), passwordEnv: configuration.optionalText(table + ".password_env"),
            caFile: configuration.optionalText(table + ".ca_file").map(configuration.resolve),
            timeout: Double(configuration.integer(table + ".timeout_seconds")))
    }

    public var target: String { (label.map { "\($0) " } ?? "") + "e-mail to \(to.joined(separator: ", ")) via \(smtpURL)" }
}

/// Reads the secret held by the environment variable `name`; `key` names the config key for the message.
/// The message names the variable only when it looks like one (A-Z, 0-9, _): a name with other
/// characters may be the secret itself, put there by mistake, and the message is logged.
func secret(named name: String, key: String) throws -> String {
    guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else {
        let conventional = name.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        throw DeliveryError(conventional
            ? "the environment variable \(name) (named by \(key)) is not set; set it to the secret before running"
            : "the environment variable named by \(key) is not set (its name is not shown: it is not written in capitals, digits and _, so it may be the secret itself; \(key) takes the variable's name)")
    }
    return value
}

/// 127.0.0.0/8, ::1 and localhost: the only hosts plain-text SMTP may go to.
func isLoopback(_ host: String) -> Bool {
    let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
    return bare == "localhost" || bare == "::1" || bare.hasPrefix("127.")
}
