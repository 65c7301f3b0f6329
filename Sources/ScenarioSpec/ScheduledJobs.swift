import Stochastics

/// Work that runs on its own schedule and processes its objects one after another:
/// connectors (on the workflow server), data warehouse jobs (reading the Service Manager
/// database from the data warehouse management server) and grooming (on the workflow server).
///
/// One run takes `objects` objects; each object costs `object.server` CPU on the server that
/// holds the workflow role (where the job runs there) and then `object.database` database
/// time; the next object starts when the previous one is finished (sequential insertion, as
/// Service Manager's connectors do, S-PERF). A run that falls due while the previous run of the
/// same job is still going is skipped, as is one that falls due while no server holds the
/// workflow role (for jobs that run there): the next schedule does the work.
public struct ScheduledJob: Sendable {
    /// Where a scheduled job runs.
    public enum Kind: String, Sendable, CaseIterable {
        case activeDirectory = "active-directory"
        case configurationManager = "configuration-manager"
        case operationsManager = "operations-manager"
        case orchestrator
        case exchange
        /// Grooming of the Service Manager database (work items and history past retention).
        case grooming
        /// A data warehouse job (management pack sync, extract) reading the Service Manager database.
        case warehouse

        /// Whether the job runs on the server holding the workflow role (every kind but the
        /// data warehouse's jobs, which run on the data warehouse management server).
        public var runsOnWorkflowServer: Bool { self != .warehouse }
    }

    /// The cost of one object: CPU on the workflow server (none for data warehouse jobs, whose
    /// server is not modelled), database time and logical page reads (whose buffer-pool misses
    /// become storage time after the database time, as for workflow jobs).
    public struct Object: Sendable {
        public var server: Distribution?
        public var database: Distribution?
        /// Mean logical page reads per object; 0 reads nothing from storage.
        public var pageReads: Double
        public init(server: Distribution? = nil, database: Distribution? = nil, pageReads: Double = 0) {
            self.server = server
            self.database = database
            self.pageReads = pageReads
        }
    }

    /// A one-off full synchronisation (a connector's first run).
    public struct InitialSync: Sendable {
        /// When it starts.
        public var at: Double = 0
        /// Objects it inserts.
        public var objects: Int
        public init(objects: Int, at: Double = 0) {
            self.objects = objects
            self.at = at
        }
    }

    public var name: String
    public var kind: Kind
    /// Period of the regular (incremental) runs.
    public var every: Double
    /// First regular run after this many seconds (default: `every`).
    public var offset: Double?
    /// Objects per regular run; 0 runs nothing (only the initial sync, if any).
    public var objects: Int
    public var object: Object
    public var initialSync: InitialSync?

    public init(name: String, kind: Kind, every: Double, objects: Int, object: Object,
                offset: Double? = nil, initialSync: InitialSync? = nil) {
        self.name = name
        self.kind = kind
        self.every = every
        self.objects = objects
        self.object = object
        self.offset = offset
        self.initialSync = initialSync
    }
}

extension Scenario {
    /// Where a connector, grooming or data warehouse job is written in a scenario file.
    package struct ScheduledJobPlace {
        /// The path errors and reports name: `workflows.connectors[0]`.
        package let path: String
        /// The mapping keys above the list, then the job's index in it.
        package let keys: [String]
        package let index: Int
        package let key: WritableKeyPath<Scenario, ScheduledJob>
    }

    /// Every scheduled job with its place, in the order of `scheduledJobs`.
    package var scheduledJobPlaces: [ScheduledJobPlace] {
        func places(_ keys: [String], _ list: WritableKeyPath<Scenario, [ScheduledJob]>) -> [ScheduledJobPlace] {
            self[keyPath: list].indices.map {
                ScheduledJobPlace(path: keys.joined(separator: ".") + "[\($0)]", keys: keys, index: $0,
                                  key: list.appending(path: \.[$0]))
            }
        }
        return places(["workflows", "connectors"], \.workflows.connectors) + places(["workflows", "grooming"], \.workflows.grooming)
            + places(["dataWarehouse", "jobs"], \.dataWarehouse)
    }
}
