import Stochastics
import Yams

/// The top level, the management group, the consoles and the service level objectives.
/// Field order is reading order: a file with several errors reports the first field's.
enum ScenarioSchema {
    /// Built once: every file read and every scenario checked walks the same declaration.
    /// Never changed after it is built, and its closures hold no state, so the threads that
    /// read it share it safely.
    nonisolated(unsafe) static let scenario: Section<Scenario, Scenario> =
        Section(start: Scenario(name: "", duration: 0, managementGroup: ManagementGroup(),
                                consoles: Consoles(peak: 0, sessionLength: .unread, thinkTime: .unread, requests: []),
                                workflows: Workflows(job: Workflows.Job(server: .unread))), fields: [
            Field("name", \.name, .text, .required, doc: "Labels the run in reports and output file names."),
            Field("seed", \.seed, .unsigned, range: "0 … 2⁶⁴−1", default: "1", doc: "Seeds every random stream."),
            Field("duration", \.duration, .duration, .required, bound: .positive, doc: "Simulated time of one replication."),
            Field("warmup", \.warmup, .duration, range: "0 ≤ warmup < duration", default: "0",
                  doc: "Statistics before this time are left out of the summary."),
            Field("window", \.window, .duration, range: "0 < window ≤ duration", default: "5m",
                  doc: "Width of one time-series window."),
            Field("startsAt", \.startsAt, .timeOfDay, range: "00:00 … 23:59:59", default: "none (hours since the start)",
                  doc: "Clock time at which the simulated day starts; reports and plots show clock time. Changes no result."),
            Field("replications", \.replications, .integer, bound: .atLeast(1), default: "10",
                  doc: "Independent runs with different random streams."),
            Field("managementGroup", \.managementGroup, .section(managementGroup), default: "one server, one database",
                  doc: "The servers."),
            Field("consoles", \.consoles, .section(consoles), .required, doc: "The users and what they ask for."),
            Field("workflows", \.workflows, .section(workflows), default: "no workflow load",
                  doc: "The workflow engine; needed when requests trigger workflows."),
            Field("failures", \.failures, .section(failures), default: "nothing fails", doc: "Failures to inject."),
            Field("slo", \.slo, .section(serviceLevelObjectives), default: "none", doc: "Service level objectives."),
            Field("dataWarehouse", \.dataWarehouse, .section(dataWarehouse), default: "none",
                  doc: "Data warehouse jobs reading the Service Manager database."),
            Field("portal", \.portal, .section(portal), default: "none", doc: "The Self-Service Portal's users."),
            Field("assumptions", \.assumptions, .list(assumption), default: "the declared ranges",
                  doc: "Plausible ranges of assumed inputs for robust answers; changes no single run."),
        ]) { scenario, f, reader throws(ScenarioError) in
            try checkAssumptions(scenario, reader)
            // Without a workflows block there is no job to run: nothing may trigger one.
            guard reader.optional(f, "workflows") == nil else { return }
            if let i = scenario.consoles.requests.firstIndex(where: { $0.workflowsPerRequest > 0 }) {
                let path = "consoles.requests[\(i)].workflowsPerRequest"
                throw reader.error(reader.node(for: path), path,
                                   "triggers workflow jobs, so the scenario needs a workflows block with a job")
            }
            if let i = scenario.portal?.requests.firstIndex(where: { $0.workflowsPerRequest > 0 }) {
                let path = "portal.requests[\(i)].workflowsPerRequest"
                throw reader.error(reader.node(for: path), path,
                                   "triggers workflow jobs, so the scenario needs a workflows block with a job")
            }
        }

    // MARK: Management group

    static var managementGroup: Section<ManagementGroup, ManagementGroup> {
        Section(start: ManagementGroup(), fields: [
            Field("initialServer", \.initialServer, .section(initialServer), default: "see below", doc: "The first server."),
            Field("additionalServers", \.additionalServers, .section(additionalServers), default: "none",
                  doc: "The servers added for console capacity."),
            Field("database", \.database, .section(database), default: "see below", doc: "The database server."),
        ])
    }

    static var initialServer: Section<ManagementGroup.InitialServer, ManagementGroup.InitialServer> {
        Section(start: ManagementGroup.InitialServer(), fields: [
            Field("name", \.name, .text, default: "MS01", doc: "Server name, used in failures and reports."),
            Field("cores", \.cores, .integer, bound: .atLeast(1), default: "4", doc: "CPU cores."),
            Field("acceptsConsoles", \.acceptsConsoles, .admission, default: "auto",
                  doc: "Whether the load balancer sends consoles to it."),
            Field("connectionLimit", \.connectionLimit, .integer, bound: .atLeast(1), default: "none",
                  doc: "A hard limit (a load balancer's or a policy's): the next console is refused. Guidance is slo.maxConsolesPerServer."),
            Field("maxConsoles", \.connectionLimit, .integer, range: "integer ≥ 1", default: "none",
                  doc: "The old name of connectionLimit, kept so that older files keep their meaning."),
            Field("discipline", \.discipline, .keyword, default: "ps", doc: "How work shares the cores."),
        ]) { _, f, reader throws(ScenarioError) in
            try oneConnectionLimit(f, reader)
        }
    }

    /// `maxConsoles` is the old name of `connectionLimit`: a file may give one, not both.
    static func oneConnectionLimit(_ f: ScenarioFields, _ reader: ScenarioReader) throws(ScenarioError) {
        guard let old = reader.optional(f, "maxConsoles"), reader.optional(f, "connectionLimit") != nil else { return }
        throw reader.error(old, f.child("maxConsoles"), "maxConsoles is the old name of connectionLimit: give one, not both")
    }

    static var additionalServers: Section<ManagementGroup.AdditionalServers, ManagementGroup.AdditionalServers> {
        Section(start: ManagementGroup.AdditionalServers(), fields: [
            Field("count", \.count, .integer, bound: .atLeast(0), doc: "A fixed number of additional servers."),
            Field("consolesPerServer", \.consolesPerServer, .integer, range: "1 ≤ ratio ≤ connectionLimit",
                  doc: "A sizing ratio: count = ⌈peak / ratio⌉."),
            Field("cores", \.cores, .integer, bound: .atLeast(1), default: "4", doc: "Cores of each additional server."),
            Field("connectionLimit", \.connectionLimit, .integer, bound: .atLeast(1), default: "none",
                  doc: "A hard limit on each one's connections, as for the initial server."),
            Field("maxConsoles", \.connectionLimit, .integer, range: "integer ≥ 1", default: "none",
                  doc: "The old name of connectionLimit, kept so that older files keep their meaning."),
            Field("namePrefix", \.namePrefix, .namePrefix, default: "MS", doc: "Names are the prefix plus a two-digit number."),
            Field("discipline", \.discipline, .keyword, default: "ps", doc: "As for the initial server."),
        ]) { servers, f, reader throws(ScenarioError) in
            try oneConnectionLimit(f, reader)
            guard servers.count != nil, servers.consolesPerServer != nil else { return }
            let later = f.order.first { $0 == "count" || $0 == "consolesPerServer" } == "count" ? "consolesPerServer" : "count"
            throw reader.error(f.entries[later]!.value, f.child(later),
                               "give either count (a fixed number of additional servers) or consolesPerServer (a sizing ratio), not both")
        }
    }

    static var database: Section<ManagementGroup.Database, ManagementGroup.Database> {
        Section(start: ManagementGroup.Database(), fields: [
            Field("name", \.name, .text, default: "SQL", doc: "Name in reports."),
            Field("cores", \.cores, .integer, bound: .atLeast(1), default: "8", doc: "Cores."),
            Field("discipline", \.discipline, .keyword, default: "ps", doc: "As above."),
            Field("memory", \.memory, .gibibytes, bound: .positive, default: "none",
                  doc: "SQL Server memory in GiB; without it every page read hits and there is no storage station."),
            Field("reservedMemory", \.reservedMemory, .gibibytes, bound: .nonNegative, default: "2",
                  doc: "GiB of memory outside the buffer pool."),
            Field("rows", \.rows, .number, range: "≥ 0; > 0 with memory", default: "0", doc: "Rows in the database."),
            Field("bytesPerRow", \.bytesPerRow, .number, bound: .positive, default: "4096",
                  doc: "Data, indexes and history per row, bytes."),
            Field("inventory", \.inventory, .section(inventory), default: "none (rows × bytesPerRow)",
                  doc: "What the database holds, counted; replaces rows and bytesPerRow."),
            Field("popularity", \.popularity, .number, bound: .between(0, 3), default: "0.9",
                  doc: "Zipf exponent of page popularity."),
            Field("storage", \.storage, .section(storage), default: "hdd15k", doc: "The data volume."),
        ]) { _, f, reader throws(ScenarioError) in
            try oneDatabaseSize(f, reader)
        }
    }

    static var storage: Section<ManagementGroup.Storage, ManagementGroup.Storage> {
        Section(start: ManagementGroup.Storage(), fields: [
            Field("kind", \.kind, .keyword, default: "hdd15k", doc: "hdd15k (15 000-rpm drives, RAID 1+0) or ssd."),
            Field("devices", \.devices, .integer, bound: .atLeast(1), default: "8 (hdd15k), 4 (ssd)",
                  doc: "Drives serving reads in parallel."),
            Field("readTime", \.readTime, .duration, bound: .positive, default: "5.5ms (hdd15k), 0.1ms (ssd)",
                  doc: "Time of one random 8-KiB read."),
        ])
    }

    // MARK: Consoles

    static var consoles: Section<Consoles, Consoles> {
        Section(start: Consoles(peak: 0, sessionLength: .unread, thinkTime: .unread, requests: []), fields: [
            Field("peak", \.peak, .integer, .required, bound: .atLeast(1), doc: "Consoles connected at the busiest time."),
            Field("start", \.start, .keyword, default: "steady", doc: "The population at time 0."),
            Field("profile", \.profile, .list(profileStep), default: "[ { from: 0, rate: 1 } ]",
                  doc: "The daily login pattern."),
            Field("sessionLength", \.sessionLength, .distribution,
                  .requiredUnless("a closed population, start: fixed, is the only one without sessions", { $0.start == .fixed }),
                  doc: "How long a console stays connected."),
            Field("thinkTime", \.thinkTime, .distribution, .required, doc: "Time between an answer and the next request."),
            Field("loadBalancing", \.loadBalancing, .keyword, default: "least-connections",
                  doc: "How a console picks a server."),
            Field("networkLatency", \.networkLatency, .duration, bound: .nonNegative, default: "0",
                  doc: "Round-trip network time, paid once per round trip of a request."),
            Field("requests", \.requests, .list(requestClass), .required, range: "non-empty", doc: "The request classes."),
            Field("shares", \.shares, .list(serverShare), default: "none",
                  doc: "With loadBalancing: static, the server each share of the analysts picked."),
            Field("activePeriod", \.activePeriod, .distribution, default: "none (always active)",
                  doc: "Length of an active period (think, request, think …)."),
            Field("idlePeriod", \.idlePeriod, .distribution, default: "none",
                  doc: "Length of an idle period (console open, analyst elsewhere)."),
            Field("idleRefresh", \.idleRefresh, .section(idleRefresh), default: "none",
                  doc: "Background refresh of an idle console's view."),
            Field("logon", \.logon, .section(logon), default: "none",
                  doc: "The initial load run on every connection and reconnection."),
        ])
    }

    static var idleRefresh: Section<Consoles.IdleRefresh, Consoles.IdleRefresh> {
        Section(start: Consoles.IdleRefresh(every: 0, request: ""), fields: [
            Field("every", \.every, .duration, .required, bound: .positive, doc: "Period of the refresh."),
            Field("request", \.request, .text, .required, doc: "The request class it sends."),
        ])
    }

    static var logon: Section<RequestClass, RequestClass> {
        Section(what: "a logon request (a mapping with server, database, …)",
                start: RequestClass(name: "logon", weight: 0, server: .unread), fields: [
            Field("server", \.server, .distribution, .required, doc: "CPU time before the database call."),
            Field("database", \.database, .distribution, doc: "Database time."),
            Field("serverAfter", \.serverAfter, .distribution, doc: "CPU time after the database call."),
            Field("pageReads", \.pageReads, .number, bound: .nonNegative, default: "0", doc: "Mean logical page reads."),
            Field("roundTrips", \.roundTrips, .integer, bound: .atLeast(1), default: "1", doc: "Network round trips."),
        ])
    }

    static var serverShare: Section<ServerShare, ServerShare> {
        Section(what: "a share { server: MS02, share: 0.5 }", start: ServerShare(server: "", share: 0), fields: [
            Field("server", \.server, .text, .required, doc: "A management server that accepts consoles."),
            Field("share", \.share, .number, .required, bound: .nonNegative, doc: "Relative share of the analysts."),
            Field("team", \.team, .text, doc: "A label (the team pinned to this server)."),
        ])
    }

    static var profileStep: Section<Consoles.ProfileStep, Consoles.ProfileStep> {
        Section(what: "a profile step { from: 9h, rate: 0.5 }", start: Consoles.ProfileStep(from: 0, rate: 0), fields: [
            Field("from", \.from, .duration, .required, range: "0 ≤ from < 24h", doc: "Start of the step."),
            Field("rate", \.rate, .number, .required, bound: .nonNegative, doc: "Multiplier of the peak arrival rate."),
        ])
    }

    static var requestClass: Section<RequestClass, RequestClass> {
        Section(what: "a request class (a mapping with name, weight, server, …)",
                start: RequestClass(name: "", weight: 0, server: .unread), fields: [
            Field("name", \.name, .text, .required, doc: "Unique among the request classes."),
            Field("weight", \.weight, .number, .required, bound: .nonNegative, doc: "Relative frequency."),
            Field("server", \.server, .distribution, .required, doc: "CPU time before the database call."),
            Field("database", \.database, .distribution, doc: "Database time."),
            Field("serverAfter", \.serverAfter, .distribution, doc: "CPU time after the database call."),
            Field("workflowsPerRequest", \.workflowsPerRequest, .number, bound: .nonNegative, default: "0",
                  doc: "Mean workflow jobs the request triggers."),
            Field("pageReads", \.pageReads, .number, bound: .nonNegative, default: "0",
                  doc: "Mean logical 8-KiB page reads; buffer-pool misses become storage reads."),
            Field("roundTrips", \.roundTrips, .integer, bound: .atLeast(1), default: "1",
                  doc: "Network round trips; each costs networkLatency."),
        ])
    }

    // MARK: Service level objectives

    static var serviceLevelObjectives: Section<ServiceLevelObjectives, ServiceLevelObjectives> {
        Section(start: ServiceLevelObjectives(), fields: [
            Field("p95Latency", \.p95Latency, .duration, bound: .positive, doc: "95th percentile of console response time."),
            Field("p99Latency", \.p99Latency, .duration, bound: .positive, doc: "99th percentile of console response time."),
            Field("maxUtilization", \.maxUtilization, .number, bound: .fraction, doc: "Highest server window utilization."),
            Field("maxDatabaseUtilization", \.maxDatabaseUtilization, .number, bound: .fraction,
                  doc: "Highest database window utilization."),
            Field("p95WorkflowLag", \.p95WorkflowLag, .duration, bound: .positive, doc: "95th percentile of workflow lag."),
            Field("maxAbandonedSessions", \.maxAbandonedSessions, .number, bound: .nonNegative,
                  doc: "Sessions abandoned per replication."),
            Field("portalP95Latency", \.portalP95Latency, .duration, bound: .positive,
                  doc: "95th percentile of Self-Service Portal response time; needs a portal."),
            Field("maxConsolesPerServer", \.maxConsolesPerServer, .number, bound: .positive,
                  doc: "Most consoles on any one management server at any time (guidance: up to 60, S-TOPO)."),
        ])
    }
}

extension Distribution {
    /// Stands for a required distribution until the file's value is read; never simulated
    /// (a closed population draws no session lengths, a group without workflow load no jobs).
    static let unread = try! Distribution.deterministic(1)
}

extension FieldKind where T == ManagementGroup.ConsoleAdmission {
    /// `auto`, `yes` or `no`; the YAML booleans (true, false, yes, no, on, off) too.
    static var admission: Self {
        Self(type: "auto, yes, no") { r, n, p throws(ScenarioError) in
            if n.tag.rawValue == ScenarioReader.boolTag, let value = n.bool { return value ? .yes : .no }
            return try r.keyword(n, p)
        }
    }
}

extension FieldKind where T == String {
    /// Any scalar, even one that reads as a number (`namePrefix: 10`).
    static var namePrefix: Self {
        Self(type: "text") { r, n, p throws(ScenarioError) in
            guard case .scalar(let scalar) = n.content else { throw r.expected("a name prefix", n, p) }
            return scalar
        }
    }
}

extension ScenarioSchema {
    /// Every key a scenario file may contain, at the path where `Documentation/Scenario.md`
    /// documents it; a key shared by several sections (a job's) appears once.
    static var reference: [SchemaEntry] {
        var seen: Set<String> = []
        return scenario.reference().compactMap { entry in
            let path = entry.path.hasPrefix("@") ? String(entry.path.dropFirst()) : entry.path
            return seen.insert(path).inserted ? entry.moved(to: path) : nil
        }
    }
}
