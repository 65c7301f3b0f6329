import ScenarioSpec
import Statistics

extension Recorder {
    /// Works out the replication's summary figures and the incidents' recovery figures: each
    /// metric of the catalogue (`Metric`) at every station kind its definition names, per
    /// server in layout order, then the database, then the group (`all`) in catalogue order.
    mutating func finish(at t: Double, counts: Counts) {
        // The open window's buckets, not yet in the servers' run histograms.
        for s in 0..<serverCount { runLatency[s].mergeBuckets(windowLatency[s]) }
        if outage != nil { closeOutage(drainedAt: nil) }
        let span = max(t - warmup, 1e-9)
        var out: [MetricValue] = []
        func add(_ metric: Metric, _ station: String, _ value: Double) {
            out.append(MetricValue(metric: metric, station: station, value: value))
        }
        for s in 0..<serverCount {
            let name = names[s]
            add(.utilization, name, busy[s].runMean(at: t) / cores[s])
            add(.utilizationPeak, name, peakUtilization[s])
            add(.consolesMean, name, connected[s].runMean(at: t))
            add(.consolesPeak, name, connected[s].peakAfterWarmup)
            add(.latencyP95, name, runLatency[s].quantile(0.95).inMilliseconds)
            add(.requestsCompleted, name, Double(runCompleted[s]))
            add(.requestsFailed, name, Double(runFailed[s]))
            add(.upFraction, name, up[s].runMean(at: t))
        }
        let db = serverCount
        add(.utilization, names[db], busy[db].runMean(at: t) / cores[db])
        add(.utilizationPeak, names[db], peakUtilization[db])
        add(.queueLengthMean, names[db], jobs[db].runMean(at: t))
        add(.upFraction, names[db], up[db].runMean(at: t))

        for s in 0..<serverCount { runLatency[serverCount].mergeBuckets(runLatency[s]) }
        let all = runLatency[serverCount]
        add(.latencyMean, "all", all.mean.inMilliseconds)
        add(.latencyP50, "all", all.quantile(0.5).inMilliseconds)
        add(.latencyP95, "all", all.quantile(0.95).inMilliseconds)
        add(.latencyP99, "all", all.quantile(0.99).inMilliseconds)
        add(.requestsCompleted, "all", Double(all.count))
        add(.requestsFailed, "all", Double(runFailed.reduce(0, +)))
        add(.throughput, "all", Double(all.count) / span)
        add(.serverUtilizationPeak, "all", peakUtilization[0..<serverCount].max() ?? 0)
        add(.serverConsolesPeak, "all", connected.map(\.peakAfterWarmup).max() ?? 0)
        add(.consolesMean, "all", connected.reduce(0) { $0 + $1.runMean(at: t) })
        add(.sessionsArrived, "all", Double(counts.sessionsArrived))
        add(.sessionsRefused, "all", Double(counts.sessionsRefused))
        add(.sessionsAbandoned, "all", Double(counts.sessionsAbandoned))
        add(.reconnections, "all", Double(counts.reconnections))
        add(.workflowJobsCompleted, "all", Double(runLag.count))
        add(.workflowLagMean, "all", runLag.mean)
        add(.workflowLagP95, "all", runLag.quantile(0.95))
        add(.workflowLagMax, "all", runLag.count > 0 ? runLag.max : .nan)
        add(.workflowBacklogMean, "all", backlog.runMean(at: t))
        add(.workflowBacklogPeak, "all", Double(backlogPeak))
        add(.workflowDrain, "all", burst.flatMap { b in b.drainedAt.map { $0 - b.at } } ?? .nan)
        addScheduledJobSummary(to: &out)
        if reportsWorkload {
            let db = serverCount
            add(.databaseHitRatio, names[db], hitRatio)
            if stationCount > serverCount + 1 {
                let st = serverCount + 1
                add(.storageUtilization, names[db], busy[st].runMean(at: t))
                add(.storageUtilizationPeak, names[db], peakUtilization[st])
                add(.storageQueueLengthMean, names[db], jobs[st].runMean(at: t))
            }
            for s in 0..<serverCount { add(.activeConsolesMean, names[s], active[s].runMean(at: t)) }
            add(.activeConsolesMean, "all", active.reduce(0) { $0 + $1.runMean(at: t) })
            add(.logonsCompleted, "all", Double(runLogon.count))
            add(.logonLatencyP95, "all", runLogon.count > 0 ? runLogon.quantile(0.95).inMilliseconds : .nan)
            add(.backgroundRequests, "all", Double(runBackground))
            let b = runBreakdown, n = Double(max(b.count, 1))
            add(.timeServerCPU, "all", (b.server / n).inMilliseconds)
            add(.timeDatabaseCPU, "all", (b.database / n).inMilliseconds)
            add(.timeStorage, "all", (b.storage / n).inMilliseconds)
            add(.timeNetwork, "all", (b.network / n).inMilliseconds)
            add(.timeQueueing, "all", ((b.latency - b.server - b.database - b.storage - b.network) / n).inMilliseconds)
        }
        addPortalSummary(to: &out, counts: counts)
        summary = out
    }

    /// Fills in recovery figures of the model's incidents from what was recorded.
    func completedIncidents(_ incidents: [Incident]) -> [Incident] {
        incidents.enumerated().map { index, incident in
            var i = incident
            if let d = displacements[index] {
                i.reconnected = d.reconnected
                i.abandoned = d.abandoned
                i.recoverySeconds = d.resolvedAt.map { $0 - d.start }
                let end = d.resolvedAt ?? duration
                var peakU = 0.0, peakP95 = 0.0
                var seen = false
                for row in rows where row.kind == .initial || row.kind == .additional {
                    guard row.windowEnd > i.time, row.windowStart < end, row.station != i.target, row.up > 0.999 else { continue }
                    seen = true
                    peakU = max(peakU, row.utilization)
                    if row.latencyP95.isFinite { peakP95 = max(peakP95, row.latencyP95) }
                }
                if seen {
                    i.survivorPeakUtilization = peakU
                    i.survivorPeakP95 = peakP95
                }
            }
            if let o = finishedOutages[index] {
                i.backlogPeak = o.peak
                i.drainSeconds = o.drainedAt.map { $0 - o.start }
                i.workflowLagP95 = o.lag.count > 0 ? o.lag.quantile(0.95) : nil
                i.workflowLagMax = o.lag.count > 0 ? o.lag.max : nil
            }
            return i
        }
    }
}
