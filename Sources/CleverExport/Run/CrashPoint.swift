import Foundation

/// For the tests of what a kill leaves behind: a process started with
/// CLEVER_EXPORT_CRASH_AT=NAME kills itself with SIGKILL (as a power cut or the kernel's
/// out-of-memory killer would, with no cleanup) on reaching the point NAME. Unset, nothing happens.
enum CrashPoint {
    private static let armed = ProcessInfo.processInfo.environment["CLEVER_EXPORT_CRASH_AT"]

    static func reached(_ name: String) {
        if let armed, armed == name { kill(getpid(), SIGKILL) }
    }
}
