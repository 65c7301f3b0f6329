import Stochastics

/// Server and database failures, reconnection and promotion of a new workflow server.
public struct Failures: Sendable {
    public enum Target: Sendable, Equatable {
        case server(String)
        case database
    }

    public struct Scheduled: Sendable {
        public var target: Target
        public var at: Double
        public var repairAfter: Double?
        public init(target: Target, at: Double, repairAfter: Double?) {
            self.target = target
            self.at = at
            self.repairAfter = repairAfter
        }
    }

    public enum Population: String, Sendable, CaseIterable {
        case additional
        case all
    }

    public struct Random: Sendable {
        public var appliesTo: Population = .additional
        public var timeToFailure: Distribution
        public var timeToRepair: Distribution
        public init(timeToFailure: Distribution, timeToRepair: Distribution) {
            self.timeToFailure = timeToFailure
            self.timeToRepair = timeToRepair
        }
    }

    public struct Reconnect: Sendable {
        /// Time from losing the connection to the first reconnection attempt.
        public var delay: Distribution
        public var retryEvery: Double = 30
        public var giveUpAfter: Double = 1800
        public init(delay: Distribution) { self.delay = delay }
    }

    public enum PromotionChoice: Sendable, Equatable {
        case leastLoaded
        case server(String)
    }

    public struct Promotion: Sendable {
        /// Operator response plus service restart (only the operator's response when a
        /// `procedure` is given).
        public var after: Distribution
        public var choose: PromotionChoice = .leastLoaded
        /// Move the workflow role back when the original server is repaired.
        public var failBack = false
        /// The promotion's own cost on the promoted server; nil: the role moves at once.
        public var procedure: PromotionProcedure?
        public init(after: Distribution) { self.after = after }
    }

    /// What happens to the promoted server's consoles during the promotion procedure.
    public enum PromotionConsoles: String, Sendable, CaseIterable {
        /// They stay connected to it.
        case stay
        /// They are sent to the other servers, and the promoted server leaves the console pool.
        case move
    }

    /// The documented promotion (S-DR): stop the services, delete the health service state,
    /// run `p_PromoteActiveWorkflowServer`, start the services again.
    public struct PromotionProcedure: Sendable {
        /// From stopping the services to their restart: the role moves at its end.
        public var duration: Distribution
        /// CPU on the promoted server after the restart (the health service rebuilds its state).
        public var cpu: Distribution?
        public var consoles: PromotionConsoles = .stay
        public init(duration: Distribution, cpu: Distribution? = nil) {
            self.duration = duration
            self.cpu = cpu
        }
    }

    public var scheduled: [Scheduled] = []
    public var random: Random?
    public var reconnect = Reconnect(delay: try! .exponential(mean: 120))
    public var promotion = Promotion(after: try! .lognormal(mean: 1200, cv: 0.5))
    /// Additional servers down for the whole run (N-k sizing).
    public var down = 0
    public init() {}
}
