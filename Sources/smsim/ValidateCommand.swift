import ArgumentParser
import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import CounterCalibration
import Foundation
import QueueingTheory
import Validation

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the simulator against queueing theory (Erlang C, exact MVA).",
        discussion: """
        With no subcommand, runs the built-in suite: M/M/1 at several loads, M/M/c for several \
        c, and closed networks of consoles with think time cycling through a management server \
        and a database. Each metric is printed with its 95 % confidence interval beside the \
        exact value; a case passes when the difference is within the half-width or within 1 % \
        of the exact value. Exits 1 if any case fails.

        Examples:
          smsim validate
          smsim validate mmc --arrival-rate 0.9 --service-rate 1 --servers 1 --customers 1000000 --seed 1 --json
          smsim validate closed --consoles 25 --think 20 --station ms=0.2 --station db=0.1 --cycles 200000 --json
        """,
        subcommands: [Suite.self, MMc.self, Closed.self],
        defaultSubcommand: Suite.self
    )
}

extension Validate {
    struct Suite: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "suite",
            abstract: "Run the built-in validation suite (the default).",
            discussion: "Example: smsim validate suite --scale 0.1 --seed 7")

        @Option(help: "Seed of every random stream.")
        var seed: UInt64 = 1

        @Option(help: "Run-length factor: 1 is the full suite (a few seconds in release), 0.1 a quick check.")
        var scale: Double = 1

        func validate() throws {
            guard scale > 0, scale <= 100 else { throw ValidationError("--scale must be in (0, 100], got \(scale)") }
        }

        func run() throws {
            let cases = try ValidationSuite.standardCases(scale: scale)
            let rows = cases.flatMap { ValidationSuite.run($0, seed: seed) }
            let failures = rows.filter { !$0.passed }.count
            comparisonTable(rows, withCase: true).print()
            if failures > 0 {
                throw CommandFailure(message: "validation failed: \(failures) metric(s) outside tolerance", status: 1)
            }
            print("all cases PASS")
        }
    }

    struct MMc: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mmc",
            abstract: "Simulate one M/M/c FCFS queue and compare with Erlang C.",
            discussion: """
            The first 10 % of departures are warm-up. Confidence intervals come from 30 batch means.

            Example: smsim validate mmc --arrival-rate 0.9 --service-rate 1 --servers 1 --customers 1000000 --seed 1 --json
            """)

        @Option(help: "Arrivals per second (λ > 0).")
        var arrivalRate: Double
        @Option(help: "Services per second per server (μ > 0).")
        var serviceRate: Double
        @Option(help: "Servers (c ≥ 1). λ/(cμ) must be below 1.")
        var servers: Int = 1
        @Option(help: "Departures to simulate, warm-up included (≥ 1000).")
        var customers: Int = 1_000_000
        @Option(help: "Seed of the random streams.")
        var seed: UInt64 = 1
        @Flag(help: "Print one JSON object instead of a table.")
        var json = false

        func validate() throws {
            guard customers >= 1000 else { throw ValidationError("--customers must be at least 1000, got \(customers)") }
            do { _ = try queue() } catch { throw ValidationError(error.message) }
        }

        func queue() throws(TheoryError) -> MMcQueue {
            try MMcQueue(arrivalRate: arrivalRate, serviceRate: serviceRate, servers: servers)
        }

        func run() throws {
            let queue = try queue()
            var sim = MMcSimulation(queue: queue, customers: customers, seed: seed)
            let r = sim.run()
            if json {
                struct Output: Encodable {
                    var result: MMcSimulation.Result
                    var erlangC: [String: Double]
                    func encode(to encoder: Encoder) throws {
                        try result.encode(to: encoder)
                        var c = encoder.container(keyedBy: Key.self)
                        try c.encode(erlangC, forKey: Key(stringValue: "erlangC"))
                    }
                }
                try printJSON(Output(result: r, erlangC: ["meanWait": queue.meanWait, "meanTimeInSystem": queue.meanTimeInSystem,
                                                          "utilization": queue.utilization]))
                return
            }
            let rows = ValidationSuite.run(.mmc(name: "M/M/\(servers)", queue: queue, customers: customers), seed: seed)
            printComparisons(rows)
            print("events \(r.events), \(NumberFormat.table(r.eventsPerSecond / 1e6)) M events/s, loop \(NumberFormat.table(r.wallSeconds)) s")
        }
    }

    struct Closed: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "closed",
            abstract: "Simulate a closed network of consoles and compare with exact MVA.",
            discussion: """
            Each console thinks (exponential, mean --think seconds), then visits every --station \
            in order, FCFS with exponential service. NAME=DEMAND is a single server; \
            NAME=DEMANDxC has C servers. The first 10 % of cycles are warm-up.

            Example: smsim validate closed --consoles 25 --think 20 --station ms=0.2 --station db=0.1x8 --cycles 200000 --json
            """)

        @Option(help: "Number of consoles (≥ 1).")
        var consoles: Int
        @Option(help: "Mean think time, seconds (≥ 0).")
        var think: Double
        @Option(help: "A station as NAME=DEMAND or NAME=DEMANDxSERVERS (seconds per visit); repeat in visit order.")
        var station: [String] = []
        @Option(help: "Cycles to simulate, warm-up included (≥ 1000).")
        var cycles: Int = 200_000
        @Option(help: "Seed of the random streams.")
        var seed: UInt64 = 1
        @Flag(help: "Print one JSON object instead of a table.")
        var json = false

        func validate() throws {
            guard cycles >= 1000 else { throw ValidationError("--cycles must be at least 1000, got \(cycles)") }
            _ = try network()
        }

        func network() throws -> ClosedNetwork {
            guard !station.isEmpty else { throw ValidationError("give at least one --station NAME=DEMAND") }
            var stations: [ClosedNetwork.Station] = []
            for text in station {
                let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty else {
                    throw ValidationError("--station \(text): expected NAME=DEMAND or NAME=DEMANDxSERVERS")
                }
                let spec = parts[1].split(separator: "x", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                guard let demand = Double(spec[0]), spec.count == 1 || Int(spec[1]) != nil else {
                    throw ValidationError("--station \(text): expected NAME=DEMAND or NAME=DEMANDxSERVERS, e.g. ms=0.8x4")
                }
                stations.append(.init(name: parts[0], demand: demand, servers: spec.count == 2 ? Int(spec[1])! : 1))
            }
            do {
                return try ClosedNetwork(customers: consoles, thinkTime: think, stations: stations)
            } catch {
                throw ValidationError(error.message)
            }
        }

        func run() throws {
            let network = try network()
            var sim = ClosedNetworkSimulation(network: network, cycles: cycles, seed: seed)
            let r = sim.run()
            let exact = network.solve()
            if json {
                struct MVAStation: Encodable { var name: String; var utilization: Double; var queueLength: Double }
                struct MVA: Encodable { var throughput: Double; var responseTime: Double; var stations: [MVAStation] }
                struct Output: Encodable {
                    var result: ClosedNetworkSimulation.Result
                    var mva: MVA
                    func encode(to encoder: Encoder) throws {
                        try result.encode(to: encoder)
                        var c = encoder.container(keyedBy: Key.self)
                        try c.encode(mva, forKey: Key(stringValue: "mva"))
                    }
                }
                let mva = MVA(throughput: exact.throughput, responseTime: exact.responseTime,
                              stations: network.stations.indices.map {
                                  MVAStation(name: network.stations[$0].name, utilization: exact.utilization[$0],
                                             queueLength: exact.queueLength[$0])
                              })
                try printJSON(Output(result: r, mva: mva))
                return
            }
            printComparisons(ValidationSuite.run(.closed(name: "closed N=\(consoles)", network: network, cycles: cycles), seed: seed))
            print("events \(r.events), \(NumberFormat.table(r.eventsPerSecond / 1e6)) M events/s, loop \(NumberFormat.table(r.wallSeconds)) s")
        }
    }
}

func printComparisons(_ rows: [Comparison]) { comparisonTable(rows, withCase: false).print() }

/// Simulated against exact: (case,) metric, simulated ± 95 % CI, exact value, verdict.
func comparisonTable(_ rows: [Comparison], withCase: Bool) -> TextTable {
    let lead = withCase ? ["case"] : []
    var table = TextTable(lead + ["metric", "simulated ± 95% CI", "exact", "verdict"], minimumWidths: (withCase ? [30] : []) + [26, 28, 12])
    for row in rows {
        table.add((withCase ? [row.caseName] : []) + [row.metric, NumberFormat.estimate(row.simulated, row.halfWidth),
                                                      NumberFormat.table(row.exact), row.passed ? "PASS" : "FAIL"])
    }
    return table
}
