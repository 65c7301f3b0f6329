import CapacityModel

/// The evidence figures of one configuration: latency, utilization, storage, consoles,
/// workflows and the failure timeline, each with the numbers it draws.
struct RunFigures {
    var run: RunOutput
    var context: ScenarioContext

    /// Per-station bands are drawn up to this many stations; beyond, only the aggregate's.
    static let bandsUpTo = 4

    var all: [String] {
        var out = [latency, utilization, consoles, backlog, lag, timeline].map(\.html)
        out.insert(storage, at: 2)
        return out
    }

    private var slo: ServiceLevelObjectives? { context.scenario?.slo }
    private var warmupNote: String {
        run.warmup > 0 ? " The first \(NumberText.show(run.warmup / 60)) minutes are warm-up (the summary and the verdicts leave them out)." : ""
    }

    /// Lines per station, each its own colour, with the CI band when the file has one.
    private func chart(_ stations: [String], _ column: String, ci: String?, scale: Double = 1,
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

    private func legend(_ series: [ChartSeries]) -> [(name: String, colour: String, dashed: Bool)] {
        series.map { ($0.name, $0.colour, $0.dashed) }
    }

    private func table(_ series: [ChartSeries], unit: String) -> Table {
        Table.series(series, xs: run.windows, xHeader: "window start", unit: unit, x: context.clock)
    }

    private var markers: [(x: Double, label: String)] {
        timelineSpans.map { ($0.start, $0.label) }
    }

    private func lineChart(_ series: [ChartSeries], y: String, yMax: Double? = nil, references: [(y: Double, label: String)] = []) -> LineChart {
        LineChart(xLabel: context.timeAxisLabel, yLabel: y, series: series, xTick: context.clock, yMax: yMax,
                  xRange: (0, run.duration), timeX: true, references: references, markers: markers)
    }

    var latency: Figure {
        let serving = run.servers.filter { run.measured($0, "latency_p95_ms") }
        var series = chart(serving, "latency_p95_ms", ci: "latency_p95_ci95", scale: 0.001)
        series += chart(["all"], "latency_p95_ms", ci: "latency_p95_ci95", scale: 0.001, highlight: ["all": Palette.total]).map {
            var s = $0; s.name = "all servers"; s.dashed = true; s.width = 3; s.drawBand = true; return s
        }
        let refs = slo?.p95Latency.map { [(y: $0, label: "objective \(NumberText.show($0)) s")] } ?? []
        let title = "p95 console latency per management server over the day"
        return Figure(title: title, svg: lineChart(series, y: "p95 latency (s)", references: refs).svg(title: title),
                      legend: legend(series),
                      note: "Each line is the mean over \(run.replications) replications of the 5-minute window's 95th percentile; the shaded band is its 95 % confidence interval (drawn per server up to \(Self.bandsUpTo) servers, else for all servers only; every server's interval is in the table). A server with no consoles (the workflow server once two or more additional servers exist) has no line." + warmupNote,
                      table: table(series, unit: "s"))
    }

    var utilization: Figure {
        let names = run.servers + run.databases
        let db = Dictionary(uniqueKeysWithValues: run.databases.map { ($0, Palette.database) })
        var series = chart(names, "utilization", ci: "utilization_ci95", highlight: db)
        series += chart(["all"], "utilization", ci: "utilization_ci95", highlight: ["all": Palette.total]).map {
            var s = $0; s.name = "all management servers (mean)"; s.dashed = true; s.width = 3; s.drawBand = true; return s
        }
        var refs: [(y: Double, label: String)] = []
        if let u = slo?.maxUtilization { refs.append((u, "server objective \(NumberText.percent(u))")) }
        if let u = slo?.maxDatabaseUtilization, u != slo?.maxUtilization { refs.append((u, "database objective \(NumberText.percent(u))")) }
        let title = "CPU utilization per management server and the database"
        return Figure(title: title, svg: lineChart(series, y: "utilization (fraction of cores busy)", yMax: 1, references: refs).svg(title: title),
                      legend: legend(series),
                      note: "Fraction of the cores busy in each 5-minute window, mean of the replications with its 95 % band. The objectives apply to the busiest window.",
                      table: table(series, unit: "fraction"))
    }

    /// Storage (disk) utilization of the database, when the model produces it.
    var storage: String {
        let columns = ["storage_utilization", "disk_utilization", "io_utilization"]
        guard let column = columns.first(where: { run.series.has($0) }) else {
            return HTMLPage.missing("Storage: this run's files have no storage (disk) utilization; the model version that wrote them does not simulate the database's storage, so no storage figure or verdict is given.")
        }
        let stations = run.databases.filter { run.measured($0, column) }
        let series = chart(stations, column, ci: run.series.has(column + "_ci95") ? column + "_ci95" : nil)
        let title = "Database storage utilization"
        return Figure(title: title, svg: lineChart(series, y: "storage utilization", yMax: 1).svg(title: title), legend: legend(series),
                      note: "Fraction of the storage's capacity busy per 5-minute window (\(column)).", table: table(series, unit: "fraction")).html
    }

    var consoles: Figure {
        var series = chart(run.servers, "consoles", ci: nil)
        let activeColumn = ["consoles_active", "active_consoles"].first { run.series.has($0) }
        if let activeColumn {
            series.append(ChartSeries(name: "active, all servers", colour: Palette.total, points: run.values("all", activeColumn), dashed: true, width: 3))
        }
        let title = "Consoles connected per management server" + (activeColumn == nil ? "" : ", and active in total")
        let activeNote = activeColumn == nil
            ? " Active consoles (those issuing requests, as opposed to merely connected) are not in this run's files: the model version that wrote them does not tell them apart."
            : ""
        return Figure(title: title, svg: lineChart(series, y: "consoles").svg(title: title), legend: legend(series),
                      note: "Time-average number of consoles connected in each window, mean of the replications." + activeNote,
                      table: table(series, unit: "consoles"))
    }

    var backlog: Figure {
        let series = [ChartSeries(name: "workflow backlog", colour: Palette.colour(0), points: run.values("all", "workflow_backlog"))]
        let title = "Workflow backlog on the workflow server"
        return Figure(title: title, svg: lineChart(series, y: "jobs waiting or running").svg(title: title), legend: legend(series),
                      note: "Workflow jobs triggered but not finished, time average per window.", table: table(series, unit: "jobs"))
    }

    var lag: Figure {
        let series = [ChartSeries(name: "workflow lag p95", colour: Palette.colour(1), points: run.values("all", "workflow_lag_p95_s"))]
        let refs = slo?.p95WorkflowLag.map { [(y: $0, label: "objective \(NumberText.show($0)) s")] } ?? []
        let title = "Workflow lag: 95th percentile of trigger-to-start time"
        return Figure(title: title, svg: lineChart(series, y: "lag p95 (s)", references: refs).svg(title: title), legend: legend(series),
                      note: "How long a workflow waits between the change that triggers it and its start; subscriptions poll, so some lag is normal.",
                      table: table(series, unit: "s"))
    }

    /// Failures with their repairs, outages with their end, promotions, in replication 0.
    var timelineSpans: [TimelineChart.Span] {
        guard let events = run.events else { return [] }
        let rows = events.rows(where: "replication", is: "0")
        var spans: [TimelineChart.Span] = []
        for (i, r) in rows.enumerated() {
            let kind = events.text(r, "event"), target = events.text(r, "target")
            guard let t = events.number(r, "time_s") else { continue }
            switch kind {
            case "server-failure", "database-failure":
                let repair = kind == "server-failure" ? "server-repair" : "database-repair"
                let end = rows[(i + 1)...].first { events.text($0, "event") == repair && events.text($0, "target") == target }
                    .flatMap { events.number($0, "time_s") }
                spans.append(.init(lane: target, start: t, end: end ?? run.duration, label: "\(target) down at \(context.clock(t))"))
            case "promotion":
                spans.append(.init(lane: target, start: t, end: nil, label: "\(target) promoted at \(context.clock(t))"))
            default: continue
            }
        }
        return spans
    }

    var timeline: Figure {
        let title = "Failures, outages and promotions (replication 0)"
        let chart = TimelineChart(spans: timelineSpans, duration: run.duration, xTick: context.clock, xLabel: context.timeAxisLabel)
        let events = run.events
        let columns = ["replication", "time_s", "event", "target", "consoles", "failed_requests", "recovery_s", "reconnected",
                       "abandoned", "survivor_peak_utilization", "survivor_peak_p95_ms", "backlog_peak", "drain_s", "workflow_lag_p95_s"]
        let present = columns.filter { events?.has($0) ?? false }
        let rows = events?.rows.map { r in present.map { c in c == "time_s" ? (events!.number(r, c).map(context.clock) ?? "") : events!.text(r, c) } } ?? []
        return Figure(title: title, svg: chart.svg(title: title),
                      note: "Red bars: a server or the database down, from failure to repair. Green marks: a server promoted to hold the workflow role. The table lists every replication's events.",
                      table: Table(headers: present.map { $0 == "time_s" ? "time" : $0 }, rows: rows))
    }
}
