import Stochastics

/// The one route a request takes, whoever sent it (a console or a portal visit): server CPU
/// → database CPU → storage (buffer-pool misses) → server CPU again → the answer, after the
/// network round trips. Consoles and the portal keep a `RequestInFlight` each and differ only
/// in what they do with the answer.
extension ManagementGroupModel {
    /// A request on its way through the stations: its class and the demands drawn for it when
    /// it was sent. A value held by its sender, so the route costs no allocation.
    struct RequestInFlight {
        var requestClass: Int32 = 0
        var issuedAt = 0.0
        /// CPU demand of the first server visit (kept for the time breakdown).
        var serverDemand = 0.0
        var databaseDemand = 0.0
        var afterDemand = 0.0
        var storageDemand = 0.0

        init() {}

        /// Draws every demand of one request of `spec` from `stream`, in a fixed order (server,
        /// database, server after, storage), each only when the class has that step: scenarios
        /// without a step draw exactly the numbers they did before it existed.
        init(class k: Int32, spec: borrowing ModelConfig.RequestSpec, stream: RandomStream, at now: Double) {
            requestClass = k
            issuedAt = now
            serverDemand = spec.server.sample(stream)
            databaseDemand = spec.visitsDatabase ? spec.database.sample(stream) : 0
            afterDemand = spec.returnsToServer ? spec.serverAfter.sample(stream) : 0
            storageDemand = spec.storageMean > 0 ? stream.exponential(mean: spec.storageMean) : 0
        }

        /// The step after the one at `phase` finished, with its demand; nil when the request
        /// is done and its answer goes back.
        @inline(__always)
        func next(after phase: Phase, spec: borrowing ModelConfig.RequestSpec) -> (phase: Phase, demand: Double)? {
            switch phase {
            case .serverBefore where spec.visitsDatabase:
                return (.database, databaseDemand)
            case .serverBefore, .database:
                if storageDemand > 0 { return (.storage, storageDemand) }
                fallthrough
            case .storage:
                return spec.returnsToServer ? (.serverAfter, afterDemand) : nil
            case .serverAfter:
                return nil
            case .free, .thinking, .reconnecting, .idle:
                assertionFailure("a station finished work for a request that had none in flight")
                return nil
            }
        }
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
    mutating func triggerWorkflows(perRequest: Double, stream: RandomStream) {
        guard perRequest > 0 else { return }
        let whole = perRequest.rounded(.down)
        let extra = stream.uniform() < perRequest - whole ? 1 : 0
        triggerWorkflows(Int(whole) + extra, at: simulation.now)
    }
}
