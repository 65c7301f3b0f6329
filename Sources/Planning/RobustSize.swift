import RunOutput
import ScenarioSpec
import Statistics
import Stochastics

/// `smsim size --robust`: the fewest additional servers for which every objective holds in at
/// least a chosen share of the plausible worlds, and the share at each count tried.
///
/// The worlds are those of `check --robust` (the same Latin hypercube from the same stream),
/// each simulated with the scenario's seed and replications (common random numbers). A cell
/// is one world at one server count. Cells are decided in the cheapest way that is sound
/// under one assumption, that more servers never hurt:
/// - **inferred**: the world already held at fewer servers (so it holds), or failed at more
///   (so it fails);
/// - **unrelieved**: the world failed at fewer servers on the database's utilization, which
///   more management servers do not relieve (they pass more work to it; `size` says the same);
/// - **screened**: `RobustScreen`'s dominance over the analytic load of simulated cells of
///   any world and count (a pilot of each first count's undecided worlds is simulated first);
/// - **simulated** otherwise.
/// The counts are searched, not swept: from the share-quantile of the worlds' analytic
/// estimates, doubling steps bracket the answer and bisection closes it, so the answer
/// ends next to a count whose share falls short. A tenth of the screened cells is simulated
/// afterwards as a check; the simulation's verdict is kept.
public struct RobustSize: Sendable {
    public enum Decision: String, Sendable {
        case simulated, screened, inferred
        /// Failed at fewer servers on an objective that more servers do not relieve.
        case unrelieved
        /// Screened, then simulated to check the screen; the simulation's verdict is kept.
        case checked
    }

    /// One world at one server count.
    public struct Cell: Sendable {
        public var world: Int
        public var servers: Int
        /// nil when not simulated.
        public var outcome: RobustOutcome?
        public var holds: Bool
        public var decision: Decision
        /// With `checked`: whether the screen's verdict was the simulation's.
        public var screenAgreed: Bool?
    }

    /// The worlds holding at one count.
    public struct Count: Sendable {
        public var servers: Int
        public var interval: WilsonInterval
        public var simulated: Int
        public var screened: Int
        public var inferred: Int
        /// Worlds failing here on an objective more servers do not relieve.
        public var unrelieved: Int
    }

    public var scenarioName: String
    public var factors: [SensitivityFactor]
    public var objectives: [Objective]
    public var limits: [Double]
    public var replications: Int
    /// Each world's inputs, in factor order.
    public var inputs: [[Double]]
    /// Every decided cell, in the order decided (checks last).
    public var cells: [Cell]
    /// Every count tried, fewest servers first.
    public var counts: [Count]
    /// The share of worlds that must hold.
    public var share: Double
    /// The fewest counts tried whose share is at least `share`; nil when none is.
    public var answer: Int?
    public var candidates: ClosedRange<Int>

    public var simulated: Int { cells.filter { $0.outcome != nil }.count }
    public var screened: Int { cells.filter { $0.decision == .screened || $0.decision == .checked }.count }
    public var inferred: Int { cells.filter { $0.decision == .inferred }.count }
    public var unrelieved: Int { cells.filter { $0.decision == .unrelieved }.count }
    /// Objectives that more management servers do not relieve.
    /// Not the workflow lag: where the initial server also takes consoles, more servers take
    /// them off the workflows' server.
    public static let unrelievedObjectives: Set<Objective> = [.maxDatabaseUtilization]
    public var checked: Int { cells.filter { $0.decision == .checked }.count }
    public var disagreements: Int { cells.filter { $0.screenAgreed == false }.count }

    /// - Parameters:
    ///   - scenario: consoles, servers down and objectives as asked (`variant(consoles:down:)`);
    ///     its additional server count is what varies.
    ///   - candidates: the additional server counts the search may try.
    ///   - worlds: how many plausible worlds.
    ///   - share: the share of worlds that must hold, in (0, 1].
    ///   - screen: decide cells by the MVA screen where it can.
    ///   - simulate: runs a scenario's replications.
    ///   - progress: (cells decided, an estimate of the cells to decide).
    public init(scenario: Scenario, candidates: ClosedRange<Int>, worlds: Int, share: Double = 0.9, screen: Bool = true,
                simulate: (Scenario) throws -> RunReport, progress: (Int, Int) -> Void = { _, _ in }) throws {
        guard worlds >= 2 else { throw PlanningError("--points must be at least 2, got \(worlds)") }
        guard share > 0, share <= 1 else { throw PlanningError("--share must be above 0 and at most 1, got \(share)") }
        guard candidates.lowerBound >= 0 else { throw PlanningError("server counts must be at least 0, got \(candidates.lowerBound)") }
        let factors = SensitivityFactor.assumed(for: scenario)
        guard !factors.isEmpty else { throw PlanningError("scenario '\(scenario.name)' has no assumed input with a range to vary") }
        let objectives = scenario.slo.objectives
        guard !objectives.isEmpty else { throw PlanningError("scenario '\(scenario.name)' has no slo block: nothing to size for") }
        let limits = objectives.map { scenario.slo[$0]! }
        let database = scenario.managementGroup.database.name
        scenarioName = scenario.name
        self.factors = factors
        self.objectives = objectives
        self.limits = limits
        self.share = share
        self.candidates = candidates
        replications = scenario.replications
        let inputs = RobustWorlds.inputs(of: scenario, factors: factors, count: worlds)
        self.inputs = inputs
        let stream = RandomStream(seed: scenario.seed, replication: 0, name: "robust.size.screen")

        func cellScenario(_ w: Int, _ n: Int) throws -> Scenario {
            try RobustWorlds.world(scenario, factors: factors, inputs: inputs[w]).variant(servers: n)
        }
        var known = [[Int: Bool]](repeating: [:], count: worlds)
        // The fewest servers at which a world failed an objective more servers do not relieve.
        var stuck = [Int?](repeating: nil, count: worlds)
        let unrelievedIndices = objectives.indices.filter { Self.unrelievedObjectives.contains(objectives[$0]) }
        var cells: [Cell] = []
        var state = RobustScreen.State(objectives: objectives.count)
        let rules = screen ? RobustScreen(indices: { _ in [] }, plainTail: RobustLoad.plainCount) : nil
        var done = 0, tried = 0

        func indices(_ w: Int, _ n: Int) -> [[Double]?] {
            guard let s = try? cellScenario(w, n), let load = RobustLoad(s) else { return objectives.map { _ in nil } }
            return objectives.map(load.indices)
        }
        func run(_ w: Int, _ n: Int) throws -> RobustOutcome {
            let report = try simulate(try cellScenario(w, n))
            let verdicts = report.evaluate(scenario.slo, databaseName: database)
            let values = objectives.map { o in verdicts.first { $0.objective == o }?.estimate.mean ?? .nan }
            return RobustOutcome(values: values, holds: zip(values, limits).map { $0 <= $1 })
        }
        func inferred(_ w: Int, _ n: Int) -> Bool? {
            if known[w].contains(where: { $0.key <= n && $0.value }) { return true }
            if known[w].contains(where: { $0.key >= n && !$0.value }) { return false }
            return nil
        }
        /// Decides every world at `n`; returns how many hold.
        func evaluate(_ n: Int) throws -> Int {
            tried += 1
            let open = (0..<worlds).filter { inferred($0, n) == nil }
            var pilot = Set<Int>()
            if let rules, state.held.isEmpty {
                let k = max(rules.minimumPilot, Int((Double(open.count) * rules.pilotShare).rounded(.up)))
                pilot = Set(RobustAnalysis.sample(min(k, open.count), of: open, stream: stream))
            }
            for w in (0..<worlds).sorted(by: { pilot.contains($0) && !pilot.contains($1) }) {
                let cell: Cell
                if let m = stuck[w], n >= m {
                    cell = Cell(world: w, servers: n, outcome: nil, holds: false, decision: .unrelieved)
                } else if let verdict = inferred(w, n) {
                    cell = Cell(world: w, servers: n, outcome: nil, holds: verdict, decision: .inferred)
                } else {
                    let x = rules == nil ? [] : indices(w, n)
                    if let rules, !pilot.contains(w), let verdict = rules.verdict(x, state) {
                        cell = Cell(world: w, servers: n, outcome: nil, holds: verdict, decision: .screened)
                    } else {
                        let outcome = try run(w, n)
                        if rules != nil { state.record(x, outcome.holds) }
                        if unrelievedIndices.contains(where: { !outcome.holds[$0] }) { stuck[w] = min(stuck[w] ?? n, n) }
                        cell = Cell(world: w, servers: n, outcome: outcome, holds: outcome.allHold, decision: .simulated)
                    }
                }
                known[w][n] = cell.holds
                cells.append(cell)
                done += 1
                progress(done, worlds * max(tried + 1, 4))
            }
            return known.filter { $0[n] == true }.count
        }
        // The fewest holding worlds that make the share (less a hair, so 0.9 of 10 is 9).
        let needed = max(1, Int((share * Double(worlds) - 1e-9).rounded(.up)))
        func enough(_ n: Int) throws -> Bool { try evaluate(n) >= needed }

        // The start: the count by which the analytic estimate of `share` of the worlds is met.
        let limit = scenario.slo.maxUtilization ?? 0.75
        let estimates = (0..<worlds).map { w -> Int in
            guard let s = try? RobustWorlds.world(scenario, factors: factors, inputs: inputs[w]) else { return candidates.upperBound }
            return AnalyticSizing.estimate(s, consoles: s.consoles.peak, down: s.failures.down, limit: limit,
                                           from: candidates.lowerBound, through: candidates.upperBound)
        }.sorted()
        let start = min(max(estimates[min(worlds - 1, max(0, needed - 1))], candidates.lowerBound), candidates.upperBound)

        var low: Int? = nil   // falls short
        var high: Int? = nil  // enough
        if try enough(start) {
            high = start
            var step = 1
            while let h = high, h > candidates.lowerBound {
                let c = max(candidates.lowerBound, h - step)
                if try enough(c) { high = c; step *= 2 } else { low = c; break }
            }
        } else {
            low = start
            var step = 1
            while let l = low, l < candidates.upperBound {
                let c = min(candidates.upperBound, l + step)
                // Worlds stuck at or below c fail at every larger count too: enough of them, and no count will do.
                if stuck.filter({ $0 != nil && $0! <= l }).count > worlds - needed { break }
                if try enough(c) { high = c; break }
                low = c
                step *= 2
            }
        }
        if var l = low, var h = high {
            while h - l > 1 {
                let m = (l + h) / 2
                if try enough(m) { h = m } else { l = m }
            }
            (low, high) = (l, h)
        }

        // A share of the screened cells, simulated to check the screen.
        if let rules {
            let screenedCells = cells.indices.filter { cells[$0].decision == .screened || cells[$0].decision == .unrelieved }
            let k = screenedCells.isEmpty ? 0
                : min(screenedCells.count, max(rules.minimumChecks, Int((Double(screenedCells.count) * rules.checkShare).rounded(.up))))
            for i in RobustAnalysis.sample(k, of: screenedCells, stream: stream).sorted() {
                let outcome = try run(cells[i].world, cells[i].servers)
                cells[i].screenAgreed = outcome.allHold == cells[i].holds
                cells[i].outcome = outcome
                cells[i].holds = outcome.allHold
                cells[i].decision = .checked
            }
        }
        self.cells = cells
        let servers = Set(cells.map(\.servers)).sorted()
        counts = servers.map { n in
            let at = cells.filter { $0.servers == n }
            return Count(servers: n, interval: WilsonInterval(successes: at.filter(\.holds).count, trials: at.count),
                         simulated: at.filter { $0.outcome != nil }.count,
                         screened: at.filter { $0.decision == .screened || $0.decision == .checked }.count,
                         inferred: at.filter { $0.decision == .inferred }.count,
                         unrelieved: at.filter { !$0.holds && $0.outcome.map { o in unrelievedIndices.contains { !o.holds[$0] } } ?? ($0.decision == .unrelieved) }.count)
        }
        answer = counts.first { $0.interval.successes >= needed }?.servers
    }
}
