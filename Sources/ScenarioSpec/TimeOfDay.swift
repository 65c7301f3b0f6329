/// A clock time as a scenario writes it (`startsAt: 07:00`, `7:30`, `06:45:30`): seconds
/// after midnight. Only labels axes and tables; no simulated figure depends on it.
public enum TimeOfDay {
    /// Seconds after midnight, or nil when `text` is not `H:MM` or `H:MM:SS` within a day.
    public static func parse(_ text: String) -> Double? {
        let parts = text.trimmingBlanks().split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              parts.dropFirst().allSatisfy({ $0.count == 2 }),
              let h = Int(parts[0]), let m = Int(parts[1]), h < 24, m < 60 else { return nil }
        let s = parts.count == 3 ? Int(parts[2]) ?? 60 : 0
        guard s < 60 else { return nil }
        return Double(h * 3600 + m * 60 + s)
    }

    /// `07:00`, or `06:45:30` when there are seconds.
    public static func text(_ seconds: Double) -> String {
        let t = Int(seconds.rounded()) % 86_400
        let (h, m, s) = (t / 3600, t / 60 % 60, t % 60)
        func two(_ x: Int) -> String { x < 10 ? "0\(x)" : "\(x)" }
        return s == 0 ? "\(two(h)):\(two(m))" : "\(two(h)):\(two(m)):\(two(s))"
    }
}

extension FieldKind where T == Double {
    /// A time of day, read from the scalar as written: YAML 1.1 would read `07:00` as the
    /// sexagesimal number 420.
    static var timeOfDay: Self {
        Self(type: "time of day") { r, n, p throws(ScenarioError) in
            guard case .scalar(let scalar) = n.content, !ScenarioReader.isNull(n), let seconds = TimeOfDay.parse(scalar) else {
                throw r.error(n, p, "expected a time of day such as 07:00 (hours 00–23, minutes 00–59), got \(r.describe(n))")
            }
            return seconds
        }
    }
}
