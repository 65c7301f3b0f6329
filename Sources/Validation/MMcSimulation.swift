import QueueingTheory
import SimulationKernel
import Statistics
import Stochastics

/// An M/M/c FCFS queue simulated on the event kernel, to compare with Erlang C.
public struct MMcSimulation: DiscreteEventModel {
    public enum Event {
        case arrival
        case departure(server: Int32)
    }

    public struct Result: Sendable, Codable, Equatable {
        /// Departures simulated (warm-up included).
        public var customers: Int
        /// Mean time in queue after warm-up, seconds.
        public var meanWait: Double
        /// Mean time in system after warm-up, seconds.
        public var meanTimeInSystem: Double
        /// Busy fraction of each server after warm-up.
        public var utilization: Double
        /// 95 % confidence half-width of `meanWait` (batch means).
        public var meanWaitCI95: Double
        /// 95 % confidence half-width of `meanTimeInSystem`.
        public var meanTimeInSystemCI95: Double
        /// 95 % confidence half-width of `utilization`.
        public var utilizationCI95: Double
        /// Arrivals plus departures processed.
        public var events: Int
        /// Wall time of the simulation loop only.
        public var wallSeconds: Double
        public var eventsPerSecond: Double
    }

    public var simulation: Simulation<Event>
    let servers: Int
    let arrivalMean: Double
    let serviceMean: Double
    let arrivals: RandomStream
    let services: RandomStream
    let warmupDepartures: Int
    let batchSize: Int

    var waiting = RingBuffer<Double>(capacity: 1024)
    // Per-server state in `FixedArray`s: written on every event without copy-on-write checks.
    let arrivalTimeAt: FixedArray<Double>
    let startTimeAt: FixedArray<Double>
    /// Idle servers, `freeServers[0..<freeCount]` (a stack).
    let freeServers: FixedArray<Int32>
    var freeCount: Int
    var departures = 0
    /// Measured departures since the last utilisation batch closed.
    var inBatch = 0
    var busy = TimeAverage()
    var waits: BatchMeans
    var sojourns: BatchMeans
    var utilizationBatches: BatchMeans
    var batchStartTime = 0.0
    var batchStartBusyArea = 0.0

    /// A queue with `servers` servers; the first 10 % of `customers` departures are warm-up.
    public init(queue: MMcQueue, customers: Int, seed: UInt64, replication: Int = 0) {
        servers = queue.servers
        arrivalMean = 1 / queue.arrivalRate
        serviceMean = 1 / queue.serviceRate
        arrivals = RandomStream(seed: seed, replication: replication, name: "arrivals")
        services = RandomStream(seed: seed, replication: replication, name: "service")
        warmupDepartures = customers / 10
        batchSize = max(1, (customers - warmupDepartures) / ValidationDefaults.batches)
        waits = BatchMeans(batchSize: batchSize)
        sojourns = BatchMeans(batchSize: batchSize)
        utilizationBatches = BatchMeans(batchSize: 1)
        arrivalTimeAt = FixedArray(repeating: 0, count: servers)
        startTimeAt = FixedArray(repeating: 0, count: servers)
        freeServers = FixedArray((0..<Int32(servers)).reversed())
        freeCount = servers
        simulation = Simulation(capacity: servers + 4)
        self.customers = customers
    }

    let customers: Int

    public mutating func handle(_ event: Event) {
        let now = simulation.now
        switch event {
        case .arrival:
            simulation.schedule(.arrival, after: arrivals.exponential(mean: arrivalMean), class: .arrival)
            if freeCount > 0 {
                freeCount -= 1
                busy.add(1, at: now)
                start(server: freeServers[freeCount], arrivedAt: now)
            } else {
                waiting.append(now)
            }
        case .departure(let server):
            let i = Int(server)
            departures += 1
            if departures > warmupDepartures {
                waits.add(startTimeAt[i] - arrivalTimeAt[i])
                sojourns.add(now - arrivalTimeAt[i])
                // Every `batchSize` measured departures (a counter, not a division per departure).
                inBatch &+= 1
                if inBatch == batchSize {
                    inBatch = 0
                    closeUtilizationBatch(at: now)
                }
            } else if departures == warmupDepartures {
                busy.reset(at: now)
                batchStartTime = now
                batchStartBusyArea = 0
            }
            if let arrived = waiting.popFirst() {
                start(server: server, arrivedAt: arrived)
            } else {
                freeServers[freeCount] = server
                freeCount += 1
                busy.add(-1, at: now)
            }
        }
    }

    mutating func start(server: Int32, arrivedAt: Double) {
        let now = simulation.now
        let i = Int(server)
        arrivalTimeAt[i] = arrivedAt
        startTimeAt[i] = now
        simulation.schedule(.departure(server: server), after: services.exponential(mean: serviceMean), class: .release)
    }

    mutating func closeUtilizationBatch(at now: Double) {
        let area = busy.integral(at: now)
        if now > batchStartTime {
            utilizationBatches.add((area - batchStartBusyArea) / (now - batchStartTime) / Double(servers))
        }
        batchStartTime = now
        batchStartBusyArea = area
    }

    /// Runs until `customers` departures and returns the statistics.
    public mutating func run() -> Result {
        simulation.schedule(.arrival, after: arrivals.exponential(mean: arrivalMean), class: .arrival)
        let clock = ContinuousClock()
        let started = clock.now
        while departures < customers, let event = simulation.next(until: .infinity) {
            handle(event)
        }
        let wall = (clock.now - started).seconds
        let w = waits.estimate(), t = sojourns.estimate(), u = utilizationBatches.estimate()
        let events = simulation.eventsProcessed
        return Result(customers: departures, meanWait: w.mean, meanTimeInSystem: t.mean,
                      utilization: busy.mean(at: simulation.now) / Double(servers),
                      meanWaitCI95: w.halfWidth, meanTimeInSystemCI95: t.halfWidth, utilizationCI95: u.halfWidth,
                      events: events, wallSeconds: wall, eventsPerSecond: wall > 0 ? Double(events) / wall : 0)
    }
}

enum ValidationDefaults {
    /// Batches for the method of batch means.
    static let batches = 30
}

extension Duration {
    var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) * 1e-18
    }
}
