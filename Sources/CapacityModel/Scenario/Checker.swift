/// Collects problems with their field paths.
struct Checker {
    var problems: [ScenarioProblem] = []

    mutating func that(_ condition: Bool, _ field: String, _ message: @autoclosure () -> String) {
        if !condition { problems.append(ScenarioProblem(field: field, message: message())) }
    }

    mutating func positiveDuration(_ value: Double, _ field: String) {
        that(value.isFinite && value > 0, field, "must be positive, got \(DurationSyntax.format(value))")
    }

    mutating func nonNegativeDuration(_ value: Double, _ field: String) {
        that(value.isFinite && value >= 0, field, "must be zero or positive, got \(DurationSyntax.format(value))")
    }

    mutating func atLeast(_ value: Int, _ minimum: Int, _ field: String) {
        that(value >= minimum, field, "must be at least \(minimum), got \(value)")
    }

    mutating func withinRun(_ value: Double, duration: Double, _ field: String) {
        that(value.isFinite && value >= 0 && value < duration, field,
             "must be within the run, from 0 to below duration (\(DurationSyntax.format(duration))), got \(DurationSyntax.format(value))")
    }

    mutating func fraction(_ value: Double, _ field: String) {
        that(value.isFinite && value > 0 && value <= 1, field, "must be above 0 and at most 1, got \(NumberFormat.literal(value))")
    }
}
