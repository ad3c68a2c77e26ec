import Foundation

/// For each model, how long the work that waits for it took in the last run, along its longest
/// chain: the model's own time, then the longest of the models, checks and files that read it
/// (directly or through views, as the build plan has it; the checks that read a Clever file's
/// view run beside the writing of the file, not after it). The writer builds, of the models it can
/// build, the one with the longest chain first, so that the last checks and files can start as
/// early as possible; the slow models off the longest chain are built on the other core.
struct CriticalPath {
    /// Seconds per model name; models never timed (a first run) get 0 and keep file order.
    let lengths: [String: Double]
    /// The models that took no time last run (views, option tables, export_columns).
    let quick: Set<String>
    /// The models on the longest chain, which the writer builds itself.
    let chain: Set<String>
    /// Each model's own time last run.
    let own: [String: Double]
    private let plan: BuildPlan

    /// `seconds`: the last run's steps by "<kind> <name>" (RunHistory.lastStepSeconds).
    init(plan: BuildPlan, seconds: [String: Double]) {
        let own = Dictionary(uniqueKeysWithValues: plan.files.keys.map { ($0, Self.ownSeconds(of: $0, seconds: seconds)) })
        var memo: [String: Double] = [:]
        func length(_ name: String) -> Double {
            if let known = memo[name] { return known }
            memo[name] = 0  // guards against a cycle, which the plan refuses anyway
            let longest = plan.readers(of: name).map(length).max() ?? 0
            // A model's readers wait for it to be built; a view's readers do not wait for its own
            // job (a Clever file being written), which runs beside them.
            memo[name] = plan.isModel(name) ? own[name, default: 0] + longest : max(own[name, default: 0], longest)
            return memo[name]!
        }
        let models = plan.files.keys.filter(plan.isModel).sorted()
        lengths = Dictionary(uniqueKeysWithValues: models.map { ($0, length($0)) })
        quick = Set(models.filter { own[$0, default: 0] < 0.1 })
        self.own = own
        self.plan = plan
        // The chain: from the longest model that waits for no other, on through the reader with
        // the longest chain (a view on the way is passed through), to the end of the work.
        var chain: Set<String> = [], visited: Set<String> = []
        var next = models.filter { plan.models(neededBy: $0).isEmpty }.max { (memo[$0]!, $1) < (memo[$1]!, $0) }
        while let name = next, visited.insert(name).inserted {
            if plan.isModel(name) { chain.insert(name) }
            next = plan.readers(of: name).max { (memo[$0] ?? 0, $1) < (memo[$1] ?? 0, $0) }
        }
        self.chain = chain
    }

    /// `files` ordered quick ones first (they cost the writer nothing and may let the other core
    /// start a file or check), then the models that those built `alongside` wait for (until they
    /// are built, the other core cannot start its own): first those of the model built alongside
    /// that waits for the least of the writer's work, so that the other core starts soonest;
    /// then by their chains, longest first; ties keep their order.
    func ordered(_ files: [SQLCatalog.File], feeding alongside: [SQLCatalog.File] = []) -> [SQLCatalog.File] {
        func feeders(of name: String) -> Set<String> {
            var found: Set<String> = [], waiting = [name]
            while let next = waiting.popLast() {
                for model in plan.models(neededBy: next) where found.insert(model).inserted { waiting.append(model) }
            }
            return found
        }
        let fed = alongside.map { feeders(of: $0.model) }
            .map { (models: $0, seconds: $0.reduce(0) { $0 + own[$1, default: 0] }) }
            .sorted { $0.seconds < $1.seconds }
        var rank: [String: Int] = [:]
        for (place, group) in fed.enumerated() {
            for model in group.models where rank[model] == nil { rank[model] = place }
        }
        func key(_ file: (offset: Int, element: SQLCatalog.File)) -> (Int, Int, Double, Int) {
            let model = file.element.model
            return (quick.contains(model) ? 0 : 1, rank[model] ?? Int.max, -(lengths[model] ?? 0), file.offset)
        }
        return files.enumerated().sorted { key($0) < key($1) }.map(\.element)
    }

    /// The models worth building on the other core: tables that took a second or more last run
    /// and are not on the longest chain, so the writer never waits for them. None on a first run.
    func builtAlongside(_ files: [SQLCatalog.File]) -> [SQLCatalog.File] {
        files.filter { !$0.createsView && !chain.contains($0.model) && own[$0.model, default: 0] >= 1 }
    }

    /// The own time of what a name is: a model's build (by the writer or alongside), a check, or
    /// a Clever file's writing and comparison; staging views take none of their own.
    private static func ownSeconds(of name: String, seconds: [String: Double]) -> Double {
        let file = name.hasPrefix("clever_") ? name.dropFirst("clever_".count) + ".csv" : ""
        return ["model \(name)", "alongside \(name)", "check \(name)", "file \(file)", "compare \(file)"]
            .reduce(0) { $0 + (seconds[$1] ?? 0) }
    }
}
