import CSQLite
import Foundation

/// Work that reads the staging database while the models are still being built: the checks, the
/// writing of the files and their comparison with the last delivery, the models built alongside
/// (into scratch files of their own). Each job runs on a connection of its own as soon as the
/// models it reads (BuildPlan) are committed (SQLite's write-ahead log lets readers and the one writer work
/// at the same time), so the second core has work while the first builds. A background thread
/// takes jobs from the start; once the build is done, `finish` joins it on the calling thread.
final class ReadQueue: @unchecked Sendable {
    struct Job {
        /// What it is (check, file, compare, alongside) and its name, for the run's step timings.
        let kind: String
        let name: String
        /// The models the job reads: it runs once they are all committed.
        let needs: Set<String>
        let run: (Database) throws -> Void
        /// Jobs that read what this one writes: queued, first in line, once it is done.
        var then: [Job] = []
    }

    private let databasePath: String
    private let finished: @Sendable (_ kind: String, _ name: String, _ seconds: Double) -> Void
    private let condition = NSCondition()
    private var pending: [Job]
    private var failure: Error?
    /// Counts the tables the build committed and the jobs done; a waiting thread looks again
    /// when it moves.
    private var progress = 0
    private var committed: Set<String> = []
    private var building = true
    private let background = DispatchGroup()

    /// Starts taking `jobs`, in their order, on a background thread; `finished` is told each job
    /// done and the seconds it took.
    init(
        databasePath: String, jobs: [Job],
        finished: @escaping @Sendable (_ kind: String, _ name: String, _ seconds: Double) -> Void = { _, _, _ in }
    ) {
        self.databasePath = databasePath
        self.finished = finished
        pending = jobs
        DispatchQueue.global().async(group: background) { self.work() }
    }

    /// `jobs` ordered by how long each took before (`seconds`, by "<kind> <name>", with the jobs
    /// it queues after it), longest first; jobs never timed keep their order, after the others.
    static func longestFirst(_ jobs: [Job], seconds: [String: Double]) -> [Job] {
        func cost(_ job: Job) -> Double {
            (seconds["\(job.kind) \(job.name)"] ?? 0) + job.then.reduce(0) { $0 + cost($1) }
        }
        return jobs.enumerated().sorted { (cost($1.element), $0.offset) < (cost($0.element), $1.offset) }.map(\.element)
    }

    /// The build committed a model: jobs waiting for it may run now.
    func committed(_ model: String) {
        condition.withLock {
            committed.insert(model)
            progress += 1
            condition.broadcast()
        }
    }

    /// The build is done: runs the jobs left on this thread and the background one, and throws
    /// the first failure.
    func finish() throws {
        stopWaiting()
        work()
        background.wait()
        try condition.withLock { if let failure { throw failure } }
    }

    /// The build failed: stops the jobs and waits for the background thread.
    func cancel() {
        condition.withLock {
            failure = failure ?? CancellationError()
            building = false
            condition.broadcast()
        }
        background.wait()
    }

    private func stopWaiting() {
        condition.withLock {
            building = false
            condition.broadcast()
        }
    }

    private func work() {
        do {
            let database = try Database(path: databasePath)
            // 16 MiB, not SQLite's 2 MB, so the files' sorts spill to disk less; the writer's 64 MiB
            // was no faster here and cost 100 MB more at 1M students (docs/benchmark.md).
            try database.execute("pragma cache_size = -16384")
            while let job = next() {
                let start = Date()
                try job.run(database)
                finished(job.kind, job.name, Date().timeIntervalSince(start))
                condition.withLock {
                    pending.insert(contentsOf: job.then, at: 0)
                    progress += 1
                    condition.broadcast()
                }
            }
        } catch {
            condition.withLock {
                failure = failure ?? error
                condition.broadcast()
            }
        }
    }

    /// Takes the first job whose models are committed, waiting for the build while none is
    /// ready; nil when none is left or a job failed. Once the build is done every job is taken.
    private func next() -> Job? {
        condition.withLock {
            while failure == nil && !pending.isEmpty {
                let seen = progress
                if let index = pending.firstIndex(where: { !building || $0.needs.isSubset(of: committed) }) {
                    return pending.remove(at: index)
                }
                while building && progress == seen && failure == nil { condition.wait() }
            }
            return nil
        }
    }
}
