import Foundation
import TOMLKit

extension Configuration {
    /// Reads a TOML config file. Every problem (unknown key, wrong type, value not allowed,
    /// options that contradict each other) is collected and thrown together.
    public static func load(path: String) throws -> Configuration {
        let name = URL(fileURLWithPath: path).lastPathComponent
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ConfigurationError(file: path, problems: ["cannot be read; check the path, or write one with `clever-export init`"])
        }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try parse(text, name: name, baseDirectory: base)
    }

    public static func parse(_ text: String, name: String, baseDirectory: String) throws -> Configuration {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError(
                file: name,
                problems: ["line \(error.source.begin.line), column \(error.source.begin.column): \(error.description)"])
        }
        var reader = Reader()
        reader.walk(table, prefix: "")
        let configuration = Configuration(baseDirectory: baseDirectory, values: reader.values, presentTables: reader.tables)
        reader.problems += configuration.crossChecks()
        guard reader.problems.isEmpty else { throw ConfigurationError(file: name, problems: reader.problems) }
        return configuration
    }

    /// Rules that involve more than one key.
    func crossChecks() -> [String] {
        var problems: [String] = []
        if flag("sections.split_shared_teachers") && integer("sections.teacher_columns") < 2 {
            problems.append("sections.split_shared_teachers: needs sections.teacher_columns of 2 or more (shared teachers are written as co-teachers in Teacher_2_id and on)")
        }
        let allowedFiles = ExportFile.allCases.map(\.rawValue)
        for file in list("export.files") where !allowedFiles.contains(file) {
            problems.append("export.files: \"\(file)\" is not a Clever file; use any of \(allowedFiles.joined(separator: ", "))")
        }
        if flag("oneroster.enabled") {
            for key in ["oneroster.district_id", "oneroster.district_name"] where text(key).trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append("\(key): missing; the OneRoster set's district org needs it (oneroster.enabled is true)")
            }
        }
        problems += deliveryChecks()
        return problems
    }
}

/// Walks the parsed TOML against `OptionCatalog`, converting values and collecting problems.
private struct Reader {
    var values: [String: OptionValue] = [:]
    var tables: Set<String> = []
    var problems: [String] = []

    static let knownTables: Set<String> = Set(OptionCatalog.all.flatMap { spec -> [String] in
        let parts = spec.key.split(separator: ".").dropLast()
        return parts.indices.map { parts[...$0].joined(separator: ".") }
    })

    mutating func walk(_ table: TOMLTable, prefix: String) {
        for (name, value) in table {
            let key = prefix.isEmpty ? name : prefix + "." + name
            // An extension table is one option's value, not a table of options.
            if let spec = OptionCatalog.byKey[key], case .extensions = spec.kind {
                if let converted = convert(value, for: spec) { values[key] = converted }
                continue
            }
            if let subtable = value.table {
                if Self.knownTables.contains(key) {
                    tables.insert(key)
                    walk(subtable, prefix: key)
                } else {
                    problems.append("[\(key)]: unknown table\(suggestion(for: key, among: Array(Self.knownTables)))")
                }
                continue
            }
            if Self.knownTables.contains(key) {
                problems.append("\(key): expected a table ([\(key)] and its keys on the lines below), found \(describe(value))")
                continue
            }
            guard let spec = OptionCatalog.byKey[key] else {
                let siblings = OptionCatalog.all.map(\.key).filter { $0.hasPrefix(prefix + ".") }
                problems.append("\(key): unknown key\(suggestion(for: key, among: siblings))")
                continue
            }
            if let converted = convert(value, for: spec) { values[key] = converted }
        }
    }

    mutating func convert(_ value: TOMLValueConvertible, for spec: OptionSpec) -> OptionValue? {
        let wrongType = "\(spec.key): expected \(spec.allowedValues), found \(describe(value))"
        switch spec.kind {
        case .flag:
            guard let flag = value.bool else { problems.append(wrongType); return nil }
            return .flag(flag)
        case .text:
            guard let text = value.string else { problems.append(wrongType); return nil }
            return .text(text)
        case .integer(let range):
            guard let number = value.int else { problems.append(wrongType); return nil }
            guard range.contains(number) else { problems.append("\(spec.key): expected \(spec.allowedValues), found \(number)"); return nil }
            return .integer(number)

        case .list:
            guard let items = strings(value) else { problems.append(wrongType); return nil }
            return .list(items)
        case .date:
            if let date = value.date {
                return .date(String(format: "%04d-%02d-%02d", date.year, date.month, date.day))
            }
            guard let text = value.string, let day = calendarDay(text) else { problems.append(wrongType); return nil }
            return .date(day)
        case .columns(let names):
            if let flag = value.bool { return .flag(flag) }
            guard let items = strings(value) else { problems.append(wrongType); return nil }
            let unknown = items.filter { !names.contains($0) }
            guard unknown.isEmpty else {
                let listed = unknown.map { "\"\($0)\"" }.joined(separator: ", ")
                problems.append("\(spec.key): \(listed) is not a column it can add; use true or some of \(names.joined(separator: ", "))")
                return nil
            }
            return .list(items)
        case .extensions(let userText):
            return extensions(value, for: spec, userText: userText)
        case .choice(let names, let userText):
            guard let text = value.string else { problems.append(wrongType); return nil }
            if names.contains(text) { return .text(text) }
            if userText && text.hasPrefix("user_text:") && text.count > "user_text:".count {
                return .text(text)
            }
            problems.append("\(spec.key): \"\(text)\" is not allowed; use one of \(spec.allowedValues)")
            return nil
        }
    }

    /// An extension table: each NAME letters, digits and '_', each SOURCE "column:COLUMN" or (for
    /// people) "user_text:FIELD".
    mutating func extensions(_ value: TOMLValueConvertible, for spec: OptionSpec, userText: Bool) -> OptionValue? {
        guard let table = value.table else {
            problems.append("\(spec.key): expected \(spec.allowedValues) ([\(spec.key)] and NAME = \"SOURCE\" lines below it), found \(describe(value))")
            return nil
        }
        var fields: [String: String] = [:]
        let sources = userText ? "\"column:COLUMN\" or \"user_text:FIELD\"" : "\"column:COLUMN\""
        for (name, source) in table {
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                problems.append("\(spec.key).\(name): a field name is letters, digits and '_' only (it becomes the column ext.NAME)")
                continue
            }
            guard let text = source.string,
                  let colon = text.firstIndex(of: ":"), text.index(after: colon) < text.endIndex,
                  text[..<colon] == "column" || (userText && text[..<colon] == "user_text")
            else {
                problems.append("\(spec.key).\(name): expected \(sources), found \(describe(source))")
                continue
            }
            fields[name] = text
        }
        return .table(fields)
    }

    /// A list of strings, or one string of items separated by ';' or ',' (as the reference
    /// product takes lists); nil for anything else.
    func strings(_ value: TOMLValueConvertible) -> [String]? {
        if let single = value.string { return splitList(single) }
        guard let array = value.array else { return nil }
        var items: [String] = []
        for item in array {
            guard let text = item.string else { return nil }
            items.append(text)
        }
        return items
    }

    /// The reference product takes lists separated by ';' or ','; accept a string that way too.
    func splitList(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == ";" || $0 == "," })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func describe(_ value: TOMLValueConvertible) -> String {
        if let text = value.string { return "the string \"\(text)\"" }
        if let number = value.int { return "the number \(number)" }
        if let flag = value.bool { return "\(flag)" }
        if let list = value.array {
            return list.first(where: { $0.string == nil }).map { "a list holding \(describe($0))" } ?? "a list"
        }
        return "a value of type \(value.type)"
    }

    func suggestion(for key: String, among candidates: [String]) -> String {
        let scored = candidates.map { ($0, editDistance($0, key)) }.min { $0.1 < $1.1 }
        if let (best, distance) = scored, distance <= 3 { return " (did you mean \(best)?)" }
        return ""
    }
}

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var previous = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...max(b.count, 1) where !b.isEmpty {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
