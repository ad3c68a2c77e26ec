extension OptionCatalog {
    /// The [delivery.*] keys: where the files go. None of them reaches SQL, and no secret is
    /// ever a value here: secrets are named by the environment variable that holds them.
    static let deliveryOptions: [OptionSpec] = [
        spec("delivery.local.dir", .text, .text("out"), "Folder the CSVs are written to (files replaced whole).", sql: false),
        spec("delivery.local.archive", .flag, .flag(true), "Also keep each run's files in a dated subfolder.", sql: false),
    ]
}
