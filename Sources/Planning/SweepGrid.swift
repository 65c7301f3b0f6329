import ScenarioSpec

/// The values a sweep crosses. An empty list keeps the scenario's own value.
///
/// `ratios` alone sets the number of additional servers from the consoles; `servers` alone
/// sets it directly. Both together mean scale-out curves: at `servers` n and ratio r the
/// group has n additional servers carrying n × r consoles (one curve per ratio against the
/// server count), so `consoles` must then be left empty.
public struct SweepGrid: Sendable, Equatable, Codable {
    public var consoles: [Int]
    public var ratios: [Int]
    public var servers: [Int]
    public var down: [Int]

    /// Most points a sweep may have: each is simulated in full, so far beyond any plan.
    public static let maxPoints = 20_000

    public init(consoles: [Int] = [], ratios: [Int] = [], servers: [Int] = [], down: [Int] = []) throws {
        guard ratios.isEmpty || servers.isEmpty || consoles.isEmpty else {
            throw PlanningError("with both servers and ratios the consoles are servers × ratio; leave out consoles")
        }
        self.consoles = consoles
        self.ratios = ratios
        self.servers = servers
        self.down = down
    }

    /// The points in sweep order: consoles outermost (or, for scale-out curves, the ratio),
    /// then the server count, then servers down; index 0, 1, 2, … in that order. Each point is
    /// validated here, so a sweep fails before it simulates anything rather than halfway.
    public func points(of scenario: Scenario) throws -> [SweepPoint] {
        // Each point holds a scenario: count them before making any (ranges of 100 000
        // values crossed three ways would be 10^15 points).
        let sizings = !ratios.isEmpty && !servers.isEmpty ? Double(ratios.count) * Double(servers.count)
            : Double(max(1, consoles.count)) * Double(max(1, ratios.count, servers.count))
        let count = sizings * Double(max(1, down.count))
        guard count <= Double(Self.maxPoints) else {
            throw PlanningError("the sweep has \(Scenario.rounded(count)) points, more than \(Self.maxPoints); run fewer values or shard a smaller grid")
        }
        var out: [SweepPoint] = []
        typealias Sizing = (consoles: Int?, ratio: Int?, servers: Int?)
        var sizing: [Sizing] = []
        if !ratios.isEmpty && !servers.isEmpty {
            // n servers at ratio r carry n × r consoles; ceil(n·r / r) = n servers again.
            for r in ratios { for n in servers { sizing.append((n * r, r, nil)) } }
        } else {
            let serverSizing: [(ratio: Int?, servers: Int?)] = !ratios.isEmpty ? ratios.map { ($0, nil) }
                : !servers.isEmpty ? servers.map { (nil, $0) } : [(nil, nil)]
            for c in consoles.isEmpty ? [nil] : consoles.map(Optional.some) {
                for s in serverSizing { sizing.append((c, s.ratio, s.servers)) }
            }
        }
        let downValues: [Int?] = down.isEmpty ? [nil] : down
        for s in sizing {
            let c = s.consoles
            for d in downValues {
                do {
                    let variant = try scenario.variant(consoles: c, ratio: s.ratio, servers: s.servers, down: d)
                    out.append(SweepPoint(index: out.count, scenario: variant))
                } catch let error as PlanningError {
                    var what: [String] = []
                    if let c { what.append("consoles \(c)") }
                    if let r = s.ratio { what.append("ratio \(r)") }
                    if let n = s.servers { what.append("servers \(n)") }
                    if let d { what.append("down \(d)") }
                    let label = what.isEmpty ? "" : " (\(what.joined(separator: ", ")))"
                    throw PlanningError("sweep point \(out.count)\(label): \(error.message)")
                }
            }
        }
        return out
    }
}

/// One configuration of a sweep.
public struct SweepPoint: Sendable {
    /// Position in the full sweep, from 0.
    public var index: Int
    /// The scenario at this point (same seed as every other point).
    public var scenario: Scenario

    public var consoles: Int { scenario.consoles.peak }
    /// The consoles-per-server ratio that set the server count, if one did.
    public var ratio: Int? { scenario.layout.ratio }
    /// Additional management servers.
    public var servers: Int { scenario.layout.additionalCount }
    public var down: Int { scenario.failures.down }
}
