import Stochastics

/// The one route a request takes, whoever sent it (a console or a portal visit): server CPU
/// → database CPU → storage (buffer-pool misses) → server CPU again → the answer, after the
/// network round trips. Consoles and the portal keep a `RequestInFlight` each and differ only
/// in what they do with the answer.
extension ManagementGroupModel {
    /// A request on its way through the stations: its route (index in `config.routes`; for
    /// consoles also its class) and the demands drawn for it when it was sent. A value held by
    /// its sender, so the route costs no allocation.
    struct RequestInFlight {
        var route: Int32 = 0
        var issuedAt = 0.0
        /// CPU demand of the first server visit (kept for the time breakdown).
        var serverDemand = 0.0
        var databaseDemand = 0.0
        var afterDemand = 0.0
        var storageDemand = 0.0
    }

    /// Puts job `id` on the station of `phase`: the sender's management server `server` for
    /// the CPU steps, the shared database or storage for the others.
    @inline(__always)
    mutating func route(job id: Int32, to phase: Phase, demand: Double, server: Int) {
        let station = phase == .database ? databaseStation : (phase == .storage ? storageStation : server)
        stations[station].arrive(job: id, demand: demand, now: simulation.now)
        stationChanged(station)
    }

    /// The workflows an answered request triggers: the whole part of the class's mean, plus one
    /// more with the probability of its fraction (one uniform from `stream`, drawn only when
    /// the class triggers any).
    @inline(__always)
    mutating func triggerWorkflows(perRequest: Double, stream: some RandomDraws) {
        guard perRequest > 0 else { return }
        let whole = perRequest.rounded(.down)
        let extra = stream.uniform() < perRequest - whole ? 1 : 0
        triggerWorkflows(Int(whole) + extra, at: simulation.now)
    }
}

/// The route's reads of the request classes: methods of the configuration (a constant of the
/// model), so the model's state is never copied to make them.
extension ModelConfig {
    /// Draws every demand of one request of route `r` from `stream`, in a fixed order (server,
    /// database, server after, storage), each only when the class has that step: scenarios
    /// without a step draw exactly the numbers they did before it existed. The class is read
    /// in place: a copy of its distributions costs more than the draws.
    @inline(__always)
    func drawRequest(route r: Int, stream: some RandomDraws, at now: Double) -> ManagementGroupModel.RequestInFlight {
        var request = ManagementGroupModel.RequestInFlight()
        request.route = Int32(r)
        request.issuedAt = now
        request.serverDemand = routes[r].server.sample(stream)
        request.databaseDemand = routes[r].visitsDatabase ? routes[r].database.sample(stream) : 0
        request.afterDemand = routes[r].returnsToServer ? routes[r].serverAfter.sample(stream) : 0
        let storageMean = routes[r].storageMean
        request.storageDemand = storageMean > 0 ? stream.exponential(mean: storageMean) : 0
        return request
    }

    /// The step after the one at `phase` finished, with its demand; nil when the request is
    /// done and its answer goes back.
    @inline(__always)
    func nextStep(of request: ManagementGroupModel.RequestInFlight,
                  after phase: ManagementGroupModel.Phase) -> (phase: ManagementGroupModel.Phase, demand: Double)? {
        let r = Int(request.route)
        switch phase {
        case .serverBefore where routes[r].visitsDatabase:
            return (.database, request.databaseDemand)
        case .serverBefore, .database:
            if request.storageDemand > 0 { return (.storage, request.storageDemand) }
            fallthrough
        case .storage:
            return routes[r].returnsToServer ? (.serverAfter, request.afterDemand) : nil
        case .serverAfter:
            return nil
        case .free, .thinking, .reconnecting, .idle:
            assertionFailure("a station finished work for a request that had none in flight")
            return nil
        }
    }
}
