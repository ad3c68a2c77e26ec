import Foundation

/// scripts/test-servers/smtp_server.py (aiosmtpd) on 127.0.0.1, saving what it receives in `inbox`.
final class SMTPServer {
    enum TLS: String { case starttls, implicit, none }

    let folder: URL
    let port: Int
    let inbox: URL
    let certificate: URL
    private var process: ServerProcess?

    /// Starts the server; `user` turns on AUTH with `password` (passed in the environment).
    /// `maxBytes`: a bigger message is refused with 552.
    init(folder: URL, tls: TLS, user: String? = nil, password: String? = nil, maxBytes: Int? = nil) throws {
        self.folder = folder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        port = try freePort()
        inbox = folder.appending(path: "inbox")
        certificate = folder.appending(path: "smtp-cert.pem")
        let key = folder.appending(path: "smtp-key.pem")
        try command("openssl", [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
            "-keyout", key.path, "-out", certificate.path,
        ])
        let log = folder.appending(path: "smtp.log")
        let process = try ServerProcess(try Self.python(), [
            repositoryRoot.appending(path: "scripts/test-servers/smtp_server.py").path, "--port", String(port),
            "--out", inbox.path, "--tls", tls.rawValue, "--cert", certificate.path, "--key", key.path,
        ] + (user.map { ["--user", $0] } ?? []) + (maxBytes.map { ["--max-bytes", String($0)] } ?? []), environment: ["SMTP_TEST_PASSWORD": password ?? ""], log: log)
        self.process = process
        do {
            try waitForPort(port) { process.isRunning }
        } catch {
            throw TestSetupError("the SMTP server did not start: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        }
    }

    deinit { process?.stop(signal: SIGTERM) }

    /// Stops the server without closing its port (SIGSTOP): connections are accepted by the
    /// system, and nothing answers. `resume` lets it go on.
    func pause() { process.map { killTree($0.pid, signal: SIGSTOP) } }
    func resume() { process.map { killTree($0.pid, signal: SIGCONT) } }

    /// The saved messages, oldest first.
    func messages() throws -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: inbox.path)) ?? []
        return names.filter { $0.hasSuffix(".eml") }.sorted().map { inbox.appending(path: $0) }
    }

    /// A Python that has aiosmtpd: Debian's (apt python3-aiosmtpd) before whatever `python3` is first on PATH.
    static func python() throws -> String {
        for candidate in ["/usr/bin/python3", "/usr/local/bin/python3"] where FileManager.default.isExecutableFile(atPath: candidate) {
            if (try? command(candidate, ["-c", "import aiosmtpd"], check: false))?.status == 0 { return candidate }
        }
        if let found = try? command("python3", ["-c", "import aiosmtpd, sys; print(sys.executable)"], check: false), found.status == 0 {
            return found.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        throw TestSetupError("no python3 with aiosmtpd; run scripts/test-servers/install.sh")
    }
}

/// A received message, split by scripts/test-servers/mail_parts.py (Python's email module).
struct ReceivedMail: Decodable {
    struct Attachment: Decodable {
        let name: String
        let type: String
        let encoding: String
    }

    let headers: [String: String]
    let content_type: String
    let body: String?
    let attachments: [Attachment]

    /// Parses `message`, writing its attachments (decoded) into `folder`.
    static func read(_ message: URL, attachmentsInto folder: URL) throws -> ReceivedMail {
        let output = try command(SMTPServer.python(), [
            repositoryRoot.appending(path: "scripts/test-servers/mail_parts.py").path, message.path, folder.path,
        ])
        return try JSONDecoder().decode(ReceivedMail.self, from: Data(output.stdout.utf8))
    }
}

/// What the server saved of a message's envelope: mail_from, rcpt_tos, authenticated.
func envelope(of message: URL) throws -> [String: Any] {
    let data = try Data(contentsOf: message.deletingPathExtension().appendingPathExtension("json"))
    return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
}
