import QueueingTheory

/// One simulated figure set beside its exact value.
public struct Comparison: Sendable, Codable, Equatable {
    public var caseName: String
    public var metric: String
    public var simulated: Double
    /// 95 % confidence half-width of `simulated`.
    public var halfWidth: Double
    public var exact: Double
    public var passed: Bool

    /// Compares a simulated estimate with the exact value. It passes when the difference is
    /// within the 95 % half-width, or within 1 % of the exact value: a CI narrower than 1 %
    /// is as good as exact for capacity planning, and failing it would flag numerical noise
    /// of the analytic side as often as errors of the simulator.
    public init(caseName: String, metric: String, simulated: Double, halfWidth: Double, exact: Double) {
        self.caseName = caseName
        self.metric = metric
        self.simulated = simulated
        self.halfWidth = halfWidth
        self.exact = exact
        let tolerance = max(halfWidth.isFinite ? halfWidth : 0, 0.01 * abs(exact))
        passed = abs(simulated - exact) <= tolerance
    }
}

/// The built-in validation suite: open M/M/c queues against Erlang C and closed console
/// networks against exact (load-dependent) MVA.
public enum ValidationSuite {
    public enum Case: Sendable {
        case mmc(name: String, queue: MMcQueue, customers: Int)
        case closed(name: String, network: ClosedNetwork, cycles: Int)
    }

    /// The standard cases; `scale` shrinks the run lengths (tests use 0.1).
    public static func standardCases(scale: Double = 1) throws -> [Case] {
        func n(_ full: Int) -> Int { max(10_000, Int(Double(full) * scale)) }
        return [
            .mmc(name: "M/M/1 rho=0.5", queue: try MMcQueue(arrivalRate: 0.5, serviceRate: 1, servers: 1), customers: n(1_000_000)),
            .mmc(name: "M/M/1 rho=0.8", queue: try MMcQueue(arrivalRate: 0.8, serviceRate: 1, servers: 1), customers: n(2_000_000)),
            .mmc(name: "M/M/1 rho=0.9", queue: try MMcQueue(arrivalRate: 0.9, serviceRate: 1, servers: 1), customers: n(4_000_000)),
            .mmc(name: "M/M/2 rho=0.8", queue: try MMcQueue(arrivalRate: 1.6, serviceRate: 1, servers: 2), customers: n(2_000_000)),
            .mmc(name: "M/M/4 rho=0.85", queue: try MMcQueue(arrivalRate: 3.4, serviceRate: 1, servers: 4), customers: n(2_000_000)),
            .mmc(name: "M/M/8 rho=0.9", queue: try MMcQueue(arrivalRate: 7.2, serviceRate: 1, servers: 8), customers: n(2_000_000)),
            .closed(name: "closed N=25 Z=20 ms,db", network: try ClosedNetwork(
                customers: 25, thinkTime: 20,
                stations: [.init(name: "ms", demand: 0.2), .init(name: "db", demand: 0.1)]), cycles: n(400_000)),
            .closed(name: "closed N=60 Z=10 ms x4,db x2", network: try ClosedNetwork(
                customers: 60, thinkTime: 10,
                stations: [.init(name: "ms", demand: 0.6, servers: 4), .init(name: "db", demand: 0.3, servers: 2)]), cycles: n(400_000)),
        ]
    }

    /// Runs one case and compares each metric with theory.
    public static func run(_ testCase: Case, seed: UInt64) -> [Comparison] {
        switch testCase {
        case let .mmc(name, queue, customers):
            var sim = MMcSimulation(queue: queue, customers: customers, seed: seed)
            let r = sim.run()
            return [
                Comparison(caseName: name, metric: "mean wait (s)", simulated: r.meanWait, halfWidth: r.meanWaitCI95, exact: queue.meanWait),
                Comparison(caseName: name, metric: "mean time in system (s)", simulated: r.meanTimeInSystem,
                           halfWidth: r.meanTimeInSystemCI95, exact: queue.meanTimeInSystem),
                Comparison(caseName: name, metric: "utilization", simulated: r.utilization, halfWidth: r.utilizationCI95, exact: queue.utilization),
            ]
        case let .closed(name, network, cycles):
            var sim = ClosedNetworkSimulation(network: network, cycles: cycles, seed: seed)
            let r = sim.run()
            let exact = network.solve()
            var rows = [
                Comparison(caseName: name, metric: "throughput (1/s)", simulated: r.throughput, halfWidth: r.throughputCI95, exact: exact.throughput),
                Comparison(caseName: name, metric: "response time (s)", simulated: r.responseTime, halfWidth: r.responseTimeCI95, exact: exact.responseTime),
            ]
            for (i, s) in r.stations.enumerated() {
                rows.append(Comparison(caseName: name, metric: "\(s.name) utilization", simulated: s.utilization,
                                       halfWidth: s.utilizationCI95, exact: exact.utilization[i]))
                rows.append(Comparison(caseName: name, metric: "\(s.name) queue length", simulated: s.queueLength,
                                       halfWidth: s.queueLengthCI95, exact: exact.queueLength[i]))
            }
            return rows
        }
    }
}
