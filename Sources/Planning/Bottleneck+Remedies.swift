import ScenarioSpec
import RunOutput

extension Bottleneck {
    /// A change the model can test: its description and the scenario with it made.
    public struct Remedy: Sendable {
        public var label: String
        public var scenario: Scenario
    }

    /// What a remedy did in a quick run: the named station's new load, p95 console latency
    /// (s), p95 workflow lag (s) and whether every objective passed.
    public struct Outcome: Sendable, Equatable {
        public var label: String
        public var load: Double?
        public var p95Latency: Double?
        public var p95WorkflowLag: Double?
        public var objectivesPass: Bool?

        /// `with 16 GB SQL memory: storage 0.41, p95 3.5 s, objectives PASS`.
        public func sentence(_ kind: Kind) -> String {
            let f = NumberFormat.table
            var parts = ["\(kind.shortName) \(load.map { f($0) } ?? "n/a")"]
            if let p95Latency { parts.append("p95 \(f(p95Latency)) s") }
            if kind == .workflowEngine, let p95WorkflowLag { parts.append("workflow lag p95 \(f(p95WorkflowLag)) s") }
            if let objectivesPass { parts.append(objectivesPass ? "every objective PASS" : "objectives not all met") }
            return "\(label): " + parts.joined(separator: ", ")
        }
    }

    /// The remedies for the named station, each one change to the scenario.
    public func remedies(of scenario: Scenario) -> [Remedy] {
        var out: [Remedy] = []
        func add(_ label: String, _ change: (inout Scenario) throws -> Void) {
            var s = scenario
            if (try? change(&s)) != nil { out.append(Remedy(label: label, scenario: s)) }
        }
        let f = NumberFormat.literal
        let db = scenario.managementGroup.database
        switch named.kind {
        case .storage:
            if let memory = db.memory {
                for factor in [2.0, 4.0] { add("with \(f(memory * factor)) GB SQL memory") { $0.managementGroup.database.memory = memory * factor } }
            }
            if db.storage.kind == .hdd15k {
                add("with SSD storage") { $0.managementGroup.database.storage.kind = .ssd; $0.managementGroup.database.storage.readTime = nil }
            } else {
                add("with twice the storage devices") { $0.managementGroup.database.storage.devices = db.storage.effectiveDevices * 2 }
            }
        case .databaseCPU:
            add("with \(db.cores * 2) database cores") { $0.managementGroup.database.cores = db.cores * 2 }
            if let memory = db.memory { add("with \(f(memory * 2)) GB SQL memory") { $0.managementGroup.database.memory = memory * 2 } }
        case .serverCPU, .portalServer:
            let layout = scenario.layout
            // The portal's visits land on its named server whatever the count: only that
            // server's cores relieve it.
            if named.kind == .serverCPU {
                add("with one more additional server (\(layout.additionalCount + 1))") { $0 = try $0.variant(servers: layout.additionalCount + 1) }
            }
            if named.station == scenario.managementGroup.initialServer.name {
                let cores = scenario.managementGroup.initialServer.cores * 2
                add("with \(cores) cores on \(named.station)") { $0.managementGroup.initialServer.cores = cores }
            } else {
                let cores = scenario.managementGroup.additionalServers.cores * 2
                add("with \(cores) cores per additional server") { $0.managementGroup.additionalServers.cores = cores }
            }
        case .workflowEngine:
            let w = scenario.workflows
            add("with batch size \(w.batchSize * 2)") { $0.workflows.batchSize = w.batchSize * 2 }
            add("polling every \(f(w.pollInterval / 2)) s") { $0.workflows.pollInterval = w.pollInterval / 2 }
            add("with workflow concurrency \(w.concurrency * 2)") { $0.workflows.concurrency = w.concurrency * 2 }
            // Polls and workers often limit together: relieving one moves the limit to the other.
            add("with batch size \(w.batchSize * 2) and concurrency \(w.concurrency * 2)") {
                $0.workflows.batchSize = w.batchSize * 2
                $0.workflows.concurrency = w.concurrency * 2
            }
        }
        return out
    }

    /// Replications for a remedy's quick run: at most 3, never more than the run's own.
    public static func quickReplications(_ scenario: Scenario) -> Int { max(1, min(3, scenario.replications)) }

    /// Runs each remedy with the run's seed and `quickReplications` and measures the change.
    public func test(_ remedies: [Remedy], simulate: (Scenario) throws -> RunReport) throws -> [Outcome] {
        try remedies.map { remedy in
            var s = remedy.scenario
            s.replications = Self.quickReplications(s)
            let report = try simulate(s)
            let verdicts = report.evaluate(s.slo, databaseName: s.managementGroup.database.name)
            return Outcome(label: remedy.label, load: Self.load(of: named, in: report, scenario: s),
                           p95Latency: report.estimate(.latencyP95).map { $0.mean / 1000 },
                           p95WorkflowLag: report.estimate(.workflowLagP95)?.mean,
                           objectivesPass: verdicts.isEmpty ? nil : verdicts.allSatisfy { $0.verdict == .pass })
        }
    }
}

extension Bottleneck.Kind {
    /// `storage`, `server CPU`: the station in a short sentence.
    public var shortName: String {
        switch self {
        case .serverCPU: "server CPU"
        case .databaseCPU: "database CPU"
        case .storage: "storage"
        case .workflowEngine: "workflow engine load"
        case .portalServer: "portal server CPU"
        }
    }
}
