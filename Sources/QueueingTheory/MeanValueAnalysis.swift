/// Exact Mean Value Analysis of a closed, single-class product-form network: N customers
/// (consoles) alternate a think time Z with one visit to each station.
///
/// Single-server stations use the arrival theorem, R = S(1 + Q(n−1)). Multi-server stations
/// are load-dependent (rate min(j, c)/S with j present): their residence time needs the
/// marginal queue-length probabilities, R = Σ_j (j/μ(j)) p(j−1 | n−1), updated with
/// p(j | n) = (X/μ(j)) p(j−1 | n−1). Cost O(N²) per multi-server station, O(N) otherwise.
public struct ClosedNetwork: Sendable, Equatable {
    public struct Station: Sendable, Equatable {
        public var name: String
        /// Mean service demand per visit, seconds.
        public var demand: Double
        /// Identical servers (cores) at the station.
        public var servers: Int
        public init(name: String, demand: Double, servers: Int = 1) {
            self.name = name
            self.demand = demand
            self.servers = servers
        }
    }

    public let customers: Int
    public let thinkTime: Double
    public let stations: [Station]

    public init(customers: Int, thinkTime: Double, stations: [Station]) throws(TheoryError) {
        guard customers >= 1 else { throw TheoryError("customers must be at least 1, got \(customers)") }
        guard thinkTime >= 0, thinkTime.isFinite else { throw TheoryError("think time must be zero or positive, got \(thinkTime)") }
        guard !stations.isEmpty else { throw TheoryError("a closed network needs at least one station") }
        for s in stations {
            guard s.demand > 0, s.demand.isFinite else { throw TheoryError("station \(s.name): demand must be positive, got \(s.demand)") }
            guard s.servers >= 1 else { throw TheoryError("station \(s.name): servers must be at least 1, got \(s.servers)") }
        }
        self.customers = customers
        self.thinkTime = thinkTime
        self.stations = stations
    }

    /// The solution at population N.
    public struct Solution: Sendable, Equatable {
        /// Cycles per second.
        public var throughput: Double
        /// Time per cycle spent at the stations (excluding think time), seconds.
        public var responseTime: Double
        /// Per station: busy fraction of each server.
        public var utilization: [Double]
        /// Per station: mean number present (waiting or in service).
        public var queueLength: [Double]
        /// Per station: mean residence time per visit.
        public var residenceTime: [Double]
    }

    /// Solves the network exactly.
    public func solve() -> Solution {
        let k = stations.count
        var queue = Array(repeating: 0.0, count: k)
        var residence = Array(repeating: 0.0, count: k)
        // Marginal probabilities p(j | n) for multi-server stations, j = 0...N.
        var marginal: [[Double]] = stations.map { $0.servers > 1 ? [1.0] + Array(repeating: 0, count: customers) : [] }
        var throughput = 0.0
        for n in 1...customers {
            for i in 0..<k {
                let s = stations[i]
                if s.servers == 1 {
                    residence[i] = s.demand * (1 + queue[i])
                } else {
                    var r = 0.0
                    for j in 1...n {
                        r += Double(j) * s.demand / Double(min(j, s.servers)) * marginal[i][j - 1]
                    }
                    residence[i] = r
                }
            }
            throughput = Double(n) / (thinkTime + residence.reduce(0, +))
            for i in 0..<k {
                queue[i] = throughput * residence[i]
                let s = stations[i]
                if s.servers > 1 {
                    var p = marginal[i]
                    var total = 0.0
                    for j in stride(from: n, through: 1, by: -1) {
                        p[j] = throughput * s.demand / Double(min(j, s.servers)) * marginal[i][j - 1]
                        total += p[j]
                    }
                    p[0] = max(0, 1 - total)
                    marginal[i] = p
                }
            }
        }
        return Solution(throughput: throughput, responseTime: residence.reduce(0, +),
                        utilization: stations.map { throughput * $0.demand / Double($0.servers) },
                        queueLength: queue, residenceTime: residence)
    }
}
