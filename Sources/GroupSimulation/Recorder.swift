import SimulationKernel
import Statistics

/// Monitoring kept out of the event handlers: they report changes through narrow
/// `…Changed` calls and the recorder keeps window and whole-run (post-warm-up) statistics.
public struct Recorder {
    let names: [String]
    let kinds: [WindowRow.Kind]
    let cores: [Double]
    let serverCount: Int
    /// Servers, the database, and its storage when there is one.
    let stationCount: Int
    /// Report the workload figures (active consoles, logons, storage, time breakdown): only
    /// scenarios that use a workload feature get them, so older outputs keep their bytes.
    let reportsWorkload: Bool
    let hitRatio: Double
    let warmup: Double
    let duration: Double

    // Written on every event: shared storage without copy-on-write checks (`FixedArray`).
    var busy: FixedArray<Gauge>
    var jobs: FixedArray<Gauge>
    var up: [Gauge]
    var connected: [Gauge]
    var active: [Gauge]
    var runLogon = LatencyHistogram()
    /// Portal requests and logons answered after warm-up (`Recorder+Portal.swift`).
    var portal: PortalRecord?
    var runBackground = 0
    /// Sums over the requests completed after warm-up, seconds: latency and its parts.
    var runBreakdown = Breakdown()
    var backlog = Gauge()
    var windowLatency: FixedArray<LatencyHistogram>
    var runLatency: FixedArray<LatencyHistogram>
    var windowCompleted: FixedArray<Int>
    var windowFailed: [Int]
    /// Requests answered in the open window per (server, request class), server-major.
    var windowClassCompleted: FixedArray<Int32>
    let classCount: Int
    /// Per closed window, per server, per request class: requests answered (what a per-class
    /// requests counter would show; `smsim run --perfmon` writes it). One flat array, so
    /// closing a window allocates nothing once it has grown.
    public internal(set) var classCompletions: [Int32] = []
    var windowReconnects: [Int]
    var runCompleted: FixedArray<Int>
    var runFailed: [Int]
    var windowLag = LatencyHistogram()
    var runLag = LatencyHistogram()
    var peakUtilization: [Double]
    var backlogPeak = 0
    var windowStart = 0.0
    public internal(set) var rows: [WindowRow] = []
    public internal(set) var summary: [MetricValue] = []
    var displacements: [Int: Displacement] = [:]
    var outage: WorkflowOutage?
    /// The last burst of triggered jobs: when it came, the backlog just before it, and when
    /// the backlog was first back at that level (its drain).
    var burst: (at: Double, before: Int, drainedAt: Double?)?
    var finishedOutages: [Int: WorkflowOutage] = [:]
    /// Runs of each scheduled job (connectors, grooming, data warehouse), by job index.
    var scheduledRuns: [ScheduledRunRecord]

    init(config: ModelConfig) {
        serverCount = config.servers.count
        let storage = config.hasStorage
        names = config.servers.map(\.name) + [config.databaseName] + (storage ? [config.databaseName + "-storage"] : []) + ["all"]
        kinds = config.servers.map { $0.isInitial ? .initial : .additional } + [.database] + (storage ? [.storage] : []) + [.all]
        cores = config.servers.map { Double($0.cores) } + [Double(config.databaseCores)] + (storage ? [1] : [])
        warmup = config.warmup
        duration = config.duration
        let stations = serverCount + 1 + (storage ? 1 : 0)
        stationCount = stations
        reportsWorkload = storage || config.logonClass != nil || config.activePeriod != nil
        hitRatio = config.hitRatio
        busy = FixedArray(repeating: Gauge(), count: stations)
        jobs = FixedArray(repeating: Gauge(), count: stations)
        var upGauge = Gauge()
        upGauge.set(1, at: 0)
        upGauge.window.reset(at: 0)
        up = Array(repeating: upGauge, count: stations)
        connected = Array(repeating: Gauge(), count: serverCount)
        active = Array(repeating: Gauge(), count: serverCount)
        // Index serverCount holds the all-servers figures.
        windowLatency = FixedArray(repeating: LatencyHistogram(), count: serverCount + 1)
        runLatency = FixedArray(repeating: LatencyHistogram(), count: serverCount + 1)
        windowCompleted = FixedArray(repeating: 0, count: serverCount)
        windowFailed = Array(repeating: 0, count: serverCount)
        classCount = config.requests.count
        windowClassCompleted = FixedArray(repeating: 0, count: serverCount * config.requests.count)
        let windows = config.window > 0 ? Int((config.duration / config.window).rounded(.up)) + 1 : 0
        classCompletions.reserveCapacity(windows * windowClassCompleted.count)
        windowReconnects = Array(repeating: 0, count: serverCount)
        runCompleted = FixedArray(repeating: 0, count: serverCount)
        runFailed = Array(repeating: 0, count: serverCount)
        peakUtilization = Array(repeating: 0, count: stations)
        scheduledRuns = config.scheduledJobNames.map { ScheduledRunRecord(name: $0) }
        portal = config.portal == nil ? nil : PortalRecord()
    }

    // MARK: Reports from the model (hot path: O(1), no allocation)

    @inline(__always)
    mutating func stationChanged(_ s: Int, busy b: Int, jobs n: Int, at t: Double) {
        busy[s].set(Double(b), at: t)
        jobs[s].set(Double(n), at: t)
    }

    @inline(__always)
    mutating func connectionsChanged(_ s: Int, to n: Int, at t: Double) {
        connected[s].set(Double(n), at: t)
    }

    @inline(__always)
    mutating func activeChanged(_ s: Int, to n: Int, at t: Double) {
        active[s].set(Double(n), at: t)
    }

    /// A logon (initial load) answered on server `s`; `k` is the logon's class index, so
    /// the per-class counts give a logons counter (`smsim run --perfmon`).
    mutating func logonCompleted(server s: Int, requestClass k: Int, latency: Double) {
        windowClassCompleted[s * classCount + k] &+= 1
        runLogon.record(latency)
    }

    mutating func backgroundRequestCompleted() {
        runBackground += 1
    }

    /// Where a request's time went: service demands at each station and the network; the
    /// rest of its latency was queueing.
    @inline(__always)
    mutating func requestBreakdown(latency: Double, server: Double, database: Double, storage: Double, network: Double) {
        runBreakdown.count += 1
        runBreakdown.latency += latency
        runBreakdown.server += server
        runBreakdown.database += database
        runBreakdown.storage += storage
        runBreakdown.network += network
    }

    @inline(__always)
    mutating func requestCompleted(server s: Int, requestClass k: Int, latency: Double) {
        windowClassCompleted[s * classCount + k] &+= 1
        let b = LatencyHistogram.bucket(ofSeconds: latency)
        windowLatency[s].record(latency, bucket: b)
        runLatency[s].recordTotals(latency)
        // The all-servers histograms count totals here and take their buckets from the
        // servers' when read (a window's close, the run's end): two scattered writes into
        // cold bucket arrays per request instead of four.
        windowLatency[serverCount].recordTotals(latency)
        runLatency[serverCount].recordTotals(latency)
        windowCompleted[s] += 1
        runCompleted[s] += 1
    }

    mutating func requestsFailed(server s: Int, count: Int) {
        windowFailed[s] += count
        runFailed[s] += count
    }

    mutating func upChanged(_ s: Int, up isUp: Bool, at t: Double) {
        up[s].set(isUp ? 1 : 0, at: t)
    }

    mutating func backlogChanged(_ n: Int, at t: Double) {
        backlog.set(Double(n), at: t)
        if t >= warmup && n > backlogPeak { backlogPeak = n }
        if var o = outage {
            o.peak = max(o.peak, n)
            outage = o
            if o.promoted && n <= o.backlogAtLoss { closeOutage(drainedAt: t) }
        }
        if let b = burst, b.drainedAt == nil, n <= b.before { burst!.drainedAt = t }
    }

    /// A burst of triggered jobs lands on a backlog of `before` jobs.
    mutating func burstArrived(backlog before: Int, at t: Double) {
        burst = (t, before, nil)
    }

    mutating func workflowCompleted(lag: Double) {
        windowLag.record(lag)
        runLag.record(lag)
        outage?.lag.record(lag)
    }
}

/// Sums of request latencies and their parts over a run, seconds.
struct Breakdown {
    var count = 0
    var latency = 0.0, server = 0.0, database = 0.0, storage = 0.0, network = 0.0
}
