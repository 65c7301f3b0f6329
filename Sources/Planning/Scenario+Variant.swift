import ScenarioSpec

extension Scenario {
    /// The same scenario with its sizing changed; everything else, the seed included, is kept,
    /// so that variants share their random numbers (common random numbers: the same sessions
    /// make the same requests in every variant, only the queueing differs).
    ///
    /// - `consoles` sets `consoles.peak`.
    /// - `ratio` sets `additionalServers.consolesPerServer` and clears `count`.
    /// - `servers` sets `additionalServers.count` and clears `consolesPerServer`.
    /// - `down` sets `failures.down`.
    ///
    /// Throws a `PlanningError` with a one-line message when the result is not a valid
    /// scenario (a ratio above a connection limit, as many servers down as there are, …).
    public func variant(consoles: Int? = nil, ratio: Int? = nil, servers: Int? = nil, down: Int? = nil) throws -> Scenario {
        if ratio != nil, servers != nil {
            throw PlanningError("give either a consoles-per-server ratio or a number of servers, not both")
        }
        var s = self
        let extra = s.managementGroup.additionalServers
        if let consoles {
            guard consoles >= 1 else { throw PlanningError("consoles must be at least 1, got \(consoles)") }
            s.consoles.peak = consoles
        }
        if let ratio {
            guard ratio >= 1 else { throw PlanningError("the consoles-per-server ratio must be at least 1, got \(ratio)") }
            if let limit = extra.connectionLimit, ratio > limit {
                throw PlanningError("ratio \(ratio) is above connectionLimit (\(limit)) of an additional server: "
                                    + "it would plan more consoles per server than one accepts")
            }
            s.managementGroup.additionalServers.consolesPerServer = ratio
            s.managementGroup.additionalServers.count = nil
        }
        if let servers {
            guard servers >= 0 else { throw PlanningError("the number of additional servers must be at least 0, got \(servers)") }
            s.managementGroup.additionalServers.count = servers
            s.managementGroup.additionalServers.consolesPerServer = nil
        }
        if let down {
            guard down >= 0 else { throw PlanningError("servers down must be at least 0, got \(down)") }
            s.failures.down = down
        }
        let count = s.additionalServerCount
        if s.failures.down > 0, s.failures.down >= count {
            throw PlanningError("\(s.failures.down) server(s) down needs more than \(s.failures.down) additional server(s), "
                                + "this configuration has \(count)")
        }
        do {
            try s.validate()
        } catch {
            throw PlanningError("\(error.field): \(error.message)")
        }
        return s
    }

    /// A short description of the sizing: `400 consoles, 10 additional servers (40 consoles/server), 1 down`.
    public var sizingDescription: String {
        let layout = self.layout
        let ratio = layout.ratio.map { " (\($0) consoles/server)" } ?? ""
        let down = failures.down > 0 ? ", \(failures.down) down" : ""
        return "\(consoles.peak) consoles, \(layout.additionalCount) additional server(s)\(ratio)\(down)"
    }
}
