/// A file of the OneRoster 1.1 set, in the order the zip holds them; each is the view
/// `oneroster_<name>` of sql/oneroster/, whose `sort_key` column orders the rows and is not
/// written.
public enum OneRosterFile: String, CaseIterable, Sendable {
    case manifest, orgs, academicSessions, courses, classes, users, enrollments, demographics

    public var fileName: String { rawValue + ".csv" }

    /// The name a finding, the history and the change guard know it by: oneroster/users.csv.
    public var nameInSet: String { "oneroster/" + fileName }

    var viewName: String {
        "oneroster_" + rawValue.replacing(/[A-Z]/) { "_" + $0.output.lowercased() }
    }

    /// Whether the change guard compares it with the last delivered set (the manifest says
    /// nothing a receiver would lose).
    var isCompared: Bool { self != .manifest }

    /// The files a run writes: demographics.csv only when asked (the manifest marks it absent).
    static func files(demographics: Bool) -> [OneRosterFile] {
        allCases.filter { $0 != .demographics || demographics }
    }
}
