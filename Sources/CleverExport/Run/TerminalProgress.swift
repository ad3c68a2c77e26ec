import Foundation

/// What a long run is doing, for a person watching a terminal: the phase and how far it has
/// come, on one line of stderr rewritten in place, from `after` seconds into the run (a short run
/// shows nothing). Only for a terminal: `init` gives nil when stderr is not one, so cron's mail
/// and a log stay as they are.
public final class TerminalProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    private var drawn = ""
    private var shown = false
    // Made only for a terminal: a timer source may not be freed before it is resumed.
    private let timer: DispatchSourceTimer

    public init?(after delay: Double = 2) {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + delay, repeating: 0.25)
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.resume()
    }

    deinit { timer.cancel() }

    /// What the run is doing now ("importing: 3 of 15 files").
    public func update(_ text: String) {
        lock.withLock { self.text = text }
    }

    /// Clears the line before the run prints its summary.
    public func finish() {
        timer.cancel()
        lock.withLock {
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            shown = false
            text = ""
        }
    }

    private func draw() {
        lock.withLock {
            guard !text.isEmpty, text != drawn else { return }
            drawn = text
            shown = true
            // Within one line of the terminal, or \r would not get back to its start.
            var size = winsize()
            let columns = ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 1 ? Int(size.ws_col) - 1 : 79
            FileHandle.standardError.write(Data("\r\u{1B}[K\(text.prefix(columns))".utf8))
        }
    }
}
