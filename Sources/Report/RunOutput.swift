import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import CounterCalibration
import Foundation

/// The files one simulated configuration leaves in its directory (what `smsim run` writes,
/// and each `ratio-*/` of a comparison): read by column name, so newer columns are picked
/// up when present and their absence is said in words.
struct RunOutput {
    var directory: String
    var series: CSVTable
    var summary: CSVTable?
    var events: CSVTable?
    /// run.json as a dictionary (scenario, hash, seed, replications, conservation, …).
    var manifest: [String: Any]

    init?(directory: String) {
        guard let series = CSVTable(path: "\(directory)/timeseries-mean.csv") else { return nil }
        self.directory = directory
        self.series = series
        summary = CSVTable(path: "\(directory)/summary.csv")
        events = CSVTable(path: "\(directory)/events.csv")
        manifest = (try? Data(contentsOf: URL(fileURLWithPath: "\(directory)/run.json")))
            .flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] } ?? [:]
    }

    var scenarioName: String { manifest["scenario"] as? String ?? series.rows.first.map { series.text($0, "scenario") } ?? "?" }
    var replications: Int { manifest["replications"] as? Int ?? Int(series.rows.first.map { series.text($0, "replications") } ?? "") ?? 0 }
    var additionalServers: Int { manifest["additionalServers"] as? Int ?? 0 }
    var ratio: Int? { manifest["consolesPerServer"] as? Int }
    var down: Int { manifest["down"] as? Int ?? 0 }
    var scenarioPathInManifest: String? { manifest["scenarioPath"] as? String }

    /// The estimate of `metric` at `station` from summary.csv.
    func estimate(_ metric: Metric, station: String = "all") -> (mean: Double, ci: Double?)? {
        guard let summary else { return nil }
        guard let row = summary.rows.first(where: { summary.text($0, "metric") == metric.csvName && summary.text($0, "station") == station }),
              let mean = summary.number(row, "mean") else { return nil }
        return (mean, summary.number(row, "ci95"))
    }

    /// Stations of the given kinds, in file order.
    func stations(kinds: Set<WindowRow.Kind>) -> [String] {
        let names = Set(kinds.map(\.rawValue))
        var seen = Set<String>(), out: [String] = []
        for r in series.rows where names.contains(series.text(r, TimeSeriesColumn.kind.name)) {
            let s = series.text(r, TimeSeriesColumn.station.name)
            if seen.insert(s).inserted { out.append(s) }
        }
        return out
    }

    var servers: [String] { stations(kinds: [.initial, .additional]) }
    var databases: [String] { stations(kinds: [.database]) }
    /// The database's storage, when the scenario models it (database memory set).
    var storages: [String] { stations(kinds: [.storage]) }

    /// Window starts (s) in order.
    var windows: [Double] {
        var seen = Set<Double>(), out: [Double] = []
        for r in series.rows { if let t = number(r, .windowStart), seen.insert(t).inserted { out.append(t) } }
        return out.sorted()
    }

    var duration: Double { series.rows.compactMap { number($0, .windowEnd) }.max() ?? 0 }
    var warmup: Double {
        series.rows.filter { series.text($0, TimeSeriesColumn.warmup.name) == "1" }.compactMap { number($0, .windowEnd) }.max() ?? 0
    }

    private func number(_ row: [String], _ column: TimeSeriesColumn) -> Double? { series.number(row, column.name) }

    /// Whether the file has `column` (files written before a column existed do not).
    func has(_ column: TimeSeriesColumn) -> Bool { series.has(column.name) }

    /// One station's values of `column` per window, nil where the window has no value.
    func values(_ station: String, _ column: TimeSeriesColumn) -> [(Double, Double?)] {
        series.rows(where: TimeSeriesColumn.station.name, is: station).compactMap { r in
            number(r, .windowStart).map { ($0, number(r, column)) }
        }
    }

    /// Whether any window of `station` has a value in `column`.
    func measured(_ station: String, _ column: TimeSeriesColumn) -> Bool { values(station, column).contains { $0.1 != nil } }
}
