import Foundation
import Synchronization

/// One writer per output directory: a run holds an exclusive lock on `<dir>/.smsim.lock`
/// from before it simulates until it exits, and a second run into the same directory is
/// refused with the holder's process id, instead of the two interleaving their files.
///
/// The lock is `flock(2)` on that file, which the kernel drops when the holder's process
/// ends however it ends (killed, crashed), so a stale lock cannot block the next run: the
/// file a killed run leaves behind is only a name; the next run locks it and writes its own
/// process id. A run that finishes, or stops on SIGINT/SIGTERM, removes the file.
/// Each shard of a sweep writes into its own directory and holds its own lock, so shards
/// run side by side; an interrupted sweep is resumed by rerunning it once the first is gone.
public final class OutputLock: @unchecked Sendable {
    /// The lock file's name inside the output directory.
    public static let fileName = ".smsim.lock"

    public let directory: String
    private let path: String
    private var descriptor: Int32

    /// Creates `directory` if needed and locks it, without waiting. Throws an `OutputLockError`
    /// naming the holder when another process has it, or why the file could not be made.
    public init(directory: String) throws {
        self.directory = directory
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw OutputLockError("cannot create the output directory \(directory): \(error.localizedDescription)")
        }
        let path = directory + "/" + Self.fileName
        self.path = path
        // A holder removes the file when it finishes; a file opened just before that removal
        // is no longer the one at `path`, so lock again until the locked file is the named one.
        var fd: Int32 = -1
        for _ in 0..<100 {
            fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                throw OutputLockError("cannot create the lock file \(path): \(String(cString: strerror(errno)))")
            }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                let holder = Self.holder(fd)
                close(fd)
                let who = holder.map { "smsim process \($0)" } ?? "another smsim process"
                throw OutputLockError("\(directory) is being written by \(who) (lock \(path)); wait for it to finish, "
                                      + "or give another --out")
            }
            var opened = stat(), named = stat()
            if fstat(fd, &opened) == 0, stat(path, &named) == 0, opened.st_ino == named.st_ino, opened.st_dev == named.st_dev { break }
            close(fd)
            fd = -1
        }
        guard fd >= 0 else { throw OutputLockError("cannot lock \(path): it keeps being replaced") }
        descriptor = fd
        let text = "\(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
        Self.held.withLock { $0[path] = fd }
    }

    /// Removes the lock file and releases the lock; also done, without removing the file,
    /// when the process ends however it ends.
    public func release() {
        guard descriptor >= 0 else { return }
        Self.held.withLock { $0[path] = nil }
        unlink(path)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }

    /// Locks held by this process, by path, so a stop on a signal can remove their files.
    private static let held = Mutex<[String: Int32]>([:])

    /// Removes every lock file this process holds (called when stopping on SIGINT/SIGTERM,
    /// after the temporary files are gone, so the directory is left as before the run).
    public static func releaseAll() {
        held.withLock { locks in
            for (path, fd) in locks {
                unlink(path)
                close(fd)
            }
            locks = [:]
        }
    }

    /// The process id the holder wrote into the lock file, if readable.
    private static func holder(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

/// Why an output directory could not be locked: one line for the user.
public struct OutputLockError: Error, Sendable, CustomStringConvertible {
    public var message: String
    init(_ message: String) { self.message = message }
    public var description: String { message }
}
