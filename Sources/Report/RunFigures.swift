import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import CounterCalibration

/// The evidence figures of one configuration: latency, utilization of the servers, the
/// database and its storage, consoles, where the time went, workflows and the failure
/// timeline, each with the numbers it draws. Columns and metrics are named through
/// `TimeSeriesColumn` and `Metric`, the names the model writes.
struct RunFigures {
    var run: RunOutput
    var context: ScenarioContext

    /// Per-station bands are drawn up to this many stations; beyond, only the aggregate's.
    static let bandsUpTo = 4

    var all: [String] {
        [latency.html, utilization.html, storageNote, consoles.html, activeConsoles, timeBreakdown,
         backlog.html, lag.html, timeline.html].filter { !$0.isEmpty }
    }

    var slo: ServiceLevelObjectives? { context.scenario?.slo }
    private var warmupNote: String {
        run.warmup > 0 ? " The first \(NumberText.show(run.warmup / 60)) minutes are warm-up (the summary and the verdicts leave them out)." : ""
    }

    /// Lines per station, each its own colour, with the CI band when the file has one.
    func chart(_ stations: [String], _ column: TimeSeriesColumn, ci: TimeSeriesColumn?, scale: Double = 1,
               highlight: [String: String] = [:]) -> [ChartSeries] {
        stations.enumerated().map { i, s in
            let points = run.values(s, column).map { ($0.0, $0.1.map { $0 * scale }) }
            var band: [(Double, Double, Double)] = []
            if let ci {
                let halves = Dictionary(run.values(s, ci).compactMap { t, h in h.map { (t, $0 * scale) } }, uniquingKeysWith: { a, _ in a })
                band = points.compactMap { t, y in
                    guard let y, let h = halves[t], h > 0 else { return nil }
                    return (t, max(0, y - h), y + h)
                }
            }
            let colour = highlight[s] ?? Palette.colour(i)
            return ChartSeries(name: s, colour: colour, points: points, band: band, dashed: highlight[s] == nil && Palette.dashed(i),
                               drawBand: stations.count <= Self.bandsUpTo)
        }
    }

    func legend(_ series: [ChartSeries]) -> [(name: String, colour: String, dashed: Bool)] {
        series.map { ($0.name, $0.colour, $0.dashed) }
    }

    func table(_ series: [ChartSeries], unit: String) -> Table {
        Table.series(series, xs: run.windows, xHeader: "window start", unit: unit, x: context.clock)
    }

    private var markers: [(x: Double, label: String)] {
        timelineSpans.map { ($0.start, $0.label) }
    }

    func lineChart(_ series: [ChartSeries], y: String, yMax: Double? = nil, references: [(y: Double, label: String)] = []) -> LineChart {
        LineChart(xLabel: context.timeAxisLabel, yLabel: y, series: series, xTick: context.clock, yMax: yMax,
                  xRange: (0, run.duration), timeX: true, references: references, markers: markers)
    }

    var latency: Figure {
        let serving = run.servers.filter { run.measured($0, .latencyP95) }
        var series = chart(serving, .latencyP95, ci: .latencyP95CI, scale: 0.001)
        series += chart(["all"], .latencyP95, ci: .latencyP95CI, scale: 0.001, highlight: ["all": Palette.total]).map {
            var s = $0; s.name = "all servers"; s.dashed = true; s.width = 3; s.drawBand = true; return s
        }
        let refs = slo?.p95Latency.map { [(y: $0, label: "objective \(NumberText.show($0)) s")] } ?? []
        let title = "p95 console latency per management server over the day"
        return Figure(title: title, svg: lineChart(series, y: "p95 latency (s)", references: refs).svg(title: title),
                      legend: legend(series),
                      note: "Each line is the mean over \(run.replications) replications of the 5-minute window's 95th percentile; the shaded band is its 95 % confidence interval (drawn per server up to \(Self.bandsUpTo) servers, else for all servers only; every server's interval is in the table). A server with no consoles (the workflow server once two or more additional servers exist) has no line." + warmupNote,
                      table: table(series, unit: "s"))
    }

    /// CPU of every server and the database, and the database's storage when it is modelled:
    /// the station that saturates first is the one whose line reaches the top first.
    var utilization: Figure {
        let names = run.servers + run.databases + run.storages
        var fixed = Dictionary(uniqueKeysWithValues: run.databases.map { ($0, Palette.database) })
        for s in run.storages { fixed[s] = Palette.storage }
        var series = chart(names, .utilization, ci: .utilizationCI, highlight: fixed)
        for i in series.indices where run.storages.contains(series[i].name) {
            series[i].name += " (storage)"
            series[i].dashed = true
            series[i].width = 3
        }
        series += chart(["all"], .utilization, ci: .utilizationCI, highlight: ["all": Palette.total]).map {
            var s = $0; s.name = "all management servers (mean)"; s.dashed = true; s.width = 3; s.drawBand = true; return s
        }
        var refs: [(y: Double, label: String)] = []
        if let u = slo?.maxUtilization { refs.append((u, "server objective \(NumberText.percent(u))")) }
        if let u = slo?.maxDatabaseUtilization, u != slo?.maxUtilization { refs.append((u, "database objective \(NumberText.percent(u))")) }
        let storage = run.storages.isEmpty ? "" : " The storage line is the fraction of time the database's storage is busy reading pages the buffer pool missed."
        let title = "Utilization: management servers' CPU, the database's CPU" + (run.storages.isEmpty ? "" : " and its storage")
        return Figure(title: title, svg: lineChart(series, y: "utilization (fraction busy)", yMax: 1, references: refs).svg(title: title),
                      legend: legend(series),
                      note: "Fraction of the cores busy in each 5-minute window, mean of the replications with its 95 % band. The objectives apply to the busiest window." + storage,
                      table: table(series, unit: "fraction"))
    }

    /// What the page says when the run has no storage station.
    var storageNote: String {
        guard run.storages.isEmpty else { return "" }
        return HTMLPage.missing("Storage: this run has no storage utilization. The scenario does not give the database's memory (managementGroup.database.memory), so the model treats every page read as a buffer-pool hit and simulates no storage; set memory and the database's size (inventory or rows) to see whether the disks saturate before the CPUs.")
    }

    var backlog: Figure {
        let series = [ChartSeries(name: "workflow backlog", colour: Palette.colour(0), points: run.values("all", .workflowBacklog))]
        let title = "Workflow backlog on the workflow server"
        return Figure(title: title, svg: lineChart(series, y: "jobs waiting or running").svg(title: title), legend: legend(series),
                      note: "Workflow jobs triggered but not finished, time average per window.", table: table(series, unit: "jobs"))
    }

    var lag: Figure {
        let series = [ChartSeries(name: "workflow lag p95", colour: Palette.colour(1), points: run.values("all", .workflowLagP95))]
        let refs = slo?.p95WorkflowLag.map { [(y: $0, label: "objective \(NumberText.show($0)) s")] } ?? []
        let title = "Workflow lag: 95th percentile of trigger-to-start time"
        return Figure(title: title, svg: lineChart(series, y: "lag p95 (s)", references: refs).svg(title: title), legend: legend(series),
                      note: "How long a workflow waits between the change that triggers it and its start; subscriptions poll, so some lag is normal.",
                      table: table(series, unit: "s"))
    }
}
