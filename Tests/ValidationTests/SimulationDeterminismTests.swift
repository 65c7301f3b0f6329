import Testing
import QueueingTheory
@testable import Validation

@Suite struct SimulationDeterminismTests {
    static func withoutTiming(_ r: MMcSimulation.Result) -> MMcSimulation.Result {
        var r = r
        r.wallSeconds = 0
        r.eventsPerSecond = 0
        return r
    }

    static func withoutTiming(_ r: ClosedNetworkSimulation.Result) -> ClosedNetworkSimulation.Result {
        var r = r
        r.wallSeconds = 0
        r.eventsPerSecond = 0
        return r
    }

    static func network() throws -> ClosedNetwork {
        try ClosedNetwork(customers: 12, thinkTime: 5, stations: [
            .init(name: "ms", demand: 0.4, servers: 2), .init(name: "db", demand: 0.2),
        ])
    }

    @Test func mmcSameSeedGivesIdenticalResults() throws {
        let queue = try MMcQueue(arrivalRate: 1.6, serviceRate: 1, servers: 2)
        var a = MMcSimulation(queue: queue, customers: 20_000, seed: 9)
        var b = MMcSimulation(queue: queue, customers: 20_000, seed: 9)
        let ra = a.run(), rb = b.run()
        #expect(Self.withoutTiming(ra) == Self.withoutTiming(rb))
        #expect(ra.customers == 20_000)
        #expect(ra.wallSeconds >= 0)
        // A different seed or replication gives different numbers.
        var c = MMcSimulation(queue: queue, customers: 20_000, seed: 10)
        #expect(c.run().meanWait != ra.meanWait)
        var d = MMcSimulation(queue: queue, customers: 20_000, seed: 9, replication: 1)
        #expect(d.run().meanWait != ra.meanWait)
    }

    @Test func closedSameSeedGivesIdenticalResults() throws {
        let network = try Self.network()
        var a = ClosedNetworkSimulation(network: network, cycles: 10_000, seed: 3)
        var b = ClosedNetworkSimulation(network: network, cycles: 10_000, seed: 3)
        let ra = a.run(), rb = b.run()
        #expect(Self.withoutTiming(ra) == Self.withoutTiming(rb))
        #expect(ra.cycles == 10_000)
        #expect(ra.stations.map(\.name) == ["ms", "db"])
        var c = ClosedNetworkSimulation(network: network, cycles: 10_000, seed: 4)
        #expect(c.run().throughput != ra.throughput)
    }

    /// Every event is an arrival or a departure: events = arrivals + departures, where the
    /// arrivals are the departed customers plus those still in the system (waiting or in
    /// service) when the run stopped.
    @Test(arguments: [(0.9, 1.0, 1), (1.6, 1.0, 2), (7.2, 1.0, 8)] as [(Double, Double, Int)])
    func mmcEventsAreArrivalsPlusDepartures(lambda: Double, mu: Double, servers: Int) throws {
        let queue = try MMcQueue(arrivalRate: lambda, serviceRate: mu, servers: servers)
        var sim = MMcSimulation(queue: queue, customers: 15_000, seed: 1)
        let r = sim.run()
        let inService = servers - sim.freeCount
        let arrivals = r.customers + sim.waiting.count + inService
        #expect(r.customers == 15_000)
        #expect(r.events == arrivals + r.customers)
        #expect(r.events == sim.simulation.eventsProcessed)
        // Exactly one arrival is pending beyond those: the next one.
        #expect(sim.simulation.pendingCount == 1 + inService)
    }

    /// A closed network cycle is one think end and one service end per station; consoles
    /// part-way through a cycle account for the rest.
    @Test func closedEventsCountCycles() throws {
        let network = try Self.network()
        var sim = ClosedNetworkSimulation(network: network, cycles: 5_000, seed: 2)
        let r = sim.run()
        let perCycle = 1 + network.stations.count
        #expect(r.events >= r.cycles * perCycle)
        #expect(r.events <= (r.cycles + network.customers) * perCycle)
        #expect(r.events == sim.simulation.eventsProcessed)
    }

    /// The simulations agree with theory on a quick run (a coarse check beside the suite).
    @Test func mmcResultsAreSane() throws {
        let queue = try MMcQueue(arrivalRate: 0.5, serviceRate: 1, servers: 1)
        var sim = MMcSimulation(queue: queue, customers: 40_000, seed: 5)
        let r = sim.run()
        #expect(abs(r.utilization - 0.5) < 0.02)
        #expect(abs(r.meanTimeInSystem - r.meanWait - 1) < 0.03, "time in system = wait + service")
        #expect(abs(r.meanWait - queue.meanWait) < 0.1)
        #expect(r.meanWaitCI95 > 0 && r.meanTimeInSystemCI95 > 0 && r.utilizationCI95 > 0)
    }
}
