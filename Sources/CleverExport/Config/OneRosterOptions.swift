extension OptionCatalog {
    /// The [oneroster] keys (the OneRoster 1.1 set, ../shared/spec/oneroster-output.md), and its
    /// own delivery tables, which take the keys of [delivery.sftp] and [delivery.email].
    static let oneRoster: [OptionSpec] = [
        spec("oneroster.enabled", .flag, .flag(false), "Also write the OneRoster 1.1 set (oneroster/ and oneroster.zip); off: nothing OneRoster is written or checked."),
        spec("oneroster.district_id", .text, .text(""), "sourcedId of the district org; required when enabled; must differ from every school_code."),
        spec("oneroster.district_name", .text, .text(""), "Name of the district org; required when enabled."),
        spec("oneroster.guardians", .flag, .flag(false), "Also write the students' contacts as users (parent, guardian, relative), linked both ways by agentSourcedIds."),
        spec("oneroster.demographics", .flag, .flag(false), "Also write demographics.csv (students' birth date, sex, race, ethnicity)."),
        spec("oneroster.other_staff_role", .choice(["aide", "administrator", "omit"], userText: false), .text("aide"), "Role of staff that no rule classifies; \"omit\" leaves them out."),
    ] + deliveryOptions.filter { $0.key.hasPrefix("delivery.sftp.") || $0.key.hasPrefix("delivery.email.") }.map { spec in
        OptionSpec(key: "oneroster." + spec.key, kind: spec.kind,
                   defaultValue: spec.key == "delivery.email.subject" ? .text("OneRoster roster files") : spec.defaultValue,
                   summary: spec.summary, reachesSQL: false)
    }
}
