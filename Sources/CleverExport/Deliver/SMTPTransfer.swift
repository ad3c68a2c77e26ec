import CCurl
import Foundation

private let curlInitialized = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

/// One libcurl SMTP conversation: TLS (implicit for smtps://, STARTTLS required for smtp://
/// unless configured off), optional login, then either a message or nothing (a check).
/// Owns the curl handle and every list and MIME tree handed to it.
final class SMTPTransfer {
    private let settings: EmailSettings
    private let curl: UnsafeMutableRawPointer
    private var lists: [UnsafeMutablePointer<curl_slist>] = []
    private var mime: OpaquePointer?
    private let errorText = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))

    init(_ settings: EmailSettings) throws {
        guard curlInitialized == CURLE_OK, let curl = curl_easy_init() else {
            throw DeliveryError("libcurl could not be initialized")
        }
        self.settings = settings
        self.curl = curl
        errorText[0] = 0
        _ = clever_curl_set_pointer(curl, CURLOPT_ERRORBUFFER, errorText)
        _ = clever_curl_set_long(curl, CURLOPT_NOSIGNAL, 1)
        _ = clever_curl_set_string(curl, CURLOPT_URL, settings.smtpURL)
        _ = clever_curl_set_string(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps")
        // No limit on the whole conversation (a big set on a slow line takes long), but on every
        // wait: connecting, each reply, and an upload that moves less than a byte a second.
        _ = clever_curl_set_long(curl, CURLOPT_CONNECTTIMEOUT_MS, Int(settings.timeout * 1000))
        _ = clever_curl_set_long(curl, CURLOPT_SERVER_RESPONSE_TIMEOUT, Int(settings.timeout.rounded(.up)))
        _ = clever_curl_set_long(curl, CURLOPT_LOW_SPEED_LIMIT, 1)
        _ = clever_curl_set_long(curl, CURLOPT_LOW_SPEED_TIME, Int(settings.timeout.rounded(.up)))
        // Certificates are always verified; a private CA is trusted through ca_file.
        let tls = settings.starttlsRequired || settings.smtpURL.lowercased().hasPrefix("smtps:")
        _ = clever_curl_set_long(curl, CURLOPT_USE_SSL, Int(tls ? CURLUSESSL_ALL.rawValue : CURLUSESSL_NONE.rawValue))
        if let caFile = settings.caFile { _ = clever_curl_set_string(curl, CURLOPT_CAINFO, caFile) }
        if let username = settings.username {
            let password = try secret(named: settings.passwordEnv ?? "", key: "delivery.email.password_env")
            _ = clever_curl_set_string(curl, CURLOPT_USERNAME, username)
            _ = clever_curl_set_string(curl, CURLOPT_PASSWORD, password)
        }
    }

    deinit {
        curl_easy_cleanup(curl)
        if let mime { curl_mime_free(mime) }
        for list in lists { curl_slist_free_all(list) }
        errorText.deallocate()
    }

    /// Connects, starts TLS and logs in, then hangs up without sending anything.
    func check() throws {
        _ = clever_curl_set_long(curl, CURLOPT_CONNECT_ONLY, 1)
        try perform("connecting to \(settings.smtpURL)")
    }

    /// Sends one message: `headers` on top, then `body` as text and each file as a base64 text/csv attachment.
    func send(headers: [String], body: String, attachments: [String]) throws {
        _ = clever_curl_set_string(curl, CURLOPT_MAIL_FROM, "<\(settings.from)>")
        _ = clever_curl_set_list(curl, CURLOPT_MAIL_RCPT, list(settings.to.map { "<\($0)>" }))
        _ = clever_curl_set_list(curl, CURLOPT_HTTPHEADER, list(headers))
        let mime = curl_mime_init(curl)
        self.mime = mime
        let text = curl_mime_addpart(mime)
        curl_mime_data(text, body, body.utf8.count)
        curl_mime_type(text, "text/plain; charset=utf-8")
        curl_mime_encoder(text, "quoted-printable")
        for path in attachments {
            let part = curl_mime_addpart(mime)
            guard curl_mime_filedata(part, path) == CURLE_OK else { throw DeliveryError("cannot attach \(path)") }
            curl_mime_type(part, path.hasSuffix(".zip") ? "application/zip" : "text/csv")
            curl_mime_encoder(part, "base64")
        }
        _ = clever_curl_set_mime(curl, CURLOPT_MIMEPOST, mime)
        try perform("sending to \(settings.smtpURL)")
    }

    private func list(_ items: [String]) -> UnsafeMutablePointer<curl_slist>? {
        var list: UnsafeMutablePointer<curl_slist>?
        for item in items { list = curl_slist_append(list, item) }
        if let list { lists.append(list) }
        return list
    }

    private func perform(_ what: String) throws {
        let code = curl_easy_perform(curl)
        guard code != CURLE_OK else { return }
        var reply = 0
        _ = clever_curl_get_long(curl, CURLINFO_RESPONSE_CODE, &reply)
        let detail = errorText[0] != 0 ? String(cString: errorText) : String(cString: curl_easy_strerror(code))
        throw explain(code, reply: reply, detail: detail, what: what)
    }

    /// The final SMTP replies a district meets, in words.
    private static let finalReplies = [
        550: "a recipient's mailbox was refused; check delivery.email.to",
        552: "the message is larger than the server takes; ask for a larger limit, or deliver by SFTP",
        554: "the server refused the message",
    ]

    private func explain(_ code: CURLcode, reply: Int, detail: String, what: String) -> DeliveryError {
        switch code {
        case CURLE_LOGIN_DENIED:
            return DeliveryError("\(settings.smtpURL) refused the login of \(settings.username ?? "") (password from the environment variable \(settings.passwordEnv ?? "")): \(detail)")
        case CURLE_USE_SSL_FAILED:
            return DeliveryError("\(settings.smtpURL) does not offer STARTTLS, so nothing was sent (starttls = \"required\"). Use the server's TLS port (smtps://HOST:465) or a port that offers STARTTLS")
        case CURLE_PEER_FAILED_VERIFICATION:
            return DeliveryError("the TLS certificate of \(settings.smtpURL) could not be verified (\(detail)); if the server uses a private CA, point delivery.email.ca_file at the CA's certificate")
        case CURLE_SSL_CACERT_BADFILE:
            return DeliveryError("delivery.email.ca_file \(settings.caFile ?? "") cannot be read as PEM certificates: \(detail)")
        case CURLE_COULDNT_CONNECT:
            return DeliveryError("\(what): \(detail)", transient: true)
        case CURLE_OPERATION_TIMEDOUT:
            // After 354 the message may have arrived; sending it again could deliver it twice.
            return DeliveryError(
                "\(what): the server did not answer within \(Int(settings.timeout)) seconds (delivery.email.timeout_seconds; curl: \(detail))",
                transient: reply != 354)
        default:
            if let refusal = Self.finalReplies[reply] {
                return DeliveryError("\(what): \(refusal) (the server answered \(reply); curl: \(detail))")
            }
            // A 4xx reply means "try again later"; 5xx is final.
            let answered = reply > 0 ? " (the server answered \(reply))" : ""
            return DeliveryError("\(what): \(detail)\(answered)", transient: (400..<500).contains(reply))
        }
    }
}
