import Foundation

/// The text encodings Performance Monitor's CSV files come in, and how to tell them apart.
///
/// typeperf and relog on an English Windows write ASCII (UTF-8 compatible) or UTF-16 with a
/// byte-order mark; a Data Collector Set saved on a localized Windows writes the system's ANSI
/// code page, where counter names are in the local language: Windows-1251 for Cyrillic
/// (`\\HOST\Процессор(_Total)\% загруженности процессора`), Windows-1252 for Western European.
public enum CounterLogEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case windows1251 = "windows-1251"
    case windows1252 = "windows-1252"

    /// Decodes `data`. The single-byte code pages decode every byte; UTF-8 replaces invalid
    /// sequences (the reader then reports the cell they land in); a byte-order mark is dropped.
    public func decode(_ data: Data) -> String {
        switch self {
        case .utf8, .utf16: return PDHCSVLog.decode(data)
        case .windows1251: return Self.singleByte(data) { $0 >= 0xC0 ? 0x0410 + UInt32($0 - 0xC0) : UInt32(Self.cp1251[Int($0) - 0x80]) }
        case .windows1252: return Self.singleByte(data) { $0 >= 0xA0 ? UInt32($0) : UInt32(Self.cp1252[Int($0) - 0x80]) }
        }
    }

    static func singleByte(_ data: Data, high: (UInt8) -> UInt32) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in data {
            let code = byte < 0x80 ? UInt32(byte) : high(byte)
            scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    /// The encoding of a file given without `--encoding`: UTF-16 by its byte-order mark, UTF-8
    /// when the bytes are valid UTF-8, else a Windows code page, with a warning saying which.
    /// Cyrillic words are runs of bytes above 0x7F; Western European text has mostly single
    /// accented letters between ASCII ones, so most high bytes next to another high byte means
    /// Windows-1251.
    public static func detect(_ data: Data) -> (encoding: CounterLogEncoding, guessed: Bool) {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) { return (.utf16, false) }
        if String(data: data, encoding: .utf8) != nil { return (.utf8, false) }
        let bytes = [UInt8](data)
        var high = 0, paired = 0
        for (i, b) in bytes.enumerated() where b >= 0x80 {
            high += 1
            if (i > 0 && bytes[i - 1] >= 0x80) || (i + 1 < bytes.count && bytes[i + 1] >= 0x80) { paired += 1 }
        }
        return (2 * paired >= high ? .windows1251 : .windows1252, true)
    }

    /// Bytes 0x80–0xBF of Windows-1251 (0xC0–0xFF are А–я in order).
    static let cp1251: [UInt16] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,
        0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0xFFFD, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,
        0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
        0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
    ]

    /// Bytes 0x80–0x9F of Windows-1252 (0xA0–0xFF are Latin-1's); 0xFFFD where undefined.
    static let cp1252: [UInt16] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
}
