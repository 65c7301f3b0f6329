import QueueingTheory
import SimulationKernel
import Statistics
import Stochastics

/// N consoles cycling think → station 1 → … → station K → think, with exponential think
/// times and exponential FCFS multi-server stations, simulated on the event kernel to
/// compare with exact MVA.
public struct ClosedNetworkSimulation: DiscreteEventModel {
    public enum Event {
        case thinkEnd(console: Int32)
        case serviceEnd(station: Int32, server: Int32)
    }

    public struct StationResult: Sendable, Codable, Equatable {
        public var name: String
        public var utilization: Double
        public var utilizationCI95: Double
        public var queueLength: Double
        public var queueLengthCI95: Double
    }

    public struct Result: Sendable, Codable, Equatable {
        /// Cycles completed (warm-up included).
        public var cycles: Int
        /// Cycles per second after warm-up.
        public var throughput: Double
        public var throughputCI95: Double
        /// Mean time per cycle at the stations (think excluded), seconds.
        public var responseTime: Double
        public var responseTimeCI95: Double
        public var stations: [StationResult]
        public var events: Int
        public var wallSeconds: Double
        public var eventsPerSecond: Double
    }

    struct Station {
        let demand: Double
        let servers: Int
        let stream: RandomStream
        var free: [Int32]
        var inService: [Int32]
        var waiting: RingBuffer<Int32>
        var busy = TimeAverage()
        var present = TimeAverage()
        var batchBusyArea = 0.0
        var batchPresentArea = 0.0
        var utilizationBatches = BatchMeans(batchSize: 1)
        var queueBatches = BatchMeans(batchSize: 1)
    }

    public var simulation: Simulation<Event>
    let network: ClosedNetwork
    let thinkStream: RandomStream
    var stations: [Station]
    var cycleStart: [Double]
    let cycles: Int
    let warmupCycles: Int
    let batchSize: Int
    var completed = 0
    var responses: BatchMeans
    var throughputBatches = BatchMeans(batchSize: 1)
    var measureStart = 0.0
    var batchStart = 0.0

    /// The network with the first 10 % of `cycles` as warm-up.
    public init(network: ClosedNetwork, cycles: Int, seed: UInt64, replication: Int = 0) {
        self.network = network
        self.cycles = cycles
        warmupCycles = cycles / 10
        batchSize = max(1, (cycles - cycles / 10) / ValidationDefaults.batches)
        responses = BatchMeans(batchSize: batchSize)
        thinkStream = RandomStream(seed: seed, replication: replication, name: "think")
        stations = network.stations.map { s in
            Station(demand: s.demand, servers: s.servers,
                    stream: RandomStream(seed: seed, replication: replication, name: "service.\(s.name)"),
                    free: (0..<Int32(s.servers)).reversed().map { $0 },
                    inService: Array(repeating: -1, count: s.servers),
                    waiting: RingBuffer(capacity: network.customers))
        }
        cycleStart = Array(repeating: 0, count: network.customers)
        simulation = Simulation(capacity: network.customers + 16)
    }

    public mutating func handle(_ event: Event) {
        switch event {
        case .thinkEnd(let console):
            cycleStart[Int(console)] = simulation.now
            arrive(console, at: 0)
        case .serviceEnd(let station, let server):
            let k = Int(station)
            let now = simulation.now
            let console = stations[k].inService[Int(server)]
            stations[k].present.add(-1, at: now)
            if let next = stations[k].waiting.popFirst() {
                begin(next, at: k, server: server)
            } else {
                stations[k].inService[Int(server)] = -1
                stations[k].free.append(server)
                stations[k].busy.add(-1, at: now)
            }
            if k + 1 < stations.count {
                arrive(console, at: k + 1)
            } else {
                finishCycle(console)
            }
        }
    }

    mutating func arrive(_ console: Int32, at k: Int) {
        let now = simulation.now
        stations[k].present.add(1, at: now)
        if let server = stations[k].free.popLast() {
            stations[k].busy.add(1, at: now)
            begin(console, at: k, server: server)
        } else {
            stations[k].waiting.append(console)
        }
    }

    mutating func begin(_ console: Int32, at k: Int, server: Int32) {
        stations[k].inService[Int(server)] = console
        let service = stations[k].stream.exponential(mean: stations[k].demand)
        simulation.schedule(.serviceEnd(station: Int32(k), server: server), after: service, class: .release)
    }

    mutating func finishCycle(_ console: Int32) {
        let now = simulation.now
        completed += 1
        if completed > warmupCycles {
            responses.add(now - cycleStart[Int(console)])
            if responses.all.count % batchSize == 0 { closeBatch(at: now) }
        } else if completed == warmupCycles {
            measureStart = now
            batchStart = now
            for k in stations.indices {
                stations[k].busy.reset(at: now)
                stations[k].present.reset(at: now)
                stations[k].batchBusyArea = 0
                stations[k].batchPresentArea = 0
            }
        }
        scheduleThink(console)
    }

    mutating func scheduleThink(_ console: Int32) {
        let think = network.thinkTime > 0 ? thinkStream.exponential(mean: network.thinkTime) : 0
        simulation.schedule(.thinkEnd(console: console), after: think, class: .arrival)
    }

    mutating func closeBatch(at now: Double) {
        let span = now - batchStart
        guard span > 0 else { return }
        throughputBatches.add(Double(batchSize) / span)
        for k in stations.indices {
            let busyArea = stations[k].busy.integral(at: now)
            let presentArea = stations[k].present.integral(at: now)
            stations[k].utilizationBatches.add((busyArea - stations[k].batchBusyArea) / span / Double(stations[k].servers))
            stations[k].queueBatches.add((presentArea - stations[k].batchPresentArea) / span)
            stations[k].batchBusyArea = busyArea
            stations[k].batchPresentArea = presentArea
        }
        batchStart = now
    }

    /// Runs `cycles` cycles and returns the statistics.
    public mutating func run() -> Result {
        for console in 0..<Int32(network.customers) { scheduleThink(console) }
        let clock = ContinuousClock()
        let started = clock.now
        while completed < cycles, let event = simulation.next(until: .infinity) {
            handle(event)
        }
        let wall = (clock.now - started).seconds
        let now = simulation.now
        let span = now - measureStart
        let r = responses.estimate()
        let events = simulation.eventsProcessed
        return Result(
            cycles: completed,
            throughput: span > 0 ? Double(completed - warmupCycles) / span : .nan,
            throughputCI95: throughputBatches.estimate().halfWidth,
            responseTime: r.mean, responseTimeCI95: r.halfWidth,
            stations: zip(network.stations, stations).map { spec, s in
                StationResult(name: spec.name,
                              utilization: s.busy.mean(at: now) / Double(s.servers),
                              utilizationCI95: s.utilizationBatches.estimate().halfWidth,
                              queueLength: s.present.mean(at: now),
                              queueLengthCI95: s.queueBatches.estimate().halfWidth)
            },
            events: events, wallSeconds: wall, eventsPerSecond: wall > 0 ? Double(events) / wall : 0)
    }
}
