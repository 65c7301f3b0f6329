import ScenarioSpec

/// One input of `smsim plan`, declared once: its key (in the file; the flag is the same words
/// in kebab case), what it means, its unit, its default and the values accepted. The file
/// reader, the command's flags and `smsim help plan` read this table.
public struct PlanField: Sendable {
    public enum Kind: Sendable {
        case text
        case wholeNumber
        case number
        /// A duration (`90d`, `10m`, `175ms`), in seconds.
        case duration
        /// One of the storage kinds.
        case storage
        /// A list of `{ kind, objects }` (file) or `KIND:OBJECTS` (flag, repeated).
        case connectors
    }

    public var key: String
    public var kind: Kind
    public var unit: String
    public var meaning: String
    /// The default in words (with its source), or "required".
    public var byDefault: String
    /// Accepted values; for a duration, in seconds.
    public var range: ClosedRange<Double>
    let set: @Sendable (inout PlanInput, PlanValue) -> Void

    /// The flag: `changeRequestsPerMonth` → `--change-requests-per-month`.
    public var flag: String {
        "--" + key.reduce(into: "") { out, c in
            if c.isUppercase { out += "-" + c.lowercased() } else { out.append(c) }
        }
    }

    /// "a whole number from 1 to 1 000 000", for errors and help.
    public var accepted: String {
        let low = NumberFormat.literal(range.lowerBound), high = NumberFormat.literal(range.upperBound)
        switch kind {
        case .text: return "a name of letters, digits, '-' or '_'"
        case .wholeNumber: return "a whole number from \(low) to \(high)"
        case .number: return "a number from \(low) to \(high)"
        case .duration: return "a duration from \(DurationSyntax.format(range.lowerBound)) to \(DurationSyntax.format(range.upperBound)) (250ms, 30s, 10m, 90d)"
        case .storage: return "one of " + ManagementGroup.Storage.Kind.allCases.map(\.rawValue).joined(separator: ", ")
        case .connectors: return "KIND:OBJECTS with KIND one of " + PlanField.connectorKinds.map(\.rawValue).joined(separator: ", ")
        }
    }

    /// Connector kinds a plan can name (grooming and the data warehouse are not connectors).
    public static let connectorKinds: [ScheduledJob.Kind] = [.activeDirectory, .configurationManager, .operationsManager, .orchestrator, .exchange]

    public static func named(_ key: String) -> PlanField? { all.first { $0.key == key } }
}

/// A value read for a field, before it is stored.
enum PlanValue: Sendable {
    case text(String)
    case number(Double)
    case storage(ManagementGroup.Storage.Kind)
    case connectors([PlanInput.Connector])

    var number: Double { if case .number(let x) = self { x } else { .nan } }
    var int: Int { Int(number) }
}

extension PlanField {
    private static func field(_ key: String, _ kind: Kind, _ unit: String, _ range: ClosedRange<Double>, _ meaning: String,
                              default byDefault: String, _ set: @escaping @Sendable (inout PlanInput, PlanValue) -> Void) -> PlanField {
        PlanField(key: key, kind: kind, unit: unit, meaning: meaning, byDefault: byDefault, range: range, set: set)
    }

    private static let day = 86_400.0

    /// Every input, in the order `smsim help plan` lists them.
    public static let all: [PlanField] = [
        field("name", .text, "", 0...0, "names the plan's output directory and generated scenario",
              default: "the file's name, or plan") { if case .text(let t) = $1 { $0.name = t } },
        field("computers", .wholeNumber, "computers", 1...1_000_000, "computers managed (their configuration items fill the database)",
              default: "required") { $0.computers = $1.int },
        field("users", .wholeNumber, "users", 1...1_000_000, "end users (Active Directory)",
              default: "as many as computers") { $0.users = $1.int },
        field("cisPerComputer", .number, "CIs", 1...200, "configuration items per computer",
              default: "11 (S-SUPP: 10–12)") { $0.cisPerComputer = $1.number },
        field("consoles", .wholeNumber, "consoles", 1...5_000, "analysts with a console open at the busiest hour, every one active",
              default: "required") { $0.consoles = $1.int },
        field("incidentsPerMonth", .number, "incidents", 0...10_000_000, "incidents opened a month",
              default: "2 per computer (S-TOPO: every deployment scenario assumes it)") { $0.incidentsPerMonth = $1.number },
        field("changeRequestsPerMonth", .number, "change requests", 0...10_000_000, "change requests opened a month",
              default: "0.1 per computer (S-TOPO's Large scenario: 2 000 at 20 000 computers)") { $0.changeRequestsPerMonth = $1.number },
        field("retention", .duration, "", 1 * day...3_650 * day, "how long closed work items are kept before grooming deletes them",
              default: "90d (S-SUPP: three months)") { $0.retention = $1.number },
        field("workingHoursPerMonth", .number, "hours", 1...744, "hours a month in which work items are opened",
              default: "210 (21 days of 10 hours: assumption)") { $0.workingHoursPerMonth = $1.number },
        field("latency", .duration, "", 0...2, "round-trip time between the consoles and the management servers",
              default: "1ms (a LAN; S-HWPERF: over 200 ms is poor)") { $0.latency = $1.number },
        field("down", .wholeNumber, "servers", 0...20, "additional management servers that may be down while every objective still holds",
              default: "0") { $0.down = $1.int },
        field("promotion", .duration, "", 60...day, "plan for losing the initial server: an additional server is promoted to run the workflows after this long",
              default: "not planned for") { $0.promotion = $1.number },
        field("portalUsers", .wholeNumber, "users", 0...100_000, "Self-Service Portal users who arrive in the Monday-morning surge",
              default: "0 (no portal)") { $0.portalUsers = $1.int },
        field("portalSurge", .duration, "", 60...14_400, "how long that surge lasts",
              default: "10m (S-PERF: hundreds of users within 5–10 minutes)") { $0.portalSurge = $1.number },
        field("connectors", .connectors, "objects", 1...10_000_000, "connectors and the objects each keeps in step",
              default: "active-directory over the users") { if case .connectors(let c) = $1 { $0.connectors = c } },
        field("serverCores", .wholeNumber, "cores", 1...128, "cores of every management server",
              default: "4 (S-SYSREQ)") { $0.serverCores = $1.int },
        field("sqlCores", .wholeNumber, "cores", 1...256, "cores of the SQL server",
              default: "8 (S-SYSREQ), more when the database's CPU binds") { $0.sqlCores = $1.int },
        field("sqlMemory", .number, "GiB", 4...4_096, "SQL Server memory on hand",
              default: "searched: the smallest of 8, 16, 24, 32, 48, 64, 96, 128 that meets the objectives") { $0.sqlMemory = $1.number },
        field("storage", .storage, "", 0...0, "the database's data drives",
              default: "hdd15k (S-SUPP: 15 000-rpm drives in the tested environment)") { if case .storage(let s) = $1 { $0.storage = s } },
        field("p95Latency", .duration, "", 0.1...60, "the p95 console latency objective",
              default: "4s (the goal of Microsoft's tests)") { $0.p95Latency = $1.number },
    ]
}
