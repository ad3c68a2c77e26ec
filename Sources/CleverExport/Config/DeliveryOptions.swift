extension OptionCatalog {
    /// The [delivery.*] keys: where the files go. None of them reaches SQL, and no secret is
    /// ever a value here: secrets are named by the environment variable that holds them.
    static let deliveryOptions: [OptionSpec] = [
        spec("delivery.local.dir", .text, .text("out"), "Folder the CSVs are written to (files replaced whole).", sql: false),
        spec("delivery.local.archive", .flag, .flag(true), "Also keep each run's files in a dated subfolder.", sql: false),

        spec("delivery.sftp.host", .text, .text(""), "SFTP server name or address (required).", sql: false),
        spec("delivery.sftp.port", .integer(1...65535), .integer(22), "SFTP server port.", sql: false),
        spec("delivery.sftp.user", .text, .text(""), "Account to log in as (required).", sql: false),
        spec("delivery.sftp.remote_dir", .text, .text(""), "Existing folder on the server the files go to; empty: the account's root.", sql: false),
        spec("delivery.sftp.known_hosts", .text, .text(""), "OpenSSH known_hosts file holding the server's key (required; never trusted on first use). Make it with ssh-keyscan -p PORT HOST >> FILE and check the fingerprint with the provider.", sql: false),
        spec("delivery.sftp.key_file", .text, .text(""), "Private key to log in with (OpenSSH-format ed25519 or ECDSA). Set this or password_env.", sql: false),
        spec("delivery.sftp.key_passphrase_env", .text, .text(""), "Name of the environment variable holding the key's passphrase, if it has one.", sql: false),
        spec("delivery.sftp.password_env", .text, .text(""), "Name of the environment variable holding the password. Set this or key_file.", sql: false),
        spec("delivery.sftp.timeout_seconds", .integer(1...3600), .integer(60), "The longest to wait for the server at any one step (connect, handshake, each write, each rename); past it the delivery fails.", sql: false),

        spec("delivery.email.smtp_url", .text, .text(""), "Mail server: smtps://host:465 (TLS from the start) or smtp://host:587 (STARTTLS). Required.", sql: false),
        spec("delivery.email.starttls", .choice(["required", "none"], userText: false), .text("required"), "For smtp://: \"required\" refuses to send without STARTTLS; \"none\" (plain text) is allowed only for a relay on 127.0.0.1/localhost.", sql: false),
        spec("delivery.email.from", .text, .text(""), "Sender address (required).", sql: false),
        spec("delivery.email.to", .list, .list([]), "Recipient addresses (at least one).", sql: false),
        spec("delivery.email.subject", .text, .text("Clever roster files"), "Subject line.", sql: false),
        spec("delivery.email.username", .text, .text(""), "Login for SMTP AUTH; empty: send without logging in.", sql: false),
        spec("delivery.email.password_env", .text, .text(""), "Name of the environment variable holding the SMTP password.", sql: false),
        spec("delivery.email.ca_file", .text, .text(""), "PEM file of CA certificates to trust instead of the system's (a private CA); certificates are always verified.", sql: false),
        spec("delivery.email.timeout_seconds", .integer(1...3600), .integer(60), "The longest to wait for the server at any one step (connect, each reply, a stalled upload); past it the delivery fails.", sql: false),
    ]
}
