import Foundation

/// Each run builds the staging database as a new file beside the last run's (`<database>.new`)
/// and renames it into place once it is complete. A run that fails, is killed, or is cut short by
/// a crash of the machine leaves the last run's database as it was; and SQLite fills a new file
/// faster than it reuses the pages of an old one.
struct StagingFile {
    /// The staging database that `explain`, `deliver` and analysts open.
    let path: String

    var newPath: String { path + ".new" }

    /// The last run's file, under a second name while its replacement is renamed into place.
    private var asidePath: String { path + ".old" }

    /// Removals of large files still running on a background thread (`waitForRemovals`).
    private let removals = DispatchGroup()

    /// Creates the new file, readable by its owner only (it holds children's data and any
    /// passwords the files carry; SQLite gives its journals the same permissions). Files a
    /// killed run left behind are removed first.
    func create() throws -> Database {
        discard()
        unlink(asidePath)
        try createOwnerOnly(newPath)
        let database = try Database(path: newPath)
        try database.execute(Self.pageSize)
        return database
    }

    /// The page size of the new file and of its scratch files, set before their first table.
    /// 16 KiB rather than SQLite's 4 KiB: the run reads millions of rows by index and by scan,
    /// and bigger pages mean fewer of them to read (a run at 1M students 13% faster,
    /// docs/benchmark.md).
    static let pageSize = "pragma page_size = 16384"

    /// No journal and no waiting for the disk, for the new file until its build and for the
    /// scratch files: a run that fails discards them, so nothing is ever rolled back in them.
    /// (With a journal, each 16-row INSERT of the import journals the pages it changes: 3 GB
    /// at 1M students.) The finished file is synced once, before it replaces the last run's.
    static let unjournaled = "pragma journal_mode = off; pragma synchronous = off"

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
        removeInBackground(["", "-journal"].map { path + $0 })
    }

    /// Unlinks files on a background thread: freeing a large file's blocks can take longer than
    /// writing it (over a second for 1.6 GB on a disk mounted with `discard`), and only the end
    /// of the run needs to wait for it.
    private func removeInBackground(_ paths: [String]) {
        DispatchQueue.global(qos: .utility).async(group: removals) {
            for path in paths { unlink(path) }
        }
    }

    /// Waits for the background removals; a run calls it before it ends.
    func waitForRemovals() {
        removals.wait()
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
        // A second name keeps the last run's file from being freed by the rename, which would
        // wait for it; the name is removed in the background.
        unlink(asidePath)  // a killed run's
        let keptAside = link(path, asidePath) == 0
        CrashPoint.reached("staging replace")
        guard rename(newPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            if keptAside { unlink(asidePath) }
            throw WriteError(path: path, reason: reason)
        }
        if keptAside { removeInBackground([asidePath]) }
        for suffix in ["-journal", "-wal", "-shm"] { unlink(newPath + suffix) }
    }

    /// Removes the new file, the scratch files and any journal SQLite left beside them.
    func discard() {
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(newPath + suffix) }
        try? FileManager.default.removeItem(atPath: scratchDirectory)
    }

    /// Removes the scratch folder, in the background, once everything in it is copied in.
    func removeScratchDirectory() {
        let directory = scratchDirectory
        DispatchQueue.global(qos: .utility).async(group: removals) {
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    /// The last run's database, created (owner-only) when there is none; for recording a run
    /// that failed before it built a new one.
    func openPrevious() throws -> Database {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if descriptor >= 0 { close(descriptor) }
        return try Database(path: path)
    }
}
