import Foundation
import XCTest

/// `clever-export deliver` and `check-connection`, run as a person or cron job would.
final class CommandLineTests: XCTestCase {
    var folder: URL!
    var server: SSHServer!
    var remote: URL!

    var binary: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "clever-export").path
    }

    override func setUpWithError() throws {
        folder = try temporaryFolder()
        server = try SSHServer(folder: folder)
        remote = folder.appending(path: "remote")
        try FileManager.default.createDirectory(at: remote, withIntermediateDirectories: true)
    }

    override func tearDown() {
        server?.stop()
        server = nil
    }

    /// A config with a local folder and SFTP target; `knownHosts` overrides the right file.
    func writeConfig(knownHosts: URL? = nil, extra: String = "") throws -> URL {
        let key = try server.authorizedKey(named: "id_ed25519")
        let config = folder.appending(path: "clever-export.toml")
        try """
            [source]
            database = "staging.db"
            [delivery.local]
            dir = "out"
            archive = false
            [delivery.sftp]
            host = "127.0.0.1"
            port = \(server.port)
            user = "\(String(cString: getpwuid(getuid())!.pointee.pw_name))"
            remote_dir = "\(remote.path)"
            known_hosts = "\(try knownHosts?.path ?? server.knownHosts().path)"
            key_file = "\(key.lastPathComponent)"
            \(extra)
            """.write(to: config, atomically: true, encoding: .utf8)
        return config
    }

    /// What the last `run` would have left beside the database.
    func writeOutbox() throws {
        let outbox = folder.appending(path: "staging.db-files")
        try FileManager.default.createDirectory(at: outbox, withIntermediateDirectories: true)
        for name in ["schools", "students", "teachers", "sections", "enrollments", "staff"] {
            try "Id\r\n\(name)-1\r\n".write(to: outbox.appending(path: "\(name).csv"), atomically: true, encoding: .utf8)
        }
    }

    func testDeliverResendsTheLastFilesToEveryTarget() throws {
        let config = try writeConfig()
        try writeOutbox()
        let result = try command(binary, ["deliver", "--config", config.path], check: false)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Delivered to folder \(folder.appending(path: "out").path)."), result.stdout)
        XCTAssertTrue(result.stdout.contains("Delivered to SFTP root@127.0.0.1:\(server.port)"), result.stdout)
        XCTAssertEqual(try String(contentsOf: remote.appending(path: "staff.csv"), encoding: .utf8), "Id\r\nstaff-1\r\n")
    }

    func testAFailedTargetExitsSixAndSaysWhy() throws {
        let empty = folder.appending(path: "empty_known_hosts")
        _ = FileManager.default.createFile(atPath: empty.path, contents: Data())
        let config = try writeConfig(knownHosts: empty)
        try writeOutbox()
        let result = try command(binary, ["deliver", "--config", config.path], check: false)
        XCTAssertEqual(result.status, 6)
        XCTAssertTrue(result.stdout.contains("Delivered to folder"), result.stdout)
        XCTAssertTrue(result.stderr.hasPrefix("error: delivery to SFTP root@127.0.0.1:\(server.port)"), result.stderr)
        XCTAssertTrue(result.stderr.contains("is not in \(empty.path)"), result.stderr)
        XCTAssertTrue(result.stderr.contains("ssh-keyscan -p \(server.port) 127.0.0.1 >> \(empty.path)"), result.stderr)
    }

    func testDeliverWithoutABuildSaysToRunFirst() throws {
        let config = try writeConfig()
        let result = try command(binary, ["deliver", "--config", config.path], check: false)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix("error: no files from an earlier run to deliver: schools.csv, students.csv, teachers.csv, sections.csv, enrollments.csv, staff.csv missing in "), result.stderr)
        XCTAssertTrue(result.stderr.hasSuffix("staging.db-files; run `clever-export run` first\n"), result.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: remote.path), [])
    }

    func testCheckConnectionTriesEveryTargetAndSendsNothing() throws {
        let password = UUID().uuidString
        let smtp = try SMTPServer(folder: folder.appending(path: "smtp"), tls: .starttls, user: "mailer", password: password)
        let config = try writeConfig(extra: """
            [delivery.email]
            smtp_url = "smtp://127.0.0.1:\(smtp.port)"
            from = "sis@district.example"
            to = ["clever@district.example"]
            username = "mailer"
            password_env = "CLEVER_TEST_SMTP_PASSWORD"
            ca_file = "\(smtp.certificate.path)"
            """)
        let result = try command(binary, ["check-connection", "--config", config.path],
                                 environment: ["CLEVER_TEST_SMTP_PASSWORD": password], check: false)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("OK SFTP root@127.0.0.1:\(server.port)"), result.stdout)
        XCTAssertTrue(result.stdout.contains(try server.fingerprint()), result.stdout)
        XCTAssertTrue(result.stdout.contains("OK e-mail to clever@district.example"), result.stdout)
        XCTAssertFalse(result.stdout.contains(password) || result.stderr.contains(password))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: remote.path), [])
        XCTAssertEqual(try smtp.messages(), [])

        let denied = try command(binary, ["check-connection", "--config", config.path],
                                 environment: ["CLEVER_TEST_SMTP_PASSWORD": "wrong"], check: false)
        XCTAssertEqual(denied.status, 6)
        XCTAssertTrue(denied.stdout.contains("OK SFTP"), denied.stdout)
        XCTAssertTrue(denied.stderr.contains("refused the login of mailer"), denied.stderr)
    }
}
