import Foundation

/// How much simulating a scenario will cost, worked out before simulating it, so that an
/// absurd horizon or count (`duration: 1e308`) is refused instead of running for ever.
public struct WorkEstimate: Sendable, Equatable {
    /// Events in one replication, roughly: consoles × horizon / think time × events per
    /// request, plus sessions, workflow jobs, polls and time-series windows.
    public var eventsPerReplication: Double
    /// Time-series windows in one replication, over all stations.
    public var windows: Double

    /// Most events one replication may take without `--allow-long`: about a quarter of an
    /// hour at `eventsPerSecond`.
    public static let limit = 1e9
    /// Model events per second of a release build on a small shared machine; the figure
    /// behind the run-time estimate (the engine reaches 0.5–3 M/s depending on the model's size).
    public static let eventsPerSecond = 1e6

    /// Seconds one replication should take, from `eventsPerSecond`.
    public var secondsPerReplication: Double { eventsPerReplication / Self.eventsPerSecond }
    public var isWithinLimit: Bool { eventsPerReplication.isFinite && eventsPerReplication <= Self.limit }
}

extension Scenario {
    /// The work of one replication; see `WorkEstimate`. Infinite when a mean think time or
    /// period is zero.
    public var workEstimate: WorkEstimate {
        // The profile's mean rate over one day (a closed population is always at its peak).
        var rate = 1.0
        if consoles.start != .fixed, !consoles.profile.isEmpty {
            let day = 86_400.0
            var sum = 0.0
            for (i, step) in consoles.profile.enumerated() {
                let end = i + 1 < consoles.profile.count ? consoles.profile[i + 1].from : day
                sum += step.rate * max(0, min(end, day) - min(step.from, day))
            }
            rate = sum / day
        }
        let population = Double(consoles.peak) * rate
        // Every request: its start, the server, the database, the server after, the answer.
        let requests = population * duration / consoles.thinkTime.mean
        var weight = 0.0
        var jobsPerRequest = 0.0
        for request in consoles.requests {
            weight += request.weight
            jobsPerRequest += request.weight * request.workflowsPerRequest
        }
        if weight > 0 { jobsPerRequest /= weight }
        var jobs = requests * jobsPerRequest + workflows.bursts.reduce(0) { $0 + Double($1.jobs) }
        for recurring in workflows.recurring { jobs += duration / recurring.every * Double(recurring.jobs) }
        let sessions = consoles.start == .fixed ? 0 : population * duration / consoles.sessionLength.mean
        let polls = duration / workflows.pollInterval
        let windows = duration / window * Double(layout.servers.count + 1)
        let events = 3 * requests + 3 * jobs + 2 * sessions + polls + windows + (portal?.estimatedEvents(duration: duration) ?? 0)
        return WorkEstimate(eventsPerReplication: events.isNaN ? .infinity : events, windows: windows)
    }

    /// Why the scenario is refused as too long, or nil: one line naming the estimate and the limit.
    public var tooLongMessage: String? {
        let estimate = workEstimate
        guard !estimate.isWithinLimit else { return nil }
        let events = estimate.eventsPerReplication.isFinite ? "about \(Self.rounded(estimate.eventsPerReplication)) events" : "an unbounded number of events"
        return "one replication would take \(events) (the limit is \(Self.rounded(WorkEstimate.limit))); check duration, consoles.peak and the think time, or pass --allow-long"
    }

    package static func rounded(_ value: Double) -> String {
        guard value.isFinite else { return "∞" }
        if value >= 1e15 { return String(format: "%.1e", value) }
        for (unit, scale) in [("G", 1e9), ("M", 1e6), ("k", 1e3)] where value >= scale {
            return String(format: "%.1f ", value / scale).replacingOccurrences(of: ".0 ", with: " ") + unit
        }
        return String(format: "%.0f", value)
    }
}
