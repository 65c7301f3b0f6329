import ScenarioSpec

/// One input `smsim sensitivity` varies: a scenario quantity and its low and high values.
public struct SensitivityFactor: Sendable {
    public var quantity: ScenarioQuantity
    public var base: Double
    public var low: Double
    public var high: Double
    /// What a person calls it: `open-view server demand`, `think time`.
    public var label: String

    public init(quantity: ScenarioQuantity, scenario: Scenario, low: Double, high: Double) {
        self.quantity = quantity
        base = quantity.get(scenario)
        self.low = low
        self.high = high
        label = Self.label(quantity, scenario: scenario)
    }

    /// The default factors: every quantity of the scenario, ± `fraction` of its value.
    public static func defaults(for scenario: Scenario, fraction: Double = 0.2) -> [SensitivityFactor] {
        scenario.quantities.compactMap { q in
            let v = q.get(scenario)
            guard v > 0 else { return nil }
            return SensitivityFactor(quantity: q, scenario: scenario, low: v * (1 - fraction), high: v * (1 + fraction))
        }
    }

    /// `FIELD=±20%` (also `+-20%`, `20%`) or `FIELD=LOW..HIGH` in the field's unit (durations
    /// take units: `thinkTime.mean=8s..16s`). FIELD is a field path or its unique ending
    /// (`thinkTime.mean`, `requests[2].server.mean`); a request class may be named instead of
    /// numbered (`consoles.requests[search].server.mean`).
    public static func parse(_ spec: String, scenario: Scenario) throws -> SensitivityFactor {
        guard let eq = spec.firstIndex(of: "=") else {
            throw PlanningError("--vary '\(spec)': expected FIELD=±PERCENT% or FIELD=LOW..HIGH")
        }
        let quantity = try find(String(spec[..<eq]), in: scenario)
        let range = String(spec[spec.index(after: eq)...])
        let base = quantity.get(scenario)
        if range.hasSuffix("%") {
            var digits = range.dropLast()
            for prefix in ["±", "+-", "+/-"] where digits.hasPrefix(prefix) { digits = digits.dropFirst(prefix.count) }
            guard let percent = Double(digits), percent > 0, percent < 100 else {
                throw PlanningError("--vary '\(spec)': the percentage must be between 0 and 100, e.g. ±20%")
            }
            return SensitivityFactor(quantity: quantity, scenario: scenario, low: base * (1 - percent / 100), high: base * (1 + percent / 100))
        }
        let parts = range.components(separatedBy: "..")
        func value(_ text: String) -> Double? {
            quantity.unit == .seconds ? DurationSyntax.parse(text) : Double(text)
        }
        guard parts.count == 2, let low = value(parts[0]), let high = value(parts[1]), low < high, low > 0 || quantity.unit != .seconds else {
            throw PlanningError("--vary '\(spec)': expected LOW..HIGH with 0 < LOW < HIGH (e.g. 8s..16s) or ±PERCENT%")
        }
        return SensitivityFactor(quantity: quantity, scenario: scenario, low: low, high: high)
    }

    static func find(_ field: String, in scenario: Scenario) throws -> ScenarioQuantity {
        var normalized = field
        for (i, c) in scenario.consoles.requests.enumerated() {
            normalized = normalized.replacingOccurrences(of: "[\(c.name)]", with: "[\(i)]")
        }
        let all = scenario.quantities
        if let exact = all.first(where: { $0.field == normalized }) { return exact }
        let endings = all.filter { $0.field.hasSuffix("." + normalized) }
        if endings.count == 1 { return endings[0] }
        let known = all.map(\.field).joined(separator: ", ")
        throw PlanningError(endings.isEmpty ? "--vary: no field '\(field)' in scenario '\(scenario.name)'; fields: \(known)"
                                            : "--vary: '\(field)' matches \(endings.map(\.field).joined(separator: ", ")); give the full path")
    }

    static func label(_ q: ScenarioQuantity, scenario: Scenario) -> String {
        var owner = q.field.hasPrefix("consoles.logon.") ? "logon " : ""
        for step in q.yamlPath {
            if case .index(let i) = step, q.field.hasPrefix("consoles.requests[") { owner = scenario.consoles.requests[i].name + " " }
            if case .index(let i) = step, q.field.hasPrefix("workflows.recurring[") { owner = scenario.workflows.recurring[i].name + " " }
        }
        if let place = scenario.scheduledJobPlaces.first(where: { q.field.hasPrefix($0.path + ".") }) {
            owner = scenario[keyPath: place.key].name + " "
        }
        let inventory = "managementGroup.database.inventory."
        if q.field.hasPrefix(inventory) {
            // `incident rowsPerItem`, `history rowsPerChange`, `cisPerComputer`.
            var name = String(q.field.dropFirst(inventory.count))
            if case .index(let i)? = q.yamlPath.first(where: { if case .index = $0 { true } else { false } }),
               let kind = scenario.managementGroup.database.inventory?.workItems[i].kind {
                name = kind.rawValue + " " + (name.split(separator: ".").last.map(String.init) ?? name)
            }
            return name.replacingOccurrences(of: ".", with: " ")
        }
        let part: String
        switch q.group {
        case .serverDemand: part = q.field.contains("serverAfter") ? "server demand after database" : "server demand"
        case .databaseDemand: part = "database demand"
        case .workflowServerDemand: part = owner.isEmpty ? "workflow job server demand" : "job server demand"
        case .workflowDatabaseDemand: part = owner.isEmpty ? "workflow job database demand" : "job database demand"
        case .saveRate: part = "weight (saves per hour)"
        case .requestMix: part = "weight (share of requests)"
        case .demandVariability: part = q.field.hasSuffix(".database.cv") ? "database demand cv" : "server demand cv"
        case .failureTimes:
            part = q.field.hasPrefix("failures.reconnect.") ? "reconnection delay"
                : q.field.hasPrefix("failures.promotion.") ? "promotion time"
                : q.field.contains("timeToFailure") ? "time to failure" : "time to repair"
        case .pollQuery: part = "poll query database demand"
        case .connectorChanges: part = "objects changed per sync"
        case .portalTrickle:
            let step = q.yamlPath.compactMap { if case .index(let j) = $0 { j } else { nil } }.first ?? 0
            part = "portal visits an hour from " + DurationSyntax.format(scenario.portal?.arrivals[step].from ?? 0)
        case .pageReads:
            part = q.field.hasPrefix("workflows.job.") ? "workflow job page reads"
                : q.field.hasSuffix(".object.pageReads") ? "page reads per object"
                : q.field.hasPrefix("workflows.pollQuery.") ? "poll query page reads" : "page reads"
        default: part = q.group.rawValue
        }
        return owner + part
    }

    /// `scenario` with this factor at `value`, checked.
    public func apply(_ value: Double, to scenario: Scenario) throws -> Scenario {
        var s = scenario
        quantity.set(&s, value)
        do {
            try s.validate()
        } catch {
            throw PlanningError("\(quantity.field) = \(NumberFormat.literal(value)): \(error.field): \(error.message)")
        }
        return s
    }
}
