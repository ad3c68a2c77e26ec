import Foundation
import XCTest

/// The OneRoster set end to end on the built binary: written beside the Clever files, its zip sent
/// to its own SFTP server (the test sshd) and never to Clever's, the zip read back with Python's
/// zipfile, and the same input giving the same zip bytes on the next night.
final class OneRosterDeliveryTests: XCTestCase {
    var folder: URL!
    var server: SSHServer!

    var binary: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "clever-export").path
    }
    var extract: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appending(path: "fixtures/demo/extract").path
    }

    override func setUpWithError() throws {
        folder = try temporaryFolder()
        server = try SSHServer(folder: folder)
    }

    override func tearDown() {
        server?.stop()
        server = nil
    }

    /// The demo district with a local folder and the OneRoster set on, then `targets`.
    func writeConfig(_ targets: String) throws -> URL {
        let config = folder.appending(path: "clever-export.toml")
        try ("""
            [source]
            dir = "\(extract)"
            database = "staging.db"
            [export]
            as_of = 2026-10-15
            [delivery.local]
            dir = "out"
            archive = false
            [oneroster]
            enabled = true
            district_id = "MVPS"
            district_name = "Maple Valley Public Schools"

            """ + targets).write(to: config, atomically: true, encoding: .utf8)
        return config
    }

    func testTheZipGoesToItsOwnServerWholeAndTheSameTwice() throws {
        let clever = folder.appending(path: "clever-remote"), oneRoster = folder.appending(path: "oneroster-remote")
        for remote in [clever, oneRoster] { try FileManager.default.createDirectory(at: remote, withIntermediateDirectories: true) }
        let key = try server.authorizedKey(named: "id_ed25519")
        let user = String(cString: getpwuid(getuid())!.pointee.pw_name)
        func sftp(_ table: String, _ remote: URL) throws -> String {
            """
            [\(table)]
            host = "127.0.0.1"
            port = \(server.port)
            user = "\(user)"
            remote_dir = "\(remote.path)"
            known_hosts = "\(try server.knownHosts().path)"
            key_file = "\(key.lastPathComponent)"

            """
        }
        let config = try writeConfig((try sftp("delivery.sftp", clever)) + (try sftp("oneroster.delivery.sftp", oneRoster)))

        let first = try command(binary, ["run", "-q", "--config", config.path], check: false)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: oneRoster.path), ["oneroster.zip"])
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: clever.path)),
                       ["schools.csv", "students.csv", "teachers.csv", "sections.csv", "enrollments.csv", "staff.csv"],
                       "Clever's server never gets the OneRoster set")
        let zip = try Data(contentsOf: oneRoster.appending(path: "oneroster.zip"))
        XCTAssertEqual(zip, try Data(contentsOf: folder.appending(path: "out/oneroster.zip")))

        // Python's zipfile: the entries at the root in the contract's order, deflated, dated
        // 1980-01-01, each equal to the file in out/oneroster/, every CRC right.
        let script = """
            import sys, zipfile
            archive = zipfile.ZipFile(sys.argv[1])
            assert archive.testzip() is None
            for info in archive.infolist():
                same = archive.read(info) == open(sys.argv[2] + "/" + info.filename, "rb").read()
                print(info.filename, info.compress_type, info.date_time[:3], same)
            """
        let read = try command("/usr/bin/env", ["python3", "-c", script, oneRoster.appending(path: "oneroster.zip").path,
                                                folder.appending(path: "out/oneroster").path])
        XCTAssertEqual(read.stdout.split(separator: "\n"), [
            "manifest.csv", "orgs.csv", "academicSessions.csv", "courses.csv", "classes.csv", "users.csv", "enrollments.csv",
        ].map { "\($0) 8 (1980, 1, 1) True"[...] })

        let second = try command(binary, ["run", "-q", "--config", config.path], check: false)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(try Data(contentsOf: oneRoster.appending(path: "oneroster.zip")), zip, "the same input, the same bytes")

        let diff = try command(binary, ["diff", "--config", config.path], check: false)
        XCTAssertEqual(diff.status, 0, diff.stderr)
        XCTAssertTrue(diff.stdout.contains("oneroster/users.csv: 88 → 88 rows; 0 added, 0 removed, 0 changed"), diff.stdout)

        let check = try command(binary, ["check-connection", "--config", config.path], check: false)
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stdout.contains("OK OneRoster SFTP \(user)@127.0.0.1:\(server.port)"), check.stdout)
    }

    /// [oneroster.delivery.email]: one message with oneroster.zip attached, byte for byte; the
    /// Clever files stay in the local folder.
    func testTheZipIsMailedToItsOwnRecipients() throws {
        let password = UUID().uuidString
        let smtp = try SMTPServer(folder: folder.appending(path: "smtp"), tls: .starttls, user: "mailer", password: password)
        let config = try writeConfig("""
            [oneroster.delivery.email]
            smtp_url = "smtp://127.0.0.1:\(smtp.port)"
            from = "sis@district.example"
            to = ["rostering@apple.example"]
            username = "mailer"
            password_env = "CLEVER_TEST_SMTP_PASSWORD"
            ca_file = "\(smtp.certificate.path)"
            """)
        let result = try command(binary, ["run", "-q", "--config", config.path],
                                 environment: ["CLEVER_TEST_SMTP_PASSWORD": password], check: false)
        XCTAssertEqual(result.status, 0, result.stderr)
        let messages = try smtp.messages()
        XCTAssertEqual(messages.count, 1)
        let received = folder.appending(path: "received")
        let mail = try ReceivedMail.read(messages[0], attachmentsInto: received)
        XCTAssertEqual(mail.headers["Subject"], "OneRoster roster files")
        XCTAssertEqual(mail.headers["To"], "rostering@apple.example")
        XCTAssertEqual(mail.attachments.map(\.name), ["oneroster.zip"])
        XCTAssertEqual(mail.attachments.map(\.type), ["application/zip"])
        XCTAssertEqual(try Data(contentsOf: received.appending(path: "oneroster.zip")),
                       try Data(contentsOf: folder.appending(path: "out/oneroster.zip")))
        XCTAssertTrue(mail.body?.contains("oneroster.zip") ?? false, mail.body ?? "no body")
    }
}
