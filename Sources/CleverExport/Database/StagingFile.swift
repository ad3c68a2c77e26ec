import Foundation

/// Each run builds the staging database as a new file beside the last run's (`<database>.new`)
/// and renames it into place once it is complete. A run that fails, is killed, or is cut short by
/// a crash of the machine leaves the last run's database as it was; and SQLite fills a new file
/// faster than it reuses the pages of an old one.
struct StagingFile {
    /// The staging database that `explain`, `deliver` and analysts open.
    let path: String

    var newPath: String { path + ".new" }

    /// Creates the new file, readable by its owner only (it holds children's data and any
    /// passwords the files carry; SQLite gives its journals the same permissions). Files a
    /// killed run left behind are removed first.
    func create() throws -> Database {
        discard()
        try createOwnerOnly(newPath)
        return try Database(path: newPath)
    }

    /// Scratch files of the work done on the other core and then copied into the new file (the
    /// importer's second loader, models built alongside), in a folder of their own.
    var scratchDirectory: String { path + ".new-scratch" }

    /// Creates an empty scratch file named `name`, as owner-only as the new file.
    func createScratch(_ name: String) throws -> String {
        if mkdir(scratchDirectory, 0o700) != 0 && errno != EEXIST {
            throw WriteError(path: scratchDirectory, reason: String(cString: strerror(errno)))
        }
        let scratch = URL(fileURLWithPath: scratchDirectory).appending(path: name + ".db").path
        try createOwnerOnly(scratch)
        return scratch
    }

    /// Removes a scratch file once it is copied in, with any journal SQLite left beside it.
    func removeScratch(_ path: String) {
        for suffix in ["", "-journal"] { unlink(path + suffix) }
    }

    private func createOwnerOnly(_ path: String) throws {
        let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        close(descriptor)
    }

    /// Starts writing the new file's pages to the disk on a background thread, so that the sync
    /// before the rename finds little left to write; the run does not wait for it.
    func writeAhead() {
        let path = newPath
        DispatchQueue.global(qos: .utility).async {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return }
            fdatasync(descriptor)
            close(descriptor)
        }
    }

    /// Puts the new file in place of the last run's, once every connection to it is closed:
    /// written through to the disk first, so that after the rename the database is whole even
    /// if the machine crashes.
    func replacePrevious() throws {
        let descriptor = open(newPath, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0, fsync(descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            if descriptor >= 0 { close(descriptor) }
            throw WriteError(path: newPath, reason: reason)
        }
        close(descriptor)
        guard rename(newPath, path) == 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        discard()
    }

    /// Removes the new file, the scratch files and any journal SQLite left beside them.
    func discard() {
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(newPath + suffix) }
        removeScratchDirectory()
    }

    func removeScratchDirectory() {
        try? FileManager.default.removeItem(atPath: scratchDirectory)
    }

    /// The last run's database, created (owner-only) when there is none; for recording a run
    /// that failed before it built a new one.
    func openPrevious() throws -> Database {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if descriptor >= 0 { close(descriptor) }
        return try Database(path: path)
    }
}
