import Foundation

/// For each model, how long the work that waits for it took in the last run, along its longest
/// chain: the model's own time, then the longest of the models, checks and files that read it
/// (directly or through views). The writer builds, of the models it can build, the one with the
/// longest chain first, so that the last checks and files can start as early as possible.
///
/// What reads what is read off the SQL: a file reads every table or view whose name it mentions
/// outside comments (and a Clever file's writer reads export_columns). A name mentioned only in
/// a string makes a chain look longer than it is; the build order stays correct either way,
/// since a model that reads a missing table waits.
struct CriticalPath {
    /// Seconds per model name; models never timed (a first run) get 0 and keep file order.
    let lengths: [String: Double]
    /// The models that took no time last run (views, option tables, export_columns).
    let quick: Set<String>

    /// `seconds`: the last run's steps by "<kind> <name>" (RunHistory.lastStepSeconds).
    init(catalog: SQLCatalog, seconds: [String: Double]) {
        var creator: [String: Int] = [:]  // name -> index of the file that creates it
        let texts = catalog.files.map { Self.withoutComments($0.text) }
        for (index, text) in texts.enumerated() {
            for name in Self.createdNames(in: text) { creator[name] = index }
        }
        var readers = Array(repeating: Set<Int>(), count: texts.count)
        for (index, text) in texts.enumerated() {
            // A Clever file's writer also reads the list of its columns.
            let written = Self.createdNames(in: text).contains { $0.hasPrefix("clever_") } ? [Exporter.columnsTable] : []
            for name in Self.identifiers(in: text).union(written) {
                if let source = creator[name], source != index { readers[source].insert(index) }
            }
        }
        let own = texts.map { Self.createdNames(in: $0).reduce(0) { $0 + Self.ownSeconds(of: $1, seconds: seconds) } }
        var memo: [Int: Double] = [:]
        var visiting: Set<Int> = []
        func length(_ index: Int) -> Double {
            if let known = memo[index] { return known }
            guard visiting.insert(index).inserted else { return 0 }  // a cycle from a false mention
            let longest = readers[index].map(length).max() ?? 0
            visiting.remove(index)
            memo[index] = own[index] + longest
            return own[index] + longest
        }
        var lengths: [String: Double] = [:], quick: Set<String> = []
        for (index, file) in catalog.files.enumerated() where file.path.hasPrefix(SQLCatalog.modelFolder + "/") {
            lengths[file.model] = length(index)
            if own[index] < 0.1 { quick.insert(file.model) }
        }
        self.lengths = lengths
        self.quick = quick
    }

    /// `files` ordered quick ones first (they cost the writer nothing and may let the other core
    /// start a file or check), then by their chains, longest first; ties keep their order.
    func ordered(_ files: [SQLCatalog.File]) -> [SQLCatalog.File] {
        func key(_ file: (offset: Int, element: SQLCatalog.File)) -> (Int, Double, Int) {
            (quick.contains(file.element.model) ? 0 : 1, -(lengths[file.element.model] ?? 0), file.offset)
        }
        return files.enumerated().sorted { key($0) < key($1) }.map(\.element)
    }

    /// The own time of what a file creates: a model's build (by the writer or alongside), a
    /// check, or a Clever file's writing and comparison; staging views take none of their own.
    private static func ownSeconds(of name: String, seconds: [String: Double]) -> Double {
        let file = name.hasPrefix("clever_") ? name.dropFirst("clever_".count) + ".csv" : ""
        return ["model \(name)", "alongside \(name)", "check \(name)", "file \(file)", "compare \(file)"]
            .reduce(0) { $0 + (seconds[$1] ?? 0) }
    }

    static func withoutComments(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.range(of: "--").map { String(line[..<$0.lowerBound]) } ?? String(line) }
            .joined(separator: "\n")
    }

    static func createdNames(in text: String) -> [String] {
        let pattern = /(?i)create\s+(?:temp\s+|temporary\s+)?(?:table|view)\s+(?:if\s+not\s+exists\s+)?"?(\w+)/
        return text.matches(of: pattern).map { String($0.output.1).lowercased() }
    }

    static func identifiers(in text: String) -> Set<String> {
        Set(text.lowercased().matches(of: /[a-z_][a-z0-9_]*/).map { String($0.output) })
    }
}
