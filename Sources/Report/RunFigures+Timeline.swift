import CapacityModel

/// The failure timeline: failures until their repair, outages, promotions.
extension RunFigures {
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
                spans.append(.init(lane: target, start: t, end: end ?? run.duration, label: "\(target) down \(context.moment(t))"))
            case "promotion":
                spans.append(.init(lane: target, start: t, end: nil, label: "\(target) promoted \(context.moment(t))"))
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
