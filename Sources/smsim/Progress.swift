import Foundation

/// A one-line progress display on stderr, only when stderr is a terminal.
final class Progress: @unchecked Sendable {
    private let label: String
    private var total: Int
    private let started = Date()
    private let enabled: Bool
    private let lock = NSLock()

    init(label: String, total: Int) {
        self.label = label
        self.total = total
        enabled = isatty(STDERR_FILENO) != 0
    }

    /// `total`: a new estimate of the whole, when the work grows as it goes (`size --robust`).
    func update(_ done: Int, of newTotal: Int? = nil) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        if let newTotal { total = newTotal }
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
