import Foundation

/// Puts the files into a local folder, replacing each file whole (a temporary name, then a
/// rename), and optionally keeps a copy of the set in `archive/<date-time>/`, which appears whole
/// (filled as `archive/.<date-time>.partial`, then renamed; a killed run's partial folder goes
/// with the next delivery).
public struct LocalFolderDelivery: Delivery {
    public let directory: String
    public let archive: Bool
    public let stamp: String

    public init(directory: String, archive: Bool, stamp: String) {
        self.directory = directory
        self.archive = archive
        self.stamp = stamp
    }

    public var target: String { "folder \(directory)" }

    public func deliver(_ files: [DeliveredFile], summary: String? = nil) throws {
        try place(files, in: directory)
        guard archive else { return }
        let folder = archiveFolder()
        let partial = URL(fileURLWithPath: folder).deletingLastPathComponent()
            .appending(path: ".\(URL(fileURLWithPath: folder).lastPathComponent).partial").path
        removePartialArchives()
        try place(files, in: partial)
        CrashPoint.reached("archive filled")
        guard rename(partial, folder) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: partial)
            throw WriteError(path: folder, reason: reason)
        }
    }

    /// What a run killed while filling an archive folder left.
    private func removePartialArchives() {
        let archive = URL(fileURLWithPath: directory).appending(path: "archive")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: archive.path)) ?? []
        where name.hasPrefix(".") && name.hasSuffix(".partial") {
            try? FileManager.default.removeItem(at: archive.appending(path: name))
        }
    }

    /// archive/<stamp>, or <stamp>-2, -3 … when a run that started in the same second has it.
    private func archiveFolder() -> String {
        let archive = URL(fileURLWithPath: directory).appending(path: "archive")
        var folder = archive.appending(path: stamp), copy = 1
        while FileManager.default.fileExists(atPath: folder.path) {
            copy += 1
            folder = archive.appending(path: "\(stamp)-\(copy)")
        }
        return folder.path
    }

    private func place(_ files: [DeliveredFile], in folder: String) throws {
        try makeFolder(folder)
        var staged: [(temporary: String, final: String)] = []
        defer { for entry in staged { unlink(entry.temporary) } }
        for file in files {
            let final = URL(fileURLWithPath: folder).appending(path: file.name).path
            let within = URL(fileURLWithPath: final).deletingLastPathComponent()
            if within.path != URL(fileURLWithPath: folder).path { try makeFolder(within.path) }
            // One name a file, so that what a killed run left is replaced by the next.
            let temporary = within.appending(path: ".\(URL(fileURLWithPath: final).lastPathComponent).tmp").path
            unlink(temporary)
            // A hard link costs nothing on the same file system; elsewhere, copy.
            if link(file.path, temporary) != 0 {
                do { try FileManager.default.copyItem(atPath: file.path, toPath: temporary) } catch {
                    unlink(temporary)  // a copy cut short (a full disk) must not stay behind
                    throw WriteError(path: final, reason: plainReason(error))
                }
            }
            staged.append((temporary, final))
        }
        // The defer removes the temporary names: rename() leaves both when they are links to the
        // same file (the same set delivered again).
        for entry in staged {
            guard rename(entry.temporary, entry.final) == 0 else {
                throw WriteError(path: entry.final, reason: String(cString: strerror(errno)))
            }
            CrashPoint.reached("folder renamed \(URL(fileURLWithPath: entry.final).lastPathComponent)")
        }
    }
}
