import Stochastics

/// One number of a scenario that calibration fits or sensitivity analysis varies, with how
/// to read it, change it and find it in the YAML file.
///
/// `Scenario.quantities` (`Scenario+Quantities.swift`) is the table: a new model field becomes
/// calibratable and part of the default sensitivity factors by adding a row there.
public struct ScenarioQuantity: Sendable {
    /// A step in the YAML tree: a mapping key or a sequence index.
    public enum Step: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    /// How the value is written in YAML.
    public enum Unit: String, Sendable, Equatable, Codable {
        /// A duration (`850ms`, `12s`).
        case seconds
        /// A plain number (`0.022`, `3.5`).
        case number
        /// A whole number (`400`).
        case count
    }

    /// The field path as errors and reports name it: `consoles.requests[2].server.mean`.
    public var field: String
    /// The path in the YAML tree; a distribution's mean is the last step `mean` (the editor
    /// also accepts `value` for a deterministic one).
    public var yamlPath: [Step]
    public var unit: Unit
    /// What this is among the sensitivity defaults and the calibration groups.
    public var group: Group
    public var get: @Sendable (Scenario) -> Double
    /// Sets the value (a distribution keeps its family and cv; its mean becomes the value).
    public var set: @Sendable (inout Scenario, Double) -> Void

    public enum Group: String, Sendable, CaseIterable {
        case serverDemand = "server demand"
        case databaseDemand = "database demand"
        case workflowServerDemand = "workflow job server demand"
        case workflowDatabaseDemand = "workflow job database demand"
        case thinkTime = "think time"
        case saveRate = "saves per hour"
        case workflowsPerSave = "workflows per save"
        case pollInterval = "poll interval"
        case consoles = "consoles"
        case pageReads = "page reads"
        case activePeriod = "active period"
        case idlePeriod = "idle period"
        case idleRefresh = "idle refresh interval"
        case networkLatency = "network latency"
        case sqlMemory = "SQL memory"
        case storageReadTime = "storage read time"
        /// The database's inventory as the planner counts it: computers, users, work items a
        /// week, retention (a grooming setting).
        case inventoryCount = "inventory count"
        case cisPerComputer = "CIs per computer"
        /// Rows per configuration item, per work item, per history change.
        case rowsPerItem = "rows per item"
        case bytesPerRow = "bytes per row"
        /// Saves per work item, configuration items changed a week: what writes history.
        case changeRate = "change rate"
        case workingSetAge = "working set age"
        case coldReads = "cold reads"
        // Varied only by robust answers (`Scenario.assumedQuantities`), not by calibration or sensitivity:
        case requestMix = "request mix weight"
        case demandVariability = "demand cv"
        case roundTrips = "round trips"
        case failureTimes = "failure and recovery times"
        case workflowConcurrency = "workflow concurrency"
        case popularity = "page popularity"
        case workflowRules = "workflow rules"
        case pollQuery = "poll query database demand"
        /// Objects an incremental connector sync changes.
        case connectorChanges = "connector objects changed per sync"
        /// A portal arrival step other than the busiest (the surge is the scenario's question).
        case portalTrickle = "portal arrivals outside the surge"
    }
}

extension Scenario {
    /// `dist` scaled to mean `value` (unchanged if its mean is 0).
    @Sendable static func withMean(_ dist: Distribution, _ value: Double) -> Distribution {
        dist.mean > 0 && value > 0 ? dist.scaled(by: value / dist.mean) : dist
    }

    /// The quantity at `field`, if this scenario has it.
    public func quantity(_ field: String) -> ScenarioQuantity? {
        quantities.first { $0.field == field }
    }
}
