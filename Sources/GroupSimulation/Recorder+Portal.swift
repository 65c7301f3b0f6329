import ScenarioSpec
import Statistics

/// The Self-Service Portal's figures: its users' latencies kept apart from the consoles', so
/// that console objectives keep their meaning and the portal has its own.
struct PortalRecord {
    var requests = LatencyHistogram()
    var logons = LatencyHistogram()
}

extension Recorder {
    @inline(__always)
    mutating func portalRequestCompleted(latency: Double) {
        portal?.requests.record(latency)
    }

    @inline(__always)
    mutating func portalLogonCompleted(latency: Double) {
        portal?.logons.record(latency)
    }

    /// The portal's summary rows (station `all`), after the other figures; none without a portal.
    func addPortalSummary(to out: inout [MetricValue], counts: Counts) {
        guard let portal, let visits = counts.portal else { return }
        func add(_ metric: Metric, _ value: Double) { out.append(MetricValue(metric: metric, station: "all", value: value)) }
        add(.portalVisits, Double(visits.visitsArrived))
        add(.portalVisitsRefused, Double(visits.visitsRefused))
        add(.portalRequestsCompleted, Double(portal.requests.count))
        add(.portalLatencyMean, portal.requests.count > 0 ? portal.requests.mean.inMilliseconds : .nan)
        add(.portalLatencyP95, portal.requests.count > 0 ? portal.requests.quantile(0.95).inMilliseconds : .nan)
        add(.portalLogonP95, portal.logons.count > 0 ? portal.logons.quantile(0.95).inMilliseconds : .nan)
    }
}
