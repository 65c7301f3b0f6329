import ScenarioSpec

/// Several counter logs (one per host, usually) joined on time: each counter's samples
/// averaged over common windows of fixed length.
///
/// Hosts are not sampled at the same instants (typeperf starts when it is started), so
/// samples are not matched one to one: a sample stamped t covers the interval before it,
/// (t − interval, t], and counts in the window that holds the middle of that interval.
/// Windows are aligned to whole multiples of their length in UTC (each log's bias turns
/// its local times into UTC), so logs from hosts in different time zones line up.
public struct CounterWindows: Sendable {
    /// UTC seconds since 1970 at which window 0 starts.
    public var origin: Double
    public var length: Double
    public var count: Int
    /// Mean of each counter over each window; NaN where it has no sample.
    public var series: [CounterPath: [Double]]
    /// Samples averaged into each window of each counter.
    public var samples: [CounterPath: [Int]]

    /// Windows at most: a year of one-minute windows is half a million.
    public static let maxWindows = 1_000_000

    /// Joins `logs`. A counter that appears in two logs is an error at its second header cell;
    /// logs spanning more than `maxWindows` windows are an error at the latest sample.
    public static func join(_ logs: [PDHCSVLog], length: Double) throws -> CounterWindows {
        precondition(length > 0, "windows need a positive length")
        var seen: [CounterPath: String] = [:]
        for log in logs {
            for (k, counter) in log.counters.enumerated() {
                if let other = seen[counter] {
                    throw CounterLogError(file: log.path, line: 1, column: log.counterColumns[k],
                                          message: "counter \(counter) is also in \(other); give each host's counters once")
                }
                seen[counter] = log.path
            }
        }
        func middle(_ log: PDHCSVLog, _ i: Int) -> Double { log.times[i] - log.interval / 2 }
        let first = logs.flatMap { log in log.times.indices.map { middle(log, $0) } }.min() ?? 0
        let last = logs.flatMap { log in log.times.indices.map { middle(log, $0) } }.max() ?? 0
        let origin = (first / length).rounded(.down) * length
        let span = ((last - origin) / length).rounded(.down)
        if span >= Double(maxWindows) {
            // Logs from different years, or a clock set wrong: refuse before allocating.
            let log = logs.first { !$0.times.isEmpty && middle($0, $0.times.count - 1) == last } ?? logs[0]
            throw CounterLogError(file: log.path, line: log.lines.last ?? 1, column: 2,
                                  message: "the logs span \(NumberFormat.literal((last - first) / 86_400)) days, more than "
                                  + "\(maxWindows) windows of \(DurationSyntax.format(length)): give logs of the same period")
        }
        let count = Int(span) + 1
        var series: [CounterPath: [Double]] = [:]
        var samples: [CounterPath: [Int]] = [:]
        for log in logs {
            for (k, counter) in log.counters.enumerated() {
                var sum = [Double](repeating: 0, count: count)
                var n = [Int](repeating: 0, count: count)
                for (i, value) in log.values[k].enumerated() where value.isFinite {
                    let w = Int(((middle(log, i) - origin) / length).rounded(.down))
                    sum[w] += value
                    n[w] += 1
                }
                series[counter] = zip(sum, n).map { $1 > 0 ? $0 / Double($1) : .nan }
                samples[counter] = n
            }
        }
        return CounterWindows(origin: origin, length: length, count: count, series: series, samples: samples)
    }

    /// The window means of the counter on `host` at map path `local` (same object, instance and counter), if logged.
    public func series(host: String, _ local: CounterPath) -> [Double]? {
        series[CounterPath(host: host, object: local.object, instance: local.instance, counter: local.counter)]
    }

    /// Every host that logged something.
    public var hosts: [String] {
        var seen: [String: String] = [:]
        for path in series.keys { seen[path.host.uppercased()] = path.host }
        return seen.values.sorted()
    }
}
