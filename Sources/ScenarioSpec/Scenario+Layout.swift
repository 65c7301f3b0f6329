/// The servers a scenario describes, worked out from its sizing fields.
public struct Layout: Sendable, Equatable {
    public struct Server: Sendable, Equatable {
        public var name: String
        public var cores: Int
        /// A hard limit on its connections; nil: none (Service Manager refuses nobody).
        public var connectionLimit: Int?
        public var isInitial: Bool
        /// In the load balancer's pool at the start of the run.
        public var acceptsConsoles: Bool
        public var discipline: Discipline
    }

    /// The initial server first, then the additional servers in name order.
    public var servers: [Server]
    /// Additional management servers (the initial server not counted).
    public var additionalCount: Int
    /// The consoles-per-server ratio used, if the count came from one.
    public var ratio: Int?
}

extension Scenario {
    /// Additional servers: the explicit count, or ceil(peak / consolesPerServer), or 0.
    public var additionalServerCount: Int {
        let extra = managementGroup.additionalServers
        if let count = extra.count { return count }
        if let ratio = extra.consolesPerServer, ratio > 0 { return consoles.peak / ratio + (consoles.peak % ratio == 0 ? 0 : 1) }
        return 0
    }

    /// The servers of the management group.
    public var layout: Layout {
        let mg = managementGroup
        let extra = additionalServerCount
        let initialTakesConsoles: Bool
        switch mg.initialServer.acceptsConsoles {
        case .auto: initialTakesConsoles = extra < 2
        case .yes: initialTakesConsoles = true
        case .no: initialTakesConsoles = false
        }
        var servers = [Layout.Server(name: mg.initialServer.name, cores: mg.initialServer.cores,
                                     connectionLimit: mg.initialServer.connectionLimit, isInitial: true,
                                     acceptsConsoles: initialTakesConsoles, discipline: mg.initialServer.discipline)]
        for i in 0..<extra {
            let number = i + 2
            let name = mg.additionalServers.namePrefix + (number < 10 ? "0\(number)" : "\(number)")
            servers.append(Layout.Server(name: name, cores: mg.additionalServers.cores,
                                         connectionLimit: mg.additionalServers.connectionLimit, isInitial: false,
                                         acceptsConsoles: true, discipline: mg.additionalServers.discipline))
        }
        // The portal's server: its own cores, and out of the console pool when dedicated.
        if let portal, let i = servers.firstIndex(where: { $0.name == portal.server }) {
            if let cores = portal.serverCores { servers[i].cores = cores }
            if portal.dedicatedServer { servers[i].acceptsConsoles = false }
        }
        return Layout(servers: servers, additionalCount: extra,
                      ratio: mg.additionalServers.count == nil ? mg.additionalServers.consolesPerServer : nil)
    }
}

extension Scenario {
    /// Console slots the model keeps: the servers' connection limits added up, or, where a
    /// server has none, room for the busiest profile step's mean population plus eight of its
    /// standard deviations plus 64 (the sessions alive at once are Poisson, M/G/∞, so more is
    /// not reached in practice; a session beyond the slots is refused). Worked out without
    /// building the layout, so it is cheap on untrusted input.
    public var consoleSlots: Int {
        let mean = Double(consoles.peak) * max(1, consoles.profile.map(\.rate).max() ?? 1)
        let open = (mean + 8 * mean.squareRoot() + 64).rounded(.up)
        let mg = managementGroup
        let extra = Double(additionalServerCount)
        guard let additional = extra > 0 ? mg.additionalServers.connectionLimit : 0,
              let initial = mg.initialServer.connectionLimit else {
            return Int(min(open, Double(Int32.max / 4)))
        }
        let limits = Double(initial) + extra * Double(additional)
        return Int(max(1, min(open, limits, Double(Int32.max / 4))))
    }
}
