/// What the scheduled jobs (connectors, grooming, data warehouse jobs) did: how long their
/// runs took and how many were skipped. Runs are counted over the whole replication, warm-up
/// included: an initial sync usually starts at time 0.
struct ScheduledRunRecord {
    var name: String
    var runsCompleted = 0
    var runsSkipped = 0
    var regularSeconds = 0.0
    var regularRuns = 0
    var longestRegular = 0.0
    /// Length of the initial sync, once finished.
    var initialSeconds: Double?
}

extension Recorder {
    mutating func scheduledRunSkipped(_ j: Int) {
        scheduledRuns[j].runsSkipped += 1
    }

    mutating func scheduledRunFinished(_ j: Int, seconds: Double, initial: Bool) {
        scheduledRuns[j].runsCompleted += 1
        if initial {
            scheduledRuns[j].initialSeconds = seconds
        } else {
            scheduledRuns[j].regularRuns += 1
            scheduledRuns[j].regularSeconds += seconds
            scheduledRuns[j].longestRegular = max(scheduledRuns[j].longestRegular, seconds)
        }
    }

    /// Summary rows per scheduled job (the station column holds the job's name); none when the
    /// scenario has no scheduled jobs.
    func addScheduledJobSummary(to out: inout [MetricValue]) {
        for r in scheduledRuns {
            out.append(MetricValue(metric: .jobRunsCompleted, station: r.name, value: Double(r.runsCompleted)))
            out.append(MetricValue(metric: .jobRunsSkipped, station: r.name, value: Double(r.runsSkipped)))
            out.append(MetricValue(metric: .jobRunSecondsMean, station: r.name,
                                   value: r.regularRuns > 0 ? r.regularSeconds / Double(r.regularRuns) : .nan))
            out.append(MetricValue(metric: .jobRunSecondsMax, station: r.name, value: r.regularRuns > 0 ? r.longestRegular : .nan))
            out.append(MetricValue(metric: .jobInitialSync, station: r.name, value: r.initialSeconds ?? .nan))
        }
    }
}
