import Foundation

/// What each file of sql/ reads, as the `-- reads:` line of its header declares, and what follows
/// from it: the models each model, view, check and Clever file waits for, and who reads each one.
/// The build orders the models, and starts each check and file, from this graph alone; a test
/// holds every declaration to what SQLite actually reads.
struct BuildPlan {
    /// The files that create a table or view, by the name they create.
    let files: [String: SQLCatalog.File]
    /// What each name reads directly: the names its file declares (and, for a Clever view, the
    /// list of its columns and the extension fields' values, which the writer reads beside it).
    let reads: [String: [String]]

    /// `schemaTables`: the tables sql/schema/ and the import create, which exist from the start.
    init(catalog: SQLCatalog, schemaTables: Set<String>) throws {
        var files: [String: SQLCatalog.File] = [:]
        var reads: [String: [String]] = [:]
        var problems: [String] = []
        for file in catalog.files {
            guard let name = file.createdName else { continue }
            files[name] = file
            guard let declared = file.declaredReads else {
                problems.append("\(catalog.origin) \(file.path): its header has no `-- reads:` line; list the tables and views it reads")
                continue
            }
            reads[name] = declared + (name.hasPrefix("clever_") ? Exporter.readBeside : [])
        }
        for (name, names) in reads.sorted(by: { $0.key < $1.key }) {
            for read in names where files[read] == nil && !schemaTables.contains(read) {
                problems.append("\(catalog.origin) \(files[name]!.path): reads \(read), which no file of sql/ creates and sql/schema/ does not define")
            }
        }
        self.files = files
        self.reads = reads
        if let cycle = problems.isEmpty ? firstCycle() : nil {
            problems.append("\(catalog.origin): \(cycle.joined(separator: " reads ")): a file cannot wait for itself")
        }
        if !problems.isEmpty { throw DatabaseError(message: problems.joined(separator: "\n"), context: nil) }
    }

    func isModel(_ name: String) -> Bool { files[name]?.path.hasPrefix(SQLCatalog.modelFolder + "/") == true }

    /// The models `name` waits for: those it reads, directly or through views.
    func models(neededBy name: String) -> Set<String> {
        var found: Set<String> = [], seen: Set<String> = []
        func visit(_ read: String) {
            guard seen.insert(read).inserted else { return }
            if isModel(read) { found.insert(read) }
            // A model's own reads are its build's business; a view is read through.
            if !isModel(read) || read == name { reads[read]?.forEach(visit) }
        }
        visit(name)
        found.remove(name)
        return found
    }

    /// The names that read `name` directly.
    func readers(of name: String) -> [String] {
        reads.filter { $0.value.contains(name) }.map(\.key).sorted()
    }

    private func firstCycle() -> [String]? {
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var path: [String] = []
        func visit(_ name: String) -> [String]? {
            if state[name] == 2 { return nil }
            if state[name] == 1 { return Array(path[path.firstIndex(of: name)!...]) + [name] }
            state[name] = 1
            path.append(name)
            for read in reads[name] ?? [] { if let cycle = visit(read) { return cycle } }
            path.removeLast()
            state[name] = 2
            return nil
        }
        for name in reads.keys.sorted() { if let cycle = visit(name) { return cycle } }
        return nil
    }
}

extension SQLCatalog.File {
    /// The table or view the file creates, by the folder's naming rule: models/NAME.sql and
    /// staging/NAME.sql create NAME, clever/FILE.sql clever_FILE, oneroster/FILE.sql oneroster_FILE,
    /// checks/CHECK.sql check_CHECK.
    var createdName: String? {
        let folder = path.split(separator: "/").first.map(String.init) ?? ""
        switch folder {
        case SQLCatalog.modelFolder, SQLCatalog.stagingFolder: return model
        case SQLCatalog.cleverFolder: return "clever_" + model
        case SQLCatalog.oneRosterFolder: return "oneroster_" + model
        case SQLCatalog.checkFolder: return "check_" + model
        default: return nil
        }
    }

    /// The names on the header's `-- reads:` line (nil when it has none).
    var declaredReads: [String]? {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("--") else { break }
            if line.hasPrefix("-- reads:") {
                return line.dropFirst("-- reads:".count).split(separator: ",")
                    .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
            }
        }
        return nil
    }

    /// Whether the model is a view (built in no time, read in place), not a table.
    var createsView: Bool { text.range(of: "create view", options: .caseInsensitive) != nil }
}
