import Stochastics

/// The workflow engine's load: jobs triggered by saves and picked up on each subscription
/// poll, recurring engine work, scheduled bursts, connectors and other scheduled jobs.
public struct Workflows: Sendable {
    /// Work done by one workflow job.
    public struct Job: Sendable {
        public var server: Distribution
        public var database: Distribution?
        /// Mean logical 8-KiB page reads in the database.
        public var pageReads: Double = 0
        public init(server: Distribution, database: Distribution? = nil) {
            self.server = server
            self.database = database
        }
    }

    /// Engine work on a timer (group calculation, connector syncs): runs without waiting for a poll.
    public struct Recurring: Sendable {
        public var name: String
        public var every: Double
        /// First run after this many seconds (default: `every`).
        public var offset: Double?
        public var jobs: Int
        /// Overrides of the default job's demands.
        public var job: Job?
        public init(name: String, every: Double, jobs: Int, job: Job? = nil) {
            self.name = name
            self.every = every
            self.jobs = jobs
            self.job = job
        }
    }

    /// A one-off batch of triggered jobs (a bulk import): waits for polls like saves do.
    public struct Burst: Sendable {
        public var name: String
        public var at: Double
        public var jobs: Int
        public init(name: String, at: Double, jobs: Int) {
            self.name = name
            self.at = at
            self.jobs = jobs
        }
    }

    /// Subscriptions poll the database this often (guidance: 60 s).
    public var pollInterval: Double = 60
    /// Triggered jobs each subscription takes per poll (guidance: 100).
    public var batchSize = 100
    /// The old reading, used only without `rules`: one shared poll takes up to
    /// batchSize × subscriptions jobs. (S-HWPERF's "3–4 subscriptions or templates triggered
    /// per work item" is workflows per work item, `workflowsPerRequest`, not this.)
    public var subscriptions = 4
    /// Subscription and workflow rules in the management group, each polling the database on
    /// its own schedule (staggered over `pollInterval`) and taking up to `batchSize` of the
    /// jobs triggered for it. Nil: the old shared poll (`subscriptions`).
    public var rules: Int?
    /// The database work of one rule's poll query, paid even when the poll finds nothing.
    public var pollQuery: PollQuery?

    /// What one rule's poll costs the database.
    public struct PollQuery: Sendable {
        public var database: Distribution
        /// Mean logical 8-KiB page reads.
        public var pageReads: Double = 0
        public init(database: Distribution) { self.database = database }
    }
    /// Workflow engine threads: jobs running at once on the workflow server.
    public var concurrency = 4
    public var job: Job
    public var recurring: [Recurring] = []
    public var bursts: [Burst] = []
    /// Connectors (Active Directory, Configuration Manager, …): kinds other than grooming and warehouse.
    public var connectors: [ScheduledJob] = []
    /// Grooming of the Service Manager database (kind `grooming`).
    public var grooming: [ScheduledJob] = []

    public init(job: Job) { self.job = job }
}
