import Foundation

/// Reading a scenario file's bytes: one clear reason when it cannot be read, the line and byte
/// when it is not UTF-8 (with the encoding it probably is), and a size limit.
package enum ScenarioFile {
    package static func read(_ path: String) throws(ScenarioError) -> String {
        func failure(_ message: String) -> ScenarioError {
            ScenarioError(file: path, line: 0, column: 0, field: "(file)", message: "cannot read the file: " + message)
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            switch errno {
            case ENOENT: throw failure(isDanglingLink(path) ? "it is a symbolic link to a file that does not exist" : "no such file")
            case ELOOP: throw failure("a loop of symbolic links (a link that leads back to itself)")
            case EACCES: throw failure("permission denied")
            case ENOTDIR: throw failure("a part of the path is not a directory")
            case ENAMETOOLONG: throw failure("the path is too long")
            default: throw failure(String(cString: strerror(errno)))
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure(String(cString: strerror(errno))) }
        if info.st_mode & S_IFMT == S_IFDIR { throw failure("it is a directory") }
        var data = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(errno == EISDIR ? "it is a directory" : String(cString: strerror(errno)))
            }
            if count == 0 { break }
            data += chunk[..<count]
            if data.count > YAMLLimits.maxBytes {
                throw failure("it is larger than \(YAMLLimits.maxBytes >> 20) MB; a scenario is a few kilobytes")
            }
        }
        return try text(data, file: path)
    }

    private static func isDanglingLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// `data` as UTF-8 text (a byte-order mark is dropped), or an error at the first bad byte.
    static func text(_ data: [UInt8], file: String) throws(ScenarioError) -> String {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let bad = firstInvalidUTF8(bytes) {
            let before = bytes[..<bad]
            let line = before.count { $0 == 0x0A } + 1
            let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? bytes.startIndex
            let column = bad - lineStart + 1
            let byte = String(bytes[bad], radix: 16, uppercase: true)
            throw ScenarioError(file: file, line: line, column: column, field: "(file)",
                                message: "not UTF-8 text: byte 0x\(byte) at byte \(column) of line \(line); it looks like \(guessEncoding(data)). Save the file as UTF-8")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Index of the first byte that does not begin or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let lead = bytes[i]
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + length <= bytes.endIndex else { return i }
            for k in 1..<length {
                let b = bytes[i + k]
                let (lo, hi) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                guard b >= lo, b <= hi else { return i }
            }
            i += length
        }
        return nil
    }

    /// A likely name for an encoding that is not UTF-8.
    static func guessEncoding(_ data: [UInt8]) -> String {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) { return "UTF-16 (it starts with a UTF-16 byte-order mark)" }
        let zeros = data.prefix(4096).count { $0 == 0 }
        if zeros * 4 > min(data.count, 4096) { return "UTF-16 or UTF-32 (many zero bytes)" }
        if data.contains(where: { (0x80...0x9F).contains($0) }) { return "Windows-1252 (a Western European Windows code page)" }
        return "ISO-8859-1 (Latin-1) or Windows-1252"
    }
}
