/// The plausible range of every quantity in the table of `Scenario+Quantities.swift`, by
/// what the quantity is, with the reason for each bound: one declaration, read by robust
/// answers (`check --robust`), printed by `smsim lint --assumptions`, and copied into
/// Documentation/Sources.md ("Plausible ranges"). A new group in the quantity table needs
/// its row here; the test `AssumptionRangeTests` fails until it has one.
///
/// Bounds are multiples of the scenario's value unless they are a published figure in the
/// quantity's unit. Inputs that are the planner's question (the consoles) or a product
/// setting (the poll interval) are `held`: they are not uncertain, so they are not varied.
extension Scenario {
    public static let assumptionRanges: [ScenarioQuantity.Group: AssumptionRange] = [
        .serverDemand: AssumptionRange(
            low: .times(0.75), "S-PERF's 10–12 active consoles per core read at 0.45 utilization instead of the anchor's 0.6 (a server run with more headroom)",
            high: .times(1.4), "the same 10–12 consoles per core read at 0.85, the most a sizing rule would call comfortable"),
        .databaseDemand: AssumptionRange(
            low: .times(0.5), "no published figure: an unmeasured demand is taken as known to within a factor of two (practitioner rule)",
            high: .times(2), "as the low bound: a factor of two"),
        .workflowServerDemand: AssumptionRange(
            low: .times(0.5), "no published figure: a factor of two, as for every unmeasured demand",
            high: .times(2), "a factor of two"),
        .workflowDatabaseDemand: AssumptionRange(
            low: .times(0.5), "no published figure: a factor of two, as for every unmeasured demand",
            high: .times(2), "a factor of two"),
        .thinkTime: AssumptionRange(
            low: .times(0.6), "an analyst working a queue form after form (9 s at the shipped 15 s; load-test scripts commonly use 5–10 s)",
            high: .times(2), "reading and typing between requests, 30 s at the shipped 15 s"),
        .saveRate: AssumptionRange(
            low: .times(0.8), "a quieter desk: four fifths of Test 1's 250 work items an hour from 40 consoles",
            high: .times(1.25), "Test 2's rate per console (S-HWPERF: 625 an hour from 80 consoles), 1.25 times Test 1's"),
        .workflowsPerSave: AssumptionRange(
            low: .times(0.857), "S-HWPERF: 3–4 subscriptions or templates per work item; 3 at the shipped 3.5",
            high: .times(1.143), "S-HWPERF: 4 at the shipped 3.5"),
        .pollInterval: .held("a product setting (S-WFAUTH PollingIntervalInSeconds), read from the management pack, not uncertain"),
        .consoles: .held("the planner's question, not an uncertain input"),
        .pageReads: AssumptionRange(
            low: .times(0.5), "Design.md: facts 1 and 2 both still hold with every request's reads scaled by 0.5 …",
            high: .times(2), "… and by 2 (exact MVA)"),
        .activePeriod: AssumptionRange(
            low: .times(2.0 / 3), "keeps the active share at 40 % with the idle period at its value (fact 3: active about half the time)",
            high: .times(1.5), "keeps the active share at 60 % with the idle period at its value"),
        .idlePeriod: AssumptionRange(
            low: .times(2.0 / 3), "an active share of 60 % with the active period at its value (fact 3)",
            high: .times(1.5), "an active share of 40 % with the active period at its value"),
        .idleRefresh: AssumptionRange(
            low: .times(0.5), "no published figure: a view refreshed twice as often",
            high: .times(2), "half as often"),
        .networkLatency: AssumptionRange(
            low: .times(0.5), "a LAN: half the shipped 1 ms, console and server on one switch",
            high: .times(3), "a LAN: 3 ms at the shipped 1 ms, a routed campus network"),
        .sqlMemory: .held("the database server's configuration, which the planner sets (S-HWPERF gives 8 and 32 GB)"),
        .storageReadTime: AssumptionRange(
            low: .times(0.7), "4 ms at hdd15k's 5.5 ms: D-15K's 2.0 ms rotation plus a short seek on a short-stroked volume",
            high: .times(1.8), "10 ms at 5.5 ms: the 'good' limit of the usual SQL Server read-latency rule (under 10 ms a read)"),
        .inventoryCount: .held("the planner's own count (computers, users, work items a week) or grooming setting (retention), not uncertain"),
        .cisPerComputer: AssumptionRange(
            low: .times(10.0 / 11), "S-SUPP: 10–12 CIs per computer; 10 at the shipped 11",
            high: .times(12.0 / 11), "S-SUPP: 12 at the shipped 11"),
        .rowsPerItem: AssumptionRange(
            low: .times(0.5), "no published figure per item (Test 1's 10 rows per CI is a ratio of two rounded totals): a factor of two",
            high: .times(2), "a factor of two: classes extended with more properties and relationships"),
        .bytesPerRow: AssumptionRange(
            low: .times(0.5), "no published figure: rows packed twice as densely (1 KiB at the inventory's 2 KiB)",
            high: .times(2), "4 KiB at 2 KiB: wide class rows, many indexes, half-full pages after GUID-key page splits"),
        .changeRate: AssumptionRange(
            low: .times(0.4), "2 saves per item at the shipped 5: created and updated once, as in the published tests (S-HWPERF)",
            high: .times(2), "10 saves per item: items reassigned and commented on often"),
        .workingSetAge: AssumptionRange(
            low: .times(0.5), "7 days at 14: analysts' views show only open items and the last days' closures",
            high: .times(2), "28 days at 14: month-long open items and monthly reviews"),
        .coldReads: AssumptionRange(
            low: .times(0.2), "1 % at 5 %: searches and reports rarely reach back past the working set",
            high: .times(3), "15 % at 5 %: frequent searches over closed items and reports run against the live database"),
        // The second table (Scenario+AssumedQuantities.swift): varied by robust answers only.
        .requestMix: AssumptionRange(
            low: .times(0.8), "the mix of views, forms and searches is Test 1's script, not a measured desk: a fifth fewer of this kind",
            high: .times(1.25), "a quarter more of this kind (the same factor as the saves' range)"),
        .demandVariability: AssumptionRange(
            low: .times(0.75), "no published figure for any demand's spread: three quarters of the assumed cv, a steadier mix",
            high: .times(1.5), "half again the assumed cv: a heavier tail, as a few large views or searches give"),
        .roundTrips: AssumptionRange(
            low: .times(0.5), "no published figure: half the assumed round trips (batched calls), at least one",
            high: .times(2), "twice as many (a chatty form or view); matters only on slow networks"),
        .failureTimes: AssumptionRange(
            low: .times(0.5), "no published figure: an operator or a client that reacts twice as fast",
            high: .times(2), "one that takes twice as long (promoting a server is a manual procedure)"),
        .workflowConcurrency: AssumptionRange(
            low: .times(0.5), "no published figure for the workflow host's parallel jobs: half the assumed 4",
            high: .times(2), "twice the assumed 4"),
        .popularity: AssumptionRange(
            low: .value(0.7), "a flatter access pattern: Zipf exponents of web and database page requests are commonly measured between 0.6 and 1",
            high: .value(1.1), "a more skewed one: a small hot set of recent work items"),
        .workflowRules: AssumptionRange(
            low: .times(0.5), "the scenario's own comment: dozens to hundreds of rules; half the assumed count",
            high: .times(3), "three times the assumed count: a group with hundreds of subscriptions"),
        .pollQuery: AssumptionRange(
            low: .times(0.5), "no published figure: a factor of two, as for every unmeasured demand",
            high: .times(2), "a factor of two"),
        .connectorChanges: AssumptionRange(
            low: .times(0.1), "S-PERF: syncs after the initial one have no measurable impact; a tenth of the assumed count (0.1 % of the objects at smsim plan's 1 %)",
            high: .times(5), "no published figure: five times the assumed count (5 % of the objects at 1 %), the sync after a bulk change such as a reorganisation"),
        .portalTrickle: AssumptionRange(
            low: .times(0.5), "no published figure: S-PERF describes only the surge (hundreds of users in 5–10 minutes); half the assumed rate around it",
            high: .times(2), "twice the assumed rate: late arrivals and users coming back after the surge"),
    ]

    /// Requests a console makes in an hour of `smsim plan`'s busy hour, which turns the
    /// planner's work items an hour into save weights: one per 15 s think time plus the answer.
    /// Not a scenario quantity; the plan writes the save weights' range from it into the
    /// scenario's `assumptions:` block.
    public static let requestsPerConsoleHourRange = AssumptionRange(
        low: .value(190), "3600 s / (15 s think + 4 s answer): every answer as slow as the 4 s p95 goal [F13]",
        high: .value(232), "3600 s / (15 s think + 0.5 s answer): answers half as long as the assumed 1 s")

    /// A wide-area network (50 ms or more a round trip) has its own range: S-HWPERF's band.
    public static let wanLatencyRange = AssumptionRange(
        low: .value(0.150), "S-HWPERF: the 150–200 ms band it calls usable, low end",
        high: .value(0.200), "S-HWPERF: the band's high end; over 200 ms it calls poor")

    /// The range of `quantity` in this scenario: its own `assumptions:` entry, else the
    /// declared range of its group; nil if neither exists (a group without a row).
    public func assumptionRange(for quantity: ScenarioQuantity) -> AssumptionRange? {
        if let own = assumptions.first(where: { Self.names(resolvingClassNames($0.field), quantity.field) }),
           let low = AssumptionOverride.bound(own.low, unit: quantity.unit),
           let high = AssumptionOverride.bound(own.high, unit: quantity.unit) {
            return AssumptionRange(low: low, own.reason, high: high, own.reason)
        }
        if quantity.group == .networkLatency, quantity.get(self) >= 0.05 { return Self.wanLatencyRange }
        return Self.assumptionRanges[quantity.group]
    }

    /// Whether `written` (a path or its ending after a dot) names `field`.
    static func names(_ written: String, _ field: String) -> Bool {
        written == field || field.hasSuffix("." + written)
    }
}
