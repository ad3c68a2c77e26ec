/// Something wrong with an input file, located so a person can open the file and fix it.
public struct InputProblem: Error, Equatable, CustomStringConvertible, Sendable {
    public let file: String
    public let line: Int?
    public let column: String?
    public let message: String

    public init(file: String, line: Int? = nil, column: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += " column \(column)" }
        return "\(place): \(message)"
    }
}
