import ScenarioSpec

/// What a planner knows about the deployment: counts, volumes, the network and the failure to
/// survive, and optionally the hardware on hand. Everything else `smsim plan` needs comes from
/// the sourced defaults (`PlanScenario`). Fields are declared once, with unit, default and
/// accepted range, in `PlanField.all`; the file reader, the command's flags and `smsim help
/// plan` all go through that table.
public struct PlanInput: Sendable, Equatable {
    /// A connector and the objects it keeps in step (users and groups, computers, alerts…).
    public struct Connector: Sendable, Equatable {
        public var kind: ScheduledJob.Kind
        public var objects: Int
        public init(kind: ScheduledJob.Kind, objects: Int) {
            self.kind = kind
            self.objects = objects
        }
    }

    public var name = "plan"
    /// Computers managed (Configuration Manager or Active Directory inventory): required.
    public var computers: Int?
    /// End users; nil: as many as computers.
    public var users: Int?
    public var cisPerComputer = 11.0
    /// Analysts with a console open at the busiest hour: required.
    public var consoles: Int?
    /// nil: 2 per computer (S-TOPO: every deployment scenario assumes it).
    public var incidentsPerMonth: Double?
    /// nil: 0.1 per computer (S-TOPO's Large scenario: 2 000 a month at 20 000 computers).
    public var changeRequestsPerMonth: Double?
    /// How long closed work items are kept before grooming deletes them (S-SUPP: three months).
    public var retention = 90 * 86_400.0
    /// Hours a month in which the work items are opened (21 days of 10 hours): assumption.
    public var workingHoursPerMonth = 210.0
    /// Round-trip time between the consoles and the management servers.
    public var latency = 0.001
    /// Additional management servers that may be down while the objectives still hold.
    public var down = 0
    /// When set, the initial server is lost and an additional one is promoted to run the
    /// workflows after this long (mean); nil: not planned for.
    public var promotion: Double?
    /// Self-Service Portal users arriving in the Monday-morning surge; 0: no portal.
    public var portalUsers = 0
    /// How long that surge lasts (S-PERF: hundreds of users within 5–10 minutes).
    public var portalSurge = 600.0
    /// nil: one Active Directory connector over the users.
    public var connectors: [Connector]?
    /// Cores of every management server (S-SYSREQ: 4).
    public var serverCores = 4
    /// nil: 8 (S-SYSREQ), raised when the database's CPU binds.
    public var sqlCores: Int?
    /// GiB of SQL Server memory; nil: the smallest that meets the objectives is searched.
    public var sqlMemory: Double?
    /// nil: 15 000-rpm drives (the tested environment's, S-SUPP).
    public var storage: ManagementGroup.Storage.Kind?
    /// The p95 console latency objective (Microsoft's tests judged against 4 s).
    public var p95Latency = 4.0
    /// The seed and replications of every simulation (the command's --seed and --replications).
    public var seed: UInt64 = 20261203
    public var replications = 5

    public init() {}

    public var effectiveUsers: Int { users ?? computers ?? 0 }
    public var effectiveIncidents: Double { incidentsPerMonth ?? 2 * Double(computers ?? 0) }
    public var effectiveChangeRequests: Double { changeRequestsPerMonth ?? 0.1 * Double(computers ?? 0) }
    public var effectiveConnectors: [Connector] {
        connectors ?? [Connector(kind: .activeDirectory, objects: effectiveUsers)]
    }
    /// Work items opened per working hour: incidents and change requests.
    public var workItemsPerHour: Double { (effectiveIncidents + effectiveChangeRequests) / workingHoursPerMonth }
}
