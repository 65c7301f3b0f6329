/// Logs whose header gives no time zone bias. A Data Collector Set saved on a localized
/// Windows writes the zone's name cut short and no bias (`"(PDH-CSV 4.0) (RTZ 2 ("`); its
/// times are the collector's local time, which only the planner knows. Such a log is read as
/// UTC, or at the offset `--utc-offset` gives, and a warning says which: refusing it would
/// leave the planner with no way in, and a wrong offset shows as logs that do not overlap.
extension PDHCSVLog {
    static func missingBias(_ header: String, path: String, utcOffsetMinutes: Int?) -> String {
        let assumed = utcOffsetMinutes.map { "UTC\(formatUTCOffset($0)) (--utc-offset)" }
            ?? "UTC (give --utc-offset, e.g. +03:00, if the collector's clock was another zone's)"
        return "\(path): the header '\(header)' has no readable time zone bias; its times are read as \(assumed)"
    }

    /// Minutes of `+HH:MM`, `-H:MM`, `+HHMM` or `+H` (local time minus UTC); nil for anything else
    /// or beyond ±14 hours.
    public static func parseUTCOffset(_ text: String) -> Int? {
        var rest = Substring(text.hasPrefix("UTC") ? String(text.dropFirst(3)) : text)
        guard let sign = rest.first, sign == "+" || sign == "-" else { return nil }
        rest = rest.dropFirst()
        let parts = rest.contains(":") ? rest.split(separator: ":", omittingEmptySubsequences: false)
                                       : (rest.count == 4 ? [rest.prefix(2), rest.suffix(2)] : [rest])
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy(\.isASCII) }),
              let hours = Int(parts[0]), hours >= 0 else { return nil }
        let minutes = parts.count == 2 ? Int(parts[1]) : 0
        guard let minutes, (0..<60).contains(minutes), hours * 60 + minutes <= 14 * 60 else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 60 + minutes)
    }

    /// `+03:00`, `-05:30`.
    static func formatUTCOffset(_ minutes: Int) -> String {
        let m = abs(minutes)
        return (minutes < 0 ? "-" : "+") + (m / 60 < 10 ? "0" : "") + "\(m / 60):" + (m % 60 < 10 ? "0" : "") + "\(m % 60)"
    }
}
