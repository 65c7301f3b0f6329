/// The time-weighted average of a piecewise-constant quantity: a queue length, busy cores,
/// connected consoles.
///
/// Call `set(_:at:)` whenever the value changes; the area under the curve accumulates from
/// the last `reset(at:)` (the end of warm-up or the start of a window).
public struct TimeAverage: Sendable, Equatable {
    /// The current value.
    public var value: Double
    @usableFromInline var lastChange: Double
    @usableFromInline var start: Double
    @usableFromInline var area: Double = 0
    /// Largest value held since the last reset.
    public var peak: Double

    public init(value: Double = 0, at time: Double = 0) {
        self.value = value
        lastChange = time
        start = time
        peak = value
    }

    /// Records that the value becomes `newValue` at `time`.
    /// - Complexity: O(1).
    @inlinable
    public mutating func set(_ newValue: Double, at time: Double) {
        area += value * (time - lastChange)
        lastChange = time
        value = newValue
        if newValue > peak { peak = newValue }
    }

    /// Adds `delta` to the value at `time`.
    @inlinable
    public mutating func add(_ delta: Double, at time: Double) { set(value + delta, at: time) }

    /// Forgets the history before `time`; the current value carries on.
    public mutating func reset(at time: Double) {
        area = 0
        start = time
        lastChange = time
        peak = value
    }

    /// Starts tracking the peak afresh from the current value, keeping the area.
    public mutating func resetPeak() { peak = value }

    /// Time-weighted mean over [last reset, `time`]; the current value if no time has passed.
    public func mean(at time: Double) -> Double {
        let span = time - start
        guard span > 0 else { return value }
        return (area + value * (time - lastChange)) / span
    }

    /// Area under the curve over [last reset, `time`].
    public func integral(at time: Double) -> Double { area + value * (time - lastChange) }
}
