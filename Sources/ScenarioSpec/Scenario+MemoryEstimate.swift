import Foundation

/// How much memory a run of a scenario will hold at its peak, worked out from the scenario
/// alone before anything is allocated, so that a shared file cannot exhaust the machine:
/// `window: 1ms` over a day makes 86 M time-series windows, `additionalServers.count:
/// 1000000` a million stations, and neither is many events. The events estimate
/// (`WorkEstimate`) bounds time; this bounds space.
///
/// The estimate is a sum of parts, each named for the field that drives it, so a refusal
/// can say which field to change. The byte figures per item are upper bounds of what the
/// engine keeps (`MemoryEstimateTests` holds them against the engine's actual sizes).
public struct MemoryEstimate: Sendable, Equatable {
    /// One contribution: the scenario field that scales it, its bytes, and what it is.
    public struct Part: Sendable, Equatable {
        public var field: String
        public var bytes: Double
        public var what: String
    }

    public var parts: [Part]

    /// Several runs held at once (the configurations `smsim compare` pairs) add their parts.
    public init(parts: [Part]) {
        self.parts = parts
    }

    /// Most bytes a run may hold without `--allow-large`: 4 GB, well under a planner's
    /// workstation or a CI runner (a shipped scenario needs under 100 MB).
    public static let limit = 4e9

    /// Bytes per item, upper bounds (debug and release builds alike).
    enum Cost {
        /// One time-series row held per replication (a `WindowRow`, its station name shared).
        static let row = 192.0
        /// One row as text in timeseries.csv, and the string's growth while it is built.
        static let rowText = 512.0
        /// One answered-requests count per window, server and request class (`Int32`).
        static let classCount = 4.0
        /// A server in the model: two latency histograms (19 KB each), gauges, a station.
        static let server = 48.0 * 1024
        /// A server's summary metrics, kept per replication.
        static let serverSummary = 4.0 * 1024
        /// A console slot: its state, timer, free-list entry and its own random stream.
        static let console = 512.0
        /// A portal user slot, a workflow engine thread slot.
        static let slot = 256.0
        /// A recorded incident (failure, repair, promotion) and its events.
        static let incident = 512.0
        /// A scheduled job's run record and its timer.
        static let scheduledRun = 256.0
        /// A profile step, a request class or a scheduled failure as read from the file.
        static let declared = 1024.0
    }

    /// Total bytes; infinite when a part is (a zero window, say).
    public var bytes: Double {
        let sum = parts.reduce(0) { $0 + $1.bytes }
        return sum.isNaN ? .infinity : sum
    }

    public var isWithinLimit: Bool { bytes.isFinite && bytes <= Self.limit }

    /// The part that contributes most.
    public var largest: Part? { parts.max { $0.bytes < $1.bytes } }

    /// Why a run is refused as too large, or nil: the field to change and one line naming
    /// the estimate, its largest part and the limit, in the style of the events estimate.
    public var refusal: (field: String, message: String)? {
        guard !isWithinLimit, let largest else { return nil }
        let total = bytes.isFinite ? "about \(Scenario.bytesText(bytes))" : "unbounded memory"
        return (largest.field, "the run would hold \(total) in memory (the limit is \(Scenario.bytesText(Self.limit))), "
                + "most of it for \(largest.what); change \(largest.field), or pass --allow-large")
    }
}

extension Scenario {
    /// The memory a run holds; see `MemoryEstimate`. `replicationsHeld` is how many
    /// replications' results are kept at once (default `replications`; `--precision` keeps up
    /// to its cap), `concurrent` how many models are alive at once (the threads).
    public func memoryEstimate(replicationsHeld: Int? = nil, concurrent: Int = 1) -> MemoryEstimate {
        typealias Cost = MemoryEstimate.Cost
        let held = Double(max(1, replicationsHeld ?? replications))
        let live = min(held, Double(max(1, concurrent)))
        let extra = managementGroup.additionalServers
        // In floating point: a hostile count must not overflow the arithmetic that checks it.
        var additional = 0.0
        if let count = extra.count {
            additional = Double(count)
        } else if let ratio = extra.consolesPerServer, ratio > 0 {
            additional = (Double(consoles.peak) / Double(ratio)).rounded(.up)
        }
        let servers = 1 + additional
        let stations = servers + (managementGroup.database.memory == nil ? 1 : 2) + 1
        let windows = (duration / window).rounded(.up) + 1
        let serversField = extra.count != nil ? "managementGroup.additionalServers.count"
            : extra.consolesPerServer != nil ? "managementGroup.additionalServers.consolesPerServer" : "managementGroup"

        // Time series: every row of every held replication, and the CSV text made from them.
        let rows = windows * stations * held
        let factors = [("window", windows), (serversField, stations), ("replications", held)]
        let seriesField = factors.max { $0.1 < $1.1 }!.0
        var parts = [MemoryEstimate.Part(
            field: seriesField, bytes: rows * (Cost.row + Cost.rowText),
            what: "time series of \(Self.rounded(windows)) windows (duration / window) × \(Self.rounded(stations)) stations "
                + "× \(Self.rounded(held)) replications")]
        let classes = Double(consoles.requests.count + (consoles.logon == nil ? 0 : 1))
        parts.append(.init(field: "consoles.requests", bytes: windows * servers * classes * held * Cost.classCount,
                           what: "answered requests per window × \(Self.rounded(servers)) servers × \(Self.rounded(classes)) request classes"))
        parts.append(.init(field: serversField, bytes: servers * (Cost.server * live + Cost.serverSummary * held),
                           what: "\(Self.rounded(servers)) management servers"))

        // Console slots: every server's connection cap (the model keeps one slot per console it can hold).
        let capacity = Double(consoleSlots)
        let limited = layout.servers.allSatisfy { $0.connectionLimit != nil }
        let consoleField = !limited ? "consoles.peak"
            : servers > 1 ? "managementGroup.additionalServers.connectionLimit" : "managementGroup.initialServer.connectionLimit"
        parts.append(.init(field: consoleField, bytes: capacity * Cost.console * live,
                           what: "\(Self.rounded(capacity)) console slots (connection limits, or the peak's Poisson bound)"))
        if let portal {
            parts.append(.init(field: "portal.maxUsers", bytes: Double(portal.maxUsers) * Cost.slot * live,
                               what: "\(Self.rounded(Double(portal.maxUsers))) portal user slots"))
        }
        parts.append(.init(field: "workflows.concurrency", bytes: Double(workflows.concurrency) * Cost.slot * live,
                           what: "\(Self.rounded(Double(workflows.concurrency))) workflow engine threads"))

        // Incidents: scheduled failures, and random ones at one per time to failure per server.
        var incidents = Double(failures.scheduled.count)
        if let random = failures.random {
            incidents += servers * duration / random.timeToFailure.mean
        }
        parts.append(.init(field: failures.random == nil ? "failures.scheduled" : "failures.random.timeToFailure",
                           bytes: incidents * Cost.incident * held, what: "\(Self.rounded(incidents)) failures and repairs"))
        let runs = scheduledJobs.reduce(0.0) { $0 + duration / $1.every }
        parts.append(.init(field: "workflows.connectors", bytes: runs * Cost.scheduledRun * live,
                           what: "\(Self.rounded(runs)) scheduled job runs"))
        let declared = Double(consoles.profile.count + consoles.requests.count + workflows.recurring.count
                              + workflows.bursts.count + consoles.shares.count)
        parts.append(.init(field: "consoles.profile", bytes: declared * Cost.declared * (live + 1),
                           what: "\(Self.rounded(declared)) profile steps, request classes and other list items"))
        return MemoryEstimate(parts: parts)
    }

    /// Why the scenario is refused as too large, or nil; see `MemoryEstimate.refusal`.
    public func tooLargeMessage(replicationsHeld: Int? = nil, concurrent: Int = 1) -> (field: String, message: String)? {
        memoryEstimate(replicationsHeld: replicationsHeld, concurrent: concurrent).refusal
    }

    /// `9.6 GB`, `512 MB`: decimal units, as the message's reader expects.
    public static func bytesText(_ bytes: Double) -> String {
        guard bytes.isFinite else { return "∞ B" }
        // C's printf, not Foundation's String(format:): the same text, without setting up
        // Foundation's formatting at every start (`smsim lint`'s help quotes the limit).
        if bytes >= 1e15 { return NumberFormat.printf("%.1e", bytes) + " B" }
        for (unit, scale) in [("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("kB", 1e3)] where bytes >= scale {
            let text = NumberFormat.printf("%.1f", bytes / scale)
            return (text.hasSuffix(".0") ? String(text.dropLast(2)) : text) + " " + unit
        }
        return NumberFormat.printf("%.0f", bytes) + " B"
    }
}
