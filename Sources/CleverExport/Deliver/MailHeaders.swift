import Foundation

/// The header lines libcurl does not write itself: Date, From, To, Subject, Message-ID.
struct MailHeaders {
    let from: String
    let to: [String]
    let subject: String
    var date = Date()

    func lines() -> [String] {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let domain = from.split(separator: "@").last.map(String.init) ?? "localhost"
        return [
            "Date: \(formatter.string(from: date))",
            "From: \(from)",
            "To: \(to.joined(separator: ", "))",
            "Subject: \(Self.encoded(subject))",
            "Message-ID: <\(UUID().uuidString.lowercased())@\(domain)>",
        ]
    }

    /// ASCII as is; anything else as RFC 2047 encoded words, short enough for one line each.
    static func encoded(_ text: String) -> String {
        if text.allSatisfy({ $0.isASCII && !$0.isNewline }) { return text }
        var words: [String] = []
        var chunk = ""
        for character in text where !character.isNewline {
            if chunk.utf8.count + character.utf8.count > 45 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: " ")
    }
}
