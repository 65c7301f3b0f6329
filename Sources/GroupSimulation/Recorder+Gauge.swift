import Statistics

extension Recorder {
    /// A quantity tracked per window, and over the run after warm-up by adding up the
    /// windows as they close (one update per change on the hot path, not two).
    struct Gauge {
        var window = TimeAverage()
        /// Area after warm-up of the windows closed so far.
        var runArea = 0.0
        var runStart = 0.0
        var runPeak = 0.0
        /// Area of the open window before warm-up ended, not to be counted.
        var beforeWarmup = 0.0

        @inline(__always) mutating func set(_ v: Double, at t: Double) { window.set(v, at: t) }

        mutating func closeWindow(at t: Double) {
            runArea += window.integral(at: t) - beforeWarmup
            runPeak = max(runPeak, window.peak)
            beforeWarmup = 0
            window.reset(at: t)
        }

        mutating func endWarmup(at t: Double) {
            runArea = 0
            runStart = t
            beforeWarmup = window.integral(at: t)
            window.resetPeak()
            runPeak = window.value
        }

        /// Time-weighted mean from the end of warm-up to `t`.
        func runMean(at t: Double) -> Double {
            let span = t - runStart
            let area = runArea + window.integral(at: t) - beforeWarmup
            return span > 0 ? area / span : window.value
        }

        var peakAfterWarmup: Double { max(runPeak, window.peak) }
    }
}
