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

    mutating func withinRun(_ value: Double, duration: Double, _ field: String) {
        that(value.isFinite && value >= 0 && value < duration, field,
             "must be within the run, from 0 to below duration (\(DurationSyntax.format(duration))), got \(DurationSyntax.format(value))")
    }
}
