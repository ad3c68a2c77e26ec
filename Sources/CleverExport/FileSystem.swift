import Foundation

/// Creates `path` and the folders above it, as `mkdir -p`, for their owner only (0700; a folder
/// that exists is left as it is). POSIX calls, so that a failure is told in the system's own
/// words ("Permission denied", "Not a directory").
func makeFolder(_ path: String) throws {
    var made = path.hasPrefix("/") ? "" : "."
    for part in path.split(separator: "/") {
        made += "/" + part
        if mkdir(made, 0o700) != 0 && errno != EEXIST {
            throw WriteError(path: path, reason: String(cString: strerror(errno)))
        }
    }
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
        throw WriteError(path: path, reason: "a file of that name is in the way")
    }
}

/// The system's own words for a file error ("Permission denied", "No space left on device"):
/// Foundation on Linux describes most of them only as "NSCocoaErrorDomain error 512".
func plainReason(_ error: Error) -> String {
    let error = error as NSError
    if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
        return String(cString: strerror(Int32(underlying.code)))
    }
    if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
    return error.localizedDescription
}
