import GroupSimulation
import ScenarioSpec

/// What a declared column holds in one row, before it is written: a label (a name, a kind,
/// a flag), or a number in the unit the column's name says. Writers map over the declared
/// columns and ask each for its figure, so no list of values is kept in a second order.
public enum ColumnFigure: Sendable, Equatable {
    case label(String)
    /// Not finite: not applicable, written as an empty field.
    case number(Double)

    /// A number for an optional measurement: NaN (an empty field) when there is none.
    static func optional(_ x: Double?) -> ColumnFigure { .number(x ?? .nan) }

    /// The field as it goes in a CSV file.
    public var csv: String {
        switch self {
        case .label(let text): csvField(text)
        case .number(let x): NumberFormat.csv(x)
        }
    }

    /// The bytes of `csv` appended to `out`.
    public func appendCSV(to out: inout [UInt8]) {
        switch self {
        case .label(let text): out.append(contentsOf: csvField(text).utf8)
        case .number(let x): NumberFormat.appendCSV(x, to: &out)
        }
    }

    /// The figure with its number multiplied by `factor` (a label as it is).
    public func scaled(_ factor: Double) -> ColumnFigure {
        if case .number(let x) = self, factor != 1 { return .number(x * factor) }
        return self
    }

    public var number: Double? {
        if case .number(let x) = self { return x }
        return nil
    }
}

extension TimeSeriesColumn {
    /// The column whose 95 % half-width across replications this column holds (columns of
    /// `timeseries-mean.csv` only); nil for a column with a figure of its own.
    public var halfWidthOf: TimeSeriesColumn? {
        switch self {
        case .utilizationCI: .utilization
        case .latencyP95CI: .latencyP95
        default: nil
        }
    }

    /// What a figure is multiplied by to be written: latencies are kept in seconds and
    /// written in milliseconds (the columns named `_ms`, and the half-width of one).
    public var csvScale: Double {
        (halfWidthOf ?? self).name.hasSuffix("_ms") ? 1.0.inMilliseconds : 1
    }

    /// The column's figure in one window row, in seconds for latencies (see `csvScale`).
    /// A half-width column has none in a single row: it gives NaN.
    public func figure(_ row: WindowRow) -> ColumnFigure {
        switch self {
        case .windowStart: .number(row.windowStart)
        case .windowEnd: .number(row.windowEnd)
        case .warmup: .label(row.warmup ? "1" : "0")
        case .station: .label(row.station)
        case .kind: .label(row.kind.rawValue)
        case .workflowRole: .number(row.workflowRole ? 1 : 0)
        case .up: .number(row.up)
        case .consoles: .number(row.consoles)
        case .requestsCompleted: .number(Double(row.requestsCompleted))
        case .requestsFailed: .number(Double(row.requestsFailed))
        case .reconnects: .number(Double(row.reconnects))
        case .utilization: .number(row.utilization)
        case .queueLength: .number(row.queueLength)
        case .latencyMean: .number(row.latencyMean)
        case .latencyP50: .number(row.latencyP50)
        case .latencyP95: .number(row.latencyP95)
        case .latencyP99: .number(row.latencyP99)
        case .workflowBacklog: .number(row.workflowBacklog)
        case .workflowLagP95: .number(row.workflowLagP95)
        case .activeConsoles: .number(row.activeConsoles)
        case .utilizationCI, .latencyP95CI: .number(.nan)
        }
    }
}

extension EventColumn {
    /// The column's figure for one incident of replication `replication`. `consoles` holds
    /// two counts, at most one of them non-zero: consoles displaced (server failures), jobs
    /// waiting in the database (database events). Reconnected and abandoned consoles apply
    /// to server failures only.
    public func figure(_ i: Incident, replication: Int) -> ColumnFigure {
        let isFailure = i.kind == .serverFailure
        return switch self {
        case .replication: .number(Double(replication))
        case .time: .number(i.time)
        case .event: .label(i.kind.rawValue)
        case .target: .label(i.target)
        case .consoles: .number(Double(i.displacedConsoles + i.databaseJobsWaiting))
        case .failedRequests: .number(Double(i.failedRequests))
        case .workflowJobs: .number(Double(i.workflowJobs))
        case .recovery: .optional(i.recoverySeconds)
        case .reconnected: .optional(isFailure ? Double(i.reconnected) : nil)
        case .abandoned: .optional(isFailure ? Double(i.abandoned) : nil)
        case .survivorPeakUtilization: .optional(i.survivorPeakUtilization)
        case .survivorPeakP95: .optional(i.survivorPeakP95?.inMilliseconds)
        case .backlogPeak: .optional(i.backlogPeak.map(Double.init))
        case .drain: .optional(i.drainSeconds)
        case .workflowLagP95: .optional(i.workflowLagP95)
        case .workflowLagMax: .optional(i.workflowLagMax)
        }
    }
}
