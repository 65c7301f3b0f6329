import Stochastics

/// A scenario's name made into one safe file name, for the directory (`results/<name>/`)
/// and files (`<name>-calibrated.yaml`) smsim derives from it.
///
/// Scenario files are shared, so their names are untrusted: `../../tmp/x`, `/etc`, control
/// characters or 5 000 characters must not choose where smsim writes. The mapping:
/// - a name of letters, digits, `-`, `_` and `.` (ASCII), not starting with `.` and at most
///   `maxLength` characters, is used as it is, so existing results directories keep their paths;
/// - any other name keeps its allowed characters (each run of others becomes one `-`, leading
///   dots and dashes go), cut to `keptLength` characters, followed by `-` and the first 8 hex
///   digits of its FNV-1a 64-bit hash, so two different names do not share a directory.
///   A name with nothing left becomes `scenario-<hash>`.
public enum OutputName {
    /// Longest name used unchanged; far below any file system's 255-byte limit, leaving room
    /// for suffixes such as `-sensitivity` and `-calibrated.yaml`.
    public static let maxLength = 64
    /// Characters kept from a name that had to change, before `-<hash>`.
    static let keptLength = maxLength - 9

    /// The file name standing for scenario `name`; see the type's comment for the mapping.
    public static func safe(_ name: String) -> String {
        if isSafe(name) { return name }
        var kept = ""
        var lastWasDash = false
        for byte in name.utf8 {
            if isAllowed(byte) {
                kept.unicodeScalars.append(Unicode.Scalar(byte))
                lastWasDash = byte == UInt8(ascii: "-")
            } else if !lastWasDash {
                kept.append("-")
                lastWasDash = true
            }
            if kept.utf8.count >= keptLength { break }
        }
        while let first = kept.first, first == "." || first == "-" { kept.removeFirst() }
        while kept.hasSuffix("-") { kept.removeLast() }
        let hash = String(StreamSeed.fnv1a64(name), radix: 16)
        let tag = String(repeating: "0", count: max(0, 16 - hash.count)) + hash
        return (kept.isEmpty ? "scenario" : kept) + "-" + tag.prefix(8)
    }

    /// Whether `name` is used unchanged: non-empty, allowed characters only, no leading dot,
    /// at most `maxLength` characters (so never `.` or `..`).
    public static func isSafe(_ name: String) -> Bool {
        let bytes = name.utf8
        guard !bytes.isEmpty, bytes.count <= maxLength, bytes.first != UInt8(ascii: ".") else { return false }
        return bytes.allSatisfy(isAllowed)
    }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
            true
        default:
            false
        }
    }
}
