import Stochastics

/// The Self-Service Portal: end users (not analysts) who visit the portal's web site, log on,
/// view their requests, open an incident, and leave. Its web parts call one management server
/// (named in `server`); their requests take CPU there and time in the shared database, and an
/// incident they open triggers workflows like a console's save. A scenario without a portal
/// has no portal load.
public struct Portal: Sendable {
    /// One step of the visit-rate profile: from `from` seconds after the start of the run (and
    /// again every 24 h), visits begin at `perHour` an hour.
    public struct Step: Sendable, Equatable {
        public var from: Double
        public var perHour: Double
        public init(from: Double, perHour: Double) {
            self.from = from
            self.perHour = perHour
        }
    }

    /// The management server the portal talks to (the secondary server it is installed with).
    public var server: String
    /// Visit rates, piecewise constant; a Monday-morning surge is a short step at a high rate.
    public var arrivals: [Step]
    /// Time between an answer and the user's next click.
    public var thinkTime: Distribution
    /// Mean requests a visit makes after logging on; the count is geometric (at least 1).
    public var requestsPerVisit: Double = 3
    /// What the users ask for (view my requests, open an incident, …), by weight.
    public var requests: [RequestClass]
    /// The logon of each visit (authentication, the user's profile and offerings); nil: free.
    public var logon: RequestClass?
    /// Round-trip time between the portal's web server and the management server.
    public var networkLatency: Double = 0
    /// Visits in progress at most; a visit arriving beyond it is refused.
    public var maxUsers = 1000
    /// The portal's server takes no consoles (the load balancer leaves it out); false (the
    /// default): it is in the console pool like any other server.
    public var dedicatedServer = false
    /// Cores of the portal's server; nil (the default): as the scenario gives that server.
    /// S-SYSREQ lists 8 cores for the portal with a secondary management server.
    public var serverCores: Int?

    public init(server: String, arrivals: [Step], thinkTime: Distribution, requests: [RequestClass]) {
        self.server = server
        self.arrivals = arrivals
        self.thinkTime = thinkTime
        self.requests = requests
    }

    /// Expected visits in the first `duration` seconds (the steps repeat every 24 h).
    func expectedVisits(during duration: Double) -> Double {
        let day = 86_400.0
        var sum = 0.0, dayStart = 0.0
        while dayStart < duration {
            for (i, step) in arrivals.enumerated() {
                let end = min(i + 1 < arrivals.count ? arrivals[i + 1].from : day, day)
                let from = dayStart + min(step.from, day), to = min(dayStart + end, duration)
                sum += step.perHour / 3600 * max(0, to - from)
            }
            dayStart += day
        }
        return sum
    }

    /// Events of one replication of `duration` seconds, roughly: per request its start, three
    /// stations and the answer; per visit its arrival.
    func estimatedEvents(duration: Double) -> Double {
        let visits = expectedVisits(during: duration)
        let requests = visits * (requestsPerVisit + (logon == nil ? 0 : 1))
        return 4 * requests + visits
    }
}
