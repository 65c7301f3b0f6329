import Foundation

/// Writes `typeperf -f CSV` logs of a management group from a known truth, with code of its
/// own: it shares nothing with the model's `--perfmon` writer, so a calibration that only
/// round-trips smsim's own output cannot pass a test built on it.
///
/// The truth is the standard counters' story of one working day: consoles connect unevenly to
/// the servers (no load balancer: each has its share, with random drift), the population rises
/// in the morning, dips at lunch and falls in the evening; each server's busy cores are its
/// background plus a fixed CPU per connected console, plus noise; the SQL server's busy cores
/// are its background plus a fixed CPU per batch, its batches in proportion to the consoles
/// connected to all servers. Clocks differ by a few hundred milliseconds, one host writes
/// local time in another zone, rate counters' first sample is blank (as typeperf writes it)
/// and an occasional sample is blank.
struct TypeperfLogGenerator {
    struct Server {
        var name: String
        var cores: Double
        /// Share of the consoles (need not add up to 1 over the servers).
        var share: Double
        /// Busy cores no console explains.
        var background: Double
        /// The host's clock ahead of true time, seconds.
        var clockOffset: Double
        /// Minutes added to local time to give UTC (the header's bias).
        var bias: Int = 0
        var zone = "Coordinated Universal Time"
    }

    var servers: [Server]
    /// Busy cores per connected console on every management server.
    var cpuPerConsole: Double
    var sqlName = "SQL"
    var sqlCores = 8.0
    var sqlBackground: Double
    /// SQL Server busy core-seconds per batch.
    var sqlCPUPerBatch: Double
    /// Batches per second per connected console.
    var batchesPerConsole: Double
    var sqlClockOffset = 0.0
    /// Consoles connected at the day's peak, all servers together.
    var peak: Double
    /// Standard deviation of a sample's busy cores around the truth.
    var cpuNoise = 0.08
    /// Probability that a sample cell is blank.
    var blankProbability = 0.004
    var interval = 60.0
    var samples = 1440
    /// UTC seconds since 1970 of the first sample: 2026-11-25 00:00.
    var start = 1_795_564_800.0
    var seed: UInt64

    /// The population's fraction of the peak at `hours` after midnight: night, the morning
    /// rise, the lunch dip, the evening fall (piecewise linear).
    static func profile(_ hours: Double) -> Double {
        let points: [(Double, Double)] = [(0, 0.03), (7, 0.05), (9, 1), (11.75, 1), (12.5, 0.55), (13.25, 0.95),
                                           (16.5, 0.9), (18.5, 0.08), (24, 0.03)]
        for (a, b) in zip(points, points.dropFirst()) where hours <= b.0 {
            return a.1 + (b.1 - a.1) * (hours - a.0) / (b.0 - a.0)
        }
        return points.last!.1
    }

    /// A small deterministic generator (SplitMix64) with normal draws by Box–Muller; also a
    /// `RandomNumberGenerator`, for the standard library's seeded draws in other tests.
    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func uniform() -> Double { (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992 }
        mutating func normal() -> Double { (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform()) }
    }

    /// Consoles connected to each server at each sample: its share of the profile's population
    /// with a slow random drift (analysts arrive and leave independently of one another).
    func consoles(_ random: inout Random) -> [[Double]] {
        let total = servers.reduce(0) { $0 + $1.share }
        var drift = [Double](repeating: 0, count: servers.count)
        return (0..<samples).map { i in
            let population = peak * Self.profile(Double(i) * interval / 3600)
            return servers.indices.map { h in
                let mean = population * servers[h].share / total
                drift[h] = 0.9 * drift[h] + 0.3 * random.normal()
                return max(0, (mean + drift[h] * mean.squareRoot()).rounded())
            }
        }
    }

    /// The log files, name → text, and the consoles per server and sample they were made from.
    func logs() -> (files: [(name: String, text: String)], consoles: [[Double]]) {
        var random = Random(state: seed)
        let n = consoles(&random)
        var files: [(String, String)] = []
        for (h, s) in servers.enumerated() {
            let rows = (0..<samples).map { i -> [String] in
                let busy = s.background + cpuPerConsole * n[i][h] + cpuNoise * random.normal()
                return [percent(busy, s.cores, first: i == 0), String(Int(n[i][h]))]
            }
            files.append((s.name + ".csv", text(host: s.name, zone: s.zone, bias: s.bias, offset: s.clockOffset,
                                                counters: ["\\Processor(_Total)\\% Processor Time", "\\OpsMgr SDK Service\\Client Connections"],
                                                rows: rows, random: &random)))
        }
        let sqlRows = (0..<samples).map { i -> [String] in
            let all = n[i].reduce(0, +)
            let batches = max(0, batchesPerConsole * all * (1 + 0.05 * random.normal()))
            let busy = sqlBackground + sqlCPUPerBatch * batches + 0.5 * cpuNoise * random.normal()
            let life = 3000 + 200 * random.normal()
            return [percent(busy, sqlCores, first: i == 0), i == 0 ? " " : String(format: "%.6f", batches), String(format: "%.0f", life)]
        }
        files.append((sqlName + ".csv", text(host: sqlName, zone: "Coordinated Universal Time", bias: 0, offset: sqlClockOffset,
                                             counters: ["\\Processor(_Total)\\% Processor Time", "\\SQLServer:SQL Statistics\\Batch Requests/sec",
                                                        "\\SQLServer:Buffer Manager\\Page life expectancy"],
                                             rows: sqlRows, random: &random)))
        return (files, n)
    }

    func percent(_ busy: Double, _ cores: Double, first: Bool) -> String {
        first ? " " : String(format: "%.6f", min(100, max(0, 100 * busy / cores)))
    }

    /// One file: the header, then a row per sample stamped with the host's local time.
    func text(host: String, zone: String, bias: Int, offset: Double, counters: [String], rows: [[String]],
              random: inout Random) -> String {
        var out = "\"(PDH-CSV 4.0) (\(zone))(\(bias))\"," + counters.map { "\"\\\\\(host)\($0)\"" }.joined(separator: ",") + "\r\n"
        for (i, cells) in rows.enumerated() {
            let utc = start + Double(i + 1) * interval + offset + 0.02 * random.uniform()
            let stamp = Self.stamp(utc - Double(bias) * 60)
            let shown = cells.map { random.uniform() < blankProbability ? " " : $0 }
            out += "\"\(stamp)\"," + shown.map { "\"\($0)\"" }.joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// `MM/dd/yyyy HH:mm:ss.fff` of UTC seconds since 1970 (a civil date from days, Hinnant's algorithm).
    static func stamp(_ t: Double) -> String {
        let millis = Int((t * 1000).rounded())
        let days = millis.quotientAndRemainder(dividingBy: 86_400_000)
        let z = days.quotient + 719_468
        let era = z / 146_097, doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        let ms = days.remainder
        return String(format: "%02d/%02d/%04d %02d:%02d:%02d.%03d", month, day, year, ms / 3_600_000, ms / 60000 % 60,
                      ms / 1000 % 60, ms % 1000)
    }
}
