/// Yams' default int, float and timestamp patterns, matched by hand on ASCII text. Each
/// alternative of a pattern is matched whole; where a pattern repeats a group (`(?::[0-5]?[0-9])+`)
/// the next character decides, so no backtracking is needed.
///
///     int    [-+]?0b[0-1_]+ | [-+]?0o?[0-7_]+ | [-+]?(?:0|[1-9][0-9_]*) | [-+]?0x[0-9a-fA-F_]+
///            | [-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+
///     float  [-+]?[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)? | \.[0-9_]+(?:[eE][-+][0-9]+)?
///            | [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]* | [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)
///     timestamp  [0-9]{4}-[0-9]{2}-[0-9]{2}
///            | [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?
///              (?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?
struct PlainScalarPattern {
    private let b: [UInt8]

    init(_ bytes: [UInt8]) { b = bytes }

    private func at(_ i: Int) -> UInt8 { i < b.count ? b[i] : 0 }
    private func isDigit(_ i: Int) -> Bool { at(i) >= 0x30 && at(i) <= 0x39 }
    private func isDigitOrUnderscore(_ i: Int) -> Bool { isDigit(i) || at(i) == 0x5F }
    /// The index after an optional sign at `i`.
    private func signed(_ i: Int) -> Int { at(i) == 0x2B || at(i) == 0x2D ? i + 1 : i }
    /// The index after the run from `i` of bytes that satisfy `test`.
    private func run(_ i: Int, _ test: (UInt8) -> Bool) -> Int {
        var j = i
        while j < b.count, test(b[j]) { j += 1 }
        return j
    }
    private func digitsOrUnderscores(_ i: Int) -> Int { run(i) { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F } }
    private func digits(_ i: Int) -> Int { run(i) { $0 >= 0x30 && $0 <= 0x39 } }
    private func rest(_ i: Int, is text: String) -> Bool { b.count - i == text.utf8.count && b[i...].elementsEqual(text.utf8) }

    /// `(?::[0-5]?[0-9])+` from `i`: the index after it, or nil.
    private func sexagesimal(_ i: Int) -> Int? {
        var j = i
        guard at(j) == 0x3A else { return nil }
        while at(j) == 0x3A {
            let end = digits(j + 1)
            switch end - (j + 1) {
            case 1: j = end
            case 2 where at(j + 1) <= 0x35: j = end
            default: return nil
            }
        }
        return j
    }

    var isInt: Bool {
        let i = signed(0)
        if at(i) == 0x30 {
            switch at(i + 1) {
            case 0x62: return allRun(i + 2) { $0 == 0x30 || $0 == 0x31 || $0 == 0x5F }
            case 0x78: return allRun(i + 2) { $0 == 0x5F || ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) }
            case 0x6F: return allRun(i + 2, octal)
            default: return i + 1 == b.count || allRun(i + 1, octal)
            }
        }
        guard isDigit(i) else { return false }
        let end = digitsOrUnderscores(i + 1)
        return end == b.count || sexagesimal(end) == b.count
    }

    private func octal(_ c: UInt8) -> Bool { (c >= 0x30 && c <= 0x37) || c == 0x5F }
    /// At least one byte from `i` to the end, all satisfying `test`.
    private func allRun(_ i: Int, _ test: (UInt8) -> Bool) -> Bool { i < b.count && run(i, test) == b.count }

    var isFloat: Bool {
        let i = signed(0)
        if isDigit(i) {
            var j = digitsOrUnderscores(i + 1)
            if let end = sexagesimal(j) {
                return at(end) == 0x2E && digitsOrUnderscores(end + 1) == b.count
            }
            if at(j) == 0x2E { j = digitsOrUnderscores(j + 1) }
            if at(j) == 0x45 || at(j) == 0x65 {
                let start = signed(j + 1)
                j = digits(start)
                guard j > start else { return false }
            }
            return j == b.count
        }
        guard at(i) == 0x2E else { return false }
        if rest(i + 1, is: "inf") || rest(i + 1, is: "Inf") || rest(i + 1, is: "INF") { return true }
        guard i == 0 else { return false }
        if rest(1, is: "nan") || rest(1, is: "NaN") || rest(1, is: "NAN") { return true }
        var j = digitsOrUnderscores(1)
        guard j > 1 else { return false }
        if at(j) == 0x45 || at(j) == 0x65 {
            guard at(j + 1) == 0x2B || at(j + 1) == 0x2D else { return false }
            let start = j + 2
            j = digits(start)
            guard j > start else { return false }
        }
        return j == b.count
    }

    var isTimestamp: Bool {
        guard digits(0) == 4, at(4) == 0x2D else { return false }
        let month = digits(5)
        guard (1...2).contains(month - 5), at(month) == 0x2D else { return false }
        let day = digits(month + 1)
        if month == 7, day == 10, b.count == 10 { return true }
        guard (1...2).contains(day - (month + 1)) else { return false }
        var j = day
        if at(j) == 0x54 || at(j) == 0x74 {
            j += 1
        } else {
            j = run(j) { $0 == 0x20 || $0 == 0x09 }
            guard j > day else { return false }
        }
        let hour = digits(j)
        guard (1...2).contains(hour - j), at(hour) == 0x3A, digits(hour + 1) == hour + 3, at(hour + 3) == 0x3A,
              digits(hour + 4) == hour + 6 else { return false }
        j = hour + 6
        if at(j) == 0x2E { j = digits(j + 1) }
        guard j < b.count else { return true }
        j = run(j) { $0 == 0x20 || $0 == 0x09 }
        if at(j) == 0x5A { return j + 1 == b.count }
        guard at(j) == 0x2B || at(j) == 0x2D else { return false }
        let zone = digits(j + 1)
        guard (1...2).contains(zone - (j + 1)) else { return false }
        return zone == b.count || (at(zone) == 0x3A && digits(zone + 1) == zone + 3 && zone + 3 == b.count)
    }
}
