/// How durations are written in scenario files, and how messages print them back.
///
/// A duration is a plain number of seconds (`90`, `0.25`, `1e3`) or one or more numbers with a
/// unit, largest unit first (`250ms`, `30s`, `5m`, `1.5h`, `1d`, `1h30m`). Durations are never
/// negative. Clock notation (`9:00`) is refused: YAML 1.1 would read it as 540.
package enum DurationSyntax {
    static let units: [(suffix: String, seconds: Double)] = [
        ("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1), ("ms", 0.001),
    ]

    /// What the loader says about a value it could not read as a duration.
    package static let accepted = "write a number of seconds (90, 0.25) or a number with a unit ms, s, m, h or d (250ms, 30s, 5m, 1.5h, 1d, 1h30m)"

    /// The duration `text` denotes, in seconds; nil if it is not one.
    package static func parse(_ text: String) -> Double? {
        let chars = Array(text.trimmingBlanks())
        guard !chars.isEmpty else { return nil }
        var i = 0
        // A bare number: seconds, exponent allowed.
        if let seconds = bareNumber(chars) { return seconds }
        var total = 0.0
        var lastUnit = -1
        while i < chars.count {
            guard let (value, next) = number(chars, from: i) else { return nil }
            i = next
            while i < chars.count, chars[i] == " " { i += 1 }
            var letters = ""
            while i < chars.count, chars[i].isLetter { letters.append(chars[i]); i += 1 }
            guard let unit = units.firstIndex(where: { $0.suffix == letters }), unit > lastUnit else { return nil }
            lastUnit = unit
            total += value * units[unit].seconds
            while i < chars.count, chars[i] == " " { i += 1 }
        }
        return total.isFinite ? total : nil
    }

    /// `seconds` in the largest unit that shows it exactly: `10h`, `90m`, `1.5s`, `250ms`.
    package static func format(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "\(seconds)" }
        if seconds == 0 { return "0s" }
        let size = abs(seconds)
        for (suffix, unit) in units.prefix(3) where size >= unit {
            let value = seconds / unit
            if value == value.rounded() { return NumberFormat.literal(value) + suffix }
        }
        if size >= 1 { return NumberFormat.literal(seconds) + "s" }
        return NumberFormat.literal(seconds * 1000) + "ms"
    }

    /// Digits with an optional fraction, or a fraction alone (`5`, `1.5`, `.5`, `5.`), at `start`.
    private static func number(_ chars: [Character], from start: Int) -> (Double, Int)? {
        var i = start
        var text = ""
        var digits = 0
        while i < chars.count, chars[i].isASCII, chars[i].isNumber { text.append(chars[i]); i += 1; digits += 1 }
        if i < chars.count, chars[i] == "." {
            text.append("."); i += 1
            while i < chars.count, chars[i].isASCII, chars[i].isNumber { text.append(chars[i]); i += 1; digits += 1 }
        }
        guard digits > 0, let value = Double(text.hasPrefix(".") ? "0" + text : text) else { return nil }
        return (value, i)
    }

    /// A plain non-negative decimal number, exponent allowed (`90`, `+2.5`, `1e3`).
    private static func bareNumber(_ chars: [Character]) -> Double? {
        var body = chars[...]
        if body.first == "+" { body = body.dropFirst() }
        guard let (mantissa, end) = number(Array(body), from: 0) else { return nil }
        let rest = Array(body.dropFirst(end))
        if rest.isEmpty { return mantissa }
        guard rest.first == "e" || rest.first == "E" else { return nil }
        var exponent = rest.dropFirst()
        if let sign = exponent.first, sign == "+" || sign == "-" { exponent = exponent.dropFirst() }
        guard !exponent.isEmpty, exponent.count <= 3, exponent.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let value = Double(String(body))
        return value.flatMap { $0.isFinite ? $0 : nil }
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    package func trimmingBlanks() -> Substring {
        var slice = self[...]
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return slice
    }
}
