import Statistics
import Stochastics

/// What one world (one point of the plausible ranges) gave: each objective's value and
/// whether it held.
public struct RobustOutcome: Sendable {
    public var values: [Double]
    public var holds: [Bool]
    public var allHold: Bool { holds.allSatisfy { $0 } }

    public init(values: [Double], holds: [Bool]) {
        self.values = values
        self.holds = holds
    }
}

/// The probability that an answer holds over the plausible ranges of its inputs.
///
/// The worlds are a Latin hypercube over the ranges (each input uniform between its low and
/// high); the answer is asked at each (`evaluate`, usually a simulation with the scenario's
/// seed, so every world sees the same random numbers and differs only in its inputs). The
/// share of worlds in which every objective holds estimates the probability, with a Wilson
/// 95 % interval. With a `RobustScreen`, worlds whose analytic load is clearly lighter than
/// a simulated holding world (or heavier than a failing one) are decided without simulation;
/// a random share of those is simulated anyway to check the screen.
public struct RobustAnalysis: Sendable {
    /// How a world's verdict was reached.
    public enum Decision: String, Sendable {
        /// Simulated (pilot, or near the boundary).
        case simulated
        /// Decided by the screen alone.
        case screened
        /// Decided by the screen, then simulated to check it; the simulation's verdict is kept.
        case checked
    }

    public struct World: Sendable {
        /// The world's place in the design, from 0 (the same in a shard as unsharded).
        public var index: Int
        /// The inputs, in factor order.
        public var inputs: [Double]
        /// nil when the screen decided without simulating.
        public var outcome: RobustOutcome?
        public var holds: Bool
        public var decision: Decision
        /// With `checked`: whether the screen's verdict was the simulation's.
        public var screenAgreed: Bool?
    }

    public var worlds: [World]
    public var interval: WilsonInterval

    public var holding: Int { interval.successes }
    public var simulated: Int { worlds.filter { $0.outcome != nil }.count }
    public var screened: Int { worlds.filter { $0.decision != .simulated }.count }
    public var checked: Int { worlds.filter { $0.decision == .checked }.count }
    public var disagreements: Int { worlds.filter { $0.screenAgreed == false }.count }

    /// - Parameters:
    ///   - lows, highs: each input's range.
    ///   - count: the number of worlds.
    ///   - stream: draws the design (and the screen's samples); same stream, same worlds.
    ///   - evaluate: the answer in world `i` with inputs `x`.
    ///   - progress: (worlds decided, count) after each one.
    ///   - shard: only the worlds of this shard, each simulated (the screen needs every
    ///     world's neighbours, so a shard does without it); the rest are left out.
    public init(lows: [Double], highs: [Double], count: Int, stream: RandomStream, screen: RobustScreen? = nil, shard: Shard? = nil,
                evaluate: (Int, [Double]) throws -> RobustOutcome, progress: (Int, Int) -> Void = { _, _ in }) rethrows {
        let unit = LatinHypercube.points(count, dimensions: lows.count, stream: stream)
        let inputs = unit.map { u in u.indices.map { lows[$0] + u[$0] * (highs[$0] - lows[$0]) } }
        var worlds = [World?](repeating: nil, count: count)
        var done = 0
        func simulate(_ i: Int, _ decision: Decision) throws -> RobustOutcome {
            let outcome = try evaluate(i, inputs[i])
            worlds[i] = World(index: i, inputs: inputs[i], outcome: outcome, holds: outcome.allHold, decision: decision)
            return outcome
        }
        if let screen, shard == nil {
            var state = RobustScreen.State(objectives: 0)
            let indices = inputs.map(screen.indices)
            let pilot = Set(Self.sample(min(count, max(screen.minimumPilot, Int((Double(count) * screen.pilotShare).rounded(.up)))),
                                        of: Array(0..<count), stream: stream))
            // Pilot worlds first, then the rest in order: each either screened or simulated.
            for i in (0..<count).sorted(by: { pilot.contains($0) && !pilot.contains($1) }) {
                if !pilot.contains(i), let verdict = screen.verdict(indices[i], state) {
                    worlds[i] = World(index: i, inputs: inputs[i], outcome: nil, holds: verdict, decision: .screened)
                } else {
                    state.record(indices[i], try simulate(i, .simulated).holds)
                }
                done += 1
                progress(done, count)
            }
            // A random share of the screened worlds, simulated to check the screen.
            let screenedWorlds = (0..<count).filter { worlds[$0]?.decision == .screened }
            let checks = screenedWorlds.isEmpty ? 0
                : min(screenedWorlds.count, max(screen.minimumChecks, Int((Double(screenedWorlds.count) * screen.checkShare).rounded(.up))))
            for i in Self.sample(checks, of: screenedWorlds, stream: stream).sorted() {
                let said = worlds[i]!.holds
                let outcome = try simulate(i, .checked)
                worlds[i]!.screenAgreed = outcome.allHold == said
            }
        } else {
            let mine = (0..<count).filter { shard?.contains(pointIndex: $0) ?? true }
            for i in mine {
                _ = try simulate(i, .simulated)
                done += 1
                progress(done, mine.count)
            }
        }
        self.worlds = worlds.compactMap { $0 }
        interval = WilsonInterval(successes: self.worlds.filter(\.holds).count, trials: self.worlds.count)
    }

    /// `k` of `items` drawn without replacement, in draw order.
    static func sample(_ k: Int, of items: [Int], stream: RandomStream) -> [Int] {
        var pool = items
        for i in 0..<min(k, pool.count) { pool.swapAt(i, i + stream.index(below: pool.count - i)) }
        return Array(pool.prefix(k))
    }
}

/// Decides worlds from their analytic load, by dominance over simulated worlds: an objective
/// holds in a world whose every load index is at most (1 − band) times those of a world where
/// it held, and fails where every index is at least (1 + band) times those of a world where it
/// failed. The answer is assumed monotone in the load (more work never helps); the band and
/// the check sample guard against where it is not quite.
public struct RobustScreen: Sendable {
    /// Per objective, the load indices of the world with these inputs (larger is heavier);
    /// nil for an objective the screen cannot judge (its worlds are always simulated).
    public var indices: @Sendable ([Double]) -> [[Double]?]
    public var band = 0.05
    public var pilotShare = 0.125
    public var minimumPilot = 8
    public var checkShare = 0.1
    public var minimumChecks = 2
    /// How many of each objective's last indices are compared without the band: inputs
    /// whose effect is known in direction but not in size.
    public var plainTail = 0

    public init(indices: @escaping @Sendable ([Double]) -> [[Double]?], plainTail: Int = 0) {
        self.indices = indices
        self.plainTail = plainTail
    }

    /// The simulated worlds' indices, per objective, by verdict.
    struct State {
        var held: [[[Double]]] = []
        var failed: [[[Double]]] = []
        init(objectives: Int) {}

        mutating func record(_ indices: [[Double]?], _ holds: [Bool]) {
            while held.count < indices.count { held.append([]); failed.append([]) }
            for (j, x) in indices.enumerated() {
                guard let x else { continue }
                if holds[j] { held[j].append(x) } else { failed[j].append(x) }
            }
        }
    }

    /// true: every objective holds by dominance; false: one fails by dominance; nil: simulate.
    func verdict(_ indices: [[Double]?], _ state: State) -> Bool? {
        guard state.held.count == indices.count else { return nil }
        var allHold = true
        for (j, x) in indices.enumerated() {
            guard let x else { allHold = false; continue }
            let banded = x.count - min(plainTail, x.count)
            func heavier(_ z: [Double]) -> Bool {
                zip(x, z).enumerated().allSatisfy { k, p in k < banded ? p.0 >= p.1 * (1 + band) : p.0 >= p.1 }
            }
            func lighter(_ y: [Double]) -> Bool {
                zip(x, y).enumerated().allSatisfy { k, p in k < banded ? p.0 <= p.1 * (1 - band) : p.0 <= p.1 }
            }
            if state.failed[j].contains(where: heavier) { return false }
            if !state.held[j].contains(where: lighter) { allHold = false }
        }
        return allHold ? true : nil
    }
}
