import XCTest

@testable import CleverExport

/// The [delivery.sftp] and [delivery.email] tables: required keys, secrets by name, targets.
final class DeliveryConfigTests: XCTestCase {
    func assertProblem(_ found: [String], startingWith prefix: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(found.contains { $0.hasPrefix(prefix) }, "no «\(prefix)» in \(found)", file: file, line: line)
    }

    /// A secret put in password_env by mistake is a valid variable name, unset: the message that
    /// says so, which is logged, must not repeat it. A conventional name is repeated.
    func testAnUnsetVariableIsNamedOnlyWhenItLooksLikeOne() {
        XCTAssertThrowsError(try secret(named: "Sup3rS3cretSFTP", key: "delivery.sftp.password_env")) { error in
            XCTAssertEqual((error as? DeliveryError)?.message,
                "the environment variable named by delivery.sftp.password_env is not set (its name is not shown: it is not written in capitals, digits and _, so it may be the secret itself; delivery.sftp.password_env takes the variable's name)")
        }
        XCTAssertThrowsError(try secret(named: "CLEVER_EXPORT_TEST_UNSET", key: "delivery.sftp.password_env")) { error in
            XCTAssertEqual((error as? DeliveryError)?.message,
                "the environment variable CLEVER_EXPORT_TEST_UNSET (named by delivery.sftp.password_env) is not set; set it to the secret before running")
        }
    }

    func testEveryConfiguredTableBecomesATarget() throws {
        let configuration = try Configuration.parse("""
            [delivery.local]
            dir = "out"
            [delivery.sftp]
            host = "sftp.clever.com"
            user = "maple-valley"
            remote_dir = "upload"
            known_hosts = "keys/known_hosts"
            key_file = "keys/id_ed25519"
            key_passphrase_env = "CLEVER_KEY_PASSPHRASE"
            timeout_seconds = 120
            [delivery.email]
            smtp_url = "smtp://mail.district.example:587"
            from = "sis@district.example"
            to = ["clever@district.example", "it@district.example"]
            username = "sis"
            password_env = "SMTP_PASSWORD"
            ca_file = "keys/ca.pem"
            """, name: "c.toml", baseDirectory: "/base")
        let targets = ExportRun(RunRequest(configuration: configuration)).deliveries(stamp: "s").targets
        XCTAssertEqual(targets.map(\.target), [
            "folder /base/out", "SFTP maple-valley@sftp.clever.com:22 (folder upload)",
            "e-mail to clever@district.example, it@district.example via smtp://mail.district.example:587",
        ])
        let sftp = try XCTUnwrap(targets[1] as? SFTPDelivery).settings
        XCTAssertEqual(sftp.knownHosts, "/base/keys/known_hosts")
        XCTAssertEqual(sftp.keyFile, "/base/keys/id_ed25519")
        XCTAssertEqual(sftp.keyPassphraseEnv, "CLEVER_KEY_PASSPHRASE")
        XCTAssertNil(sftp.passwordEnv)
        XCTAssertEqual([sftp.connectTimeout, sftp.ioTimeout], [120, 120])
        let email = try XCTUnwrap(targets[2] as? EmailDelivery).settings
        XCTAssertTrue(email.starttlsRequired)
        XCTAssertEqual(email.subject, "Clever roster files")
        XCTAssertEqual(email.caFile, "/base/keys/ca.pem")
        XCTAssertEqual(email.timeout, 60)
    }

    func testMissingSFTPKeysAreNamed() {
        let found = configurationProblems("[delivery.sftp]\nhost = \"sftp.clever.com\"\n")
        XCTAssertEqual(found.count, 3, "\(found)")
        assertProblem(found, startingWith: "delivery.sftp.user: missing")
        assertProblem(found, startingWith: "delivery.sftp.known_hosts: missing")
        assertProblem(found, startingWith: "delivery.sftp.key_file: missing; set key_file (a private key) or password_env")
        assertProblem(configurationProblems("[delivery.sftp]\nport = 0\n"), startingWith: "delivery.sftp.port: expected a whole number from 1 to 65535")
    }

    func testSecretsAreNamedNeverWritten() {
        let found = configurationProblems("""
            [delivery.sftp]
            host = "h"
            user = "u"
            known_hosts = "k"
            password_env = "correct horse battery"
            [delivery.email]
            smtp_url = "smtps://mail.example:465"
            from = "a@b.example"
            to = "c@d.example"
            username = "a"
            password_env = "p@ss!"
            """)
        assertProblem(found, startingWith: "delivery.sftp.password_env: must be the NAME of an environment variable")
        assertProblem(found, startingWith: "delivery.email.password_env: must be the NAME of an environment variable")
        XCTAssertFalse(found.joined().contains("correct horse"), "a secret must not be echoed: \(found)")
        XCTAssertFalse(found.joined().contains("p@ss!"), "a secret must not be echoed: \(found)")
        assertProblem(configurationProblems("[delivery.sftp]\npasword_env = \"X\"\n"), startingWith: "delivery.sftp.pasword_env: unknown key (did you mean delivery.sftp.password_env?)")
        assertProblem(configurationProblems("[delivery.email]\nsmtp_url = \"smtp://u:secret@mail.example:587\"\nfrom = \"a@b.example\"\nto = \"c@d.example\"\n"),
                      startingWith: "delivery.email.smtp_url: put the login in username and password_env")
    }

    func testEmailRules() {
        let found = configurationProblems("""
            [delivery.email]
            smtp_url = "http://mail.example"
            from = "SIS Office"
            to = []
            username = "sis"
            """)
        assertProblem(found, startingWith: "delivery.email.smtp_url: \"http://mail.example\" is not smtps://HOST:465 or smtp://HOST:587")
        assertProblem(found, startingWith: "delivery.email.from: \"SIS Office\" is not an e-mail address")
        assertProblem(found, startingWith: "delivery.email.to: missing")
        assertProblem(found, startingWith: "delivery.email.password_env: missing")
        assertProblem(configurationProblems("[delivery.email]\n"), startingWith: "delivery.email.smtp_url: missing")

        let plain = "from = \"a@b.example\"\nto = \"c@d.example\"\nstarttls = \"none\"\n"
        assertProblem(configurationProblems("[delivery.email]\nsmtp_url = \"smtp://mail.example:25\"\n" + plain),
                      startingWith: "delivery.email.starttls: \"none\" sends the files and password unencrypted")
        XCTAssertEqual(configurationProblems("[delivery.email]\nsmtp_url = \"smtp://127.0.0.1:25\"\n" + plain), [])
        XCTAssertEqual(configurationProblems("[delivery.email]\nsmtp_url = \"smtp://localhost:25\"\n" + plain), [])
    }

    func testMailHeadersEncodeWhatIsNotASCII() {
        XCTAssertEqual(MailHeaders.encoded("Clever files"), "Clever files")
        let encoded = MailHeaders.encoded(String(repeating: "Schülerdaten ", count: 8))
        XCTAssertTrue(encoded.hasPrefix("=?UTF-8?B?"), encoded)
        XCTAssertTrue(encoded.split(separator: " ").allSatisfy { $0.count <= 75 }, encoded)
        let lines = MailHeaders(from: "a@district.example", to: ["b@c.example", "d@e.example"], subject: "S").lines()
        XCTAssertEqual(lines[1...3], ["From: a@district.example", "To: b@c.example, d@e.example", "Subject: S"])
        XCTAssertTrue(lines[0].hasPrefix("Date: "))
        XCTAssertTrue(lines[4].hasPrefix("Message-ID: <") && lines[4].hasSuffix("@district.example>"), lines[4])
    }
}
