import CCurl
import CLibSSH2
import CSQLite
import Foundation

/// The tool's version, and those of the libraries it runs with (as loaded, which may be newer
/// than the ones it was built against).
public enum Version {
    public static let tool = "0.9.0"

    public static var libraries: String {
        // "libcurl/7.88.1 OpenSSL/3.0.15 ...": the first word, without its name.
        let curl = String(cString: curl_version()).split(separator: " ").first.map { $0.replacingOccurrences(of: "libcurl/", with: "") } ?? "?"
        let ssh = libssh2_version(0).map { String(cString: $0) } ?? "?"
        return "SQLite \(String(cString: sqlite3_libversion())), libssh2 \(ssh), libcurl \(curl)"
    }

    public static var description: String { "clever-export \(tool) (\(libraries))" }
}
