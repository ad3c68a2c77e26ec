import Foundation
import XCTest

/// The repository root, for scripts/test-servers.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

struct TestSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// What a finished command said.
struct CommandResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs a program to its end; `environment` is added to this process's.
@discardableResult
func command(_ program: String, _ arguments: [String], environment: [String: String] = [:],
             check: Bool = true) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program.hasPrefix("/") ? program : "/usr/bin/env")
    process.arguments = program.hasPrefix("/") ? arguments : [program] + arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes at once so neither can fill up and stall the child.
    nonisolated(unsafe) var errData = Data()
    let reader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
    reader.start()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !reader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
    let result = CommandResult(
        status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self))
    if check && result.status != 0 {
        throw TestSetupError("\(program) \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
    }
    return result
}

/// A TCP socket bound to a port of the kernel's pick on 127.0.0.1, listening when `listening`.
private func boundSocket(listening: Bool) throws -> (port: Int, descriptor: Int32) {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
            bind(descriptor, pointer, length) == 0 && (!listening || listen(descriptor, 8) == 0)
                && getsockname(descriptor, pointer, &length) == 0
        }
    }
    guard bound else {
        close(descriptor)
        throw TestSetupError("no free port: \(String(cString: strerror(errno)))")
    }
    return (Int(UInt16(bigEndian: address.sin_port)), descriptor)
}

/// A port nobody listens on right now (the kernel's pick for port 0).
func freePort() throws -> Int {
    let (port, descriptor) = try boundSocket(listening: false)
    close(descriptor)
    return port
}

/// A port on 127.0.0.1 that accepts connections (the system completes them) and never answers;
/// open until `close` is called on the descriptor.
func silentPort() throws -> (port: Int, descriptor: Int32) {
    try boundSocket(listening: true)
}

/// Waits until something accepts connections on 127.0.0.1:`port`.
func waitForPort(_ port: Int, timeout: Double = 10, while alive: () -> Bool) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline && alive() {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        close(descriptor)
        if connected { return }
        Thread.sleep(forTimeInterval: 0.05)
    }
    throw TestSetupError("nothing listens on 127.0.0.1:\(port)")
}

/// Ends `pid` and every process below it (sshd keeps one child per connection).
func killTree(_ pid: pid_t, signal: Int32 = SIGKILL) {
    var parents: [pid_t: pid_t] = [:]
    for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
        guard let child = pid_t(entry),
            let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { continue }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        if fields.count > 1, let parent = pid_t(fields[1]) { parents[child] = parent }
    }
    var tree = [pid]
    var index = 0
    while index < tree.count {
        tree += parents.filter { $0.value == tree[index] }.map(\.key)
        index += 1
    }
    for member in tree.reversed() { kill(member, signal) }
}

extension XCTestCase {
    /// A fresh folder, removed when the test ends.
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "clever-delivery-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}

/// Asserts `body` throws an error whose message holds every one of `parts`.
/// SHOW_DELIVERY_ERRORS=1 prints the messages, to read them as a user would.
func assertFails(_ body: () throws -> Void, containing parts: [String], file: StaticString = #filePath, line: UInt = #line) {
    do {
        try body()
        XCTFail("expected a failure", file: file, line: line)
    } catch {
        if ProcessInfo.processInfo.environment["SHOW_DELIVERY_ERRORS"] != nil { print("» \(error)") }
        for part in parts {
            XCTAssertTrue("\(error)".contains(part), "«\(part)» not in: \(error)", file: file, line: line)
        }
    }
}
