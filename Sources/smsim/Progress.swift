import Foundation

/// A one-line progress display on stderr, only when stderr is a terminal.
final class Progress: @unchecked Sendable {
    private let label: String
    private let total: Int
    private let started = Date()
    private let enabled: Bool
    private let lock = NSLock()

    init(label: String, total: Int) {
        self.label = label
        self.total = total
        enabled = isatty(STDERR_FILENO) != 0
    }

    func update(_ done: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let elapsed = Date().timeIntervalSince(started)
        let eta = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
        let line = "\r\(label): \(done)/\(total), \(String(format: "%.1f", elapsed)) s elapsed, ETA \(String(format: "%.1f", eta)) s   "
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

/// A progress line whose total is known only once the sweep knows how many points remain.
final class LazyProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var progress: Progress?

    func update(label: String, done: Int, total: Int) {
        lock.lock()
        defer { lock.unlock() }
        if progress == nil { progress = Progress(label: label, total: total) }
        progress?.update(done)
    }

    /// Clears the line (it is drawn again at the next update).
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        progress?.finish()
    }
}
