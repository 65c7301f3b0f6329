import RunOutput
import ScenarioSpec

/// `smsim size`: the fewest additional management servers for which every service level
/// objective holds (verdict PASS at 95 % confidence) with `down` servers failed.
///
/// The search starts from `AnalyticSizing`'s guess, brackets the answer by moving away from
/// it in doubling steps (down while the objectives hold, up while they do not), bisects the
/// bracket, and so ends with a count that holds next to one that does not. It assumes more
/// servers never hurt, simulates each count at most once (same seed: common random numbers),
/// and never simulates every count.
public struct SizeSearch {
    public struct Result: Sendable {
        /// The answer: additional servers.
        public var servers: Int
        public var consoles: Int
        public var down: Int
        /// The largest ratio a scenario may give: additional servers' connection limit, or the consoles.
        public var maxRatio: Int
        /// The analytic starting point.
        public var estimate: Int
        /// The fewest servers that can hold the consoles at all (hard connection limits, `down`).
        public var floor: Int
        /// Every simulated count, in the order simulated.
        public var evaluations: [Evaluation]
        public var chosen: Evaluation { evaluations.first { $0.servers == servers }! }
        /// The count one below the answer, simulated and not holding; nil when the answer is the floor.
        public var below: Evaluation? { evaluations.first { $0.servers == servers - 1 } }
        /// Counts above the answer that did not hold: results that contradict "more servers
        /// never hurt", a sign of noise near the limits.
        public var contradictions: [Int] { evaluations.filter { $0.servers > servers && !$0.holds }.map(\.servers) }
        /// The connection guidance binds: one server fewer meets every performance objective
        /// and fails only "at most N consoles per server" (`slo.maxConsolesPerServer`).
        public var guidanceBinds: Bool {
            guard let below else { return false }
            let missed = below.verdicts.filter { $0.verdict != .pass }
            return !missed.isEmpty && missed.allSatisfy { $0.objective == .maxConsolesPerServer }
        }

        /// The integer consoles-per-server ratios that give `servers` additional servers for
        /// `consoles` consoles (ceil(consoles / ratio) == servers), if any.
        public var equivalentRatios: ClosedRange<Int>? {
            guard servers >= 1 else { return nil }
            let low = (consoles + servers - 1) / servers
            let high = min(maxRatio, servers == 1 ? consoles : (consoles - 1) / (servers - 1))
            return low <= high ? low...high : nil
        }
    }

    /// No server count meets the objectives: the database is the bottleneck, or the search
    /// reached its largest count. Carries what was simulated, as evidence.
    public struct Unattainable: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var evaluations: [Evaluation]
        public var description: String { message }
    }

    public let scenario: Scenario
    public let consoles: Int
    public let down: Int
    public let slo: ServiceLevelObjectives
    /// Utilization limit for the analytic guess: the SLO's, or 0.75.
    public let estimateLimit: Double
    /// The largest count the search may try.
    public let maxServers: Int?

    public init(scenario: Scenario, consoles: Int, down: Int = 0, slo: ServiceLevelObjectives, maxServers: Int? = nil) throws {
        guard !slo.isEmpty else {
            throw PlanningError("no service level objective to size for: set an slo block in the scenario or give one as an option")
        }
        guard consoles >= 1 else { throw PlanningError("consoles must be at least 1, got \(consoles)") }
        guard down >= 0 else { throw PlanningError("servers down must be at least 0, got \(down)") }
        self.scenario = scenario
        self.consoles = consoles
        self.down = down
        self.slo = slo
        estimateLimit = slo.maxUtilization ?? 0.75
        self.maxServers = maxServers
    }

    /// The fewest additional servers that can take every console with `down` of them failed:
    /// a valid layout whose hard connection limits (if any) add up to at least `consoles`.
    /// Without limits that is the smallest valid layout: performance sets the answer.
    public func floor() throws -> Int {
        let limit = consoles + down + 2
        for n in down...limit {
            guard let variant = try? scenario.variant(consoles: consoles, servers: n, down: down) else { continue }
            let pooled = variant.layout.servers.filter(\.acceptsConsoles)
            if pooled.contains(where: { $0.connectionLimit == nil }) { return n }
            let capacity = pooled.map { $0.connectionLimit! }.reduce(0, +)
            // The failed servers are additional ones; count the worst case, the largest limits lost.
            let additional = variant.managementGroup.additionalServers.connectionLimit ?? 0
            if capacity - down * additional >= consoles { return n }
        }
        throw PlanningError("no server count can take \(consoles) consoles with \(down) down")
    }

    /// Runs the search. `simulate` runs a scenario's replications (the caller chooses threads
    /// and progress display); `log` hears a line per simulated count.
    public func run(simulate: (Scenario) throws -> RunReport, log: (Evaluation) -> Void = { _ in }) throws -> Result {
        let floor = try self.floor()
        let guess = AnalyticSizing.estimate(scenario, consoles: consoles, down: down, limit: estimateLimit,
                                            from: floor, through: max(floor, consoles + down))
        let cap = max(floor, maxServers ?? min(max(4 * guess, floor + 16), max(floor, consoles + down)))
        var cache: [Int: Evaluation] = [:]
        var order: [Evaluation] = []

        func evaluate(_ n: Int) throws -> Evaluation {
            if let known = cache[n] { return known }
            let variant = try scenario.variant(consoles: consoles, servers: n, down: down)
            let report = try simulate(variant)
            let e = Evaluation(step: "servers", scenario: variant, report: report, slo: slo)
            cache[n] = e
            order.append(e)
            log(e)
            return e
        }
        func result(_ n: Int) -> Result {
            Result(servers: n, consoles: consoles, down: down,
                   maxRatio: scenario.managementGroup.additionalServers.connectionLimit ?? consoles, estimate: guess, floor: floor, evaluations: order)
        }

        var low: Int   // known not to hold
        var high: Int  // known to hold
        let start = min(max(guess, floor), cap)
        if try evaluate(start).holds {
            high = start
            var step = 1
            while true {
                if high == floor { return result(floor) }
                let candidate = max(floor, high - step)
                if try evaluate(candidate).holds {
                    high = candidate
                    step *= 2
                } else {
                    low = candidate
                    break
                }
            }
        } else {
            low = start
            var step = 1
            while true {
                let failing = cache[low]!
                if let db = failing.verdicts.first(where: { $0.objective == .maxDatabaseUtilization && $0.verdict == .fail }) {
                    throw Unattainable(message: "the database is the bottleneck: its peak utilization \(Self.show(db)) is above "
                                       + "the limit \(NumberFormat.literal(db.limit)) with \(low) servers, and more management servers "
                                       + "only add database load; add database cores or relax the objective", evaluations: order)
                }
                guard low < cap else {
                    let failed = failing.verdicts.filter { $0.verdict != .pass }.map { "\($0.name) \($0.verdict.rawValue)" }
                    throw Unattainable(message: "no count up to \(cap) additional servers meets the objectives "
                                       + "(at \(cap): \(failed.joined(separator: ", "))); relax them, or give a larger --max-servers",
                                       evaluations: order)
                }
                let candidate = min(cap, low + step)
                if try evaluate(candidate).holds {
                    high = candidate
                    break
                }
                low = candidate
                step *= 2
            }
        }
        while high - low > 1 {
            let middle = (low + high) / 2
            if try evaluate(middle).holds { high = middle } else { low = middle }
        }
        return result(high)
    }

    /// An objective's estimate in a message, by the one interval rule (`0.9010 ± 0.0025`);
    /// the value as written in a scenario when there is no interval.
    static func show(_ r: SLOResult) -> String {
        NumberFormat.estimate(r.estimate.mean, r.estimate.halfWidth, plain: .literal)
    }
}
