import Foundation

/// Mails the files as attachments of one message, through the configured SMTP server.
public struct EmailDelivery: Delivery, ConnectionCheck {
    public let settings: EmailSettings
    public let stamp: String
    public var attempts = 3
    public var backoff: Double = 2

    public init(settings: EmailSettings, stamp: String) {
        self.settings = settings
        self.stamp = stamp
    }

    public var target: String { settings.target }

    public func deliver(_ files: [DeliveredFile], summary: String?) throws {
        try send(files, body: summary ?? Self.summary(of: files, stamp: stamp))
    }

    /// Sends one message with `body` as its text and every file attached. Retries only
    /// failures that happen before the server takes the message, so nobody gets it twice.
    public func send(_ files: [DeliveredFile], body: String) throws {
        let headers = MailHeaders(from: settings.from, to: settings.to, subject: settings.subject).lines()
        try withRetries(attempts: attempts, backoff: backoff) {
            try SMTPTransfer(settings).send(headers: headers, body: body, attachments: files.map(\.path))
        }
    }

    public func checkConnection() throws -> String {
        try withRetries(attempts: attempts, backoff: backoff) { try SMTPTransfer(settings).check() }
        let tls = settings.smtpURL.lowercased().hasPrefix("smtps:") ? "TLS" : settings.starttlsRequired ? "STARTTLS" : "no TLS"
        let login = settings.username.map { "logged in as \($0)" } ?? "no login configured"
        return "connected to \(settings.smtpURL) with \(tls); \(login); nothing sent"
    }

    /// The message text: which files are attached and how many rows each has.
    static func summary(of files: [DeliveredFile], stamp: String) -> String {
        let width = files.map(\.name.count).max() ?? 0
        let lines = files.map { file in
            "  " + (file.rows == nil ? file.name : file.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + "\(file.rows!) rows")
        }
        return (["The roster files of the export run \(stamp) are attached:", ""] + lines
            + ["", "Sent by clever-export."]).joined(separator: "\n") + "\n"
    }
}
