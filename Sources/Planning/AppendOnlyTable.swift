import Foundation

/// A CSV file that grows one complete, fsynced line at a time, so that an interrupted writer
/// leaves a prefix of the final file (plus at most one partial line) and can carry on later.
///
/// Opening checks what is there: the header must be the expected one and row k must belong
/// to the k-th expected row (its leading identity columns must match); a trailing partial
/// line is cut off. The file is locked (flock) while open, so two writers cannot interleave.
final class AppendOnlyTable {
    let path: String
    private let handle: FileHandle
    /// Complete rows already in the file when it was opened.
    let existingRows: Int

    /// Opens or creates `path`. `identities` are the leading columns (without a trailing
    /// comma) of every row the finished file will hold, in order.
    init(path: String, header: String, identities: [String]) throws {
        self.path = path
        let fm = FileManager.default
        let url = URL(fileURLWithPath: path)
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if !fm.fileExists(atPath: path) {
            guard fm.createFile(atPath: path, contents: nil) else { throw PlanningError("\(path): cannot create the file") }
        }
        guard let handle = FileHandle(forUpdatingAtPath: path) else { throw PlanningError("\(path): cannot open the file for writing") }
        self.handle = handle
        guard flock(handle.fileDescriptor, LOCK_EX | LOCK_NB) == 0 else {
            try? handle.close()
            throw PlanningError("\(path): another smsim is writing this file; wait for it or use another --out")
        }
        do {
            let data = try handle.readToEnd() ?? Data()
            // Everything up to the last line break is complete; the rest is a partial line.
            let completeLength = (data.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }) ?? 0
            let text = String(decoding: data.prefix(completeLength), as: UTF8.self)
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.last == "" { lines.removeLast() }
            if lines.isEmpty {
                try handle.truncate(atOffset: 0)
                try handle.write(contentsOf: Data((header + "\n").utf8))
                try handle.synchronize()
                existingRows = 0
                return
            }
            guard lines[0] == header else {
                throw PlanningError("\(path) exists with other columns (written by another version or command); "
                                    + "use another --out or delete the file")
            }
            let rows = lines.dropFirst()
            guard rows.count <= identities.count else {
                throw PlanningError("\(path) has \(rows.count) rows but this sweep has \(identities.count); "
                                    + "it belongs to another sweep: use another --out or delete the file")
            }
            for (k, row) in rows.enumerated() where !(row.hasPrefix(identities[k] + ",") || row == identities[k]) {
                throw PlanningError("\(path) line \(k + 2) is not the row this sweep expects there "
                                    + "(\(identities[k]) …); it belongs to another sweep: use another --out or delete the file")
            }
            if completeLength < data.count { try handle.truncate(atOffset: UInt64(completeLength)) }
            try handle.seekToEnd()
            existingRows = rows.count
        } catch {
            try? handle.close()
            throw error
        }
    }

    /// Appends one complete line (ending in a line break) and forces it to disk.
    func append(_ line: String) throws {
        precondition(line.hasSuffix("\n"), "a row must end with a line break")
        try handle.write(contentsOf: Data(line.utf8))
        try handle.synchronize()
    }

    private var closed = false

    func close() {
        guard !closed else { return }
        closed = true
        flock(handle.fileDescriptor, LOCK_UN)
        try? handle.close()
    }

    deinit { close() }
}
