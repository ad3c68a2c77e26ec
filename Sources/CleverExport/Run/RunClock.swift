import Foundation

/// Wall time per phase of a run, for the summary and the benchmark.
struct PhaseClock {
    private(set) var phases: [(name: String, seconds: Double)] = []

    /// Times `body` as (more of) the phase `name`.
    mutating func time<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let start = Date()
        defer { record(name, seconds: Date().timeIntervalSince(start)) }
        return try body()
    }

    /// Adds time to the phase `name` (timed elsewhere, when it ran alongside another).
    mutating func record(_ name: String, seconds: Double) {
        if let index = phases.firstIndex(where: { $0.name == name }) {
            phases[index].seconds += seconds
        } else {
            phases.append((name, seconds))
        }
    }
}

/// One step of a run: a file imported, a model built, a check run, a file written or compared.
public struct Step: Sendable {
    public let kind: String  // import, model, alongside, check, file or compare
    public let name: String
    public let seconds: Double
    /// An import step's bytes: the file's size, or the copied files' sizes together.
    public var bytes: Int? = nil
}

/// The steps of a run as the threads that ran them finish them.
final class StepLog: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Step] = []

    var steps: [Step] { lock.withLock { recorded } }

    func record(_ kind: String, _ name: String, _ seconds: Double, bytes: Int? = nil) {
        lock.withLock { recorded.append(Step(kind: kind, name: name, seconds: seconds, bytes: bytes)) }
    }

    /// The seconds the steps of one kind took together.
    func seconds(of kind: String) -> Double { steps.filter { $0.kind == kind }.reduce(0) { $0 + $1.seconds } }
}
