import Foundation

/// Problems with the configuration, each naming the key, all reported together.
public struct ConfigurationError: Error, CustomStringConvertible {
    public let file: String
    public let problems: [String]

    public var description: String {
        problems.map { "\(file): \($0)" }.joined(separator: "\n")
    }
}

/// A run's settings: every key of `OptionCatalog` with its value (the default when the file
/// leaves it out), plus where relative paths start.
public struct Configuration: Sendable {
    public private(set) var values: [String: OptionValue]
    /// Folder that relative paths in the config are relative to.
    public let baseDirectory: String
    /// The tables the file wrote (e.g. "delivery.local"), to know which targets are configured.
    public let presentTables: Set<String>

    public init(baseDirectory: String, values: [String: OptionValue] = [:], presentTables: Set<String> = []) {
        var all = Dictionary(uniqueKeysWithValues: OptionCatalog.all.map { ($0.key, $0.defaultValue) })
        all.merge(values) { _, new in new }
        self.values = all
        self.baseDirectory = baseDirectory
        self.presentTables = presentTables
    }

    public subscript(key: String) -> OptionValue {
        get {
            guard let value = values[key] else { preconditionFailure("no option \(key) in OptionCatalog") }
            return value
        }
        set { values[key] = newValue }
    }

    public func flag(_ key: String) -> Bool {
        if case .flag(let value) = self[key] { return value }
        preconditionFailure("\(key) is not a flag")
    }

    public func text(_ key: String) -> String {
        if case .text(let value) = self[key] { return value }
        preconditionFailure("\(key) is not text")
    }

    /// A text option, or nil when it is empty (not set).
    public func optionalText(_ key: String) -> String? {
        let value = text(key)
        return value.isEmpty ? nil : value
    }

    public func list(_ key: String) -> [String] {
        if case .list(let value) = self[key] { return value }
        preconditionFailure("\(key) is not a list")
    }

    public func integer(_ key: String) -> Int {
        if case .integer(let value) = self[key] { return value }
        preconditionFailure("\(key) is not a number")
    }

    /// A path from the config, made absolute against the config file's folder.
    public func path(_ key: String) -> String {
        resolve(text(key))
    }

    public func resolve(_ path: String) -> String {
        let expanded = NSString(string: path).expandingTildeInPath
        if expanded.hasPrefix("/") { return expanded }
        return URL(fileURLWithPath: baseDirectory).appending(path: expanded).standardizedFileURL.path
    }

    public var files: [ExportFile] {
        list("export.files").compactMap(ExportFile.init(rawValue:))
    }

    /// The as-of date: the configured one, else today (local time).
    public var asOf: String {
        if case .date(let day?) = self["export.as_of"] { return day }
        return Self.today()
    }

    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
