import Statistics

extension Recorder {
    /// Works out the replication's summary figures and the incidents' recovery figures.
    mutating func finish(at t: Double, counts: Counts) {
        if outage != nil { closeOutage(drainedAt: nil) }
        let span = max(t - warmup, 1e-9)
        var out: [MetricValue] = []
        func add(_ metric: String, _ station: String, _ value: Double) {
            out.append(MetricValue(metric: metric, station: station, value: value))
        }
        for s in 0..<serverCount {
            let name = names[s]
            add("utilization", name, busy[s].runMean(at: t) / cores[s])
            add("utilization_peak", name, peakUtilization[s])
            add("consoles_mean", name, connected[s].runMean(at: t))
            add("consoles_peak", name, connected[s].peakAfterWarmup)
            add("latency_p95_ms", name, runLatency[s].quantile(0.95) * 1000)
            add("requests_completed", name, Double(runCompleted[s]))
            add("requests_failed", name, Double(runFailed[s]))
            add("up_fraction", name, up[s].runMean(at: t))
        }
        let db = serverCount
        add("utilization", names[db], busy[db].runMean(at: t) / cores[db])
        add("utilization_peak", names[db], peakUtilization[db])
        add("queue_length_mean", names[db], jobs[db].runMean(at: t))
        add("up_fraction", names[db], up[db].runMean(at: t))

        let all = runLatency[serverCount]
        add("latency_mean_ms", "all", all.mean * 1000)
        add("latency_p50_ms", "all", all.quantile(0.5) * 1000)
        add("latency_p95_ms", "all", all.quantile(0.95) * 1000)
        add("latency_p99_ms", "all", all.quantile(0.99) * 1000)
        add("requests_completed", "all", Double(all.count))
        add("requests_failed", "all", Double(runFailed.reduce(0, +)))
        add("throughput_per_s", "all", Double(all.count) / span)
        add("server_utilization_peak", "all", peakUtilization[0..<serverCount].max() ?? 0)
        add("consoles_mean", "all", connected.reduce(0) { $0 + $1.runMean(at: t) })
        add("sessions_arrived", "all", Double(counts.sessionsArrived))
        add("sessions_refused", "all", Double(counts.sessionsRefused))
        add("sessions_abandoned", "all", Double(counts.sessionsAbandoned))
        add("reconnections", "all", Double(counts.reconnections))
        add("workflow_jobs_completed", "all", Double(runLag.count))
        add("workflow_lag_mean_s", "all", runLag.mean)
        add("workflow_lag_p95_s", "all", runLag.quantile(0.95))
        add("workflow_lag_max_s", "all", runLag.count > 0 ? runLag.max : .nan)
        add("workflow_backlog_mean", "all", backlog.runMean(at: t))
        add("workflow_backlog_peak", "all", Double(backlogPeak))
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
