import ScenarioSpec

/// Durations on the command line, written as in scenario files (`2s`, `250ms`, `1.5`).
public enum DurationArgument {
    /// Seconds, or nil if `text` is not a duration.
    public static func seconds(_ text: String) -> Double? { DurationSyntax.parse(text) }

    /// `seconds` as the scenario syntax would write it (`2s`, `250ms`).
    public static func format(_ seconds: Double) -> String { DurationSyntax.format(seconds) }

    /// What a duration may look like, for error messages.
    public static var accepted: String { DurationSyntax.accepted }
}
