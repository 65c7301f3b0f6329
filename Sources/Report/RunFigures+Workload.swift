import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import CounterCalibration

/// Consoles connected and active, and where each request's time went (with the buffer
/// pool's hit ratio): the workload figures.
extension RunFigures {
    var consoles: Figure {
        let series = chart(run.servers, .consoles, ci: nil)
        let title = "Consoles connected per management server"
        return Figure(title: title, svg: lineChart(series, y: "consoles").svg(title: title), legend: legend(series),
                      note: "Time-average number of consoles connected in each window, mean of the replications.",
                      table: table(series, unit: "consoles"))
    }

    /// Connected against active consoles for the whole group (the `all` rows).
    var activeConsoles: String {
        guard run.has(.activeConsoles) else {
            return HTMLPage.missing("Active consoles (those in an active period, as opposed to merely connected) are not in this run's files: the smsim version that wrote them did not record them per window.")
        }
        let connected = ChartSeries(name: "connected, all servers", colour: Palette.colour(0), points: run.values("all", .consoles), width: 3)
        let active = ChartSeries(name: "active, all servers", colour: Palette.colour(1), points: run.values("all", .activeConsoles), dashed: true, width: 3)
        let series = [connected, active]
        let idle = zip(connected.points, active.points).contains { abs(($0.1 ?? 0) - ($1.1 ?? 0)) > 1e-9 }
        let note = idle
            ? "Time average per window, mean of the replications. A connected console alternates active periods (its analyst working: think, request, think) and idle periods (open, analyst elsewhere); only active consoles send requests, idle ones at most refresh their view."
            : "Time average per window, mean of the replications. Every connected console was active (the scenario gives consoles no idle periods: consoles.activePeriod and idlePeriod), so the two lines coincide."
        let title = "Consoles connected and active, all management servers"
        return Figure(title: title, svg: lineChart(series, y: "consoles").svg(title: title), legend: legend(series), note: note,
                      table: table(series, unit: "consoles")).html
    }

    /// The mean request's latency split into service at each station, the network and the
    /// rest (queueing), from summary.csv.
    var timeBreakdown: String {
        let parts: [(Metric, String)] = [
            (.timeServerCPU, "management server CPU"), (.timeDatabaseCPU, "database CPU"), (.timeStorage, "database storage"),
            (.timeNetwork, "network round trips"), (.timeQueueing, "waiting in queues"),
        ]
        let found = parts.compactMap { m, label in run.estimate(m).map { (m, label, $0) } }
        guard !found.isEmpty else {
            return HTMLPage.missing("Where each request's time went: not recorded for this run. The model splits latency into server, database, storage, network and queueing time only for scenarios that use a workload feature (database memory, idle periods or a logon request); this one uses none.")
        }
        let total = run.estimate(.latencyMean)
        let chart = PartsChart(parts: found.map { .init(label: $0.1, value: $0.2.mean / 1000, halfWidth: $0.2.ci.map { $0 / 1000 }) },
                               xLabel: "seconds per request (mean over the requests after warm-up)")
        var rows = found.map { m, label, e in
            [label, m.csvName, NumberText.interval(e.mean / 1000, e.ci.map { $0 / 1000 }),
             total.map { NumberText.percent(e.mean / $0.mean) } ?? "n/a"]
        }
        if let total {
            rows.append(["mean latency (the whole)", Metric.latencyMean.csvName, NumberText.interval(total.mean / 1000, total.ci.map { $0 / 1000 }), "100.0 %"])
        }
        var note = "Service demands actually received at each station, per request, and the network's round trips; what is left of the latency is time spent waiting in queues. Each part is the mean over the replications with its 95 % interval."
        if let hit = run.databases.lazy.compactMap({ run.estimate(.databaseHitRatio, station: $0) }).first {
            note += " The database's buffer pool answers \(NumberText.percent(hit.mean)) of page reads from memory (hit ratio from the scenario's memory, the database's size — its rows or its inventory — and popularity); the rest go to storage."
        }
        let title = "Where each request's time went"
        return Figure(title: title, svg: chart.svg(title: title), note: note,
                      table: Table(headers: ["part", "metric", "seconds per request (95 % CI)", "share of mean latency"], rows: rows)).html
    }
}
