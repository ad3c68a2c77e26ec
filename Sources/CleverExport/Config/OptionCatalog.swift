/// Every configuration key, its type, default and meaning: the one list that the config
/// loader checks against, the options table is written from, and docs/options.md and
/// `clever-export init` are generated from.
public struct OptionSpec: Sendable {
    public enum Kind: Sendable, Equatable {
        case flag
        case text
        case integer(ClosedRange<Int>)
        case list
        case date
        /// One of the named sources; `userText` also allows `user_text:FIELD`.
        case choice([String], userText: Bool)
        /// Some of the named columns: true (all of them), false (none) or a list of names.
        case columns([String])
        /// A table of extension fields, NAME = "SOURCE" (`column:NAME`, or `user_text:FIELD` when
        /// `userText`), each written as a column ext.NAME.
        case extensions(userText: Bool)
    }

    public let key: String
    public let kind: Kind
    public let defaultValue: OptionValue
    public let summary: String
    /// Whether the views read it (it goes to the export_option table).
    public let reachesSQL: Bool

    var section: String { String(key[..<key.lastIndex(of: ".")!]) }
    var name: String { String(key[key.index(after: key.lastIndex(of: ".")!)...]) }

    /// What a person may write, for messages and docs.
    public var allowedValues: String {
        switch kind {
        case .flag: return "true or false"
        case .text: return "a string"
        case .integer(let range): return "a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .list: return "a list of strings"
        case .date: return "a date (YYYY-MM-DD)"
        case .choice(let names, let userText):
            return (names + (userText ? ["user_text:FIELD"] : [])).map { "\"\($0)\"" }.joined(separator: ", ")
        case .columns(let names):
            return "true (all), false (none) or a list of " + names.map { "\"\($0)\"" }.joined(separator: ", ")
        case .extensions(let userText):
            return "a table of NAME = \"column:COLUMN\"" + (userText ? " or \"user_text:FIELD\"" : "")
        }
    }
}

/// A typed option value.
public enum OptionValue: Sendable, Equatable {
    case flag(Bool)
    case text(String)
    case integer(Int)
    case list([String])
    case date(String?)  // nil: today, decided when the run starts
    /// Names and their values (extension fields: NAME = SOURCE).
    case table([String: String])
}

public enum OptionCatalog {
    static func spec(_ key: String, _ kind: OptionSpec.Kind, _ value: OptionValue, _ summary: String, sql: Bool = true)
        -> OptionSpec
    {
        OptionSpec(key: key, kind: kind, defaultValue: value, summary: summary, reachesSQL: sql)
    }

    /// The columns export.extra_columns may name (docs/options.md).
    static let extraColumns = [
        "schools.Low_grade", "schools.High_grade", "students.Ell_status", "students.Graduation_year", "teachers.Title",
        "sections.Section_number", "sections.Period", "sections.Grade", "sections.Course_description", "staff.Department",
    ]
    static let username = ["student_id", "student_number", "state_id", "email_local_part"]
    static let staffUsername = ["email", "email_local_part", "logon", "first_initial_last_name", "staff_id"]

    public static let all: [OptionSpec] = run + deliveryOptions + oneRoster

    static let run: [OptionSpec] = [
        spec("source.dir", .text, .text("extract"), "Folder holding the SIS extract CSVs.", sql: false),
        spec("source.database", .text, .text("staging.db"), "The staging SQLite database; it stays after the run for inspection.", sql: false),

        spec("export.as_of", .date, .date(nil), "The day the run describes; decides active enrollments. Default: today."),
        spec("export.schools", .list, .list([]), "School codes to export; empty means all."),
        spec("export.files", .list, .list(ExportFile.defaultSet.map(\.rawValue)), "Clever files to write: schools, students, teachers, sections, enrollments, staff, admins.", sql: false),
        spec("export.extra_columns", .columns(extraColumns), .flag(false), "Clever columns the reference leaves out or empty, to write: true for all, or a list of file.Column names."),

        spec("schools.ext", .extensions(userText: false), .table([:]), "Extension fields: NAME = \"column:COLUMN\" (of schools.csv) writes a column ext.NAME."),

        spec("students.username", .choice(username, userText: true), .text("student_id"), "Source of Username."),
        spec("students.username_suffix", .text, .text(""), "Appended to every non-empty username."),
        spec("students.password", .choice(["blank", "custom", "student_id", "student_number", "state_id", "birth_date"], userText: true), .text("blank"), "Source of Password (birth_date: MMDDYYYY)."),
        spec("students.password_text", .text, .text(""), "The password when password = \"custom\"."),
        spec("students.email", .choice(["sis", "username", "student_id", "blank"], userText: true), .text("sis"), "Source of Student_email (username: before its suffix)."),
        spec("students.email_suffix", .text, .text(""), "Appended, with its '@', to an e-mail value that has no '@'."),
        spec("students.prek_grade_name", .flag, .flag(true), "Grades 3F, 3H, 4F, 4H are written PreKindergarten (off: the code as is)."),
        spec("students.kindergarten_grade_name", .flag, .flag(true), "Grades KF, KH, DH are written Kindergarten (off: the code as is)."),
        spec("students.exclude_prek", .flag, .flag(false), "Leave PreK students out of every file."),
        spec("students.exclude_kindergarten", .flag, .flag(false), "Leave kindergarten students out of every file."),
        spec("students.frl_codes", .flag, .flag(true), "Frl_status as F/R/N (off: Free, Reduced, else empty)."),
        spec("students.iep_yes_no", .flag, .flag(true), "Iep_status as Y/N (off: the SIS description)."),
        spec("students.iep_inactive_values", .list, .list(["N", "No", "None", "Not Eligible", "Exited", "Inactive"]), "IEP descriptions that mean \"no IEP\" (any case)."),
        spec("students.school_override_user_text", .text, .text(""), "A user-text field whose non-empty value replaces School_id."),
        spec("students.hide_contacts", .flag, .flag(false), "Write every Contact_* column empty, one row per student."),
        spec("students.preg_transcript_school", .flag, .flag(false), "Students of a pre-registration school get their transcript school."),
        spec("students.home_language", .flag, .flag(false), "Add Home_language."),
        spec("students.unweighted_gpa", .text, .text(""), "A gpa_type: add Unweighted_gpa with that GPA."),
        spec("students.weighted_gpa", .text, .text(""), "A gpa_type: add Weighted_gpa with that GPA."),
        spec("students.all_guardians", .flag, .flag(false), "One row per guardian instead of guardian 1 alone."),
        spec("students.custody_issue_guardians", .flag, .flag(false), "Guardians with a custody issue may be included."),
        spec("students.dedupe_guardian_phones", .flag, .flag(false), "A guardian whose phone an earlier guardian already has gets its next different phone."),
        spec("students.address", .flag, .flag(false), "Populate Student_zip and add Student_street, Student_city, Student_state."),
        spec("students.contact_details", .flag, .flag(false), "Add Contact_relationship, Contact_phone_type, Contact_sis_id."),
        spec("students.ext", .extensions(userText: true), .table([:]), "Extension fields: NAME = \"user_text:FIELD\" or \"column:COLUMN\" (of students.csv) writes a column ext.NAME."),

        spec("teachers.username", .choice(staffUsername, userText: true), .text("email"), "Source of Username (also the default of staff.username's values)."),
        spec("teachers.email", .choice(["sis", "logon"], userText: true), .text("sis"), "Source of Teacher_email; also used by the staff and admins files."),
        spec("teachers.email_suffix", .text, .text(""), "Appended, with its '@', to an e-mail value that has no '@'."),
        spec("teachers.number", .choice(["teacher_number", "staff_id", "state_id", "logon"], userText: false), .text("teacher_number"), "Source of Teacher_number."),
        spec("teachers.password_text", .text, .text(""), "Written to Password when set."),
        spec("teachers.include_non_teaching", .flag, .flag(false), "All active staff of the selected schools, not only is_teacher = Y."),
        spec("teachers.row_per_school", .flag, .flag(false), "One row per school of the teacher (Clever reports the repeats as not unique)."),
        spec("teachers.ext", .extensions(userText: true), .table([:]), "Extension fields: NAME = \"user_text:FIELD\" or \"column:COLUMN\" (of staff.csv) writes a column ext.NAME."),

        spec("staff.username", .choice(staffUsername, userText: true), .text("email"), "Source of Username in staff.csv."),
        spec("staff.password", .choice(["blank", "custom", "email", "first_initial_last_name", "staff_id"], userText: true), .text("blank"), "Source of Password in staff.csv."),
        spec("staff.password_text", .text, .text(""), "The password when password = \"custom\"."),
        spec("staff.departments", .list, .list([]), "Only staff of these department codes; empty means all."),
        spec("staff.administrators_only", .flag, .flag(false), "Only staff with is_administrator = Y."),
        spec("staff.exclude_roles", .list, .list([]), "Leave out staff holding any of these roles (any case)."),
        spec("staff.role", .choice(["", "STL", "School Tech Lead"], userText: false), .text(""), "Written in Role (for everyone, or as the stl_ lists narrow it); empty leaves Role empty."),
        spec("staff.stl_roles", .list, .list([]), "With role: Role only for staff holding one of these roles (any case)."),
        spec("staff.stl_departments", .list, .list([]), "With role: Role only for staff of these department codes."),
        spec("staff.stl_staff_ids", .list, .list([]), "With role: Role only for these staff IDs."),
        spec("staff.exclude_teachers", .flag, .flag(false), "Leave out of staff.csv and admins.csv everyone who is in teachers.csv."),
        spec("staff.ext", .extensions(userText: true), .table([:]), "Extension fields: NAME = \"user_text:FIELD\" or \"column:COLUMN\" (of staff.csv) writes a column ext.NAME."),

        spec("sections.prepend_school_year", .flag, .flag(false), "Section_id = school_year + \"-\" + the rest."),
        spec("sections.prepend_teacher_name", .flag, .flag(false), "Section_id gets the teacher of record's last name + \"-\" after the school year."),
        spec("sections.require_user_flag_2", .flag, .flag(false), "Leave out sections of courses without user_flag_2."),
        spec("sections.exclude_courses", .list, .list([]), "Leave out sections of these course codes."),
        spec("sections.elementary_homerooms", .flag, .flag(false), "Add a homeroom section per ELEM school and homeroom, with its students."),
        spec("sections.append_homeroom_teacher", .flag, .flag(false), "ELEM schools: Name += \" - \" + the homeroom teacher's last name."),
        spec("sections.append_period", .flag, .flag(false), "MIDDLE schools: Name += \" - Period \" + print_period."),
        spec("sections.combine_inclusion", .flag, .flag(false), "Merge inclusion sections into their matching regular section."),
        spec("sections.teacher_columns", .integer(1...10), .integer(1), "How many teacher columns sections.csv has: Teacher_id, then Teacher_2_id to Teacher_N_id."),
        spec("sections.split_shared_teachers", .flag, .flag(false), "Shared teachers become co-teachers (needs teacher_columns of 2 or more)."),
        spec("sections.prepend_teacher_name_to_name", .flag, .flag(false), "Name = teacher of record's last name + \" - \" + Name."),
        spec("sections.lead_days", .integer(0...366), .integer(0), "An enrollment counts from this many days before its start date."),
        spec("sections.ext", .extensions(userText: false), .table([:]), "Extension fields: NAME = \"column:COLUMN\" (of sections.csv) writes a column ext.NAME."),

        spec("safety.max_drop_percent", .integer(0...100), .integer(10), "Stop before delivering when a file loses more than this share of its rows.", sql: false),
    ]

    public static let byKey: [String: OptionSpec] = Dictionary(uniqueKeysWithValues: all.map { ($0.key, $0) })
}

extension OptionValue {
    /// The value as TOML writes it, for `init` and the docs.
    public var tomlLiteral: String {
        switch self {
        case .flag(let value): return value ? "true" : "false"
        case .integer(let value): return "\(value)"
        case .text(let value): return Self.quoted(value)
        case .list(let items): return "[" + items.map(Self.quoted).joined(separator: ", ") + "]"
        case .date(let day): return day ?? "today"
        case .table(let fields):
            return "{" + fields.sorted { $0.key < $1.key }.map { " \($0.key) = \(Self.quoted($0.value))" }.joined(separator: ",")
                + (fields.isEmpty ? "}" : " }")
        }
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

extension OptionCatalog {
    /// A config file with every key at its default, each commented out under its meaning, so a
    /// district edits only what it needs.
    public static func commentedConfig() -> String {
        var text = """
            # clever-export configuration. Every key is optional; the value shown is its default.
            # Remove the '#' in front of a key to change it. docs/options.md explains each rule.
            # Relative paths are relative to this file's folder. Secrets never go here: name the
            # environment variable that holds them (password_env, key_passphrase_env).

            """
        var table = ""
        for spec in all {
            if spec.section != table {
                table = spec.section
                let present = ["source", "export", "delivery.local"].contains(table)
                text += "\n\(present ? "" : "# ")[\(table)]\n"
            }
            text += "# \(spec.summary)\n"
            switch spec.kind {
            case .choice: text += "# One of: \(spec.allowedValues)\n"
            default: break
            }
            switch (spec.key, spec.defaultValue) {
            case ("export.as_of", _): text += "# as_of = 2026-10-15\n"
            case ("delivery.local.dir", _): text += "dir = \"out\"\n"
            default: text += "# \(spec.name) = \(spec.defaultValue.tomlLiteral)\n"
            }
        }
        return text
    }
}
