import Foundation
import XCTest

@testable import CleverExport

/// E-mail delivery through libcurl to scripts/test-servers/smtp_server.py (aiosmtpd) on 127.0.0.1.
final class EmailDeliveryTests: XCTestCase {
    var folder: URL!
    let user = "district-mailer"
    let password = UUID().uuidString

    override func setUpWithError() throws {
        folder = try temporaryFolder()
        setenv("CLEVER_TEST_SMTP_PASSWORD", password, 1)
    }

    override func tearDown() { unsetenv("CLEVER_TEST_SMTP_PASSWORD") }

    func settings(_ server: SMTPServer, scheme: String = "smtp", starttls: Bool = true, login: Bool = true) -> EmailSettings {
        var settings = EmailSettings(
            smtpURL: "\(scheme)://127.0.0.1:\(server.port)", starttlsRequired: starttls, from: "sis@district.example",
            to: ["clever@clever.example", "it@district.example"], subject: "Clever files for Maple Valley",
            username: login ? user : nil, passwordEnv: login ? "CLEVER_TEST_SMTP_PASSWORD" : nil,
            caFile: server.certificate.path)
        settings.timeout = 20
        return settings
    }

    func delivery(_ settings: EmailSettings) -> EmailDelivery {
        var delivery = EmailDelivery(settings: settings, stamp: "2026-10-15T060000")
        delivery.attempts = 1
        return delivery
    }

    /// Clever-like files, one with quotes, commas, UTF-8 and CRLF line ends, one of 300 kB.
    func files() throws -> [ExportedFile] {
        let texts: [(ExportFile, String)] = [
            (.schools, "School_id,School_name\r\n1,\"Maple Valley High, North\"\r\n2,École Süd\r\n"),
            (.students, "Student_id,Name\r\n" + (1...10_000).map { "\($0),Student \($0) \"Q\"\r\n" }.joined()),
            (.teachers, "Teacher_id,Name\r\nT1,Ann O'Neil\r\n"),
        ]
        return try texts.map { file, text in
            let path = folder.appending(path: file.fileName)
            try text.write(to: path, atomically: true, encoding: .utf8)
            return ExportedFile(file: file, path: path.path, rows: text.components(separatedBy: "\r\n").count - 2)
        }
    }

    func testTheMessageArrivesWithEveryFileByteIdentical() throws {
        let server = try SMTPServer(folder: folder, tls: .starttls, user: user, password: password)
        let set = try files()
        try delivery(settings(server)).deliver(set)

        let messages = try server.messages()
        XCTAssertEqual(messages.count, 1)
        let received = folder.appending(path: "received")
        let mail = try ReceivedMail.read(messages[0], attachmentsInto: received)
        XCTAssertEqual(mail.content_type, "multipart/mixed")
        XCTAssertEqual(mail.headers["From"], "sis@district.example")
        XCTAssertEqual(mail.headers["To"], "clever@clever.example, it@district.example")
        XCTAssertEqual(mail.headers["Subject"], "Clever files for Maple Valley")
        XCTAssertNotNil(mail.headers["Date"])
        XCTAssertTrue(mail.headers["Message-ID"]?.hasSuffix("@district.example>") ?? false, "\(mail.headers)")
        XCTAssertTrue(mail.body?.contains("students.csv") ?? false, mail.body ?? "no body")
        XCTAssertTrue(mail.body?.contains("10000 rows") ?? false, mail.body ?? "no body")
        XCTAssertEqual(mail.attachments.map(\.name), ["schools.csv", "students.csv", "teachers.csv"])
        XCTAssertEqual(Set(mail.attachments.map(\.type)), ["text/csv"])
        XCTAssertEqual(Set(mail.attachments.map { $0.encoding.lowercased() }), ["base64"])
        for file in set {
            XCTAssertEqual(try Data(contentsOf: received.appending(path: file.file.fileName)),
                           try Data(contentsOf: URL(fileURLWithPath: file.path)), file.file.fileName)
        }
        let envelope = try envelope(of: messages[0])
        XCTAssertEqual(envelope["mail_from"] as? String, "sis@district.example")
        XCTAssertEqual(envelope["rcpt_tos"] as? [String], ["clever@clever.example", "it@district.example"])
        XCTAssertEqual(envelope["authenticated"] as? Bool, true)
    }

    func testAnExplicitBodyAndANonASCIISubject() throws {
        let server = try SMTPServer(folder: folder, tls: .implicit, user: user, password: password)
        var settings = settings(server, scheme: "smtps")
        settings.subject = "Clever – Schüler und Kurse für die Rektorin, Herbst 2026 (alle Dateien)"
        try delivery(settings).send(files().map(\.delivered), body: "Run 7: 3 files, no warnings.\n")
        let mail = try ReceivedMail.read(try server.messages()[0], attachmentsInto: folder.appending(path: "received"))
        XCTAssertEqual(mail.headers["Subject"], settings.subject)
        XCTAssertEqual(mail.body, "Run 7: 3 files, no warnings.\n")
    }

    func testAWrongPasswordIsReported() throws {
        let server = try SMTPServer(folder: folder, tls: .starttls, user: user, password: "something else")
        assertFails({ try delivery(settings(server)).deliver(files()) },
                    containing: ["refused the login of \(user)", "CLEVER_TEST_SMTP_PASSWORD"])
        XCTAssertEqual(try server.messages(), [])
    }

    func testTLSRequiredButNotOfferedSendsNothing() throws {
        let server = try SMTPServer(folder: folder, tls: .none)
        assertFails({ try delivery(settings(server, login: false)).deliver(files()) },
                    containing: ["does not offer STARTTLS", "nothing was sent"])
        XCTAssertEqual(try server.messages(), [])
    }

    func testPlainTextToALoopbackRelayWhenConfigured() throws {
        let server = try SMTPServer(folder: folder, tls: .none)
        try delivery(settings(server, starttls: false, login: false)).deliver(files())
        XCTAssertEqual(try server.messages().count, 1)
    }

    func testAnUntrustedCertificateIsRefused() throws {
        let server = try SMTPServer(folder: folder, tls: .starttls, user: user, password: password)
        var settings = settings(server)
        settings.caFile = nil
        assertFails({ try delivery(settings).deliver(files()) }, containing: ["could not be verified", "ca_file"])
        XCTAssertEqual(try server.messages(), [])
    }

    func testCheckConnectionLogsInAndSendsNothing() throws {
        let server = try SMTPServer(folder: folder, tls: .starttls, user: user, password: password)
        let report = try delivery(settings(server)).checkConnection()
        XCTAssertTrue(report.contains("STARTTLS"), report)
        XCTAssertTrue(report.contains("logged in as \(user)"), report)
        XCTAssertEqual(try server.messages(), [])

        setenv("CLEVER_TEST_SMTP_PASSWORD", "wrong", 1)
        assertFails({ _ = try delivery(settings(server)).checkConnection() }, containing: ["refused the login"])
    }

    func testUnreachableServerIsRetriedThenReported() throws {
        let port = try freePort()
        var delivery = EmailDelivery(settings: EmailSettings(smtpURL: "smtp://127.0.0.1:\(port)", from: "a@b.example", to: ["c@d.example"]), stamp: "x")
        delivery.attempts = 2
        delivery.backoff = 0.1
        assertFails({ try delivery.deliver(files()) }, containing: ["127.0.0.1", "gave up after 2 attempts"])
    }

    /// A message larger than the server takes: its 552 reply in words, not curl's.
    func testAMessageTooLargeIsNamed() throws {
        let server = try SMTPServer(folder: folder.appending(path: "smtp"), tls: .starttls, user: user, password: password, maxBytes: 10_000)
        assertFails({ try delivery(settings(server)).deliver(files()) },
                    containing: ["the message is larger than the server takes", "the server answered 552"])
        XCTAssertEqual(try server.messages(), [])
    }

    /// timeout_seconds: a server that accepts the connection and never answers fails the
    /// delivery within the timeout, naming the step, instead of holding the run for good.
    func testAServerThatStopsAnsweringTimesOut() throws {
        let server = try SMTPServer(folder: folder.appending(path: "smtp"), tls: .starttls, user: user, password: password)
        server.pause()
        defer { server.resume() }
        var stalling = settings(server)
        stalling.timeout = 2
        let started = Date()
        assertFails({ try delivery(stalling).deliver(files()) },
                    containing: ["sending to smtp://127.0.0.1:\(server.port)", "did not answer within 2 seconds", "timeout_seconds"])
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        XCTAssertEqual(try server.messages(), [])
    }
}
