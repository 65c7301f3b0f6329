/// One row of `timeseries.csv`: one station during one window of one replication.
public struct WindowRow: Sendable, Equatable {
    public enum Kind: String, Sendable { case initial, additional, database, storage, all }
    public var windowStart: Double
    public var windowEnd: Double
    public var warmup: Bool
    public var station: String
    public var kind: Kind
    /// Holds the workflow role at the window's end.
    public var workflowRole: Bool
    /// Fraction of the window the station was up (for `all`: mean fraction of servers up).
    public var up: Double
    public var consoles: Double
    public var requestsCompleted: Int
    public var requestsFailed: Int
    public var reconnects: Int
    public var utilization: Double
    public var queueLength: Double
    /// Seconds; NaN when no request completed.
    public var latencyMean: Double
    public var latencyP50: Double
    public var latencyP95: Double
    public var latencyP99: Double
    /// NaN on rows that do not carry workflow figures.
    public var workflowBacklog: Double
    public var workflowLagP95: Double
    /// Workflow jobs finished in the window (on the workflow server's row and on `all`, else 0).
    public var workflowsCompleted: Int = 0
    /// Time-average number of connected consoles in an active period (not idle); equal to
    /// `consoles` when the scenario has no idle periods. NaN on the database and storage rows.
    public var activeConsoles: Double = .nan
}
