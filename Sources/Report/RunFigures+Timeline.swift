import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import CounterCalibration

/// The failure timeline: failures until their repair, outages, promotions.
extension RunFigures {
    /// Failures with their repairs, outages with their end, promotions, in replication 0.
    var timelineSpans: [TimelineChart.Span] {
        guard let events = run.events else { return [] }
        let rows = events.rows(where: EventColumn.replication.name, is: "0")
        let event = EventColumn.event.name, target = EventColumn.target.name, time = EventColumn.time.name
        var spans: [TimelineChart.Span] = []
        for (i, r) in rows.enumerated() {
            let kind = Incident.Kind(rawValue: events.text(r, event)), lane = events.text(r, target)
            guard let kind, let t = events.number(r, time) else { continue }
            switch kind {
            case .serverFailure, .databaseFailure:
                let repair = (kind == .serverFailure ? Incident.Kind.serverRepair : .databaseRepair).rawValue
                let end = rows[(i + 1)...].first { events.text($0, event) == repair && events.text($0, target) == lane }
                    .flatMap { events.number($0, time) }
                spans.append(.init(lane: lane, start: t, end: end ?? run.duration, label: "\(lane) down \(context.moment(t))"))
            case .promotion:
                spans.append(.init(lane: lane, start: t, end: nil, label: "\(lane) promoted \(context.moment(t))"))
            default: continue
            }
        }
        return spans
    }

    var timeline: Figure {
        let title = "Failures, outages and promotions (replication 0)"
        let chart = TimelineChart(spans: timelineSpans, duration: run.duration, xTick: context.clock, xLabel: context.timeAxisLabel)
        let events = run.events
        // Every column of events.csv but two, the workflow jobs held up and the longest lag,
        // which the page leaves to the CSV.
        let columns = EventColumn.allCases.filter { $0 != .workflowJobs && $0 != .workflowLagMax }.map(\.name)
        let present = columns.filter { events?.has($0) ?? false }
        let time = EventColumn.time.name
        let rows = events?.rows.map { r in present.map { c in c == time ? (events!.number(r, c).map(context.clock) ?? "") : events!.text(r, c) } } ?? []
        return Figure(title: title, svg: chart.svg(title: title),
                      note: "Red bars: a server or the database down, from failure to repair. Green marks: a server promoted to hold the workflow role. The table lists every replication's events.",
                      table: Table(headers: present.map { $0 == time ? "time" : $0 }, rows: rows))
    }
}
