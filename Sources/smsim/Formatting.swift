import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import CounterCalibration
import Statistics

/// `text` left-aligned in a column `width` characters wide, with at least one space after it.
func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
}

extension Estimate {
    /// `1.23 ± 0.05` for a table (the mean alone without an interval), times `scale`.
    func text(scale: Double = 1) -> String {
        NumberFormat.table.interval(mean * scale, halfWidth * scale)
    }
}
