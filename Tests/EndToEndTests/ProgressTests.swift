import Foundation
import XCTest

/// Progress on a terminal: a run of a few seconds shows its phase on stderr, rewritten in place,
/// when stderr is a terminal (a real pseudo-terminal here), and nothing when it is a pipe, as
/// under cron.
final class ProgressTests: XCTestCase {
    func testALongRunShowsItsPhaseOnATerminalOnly() throws {
        let work = FileManager.default.temporaryDirectory.appending(path: "clever-progress-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        // 100,000 students: some five seconds, past the two before progress is shown.
        let generate = Process()
        generate.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generate.arguments = ["python3", packageRoot.appending(path: "scripts/generate-district.py").path,
                              "--students", "100000", "--out", work.appending(path: "extract").path]
        generate.standardOutput = FileHandle.nullDevice
        try generate.run()
        generate.waitUntilExit()
        XCTAssertEqual(generate.terminationStatus, 0)
        try Data("[source]\ndir = \"extract\"\n[export]\nas_of = 2026-10-15\n".utf8).write(to: work.appending(path: "clever-export.toml"))

        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "clever-export").path
        let terminal = try runInTerminal([binary, "run", "--force", "--output", "out"], in: work)
        XCTAssertEqual(terminal.status, 0)
        let redrawn = terminal.output.components(separatedBy: "\r\u{1B}[K").dropFirst()
        XCTAssertTrue(redrawn.contains { $0.hasPrefix("building the models: ") }, terminal.output.prefix(300).debugDescription)
        XCTAssertTrue(terminal.output.contains("Run 2, as of 2026-10-15") || terminal.output.contains("Run 1, as of 2026-10-15"))

        let piped = try runCleverExport(["run", "--force", "--output", "out"], in: work)
        XCTAssertEqual(piped.status, 0)
        XCTAssertFalse(piped.stderr.contains("\r"), piped.stderr)
        XCTAssertFalse(piped.stderr.contains("building the models"), piped.stderr)
    }

    /// Runs `command` with a pseudo-terminal as its stdin, stdout and stderr (Python's pty, as
    /// `script` would); what it wrote there, and its exit status.
    func runInTerminal(_ command: [String], in directory: URL) throws -> (status: Int32, output: String) {
        let driver = """
            import os, pty, subprocess, sys
            main, child = pty.openpty()
            process = subprocess.Popen(sys.argv[1:], stdin=child, stdout=child, stderr=child)
            os.close(child)
            out = b""
            while True:
                try:
                    data = os.read(main, 65536)
                except OSError:
                    break
                if not data:
                    break
                out += data
            sys.stdout.buffer.write(out)
            sys.exit(process.wait())
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", driver] + command
        process.currentDirectoryURL = directory
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
