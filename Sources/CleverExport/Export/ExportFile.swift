/// A Clever file the export can write; each is the view `clever_<name>`.
public enum ExportFile: String, CaseIterable, Sendable {
    case schools, students, teachers, sections, enrollments, staff, admins

    public static let defaultSet: [ExportFile] = [.schools, .students, .teachers, .sections, .enrollments, .staff]

    var fileName: String { rawValue + ".csv" }
    var viewName: String { "clever_" + rawValue }
}
