import Foundation

/// A long-running server started with posix_spawn rather than Foundation's Process: on Linux,
/// Process waits for its children one at a time on a single thread, so while a server it
/// started runs, no later Process (ssh-keygen, the CLI under test) is ever seen to finish.
final class ServerProcess {
    let pid: pid_t
    private var exited = false

    /// Starts `program` with `arguments`, stdout and stderr appended to `log`.
    init(_ program: String, _ arguments: [String], environment: [String: String] = [:], log: URL) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // The child starts with default signal handling and nothing blocked, whatever XCTest set.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let merged = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, program, &actions, &attributes, argv, envp)
        guard status == 0 else { throw TestSetupError("cannot start \(program): \(String(cString: strerror(status)))") }
        self.pid = pid
    }

    deinit { stop() }

    var isRunning: Bool {
        if exited { return false }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid { exited = true }
        return !exited
    }

    /// Kills the server and everything it started, then reaps it.
    func stop(signal: Int32 = SIGKILL) {
        guard !exited else { return }
        killTree(pid, signal: signal)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
        exited = true
    }
}
