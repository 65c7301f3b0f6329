import Foundation
import Testing
import QueueingTheory

@Suite struct MeanValueAnalysisTests {
    static func close(_ a: Double, _ b: Double, relative: Double = 1e-9) -> Bool {
        abs(a - b) <= relative * max(abs(b), 1e-12)
    }

    /// The finite-source (machine-repair) queue: N machines each failing after an exponential
    /// time with mean Z, repaired by c repairmen with exponential repair mean D.
    /// Returns throughput, mean number at the repair station and the probability of k present.
    static func machineRepair(customers n: Int, think z: Double, demand d: Double, servers c: Int)
        -> (throughput: Double, queue: Double, p: [Double])
    {
        let r = d / z
        var weights: [Double] = []
        for k in 0...n {
            // log of C(n, k) r^k, times k!/(c! c^(k−c)) beyond c.
            var w = lgamma(Double(n) + 1) - lgamma(Double(k) + 1) - lgamma(Double(n - k) + 1) + Double(k) * log(r)
            if k > c { w += lgamma(Double(k) + 1) - lgamma(Double(c) + 1) - Double(k - c) * log(Double(c)) }
            weights.append(w)
        }
        let m = weights.max()!
        let unnormalised = weights.map { exp($0 - m) }
        let total = unnormalised.reduce(0, +)
        let p = unnormalised.map { $0 / total }
        let throughput = p.enumerated().reduce(0) { $0 + Double(min($1.offset, c)) / d * $1.element }
        let queue = p.enumerated().reduce(0) { $0 + Double($1.offset) * $1.element }
        return (throughput, queue, p)
    }

    @Test(arguments: [1, 2, 5, 20])
    func singleStationZeroThinkIsAlwaysBusy(customers: Int) throws {
        // Zero think time: the station never idles. X = 1/D, Q = N, R = N·D.
        let network = try ClosedNetwork(customers: customers, thinkTime: 0, stations: [.init(name: "cpu", demand: 0.5)])
        let s = network.solve()
        #expect(Self.close(s.throughput, 2))
        #expect(Self.close(s.responseTime, 0.5 * Double(customers)))
        #expect(Self.close(s.queueLength[0], Double(customers)))
        #expect(Self.close(s.utilization[0], 1))
    }

    @Test(arguments: [(1, 1), (5, 1), (20, 1), (60, 1), (5, 2), (20, 4), (60, 4), (100, 8)] as [(Int, Int)])
    func singleStationMatchesMachineRepairModel(customers: Int, servers: Int) throws {
        let z = 10.0, d = 0.6
        let network = try ClosedNetwork(customers: customers, thinkTime: z,
                                        stations: [.init(name: "repair", demand: d, servers: servers)])
        let s = network.solve()
        let exact = Self.machineRepair(customers: customers, think: z, demand: d, servers: servers)
        #expect(Self.close(s.throughput, exact.throughput, relative: 1e-7), "X \(s.throughput) vs \(exact.throughput)")
        #expect(Self.close(s.queueLength[0], exact.queue, relative: 1e-7), "Q \(s.queueLength[0]) vs \(exact.queue)")
        #expect(Self.close(s.responseTime, Double(customers) / exact.throughput - z, relative: 1e-6))
        #expect(Self.close(s.utilization[0], exact.throughput * d / Double(servers), relative: 1e-7))
    }

    @Test func singleStationZeroThinkMultiServerMachineRepair() throws {
        // Z = 0 with c servers: min(N, c) always busy.
        for n in 1...10 {
            let network = try ClosedNetwork(customers: n, thinkTime: 0, stations: [.init(name: "s", demand: 2, servers: 4)])
            let s = network.solve()
            #expect(Self.close(s.throughput, Double(min(n, 4)) / 2), "N=\(n)")
            #expect(Self.close(s.queueLength[0], Double(n)), "N=\(n)")
        }
    }

    @Test func oneCustomerResponseIsSumOfDemands() throws {
        let stations: [ClosedNetwork.Station] = [
            .init(name: "web", demand: 0.05), .init(name: "ms", demand: 0.4, servers: 4),
            .init(name: "db", demand: 0.2, servers: 2), .init(name: "disk", demand: 0.01),
        ]
        let network = try ClosedNetwork(customers: 1, thinkTime: 3, stations: stations)
        let s = network.solve()
        #expect(Self.close(s.responseTime, 0.66))
        #expect(Self.close(s.throughput, 1 / 3.66))
        #expect(zip(s.residenceTime, stations).allSatisfy { Self.close($0, $1.demand) })
        #expect(Self.close(s.queueLength.reduce(0, +), 0.66 / 3.66))
    }

    @Test(arguments: [2, 4, 8])
    func multiServerWithoutQueueingUpToServerCount(servers: Int) throws {
        // N ≤ c: nobody ever waits, so the response time is the demand.
        for n in 1...servers {
            let network = try ClosedNetwork(customers: n, thinkTime: 5,
                                            stations: [.init(name: "ms", demand: 0.8, servers: servers)])
            let s = network.solve()
            #expect(Self.close(s.responseTime, 0.8), "c=\(servers) N=\(n): R=\(s.responseTime)")
            #expect(Self.close(s.throughput, Double(n) / 5.8))
        }
        // One more customer than servers does queue.
        let over = try ClosedNetwork(customers: servers + 1, thinkTime: 5,
                                     stations: [.init(name: "ms", demand: 0.8, servers: servers)]).solve()
        #expect(over.responseTime > 0.8 * (1 + 1e-9))
    }

    @Test func multiServerSaturatesAtServersOverDemand() throws {
        let c = 4, d = 1.0
        var previous = 0.0
        for n in [1, 2, 4, 8, 16, 32, 64, 128, 256] {
            let s = try ClosedNetwork(customers: n, thinkTime: 10, stations: [.init(name: "ms", demand: d, servers: c)]).solve()
            #expect(s.throughput > previous, "throughput grows with N")
            #expect(s.throughput <= Double(c) / d * (1 + 1e-9), "never above c/D")
            #expect(s.utilization[0] <= 1 + 1e-9)
            previous = s.throughput
        }
        #expect(Self.close(previous, Double(c) / d, relative: 1e-6), "N=256: X=\(previous)")
        let s = try ClosedNetwork(customers: 256, thinkTime: 10, stations: [.init(name: "ms", demand: d, servers: c)]).solve()
        // Saturated: R ≈ N·D/c − Z.
        #expect(Self.close(s.responseTime, 256 * d / Double(c) - 10, relative: 1e-4))
    }

    /// Exact MVA for two single-server stations and two customers, worked by hand.
    @Test func twoCustomersBySingleServerHandMVA() throws {
        let z = 20.0, d1 = 0.2, d2 = 0.1
        // n = 1
        let r1a = d1, r2a = d2
        let x1 = 1 / (z + r1a + r2a)
        let q1a = x1 * r1a, q2a = x1 * r2a
        // n = 2
        let r1 = d1 * (1 + q1a), r2 = d2 * (1 + q2a)
        let x2 = 2 / (z + r1 + r2)

        let s = try ClosedNetwork(customers: 2, thinkTime: z,
                                  stations: [.init(name: "ms", demand: d1), .init(name: "db", demand: d2)]).solve()
        #expect(Self.close(s.throughput, x2, relative: 1e-14))
        #expect(Self.close(s.responseTime, r1 + r2, relative: 1e-14))
        #expect(Self.close(s.residenceTime[0], r1, relative: 1e-14))
        #expect(Self.close(s.residenceTime[1], r2, relative: 1e-14))
        #expect(Self.close(s.queueLength[0], x2 * r1, relative: 1e-14))
        #expect(Self.close(s.queueLength[1], x2 * r2, relative: 1e-14))
        #expect(Self.close(s.utilization[0], x2 * d1, relative: 1e-14))
        #expect(Self.close(s.utilization[1], x2 * d2, relative: 1e-14))
        // The numbers by hand: X(1) = 1/20.3, Q = (0.2, 0.1)/20.3, R = 0.2(1 + 0.2/20.3) + 0.1(1 + 0.1/20.3).
        #expect(abs(s.throughput - 0.09851021) < 1e-8)
        #expect(abs(s.responseTime - 0.30246305) < 1e-8)
    }

    @Test func littlesLawHoldsForEveryPopulation() throws {
        for n in [1, 3, 10, 40, 90] {
            let network = try ClosedNetwork(customers: n, thinkTime: 10, stations: [
                .init(name: "ms", demand: 0.6, servers: 4), .init(name: "db", demand: 0.3, servers: 2), .init(name: "disk", demand: 0.05),
            ])
            let s = network.solve()
            // N = X (Z + R) and Q_i = X R_i.
            #expect(Self.close(s.throughput * (10 + s.responseTime), Double(n)))
            #expect(Self.close(s.queueLength.reduce(0, +) + s.throughput * 10, Double(n)))
            #expect(s.utilization.allSatisfy { $0 > 0 && $0 <= 1 + 1e-9 })
        }
    }

    @Test func invalidNetworksThrow() {
        let ok = [ClosedNetwork.Station(name: "s", demand: 1)]
        #expect(throws: TheoryError.self) { try ClosedNetwork(customers: 0, thinkTime: 1, stations: ok) }
        #expect(throws: TheoryError.self) { try ClosedNetwork(customers: 1, thinkTime: -1, stations: ok) }
        #expect(throws: TheoryError.self) { try ClosedNetwork(customers: 1, thinkTime: .infinity, stations: ok) }
        #expect(throws: TheoryError.self) { try ClosedNetwork(customers: 1, thinkTime: .nan, stations: ok) }
        #expect(throws: TheoryError.self) { try ClosedNetwork(customers: 1, thinkTime: 1, stations: []) }
        #expect(throws: TheoryError.self) { try ClosedNetwork(customers: 1, thinkTime: 1, stations: [.init(name: "s", demand: 0)]) }
        #expect(throws: TheoryError.self) { try ClosedNetwork(customers: 1, thinkTime: 1, stations: [.init(name: "s", demand: -1)]) }
        #expect(throws: TheoryError.self) { try ClosedNetwork(customers: 1, thinkTime: 1, stations: [.init(name: "s", demand: .nan)]) }
        #expect(throws: TheoryError.self) { try ClosedNetwork(customers: 1, thinkTime: 1, stations: [.init(name: "s", demand: 1, servers: 0)]) }
        #expect(throws: Never.self) { try ClosedNetwork(customers: 1, thinkTime: 0, stations: ok) }
    }
}
