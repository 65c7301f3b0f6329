/// The M/M/c queue: Poisson arrivals, exponential service, c identical servers, FCFS.
public struct MMcQueue: Sendable, Equatable {
    public let arrivalRate: Double
    public let serviceRate: Double
    public let servers: Int

    /// Fails unless rates are positive, c ≥ 1 and the queue is stable (ρ < 1).
    public init(arrivalRate: Double, serviceRate: Double, servers: Int) throws(TheoryError) {
        guard arrivalRate > 0, arrivalRate.isFinite else { throw TheoryError("arrival rate must be positive, got \(arrivalRate)") }
        guard serviceRate > 0, serviceRate.isFinite else { throw TheoryError("service rate must be positive, got \(serviceRate)") }
        guard servers >= 1 else { throw TheoryError("servers must be at least 1, got \(servers)") }
        let rho = arrivalRate / (serviceRate * Double(servers))
        guard rho < 1 else {
            throw TheoryError("utilization ρ = λ/(cμ) = \(rho) must be below 1 for an open queue to be stable")
        }
        self.arrivalRate = arrivalRate
        self.serviceRate = serviceRate
        self.servers = servers
    }

    /// Offered load a = λ/μ, in Erlangs.
    public var offeredLoad: Double { arrivalRate / serviceRate }
    /// Utilization of each server, ρ = λ/(cμ).
    public var utilization: Double { offeredLoad / Double(servers) }

    /// Erlang C: probability that an arrival has to wait.
    ///
    /// Computed through the Erlang B recursion B(k) = a·B(k−1)/(k + a·B(k−1)), which stays
    /// stable for hundreds of servers, then C = B / (1 − ρ(1 − B)).
    public var probabilityOfWaiting: Double {
        let a = offeredLoad
        var b = 1.0
        for k in 1...servers { b = a * b / (Double(k) + a * b) }
        let rho = utilization
        return b / (1 - rho * (1 - b))
    }

    /// Mean time in queue, Wq = C / (cμ − λ).
    public var meanWait: Double { probabilityOfWaiting / (Double(servers) * serviceRate - arrivalRate) }
    /// Mean time in system, W = Wq + 1/μ.
    public var meanTimeInSystem: Double { meanWait + 1 / serviceRate }
    /// Mean number waiting, Lq = λ Wq (Little).
    public var meanQueueLength: Double { arrivalRate * meanWait }
}

/// Parameters outside a formula's domain.
public struct TheoryError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
