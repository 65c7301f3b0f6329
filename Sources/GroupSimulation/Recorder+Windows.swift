import Statistics

/// Window boundaries and the end of warm-up: rows for `timeseries.csv` and the run's totals.
extension Recorder {
    // The model passes plain values, never itself: a copy of the model would share the
    // recorder's arrays, and every array touched below would then be copied. Measured with
    // the Weekday50 benchmark: 2 358 / 2 840 mallocs per 2 h / 4 h run with the copy,
    // 1 861 / 1 863 without (the rest is setup).
    /// The warm-up is over: run totals and peaks start again from `t`.
    mutating func endWarmup(at t: Double) {
        for i in busy.indices {
            busy[i].endWarmup(at: t)
            jobs[i].endWarmup(at: t)
            up[i].endWarmup(at: t)
        }
        for i in connected.indices {
            connected[i].endWarmup(at: t)
            active[i].endWarmup(at: t)
        }
        runLogon.reset()
        if portal != nil { portal = PortalRecord() }
        runBackground = 0
        runBreakdown = Breakdown()
        backlog.endWarmup(at: t)
        backlogPeak = Int(backlog.window.value)
        for i in runLatency.indices { runLatency[i].reset() }
        // The servers' run histograms take their buckets from the windows' at each close: the
        // open window's buckets so far were before the warm-up's end, so they come off now.
        for s in 0..<serverCount { runLatency[s].unmergeBuckets(windowLatency[s]) }
        runLag.reset()
        for i in runCompleted.indices {
            runCompleted[i] = 0
            runFailed[i] = 0
        }
    }

    /// A window ends at `t`: append its rows (one per station and `all`) and start the next.
    mutating func closeWindow(at t: Double, workflowServer role: Int) {
        guard t > windowStart else { return }
        let isWarmup = t <= warmup
        let nan = Double.nan
        var totalBusy = 0.0, totalCores = 0.0, totalJobs = 0.0, totalConsoles = 0.0, totalActive = 0.0, totalUp = 0.0
        var totalFailed = 0, totalReconnects = 0
        for s in 0..<stationCount {
            let isServer = s < serverCount
            let u = busy[s].window.mean(at: t) / cores[s]
            // Read the histogram in place: a copy bound to a name would still share its
            // storage when the window is reset below, and the reset would copy it.
            let latency = isServer ? windowLatency[s].summary : LatencySummary.none
            let carriesWorkflow = s == role
            let consoles = isServer ? connected[s].window.mean(at: t) : nan
            let activeConsoles = isServer ? active[s].window.mean(at: t) : nan
            rows.append(WindowRow(
                windowStart: windowStart, windowEnd: t, warmup: isWarmup, station: names[s], kind: kinds[s],
                workflowRole: carriesWorkflow, up: up[s].window.mean(at: t), consoles: consoles,
                requestsCompleted: isServer ? windowCompleted[s] : 0, requestsFailed: isServer ? windowFailed[s] : 0,
                reconnects: isServer ? windowReconnects[s] : 0, utilization: u, queueLength: jobs[s].window.mean(at: t),
                latencyMean: latency.mean, latencyP50: latency.p50, latencyP95: latency.p95, latencyP99: latency.p99,
                workflowBacklog: carriesWorkflow ? backlog.window.mean(at: t) : nan,
                workflowLagP95: carriesWorkflow ? windowLag.quantile(0.95) : nan,
                workflowsCompleted: carriesWorkflow ? windowLag.count : 0, activeConsoles: activeConsoles))
            if !isWarmup && u > peakUtilization[s] { peakUtilization[s] = u }
            if isServer {
                totalBusy += busy[s].window.mean(at: t)
                totalCores += cores[s]
                totalJobs += jobs[s].window.mean(at: t)
                totalConsoles += consoles
                totalActive += activeConsoles
                totalUp += up[s].window.mean(at: t)
                totalFailed += windowFailed[s]
                totalReconnects += windowReconnects[s]
            }
        }
        for s in 0..<serverCount {
            windowLatency[serverCount].mergeBuckets(windowLatency[s])
            runLatency[s].mergeBuckets(windowLatency[s])
        }
        let all = windowLatency[serverCount].summary
        rows.append(WindowRow(
            windowStart: windowStart, windowEnd: t, warmup: isWarmup, station: "all", kind: .all, workflowRole: false,
            up: totalUp / Double(serverCount), consoles: totalConsoles, requestsCompleted: all.count,
            requestsFailed: totalFailed, reconnects: totalReconnects, utilization: totalBusy / totalCores,
            queueLength: totalJobs, latencyMean: all.mean, latencyP50: all.p50, latencyP95: all.p95,
            latencyP99: all.p99, workflowBacklog: backlog.window.mean(at: t),
            workflowLagP95: windowLag.quantile(0.95), workflowsCompleted: windowLag.count, activeConsoles: totalActive))
        classCompletions.append(contentsOf: windowClassCompleted)
        for i in windowClassCompleted.indices { windowClassCompleted[i] = 0 }

        for i in busy.indices {
            busy[i].closeWindow(at: t)
            jobs[i].closeWindow(at: t)
            up[i].closeWindow(at: t)
        }
        for i in connected.indices {
            connected[i].closeWindow(at: t)
            active[i].closeWindow(at: t)
        }
        backlog.closeWindow(at: t)
        for i in windowLatency.indices { windowLatency[i].reset() }
        windowLag.reset()
        for i in windowCompleted.indices {
            windowCompleted[i] = 0
            windowFailed[i] = 0
            windowReconnects[i] = 0
        }
        windowStart = t
    }
}

/// The figures of a latency histogram that a window row reports, in seconds.
struct LatencySummary {
    var count: Int
    var mean, p50, p95, p99: Double
    static let none = LatencySummary(count: 0, mean: .nan, p50: .nan, p95: .nan, p99: .nan)
}

extension LatencyHistogram {
    var summary: LatencySummary {
        let q = quantiles([0.5, 0.95, 0.99])
        return LatencySummary(count: count, mean: mean, p50: q[0], p95: q[1], p99: q[2])
    }
}
