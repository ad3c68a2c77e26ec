import Foundation
import XCTest

@testable import CleverExport

/// SFTP delivery against a real OpenSSH sshd started on 127.0.0.1 for each test.
final class SFTPDeliveryTests: XCTestCase {
    var folder: URL!
    var server: SSHServer!
    /// The folder on the "server" (this machine) that remote_dir points at.
    var remote: URL!
    var key: URL!

    override func setUpWithError() throws {
        folder = try temporaryFolder()
        server = try SSHServer(folder: folder)
        remote = folder.appending(path: "remote")
        try FileManager.default.createDirectory(at: remote, withIntermediateDirectories: true)
        key = try server.authorizedKey(named: "id_ed25519")
    }

    override func tearDown() {
        server?.stop()
        server = nil
    }

    var currentUser: String { String(cString: getpwuid(getuid())!.pointee.pw_name) }

    func settings(key: URL? = nil, knownHosts: URL? = nil, remoteDirectory: String? = nil) throws -> SFTPSettings {
        var settings = SFTPSettings(
            host: "127.0.0.1", port: server.port, user: currentUser, remoteDirectory: remoteDirectory ?? remote.path,
            knownHosts: try knownHosts?.path ?? server.knownHosts().path, keyFile: (key ?? self.key).path)
        settings.attempts = 1
        settings.connectTimeout = 5
        settings.ioTimeout = 10
        return settings
    }

    /// A set of three Clever files whose content says `version`; `padding` bytes make students.csv big.
    func files(_ version: String, padding: Int = 0) throws -> [ExportedFile] {
        let local = folder.appending(path: "outbox-\(version)")
        try FileManager.default.createDirectory(at: local, withIntermediateDirectories: true)
        return try [ExportFile.schools, .students, .teachers].map { file in
            let path = local.appending(path: file.fileName)
            var text = "Id,Name\r\n\(version),\(file.rawValue)\r\n"
            if file == .students && padding > 0 { text += String(repeating: "x", count: padding) + "\r\n" }
            try text.write(to: path, atomically: true, encoding: .utf8)
            return ExportedFile(file: file, path: path.path, rows: 1)
        }
    }

    /// Names in remote_dir, hidden temporaries included.
    func remoteNames(_ directory: URL? = nil) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: (directory ?? remote).path).sorted()
    }

    func remoteText(_ name: String, in directory: URL? = nil) throws -> String {
        try String(contentsOf: (directory ?? remote).appending(path: name), encoding: .utf8)
    }

    func testKeyLoginUploadsTheWholeSet() throws {
        let set = try files("v1")
        try SFTPDelivery(settings: settings()).deliver(set)
        XCTAssertEqual(try remoteNames(), ["schools.csv", "students.csv", "teachers.csv"])
        for file in set {
            XCTAssertEqual(try Data(contentsOf: remote.appending(path: file.file.fileName)), try Data(contentsOf: URL(fileURLWithPath: file.path)))
            // Created for the account alone, as the files hold personal data.
            var info = stat()
            XCTAssertEqual(stat(remote.appending(path: file.file.fileName).path, &info), 0)
            XCTAssertEqual(info.st_mode & 0o777, 0o600, file.file.fileName)
        }
    }

    /// A key file others can read is refused before connecting, as OpenSSH refuses it.
    func testAKeyReadableByOthersIsRefused() throws {
        let open = folder.appending(path: "open_key")
        try FileManager.default.copyItem(at: key, to: open)
        chmod(open.path, 0o644)
        XCTAssertThrowsError(try SFTPDelivery(settings: settings(key: open)).deliver(try files("v1"))) { error in
            XCTAssertEqual((error as? DeliveryError)?.message,
                "delivery.sftp.key_file \(open.path) can be read by others (mode 644); OpenSSH refuses such a key: chmod 600 \(open.path)")
        }
        XCTAssertEqual(try remoteNames(), [])
    }

    /// As OpenSSH: on a port other than 22 a plain `127.0.0.1` entry is not the server's, and a
    /// key marked @revoked is refused though a plain line holds it too.
    func testKnownHostsMatchesAsOpenSSHDoes() throws {
        let scanned = try String(contentsOf: server.knownHosts(), encoding: .utf8)
        let plain = folder.appending(path: "known_hosts_plain")
        try scanned.replacingOccurrences(of: "[127.0.0.1]:\(server.port)", with: "127.0.0.1").write(to: plain, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try SFTPDelivery(settings: settings(knownHosts: plain)).deliver(try files("v1"))) { error in
            let message = (error as? DeliveryError)?.message ?? "\(error)"
            XCTAssertTrue(message.contains("which is not in \(plain.path), so nothing was sent"), message)
        }
        let revoked = folder.appending(path: "known_hosts_revoked")
        let lines = scanned.split(separator: "\n").filter { !$0.hasPrefix("#") }
        try (lines.map { "@revoked \($0)" } + lines).joined(separator: "\n").write(to: revoked, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try SFTPDelivery(settings: settings(knownHosts: revoked)).deliver(try files("v1"))) { error in
            let message = (error as? DeliveryError)?.message ?? "\(error)"
            XCTAssertTrue(message.contains("which \(revoked.path) marks @revoked, so nothing was sent"), message)
        }
        XCTAssertEqual(try remoteNames(), [])
    }

    func testHashedKnownHostsAndAnECDSAKeyWithAPassphrase() throws {
        // A throwaway test key: its passphrase is on ssh-keygen's command line here only.
        let ecdsa = try server.authorizedKey(named: "id_ecdsa", type: "ecdsa", passphrase: "test passphrase")
        var settings = try settings(key: ecdsa, knownHosts: server.knownHosts(hashed: true))
        settings.keyPassphraseEnv = "CLEVER_TEST_KEY_PASSPHRASE"
        setenv("CLEVER_TEST_KEY_PASSPHRASE", "test passphrase", 1)
        defer { unsetenv("CLEVER_TEST_KEY_PASSPHRASE") }
        try SFTPDelivery(settings: settings).deliver(files("v1"))
        XCTAssertEqual(try remoteText("schools.csv"), "Id,Name\r\nv1,schools\r\n")

        setenv("CLEVER_TEST_KEY_PASSPHRASE", "wrong passphrase", 1)
        assertFails({ try SFTPDelivery(settings: settings).deliver(files("v2")) }, containing: ["could not unlock", "CLEVER_TEST_KEY_PASSPHRASE"])
        settings.keyPassphraseEnv = nil
        assertFails({ try SFTPDelivery(settings: settings).deliver(files("v2")) }, containing: ["protected by a passphrase", "key_passphrase_env"])
    }

    func testTheHostKeyTypeInKnownHostsIsTheOneAskedFor() throws {
        // libssh2 1.10 prefers ECDSA; a known_hosts written by `ssh` often holds only ed25519.
        server.stop()
        server = try SSHServer(folder: folder.appending(path: "two-keys"), extraHostKeys: ["ecdsa"])
        key = try server.authorizedKey(named: "id_ed25519")
        let report = try SFTPDelivery(settings: settings(knownHosts: server.knownHosts(hashed: true, types: "ed25519"))).checkConnection()
        XCTAssertTrue(report.contains("ssh-ed25519 \(try server.fingerprint())"), report)
        let ecdsaOnly = try SFTPDelivery(settings: settings(knownHosts: server.knownHosts(types: "ecdsa"))).checkConnection()
        XCTAssertTrue(ecdsaOnly.contains("ecdsa-sha2-nistp256"), ecdsaOnly)
    }

    func testUploadIntoASubFolder() throws {
        let sub = remote.appending(path: "district/clever")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try SFTPDelivery(settings: settings(remoteDirectory: sub.path + "/")).deliver(files("v1"))
        XCTAssertEqual(try remoteNames(sub), ["schools.csv", "students.csv", "teachers.csv"])
        XCTAssertEqual(try remoteNames(), ["district"])
    }

    func testMissingRemoteFolderIsNamed() throws {
        let missing = remote.appending(path: "nope").path
        assertFails({ try SFTPDelivery(settings: settings(remoteDirectory: missing)).deliver(files("v1")) },
                    containing: ["remote_dir \(missing) does not exist on the server"])
    }

    func testReplacingAnOlderSetLeavesOnlyTheNewSet() throws {
        try SFTPDelivery(settings: settings()).deliver(files("v1"))
        try "keep me".write(to: remote.appending(path: "notes.txt"), atomically: true, encoding: .utf8)
        try SFTPDelivery(settings: settings()).deliver(files("v2"))
        XCTAssertEqual(try remoteNames(), ["notes.txt", "schools.csv", "students.csv", "teachers.csv"])
        for name in ["schools", "students", "teachers"] {
            XCTAssertEqual(try remoteText("\(name).csv"), "Id,Name\r\nv2,\(name)\r\n")
        }
    }

    func testAFailedSwapPutsThePreviousSetBack() throws {
        try SFTPDelivery(settings: settings()).deliver(files("v1"))
        var delivery = SFTPDelivery(settings: try settings())
        delivery.beforeSwap = { name in
            if name == "teachers.csv" { throw DeliveryError("injected failure before swapping \(name)") }
        }
        assertFails({ try delivery.deliver(files("v2")) }, containing: ["injected failure"])
        XCTAssertEqual(try remoteNames(), ["schools.csv", "students.csv", "teachers.csv"])
        for name in ["schools", "students", "teachers"] {
            XCTAssertEqual(try remoteText("\(name).csv"), "Id,Name\r\nv1,\(name)\r\n", "\(name) must be the old one")
        }
    }

    func testAFailureBeforeTheSwapRemovesTheTemporaries() throws {
        try SFTPDelivery(settings: settings()).deliver(files("v1"))
        var set = try files("v2")
        try FileManager.default.removeItem(atPath: set[2].path)
        set[2] = ExportedFile(file: .teachers, path: set[2].path, rows: 1)
        assertFails({ try SFTPDelivery(settings: settings()).deliver(set) }, containing: ["cannot read", "teachers.csv"])
        XCTAssertEqual(try remoteNames(), ["schools.csv", "students.csv", "teachers.csv"])
        XCTAssertEqual(try remoteText("schools.csv"), "Id,Name\r\nv1,schools\r\n")
    }

    func testTheServerGoingAwayMidUploadKeepsTheOldSet() throws {
        try SFTPDelivery(settings: settings()).deliver(files("v1"))
        var retrying = try settings()
        retrying.attempts = 2
        retrying.backoff = 0.2
        var delivery = SFTPDelivery(settings: retrying)
        let server = self.server!
        delivery.progress = { name, sent in
            if name == "students.csv" && sent > 2_000_000 { server.stop() }
        }
        let started = Date()
        assertFails({ try delivery.deliver(files("v2", padding: 64_000_000)) },
                    containing: ["uploading", "students.csv", "stopped after", "gave up after 2 attempts", "left as they were"])
        XCTAssertLessThan(Date().timeIntervalSince(started), 20)
        for name in ["schools", "students", "teachers"] {
            XCTAssertEqual(try remoteText("\(name).csv"), "Id,Name\r\nv1,\(name)\r\n")
        }

        // Back up: the next delivery clears what the broken one left and sends the new set.
        try server.start()
        try SFTPDelivery(settings: settings()).deliver(files("v3"))
        XCTAssertEqual(try remoteNames(), ["schools.csv", "students.csv", "teachers.csv"])
        XCTAssertEqual(try remoteText("teachers.csv"), "Id,Name\r\nv3,teachers\r\n")
    }

    func testAnInterruptedSwapIsRepairedByTheNextDelivery() throws {
        try SFTPDelivery(settings: settings()).deliver(files("v1"))
        // As a connection lost mid-swap leaves it: teachers.csv moved aside, its new copy not in yet.
        try FileManager.default.moveItem(at: remote.appending(path: "teachers.csv"), to: remote.appending(path: ".teachers.csv.clever-export-old"))
        try "partial".write(to: remote.appending(path: ".teachers.csv.clever-export-new"), atomically: true, encoding: .utf8)
        try SFTPDelivery(settings: settings()).deliver(files("v2"))
        XCTAssertEqual(try remoteNames(), ["schools.csv", "students.csv", "teachers.csv"])
        XCTAssertEqual(try remoteText("teachers.csv"), "Id,Name\r\nv2,teachers\r\n")
    }

    func testPasswordLoginIntoTheAccountFolder() throws {
        guard getuid() == 0 else {
            throw XCTSkip("password login needs a local test account made with useradd/chpasswd, which takes root")
        }
        let user = "cleverexport-sftp"
        let password = UUID().uuidString
        try command(repositoryRoot.appending(path: "scripts/test-servers/sftp-password-user.sh").path, [user],
                    environment: ["SFTP_TEST_PASSWORD": password])
        let home = URL(fileURLWithPath: String(cString: getpwnam(user)!.pointee.pw_dir))
        let upload = home.appending(path: "clever-test-\(UUID().uuidString.prefix(8))")
        addTeardownBlock { try? FileManager.default.removeItem(at: upload) }
        try command("install", ["-d", "-o", user, upload.path])

        var settings = try settings(knownHosts: server.knownHosts(hashed: true), remoteDirectory: upload.lastPathComponent)
        settings.user = user
        settings.keyFile = nil
        settings.passwordEnv = "CLEVER_TEST_SFTP_PASSWORD"
        setenv("CLEVER_TEST_SFTP_PASSWORD", password, 1)
        defer { unsetenv("CLEVER_TEST_SFTP_PASSWORD") }
        try SFTPDelivery(settings: settings).deliver(files("v1"))
        XCTAssertEqual(try remoteNames(upload), ["schools.csv", "students.csv", "teachers.csv"])

        setenv("CLEVER_TEST_SFTP_PASSWORD", "wrong", 1)
        assertFails({ try SFTPDelivery(settings: settings).deliver(files("v2")) },
                    containing: ["refused the password for \(user)", "CLEVER_TEST_SFTP_PASSWORD"])
        unsetenv("CLEVER_TEST_SFTP_PASSWORD")
        assertFails({ try SFTPDelivery(settings: settings).deliver(files("v2")) },
                    containing: ["environment variable CLEVER_TEST_SFTP_PASSWORD", "is not set"])
    }

    func testAKeyTheServerDoesNotKnowIsRefused() throws {
        let stranger = folder.appending(path: "id_stranger")
        try server.makeKey(at: stranger)
        assertFails({ try SFTPDelivery(settings: settings(key: stranger)).deliver(files("v1")) },
                    containing: ["refused the key \(stranger.path)", "authorized keys"])
        XCTAssertEqual(try remoteNames(), [])
    }

    func testAnRSAKeyGetsAClearError() throws {
        let rsa = try server.authorizedKey(named: "id_rsa", type: "rsa", bits: 2048)
        assertFails({ try SFTPDelivery(settings: settings(key: rsa)).deliver(files("v1")) },
                    containing: ["RSA key", "SHA-1", "ssh-keygen -t ed25519"])
    }

    func testAPKCS8Ed25519KeyGetsAClearError() throws {
        let pkcs8 = folder.appending(path: "id_pkcs8.pem")
        try command("openssl", ["genpkey", "-algorithm", "ed25519", "-out", pkcs8.path])
        assertFails({ try SFTPDelivery(settings: settings(key: pkcs8)).deliver(files("v1")) },
                    containing: ["PKCS#8", "ssh-keygen -t ed25519"])
    }

    func testAChangedHostKeyRefusesTheUpload() throws {
        let other = folder.appending(path: "other_host_key")
        try server.makeKey(at: other)
        let known = folder.appending(path: "known_hosts_changed")
        let otherKey = try String(contentsOf: other.appendingPathExtension("pub"), encoding: .utf8).split(separator: " ")
        try "[127.0.0.1]:\(server.port) \(otherKey[0]) \(otherKey[1])\n".write(to: known, atomically: true, encoding: .utf8)
        assertFails({ try SFTPDelivery(settings: settings(knownHosts: known)).deliver(files("v1")) },
                    containing: ["does NOT match", try server.fingerprint(), "ssh-keygen -R '[127.0.0.1]:\(server.port)'"])
        XCTAssertEqual(try remoteNames(), [])
    }

    func testAnUnknownHostIsNeverTrustedOnFirstUse() throws {
        let known = folder.appending(path: "known_hosts_other")
        try "# nothing for this server\nsftp.example.org ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDFkOPbM6f5vC2Ev5pkWiYqqDNYzwFxP7dVOaXDE4bgB\n"
            .write(to: known, atomically: true, encoding: .utf8)
        assertFails({ try SFTPDelivery(settings: settings(knownHosts: known)).deliver(files("v1")) },
                    containing: ["not in \(known.path)", try server.fingerprint(), "ssh-keyscan -p \(server.port) 127.0.0.1 >> \(known.path)"])
        let missing = folder.appending(path: "no_such_known_hosts")
        assertFails({ try SFTPDelivery(settings: settings(knownHosts: missing)).deliver(files("v1")) },
                    containing: ["known_hosts \(missing.path) does not exist", "ssh-keyscan"])
        XCTAssertEqual(try remoteNames(), [])
    }

    func testConnectionRefusedIsRetriedThenReported() throws {
        var settings = try settings()
        server.stop()
        settings.attempts = 3
        settings.backoff = 0.1
        let started = Date()
        assertFails({ try SFTPDelivery(settings: settings).deliver(files("v1")) },
                    containing: ["cannot connect to 127.0.0.1 port \(settings.port)", "refused", "gave up after 3 attempts"])
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 0.3)
    }

    func testCheckConnectionWritesNothingThatStays() throws {
        let report = try SFTPDelivery(settings: settings()).checkConnection()
        XCTAssertTrue(report.contains(try server.fingerprint()), report)
        XCTAssertTrue(report.contains("created and deleted a test file"), report)
        XCTAssertEqual(try remoteNames(), [])
    }

    // timeout_seconds: a server that stops answering fails the delivery within the timeout at
    // each step, naming the step, instead of holding the run (and its lock) for good.

    func testAPortThatNeverAnswersTimesOut() throws {
        let silent = try silentPort()
        defer { close(silent.descriptor) }
        var settings = try settings()
        settings.port = silent.port
        settings.ioTimeout = 2
        settings.attempts = 2
        settings.backoff = 0.1
        let started = Date()
        assertFails({ try SFTPDelivery(settings: settings).deliver(files("v1")) },
                    containing: ["the SSH handshake with 127.0.0.1:\(silent.port) failed", "no answer within 2 seconds",
                                 "timeout_seconds", "gave up after 2 attempts"])
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
    }

    func testAServerThatStopsAnsweringMidUploadTimesOutAndKeepsTheOldSet() throws {
        try SFTPDelivery(settings: settings()).deliver(files("v1"))
        var stalling = try settings()
        stalling.ioTimeout = 2
        var delivery = SFTPDelivery(settings: stalling)
        let server = self.server!
        var paused = false
        delivery.progress = { name, sent in
            if name == "students.csv" && sent > 2_000_000 && !paused { paused = true; server.pause() }
        }
        let started = Date()
        assertFails({ try delivery.deliver(files("v2", padding: 64_000_000)) },
                    containing: ["uploading", "students.csv", "no answer within 2 seconds", "left as they were"])
        XCTAssertLessThan(Date().timeIntervalSince(started), 15)
        server.resume()
        for name in ["schools", "students", "teachers"] {
            XCTAssertEqual(try remoteText("\(name).csv"), "Id,Name\r\nv1,\(name)\r\n")
        }
        try SFTPDelivery(settings: settings()).deliver(files("v3"))
        XCTAssertEqual(try remoteNames(), ["schools.csv", "students.csv", "teachers.csv"])
        XCTAssertEqual(try remoteText("students.csv"), "Id,Name\r\nv3,students\r\n")
    }

    func testAServerThatStopsAnsweringDuringTheSwapIsRepairedByTheNextDelivery() throws {
        try SFTPDelivery(settings: settings()).deliver(files("v1"))
        var stalling = try settings()
        stalling.ioTimeout = 2
        var delivery = SFTPDelivery(settings: stalling)
        let server = self.server!
        delivery.beforeSwap = { name in if name == "students.csv" { server.pause() } }
        let started = Date()
        assertFails({ try delivery.deliver(files("v2")) },
                    containing: ["students.csv", "no answer within 2 seconds", "restored by the next delivery"])
        // One step waits out the timeout; every later one fails at once.
        XCTAssertLessThan(Date().timeIntervalSince(started), 8)
        server.resume()
        try SFTPDelivery(settings: settings()).deliver(files("v3"))
        XCTAssertEqual(try remoteNames(), ["schools.csv", "students.csv", "teachers.csv"])
        for name in ["schools", "students", "teachers"] {
            XCTAssertEqual(try remoteText("\(name).csv"), "Id,Name\r\nv3,\(name)\r\n")
        }
    }
}
